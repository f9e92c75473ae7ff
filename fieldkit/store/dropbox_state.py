"""What this device knows of each drop box (schema v3: dropbox_seen, dropbox_pushed,
receipts), for one sync pass (fieldkit.services.network_sync).

Bookkeeping only: losing any of it costs a bigger sync, never data. Vectors (per site, a
seq) are stored as JSON. The receipt this device last wrote in a drop box is kept in
`receipts` too, under its own site id: the pass compares the store's holdings with it to
tell whether a new receipt is due, and readers of others' receipts leave this device's
own sites out (`own_prefix`).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass

from fieldkit.store.sites import BOUND_HEX
from fieldkit.store.tables import utc_now

Vector = dict[str, int]  # site_id -> seq


@dataclass(frozen=True)
class PushedBundle:
    """A bundle this device put in a drop box: it holds every revision of each site in (base, holds]."""

    bundle_id: str
    base: Vector
    holds: Vector


@dataclass(frozen=True)
class KeptReceipt:
    """A checked receipt of a trusted device, as last read in a drop box."""

    remote: str
    site_id: str
    device: str
    created: str
    holds: Vector


def key_prefix(fingerprint_or_site: str) -> str:
    """What ties a site to its key: the key fingerprint's first BOUND_HEX digits."""
    return fingerprint_or_site[:BOUND_HEX]


# -- seen ----------------------------------------------------------------------------------

def seen_paths(connection: sqlite3.Connection, *, remote: str) -> set[str]:
    return {row[0] for row in connection.execute("SELECT path FROM dropbox_seen WHERE remote = ?", (remote,))}


def seen_sizes(connection: sqlite3.Connection, *, remote: str) -> dict[str, int]:
    """path -> its size when it was seen: the same name listed with another size is another file."""
    return dict(connection.execute("SELECT path, size FROM dropbox_seen WHERE remote = ?", (remote,)))


def seen_sizes_in_folder(connection: sqlite3.Connection, *, remote: str, folder: str) -> dict[str, int]:
    """seen_sizes of the files under one top folder (`folder`/...) only: a range of the
    primary key, so one device's folder is read without the others' rows."""
    return dict(connection.execute("SELECT path, size FROM dropbox_seen WHERE remote = ? AND path >= ? AND path < ?",
                                   (remote, f"{folder}/", f"{folder}0")))  # "0" follows "/"


def mark_seen(connection: sqlite3.Connection, *, remote: str, files: Iterable[tuple[str, int]]) -> None:
    """(path, size) of bundles fetched and imported (or refused) from `remote`."""
    now = utc_now()
    connection.executemany("INSERT OR REPLACE INTO dropbox_seen (remote, path, size, at) VALUES (?, ?, ?, ?)",
                           [(remote, path, size, now) for path, size in files])


# -- pushed --------------------------------------------------------------------------------

def pushed_bundles(connection: sqlite3.Connection, *, remote: str) -> list[PushedBundle]:
    rows = connection.execute("SELECT bundle_id, base, holds FROM dropbox_pushed WHERE remote = ? ORDER BY at",
                              (remote,))
    return [PushedBundle(bundle_id=bundle_id, base=json.loads(base), holds=json.loads(holds))
            for bundle_id, base, holds in rows]


def record_pushed(connection: sqlite3.Connection, *, remote: str, bundle_id: str, base: Mapping[str, int],
                  holds: Mapping[str, int], count: int) -> None:
    connection.execute("INSERT OR REPLACE INTO dropbox_pushed (remote, bundle_id, base, holds, count, at) "
                       "VALUES (?, ?, ?, ?, ?, ?)",
                       (remote, bundle_id, json.dumps(dict(base), sort_keys=True),
                        json.dumps(dict(holds), sort_keys=True), count, utc_now()))


def forget_pushed(connection: sqlite3.Connection, *, remote: str, bundle_ids: Iterable[str]) -> None:
    """Bundles no longer listed in the drop box (removed by someone, or never put)."""
    connection.executemany("DELETE FROM dropbox_pushed WHERE remote = ? AND bundle_id = ?",
                           [(remote, bundle_id) for bundle_id in bundle_ids])


# -- receipts ------------------------------------------------------------------------------

def keep_receipt(connection: sqlite3.Connection, *, remote: str, site_id: str, device: str, created: str,
                 holds: Mapping[str, int]) -> None:
    connection.execute("INSERT OR REPLACE INTO receipts (remote, site_id, device, created, holds, read_at) "
                       "VALUES (?, ?, ?, ?, ?, ?)",
                       (remote, site_id, device, created, json.dumps(dict(holds), sort_keys=True), utc_now()))


def kept_receipts(connection: sqlite3.Connection, *, own_prefix: str, remote: str | None = None) -> list[KeptReceipt]:
    """Others' receipts (of every drop box, or of `remote`), this device's own left out."""
    sql = "SELECT remote, site_id, device, created, holds FROM receipts WHERE substr(site_id, 1, ?) != ?"
    parameters: list[object] = [BOUND_HEX, own_prefix]
    if remote is not None:
        sql += " AND remote = ?"
        parameters.append(remote)
    return [KeptReceipt(remote=row[0], site_id=row[1], device=row[2], created=row[3], holds=json.loads(row[4]))
            for row in connection.execute(sql + " ORDER BY remote, site_id", parameters)]


# -- trust and this device's revisions -----------------------------------------------------

def trusted_keys(connection: sqlite3.Connection) -> dict[str, bytes | None]:
    """Key prefix (key_prefix) -> the raw Ed25519 key (None until known) of every trusted,
    unrevoked device: a drop box folder is trusted when its name starts with one."""
    keys: dict[str, bytes | None] = {}
    for fingerprint, public_key in connection.execute(
            "SELECT fingerprint, public_key FROM devices WHERE trusted = 1 AND revoked = 0 ORDER BY site_id"):
        if keys.get(key_prefix(fingerprint)) is None:
            keys[key_prefix(fingerprint)] = None if public_key is None else bytes(public_key)
    return keys


def own_latest_seqs(connection: sqlite3.Connection, *, own_prefix: str, record_id: str | None = None,
                    record_ids: Collection[str] | None = None) -> dict[str, Vector]:
    """record_id -> (site -> the highest seq of this device's revisions of it), for each
    record this device (any site of its key) revised; only `record_id`, or those of
    `record_ids` (a commune's few), when given."""
    wanted = [record_id] if record_id is not None else list(record_ids) if record_ids is not None else None
    sql = ("SELECT record_id, site_id, max(seq) FROM revisions WHERE substr(site_id, 1, ?) = ?"
           + ("" if wanted is None else f" AND record_id IN ({', '.join('?' * len(wanted))})")
           + " GROUP BY record_id, site_id")
    parameters: list[object] = [BOUND_HEX, own_prefix, *(wanted or [])]
    found: dict[str, Vector] = {}
    for record, site_id, seq in connection.execute(sql, parameters):
        found.setdefault(record, {})[site_id] = seq
    return found


def attachment_bytes_beyond(connection: sqlite3.Connection, *, covered: Mapping[str, int]) -> int:
    """The bytes of the distinct attachments (blobs) that the revisions beyond `covered`
    (per site, a seq) name: what a bundle of those revisions carries besides them."""
    clauses = " AND ".join("NOT (site_id = ? AND seq <= ?)" for _site in covered) or "1"
    parameters = [value for site_id, seq in covered.items() for value in (site_id, seq)]
    row = connection.execute(
        "SELECT coalesce(sum(size), 0) FROM blobs WHERE sha256 IN ("
        " SELECT attachment.value FROM revisions, json_each(revisions.data, '$.attachments') AS attachment"
        f" WHERE {clauses})", parameters).fetchone()
    return int(row[0])
