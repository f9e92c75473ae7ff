"""Which site this device numbers its revisions as: a new one whenever numbers could repeat.

A revision is named (site_id, seq) and receivers refuse a second revision under a name
they hold ("possible tampering"). A laptop whose database starts anew, or goes back in
time (an older copy restored), would number its next revisions again from the old
maximum, so before its first revision it takes a new site identity. The device key
stays (coordinators trust the key): a site is the key's fingerprint's first 20 hex
digits, which tie it to the key, then 12 of its own (the first site keeps the
fingerprint's, so nothing changes for a laptop that was never reset).

A database starts anew when it is created beside a key that already existed. It went
back in time when the highest seq it holds of its site is below the highest this user's
account ever issued for that site (a ledger per key in the user's state folder, outside
the data folder, so restoring the data folder does not restore it), or below what a peer
acknowledged holding (the proof of a restore made on another machine), or when this
account has no record of issuing the numbers the database holds (a folder restored on
another machine, before any coordinator's acknowledgement arrived).
"""

from __future__ import annotations

import json
import logging
import secrets
import sqlite3
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from fieldkit import paths
from fieldkit.files import atomic_write, private_folder
from fieldkit.store import tables
from fieldkit.store.connection import count

log = logging.getLogger(__name__)

SITE_SETTING = "site_id"
BOUND_HEX = 20  # the fingerprint digits a site keeps: 80 bits tie it to its key


def new_site_id(fingerprint: str) -> str:
    return fingerprint[:BOUND_HEX] + secrets.token_hex((32 - BOUND_HEX) // 2)


def ledger_dir() -> Path:
    return paths.state_dir()


class IssuedLedger:
    """Per site of one key, the highest seq this user account ever issued. Best effort:
    a ledger that cannot be read or written only loses the restore check it serves."""

    def __init__(self, fingerprint: str, folder: Path | None = None):
        self.path = (folder or ledger_dir()) / "sites" / f"{fingerprint}.json"
        self._issued: dict[str, int] | None = None  # read once: a store is its only writer while open

    def issued(self) -> dict[str, int]:
        if self._issued is None:
            try:
                held = json.loads(self.path.read_text(encoding="utf-8"))
                self._issued = {site: seq for site, seq in held.items() if isinstance(seq, int)}
            except (OSError, ValueError, AttributeError):
                self._issued = {}
        return dict(self._issued)

    def record(self, site_id: str, seq: int) -> None:
        """Runs after every save, on the writer thread: no fsync (a ledger a crash leaves a
        little behind the database only misses a restore it would never have to see)."""
        issued = self.issued()
        if issued.get(site_id, 0) >= seq:
            return
        issued[site_id] = seq
        self._issued = {**(self._issued or {}), site_id: seq}
        try:
            private_folder(self.path.parent)
            atomic_write(self.path, json.dumps(issued, sort_keys=True), private=True, durable=False)
        except OSError as error:
            log.warning("cannot record the sequence numbers issued in %s: %s", self.path, error)


def highest_held(connection: sqlite3.Connection, site_id: str) -> int:
    return count(connection, "SELECT coalesce(max(seq), 0) FROM revisions WHERE site_id = ?", (site_id,))


def highest_acknowledged(connection: sqlite3.Connection, site_id: str) -> int:
    """The most of `site_id` any peer ever said it holds: not what peers hold now (a peer
    restored from a backup says less later), but proof the numbers were issued."""
    return count(connection, "SELECT coalesce(max(highest), 0) FROM peer_acks WHERE site_id = ?", (site_id,))


def choose_site(connection: sqlite3.Connection, fingerprint: str, ledger: IssuedLedger, *,
                new_database: bool, new_key: bool) -> str:
    """The site this database issues its next revisions as (a new one when needed)."""
    current = tables.get_setting(connection, SITE_SETTING)
    if current is None:
        if new_database:
            return fingerprint[:32] if new_key else new_site_id(fingerprint)
        current = fingerprint[:32]  # a database from before sites were recorded
    if restored(connection, current, ledger) or came_from_elsewhere(connection, current, ledger):
        return new_site_id(fingerprint)
    return str(current)


def came_from_elsewhere(connection: sqlite3.Connection, site_id: str, ledger: IssuedLedger) -> bool:
    """The database holds revisions of `site_id` that this user account has no record of
    issuing: a data folder restored on another machine (its ledger stayed on the old one).
    Its copy may be older than what coordinators hold, so a new site is the safe choice;
    checked when the store opens only, so a ledger that cannot be written costs one new
    site a start, not one a revision."""
    return highest_held(connection, site_id) > 0 and site_id not in ledger.issued()


def restored(connection: sqlite3.Connection, site_id: str, ledger: IssuedLedger) -> bool:
    """Numbers of `site_id` were issued (or acknowledged by a peer) beyond what this
    database holds: it is an older copy."""
    held = highest_held(connection, site_id)
    return max(ledger.issued().get(site_id, 0), highest_acknowledged(connection, site_id)) > held


def adopt_site(connection: sqlite3.Connection, *, site_id: str, fingerprint: str, public_key: bytes,
               name: str) -> None:
    """Record `site_id` as this database's site (in the writer's transaction)."""
    previous = tables.get_setting(connection, SITE_SETTING)
    tables.put_setting(connection, SITE_SETTING, site_id)
    tables.remember_device(connection, site_id=site_id, fingerprint=fingerprint, public_key=public_key,
                           name=name, trusted=True)
    if previous not in (None, site_id):
        tables.audit(connection, author=name, action="new_site", record_id=None,
                     detail={"site_id": site_id, "previous": previous})


def remember_sites(connection: sqlite3.Connection, manifest: Mapping[str, Any]) -> None:
    """A receiver's rows for the sites a bundle's manifest declares for its signer and the
    signers it relays (each checked to be one of its key's sites)."""
    import base64

    for signer in [{"public_key": manifest.get("public_key"), "site_id": manifest.get("site_id")},
                   *(manifest.get("signers") or [])]:
        try:
            key = base64.b64decode(signer["public_key"], validate=True)
            site = signer.get("site_id")
        except (KeyError, TypeError, ValueError, AttributeError):
            continue
        remember_site(connection, site_id=site, public_key=key)


def remember_site(connection: sqlite3.Connection, *, site_id: str, public_key: bytes) -> None:
    """A receiver's row for another site of a known key: the same trust as the key's
    other sites (revoked stays revoked), or not trusted when the key is new here; trusting
    or revoking the key (by fingerprint) then covers every site of it."""
    from fieldkit.store.identity import fingerprint_of, site_belongs_to

    if not site_belongs_to(site_id, public_key):
        return
    fingerprint = fingerprint_of(public_key)
    connection.execute(
        "INSERT OR IGNORE INTO devices (site_id, fingerprint, public_key, name, first_seen, trusted, revoked) "
        "SELECT ?, fingerprint, coalesce(public_key, ?), name, first_seen, trusted, revoked FROM devices "
        "WHERE fingerprint = ? ORDER BY revoked DESC LIMIT 1", (site_id, public_key, fingerprint))
    connection.execute(
        "INSERT OR IGNORE INTO devices (site_id, fingerprint, public_key, name, first_seen, trusted, revoked) "
        "VALUES (?, ?, ?, '', ?, 0, 0)", (site_id, fingerprint, public_key, tables.utc_now()))
