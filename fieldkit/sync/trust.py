"""Which devices a coordinator accepts bundles from, and what it remembers about peers.

Trust is by key fingerprint (SHA-256 of the Ed25519 public key), read aloud or compared
on both laptops. A fingerprint can be trusted before its device's first bundle arrives;
the key itself then comes with the bundle and must hash to it. Revoking keeps what was
already imported (no action loses data) and refuses anything new from that key.

Trust is decided per signer of each revision, not per bundle: a trusted laptop may relay
the revisions of others (each signed by its own device), and those of a device not
trusted here wait in `pending_revisions` until it is (fieldkit.sync.apply), as its own
bundles wait in quarantine. The tables are read and written by fieldkit.store.trust,
.pending and .quarantine; this module gives the coordinator's screens their rows.
"""

from __future__ import annotations

import sqlite3

from fieldkit.store import quarantine as quarantine_table
from fieldkit.store import trust as trust_table
from fieldkit.store.tables import utc_now
from fieldkit.store.trust import Trust

TRUSTED, REVOKED, UNKNOWN = Trust.TRUSTED, Trust.REVOKED, Trust.UNKNOWN
site_keys = trust_table.site_keys


def device_state(connection: sqlite3.Connection, fingerprint: str) -> Trust:
    return trust_table.device_trust(connection, fingerprint=fingerprint)


def set_trust(connection: sqlite3.Connection, *, fingerprint: str, trusted: bool, public_key: bytes | None = None,
              name: str = "") -> None:
    trust_table.record_trust(connection, fingerprint=fingerprint, trusted=trusted, public_key=public_key, name=name)


def awaiting_trust(connection: sqlite3.Connection) -> dict[str, int]:
    """site_id -> revisions relayed by others that wait until that device is trusted."""
    return dict(connection.execute(
        "SELECT p.site_id, count(*) FROM pending_revisions p LEFT JOIN devices d ON d.site_id = p.site_id "
        "WHERE coalesce(d.trusted, 0) = 0 OR d.revoked = 1 GROUP BY p.site_id").fetchall())


def devices(connection: sqlite3.Connection) -> list[dict[str, object]]:
    """Every site known, first seen first, with the revisions that wait for its trust."""
    waiting = awaiting_trust(connection)
    return [{"site_id": device.site_id, "fingerprint": device.fingerprint, "name": device.name,
             "first_seen": device.first_seen, "state": device.trust.value,
             "clock_skew": device.clock_skew.as_dict() if device.clock_skew else None,
             "awaiting_trust": waiting.get(device.site_id, 0)}
            for device in trust_table.known_devices(connection)]


def quarantined(connection: sqlite3.Connection,
                fingerprint: str | None = None) -> list[dict[str, str | int | None]]:
    """The bundles kept aside (of one key, when given), oldest first, as rows."""
    return [bundle.as_dict() for bundle in quarantine_table.quarantined_bundles(connection, fingerprint=fingerprint)]


def acknowledge(connection: sqlite3.Connection, *, peer: str, vector: dict[str, int]) -> None:
    """`peer` says it holds each site's revisions up to seq: never moves back."""
    for site_id, seq in vector.items():
        connection.execute(
            "INSERT INTO peer_acks (peer, site_id, seq, updated) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (peer, site_id) DO UPDATE SET seq = max(seq, excluded.seq), updated = excluded.updated",
            (peer, site_id, int(seq), utc_now()))


def acknowledged(connection: sqlite3.Connection, peer: str | None = None) -> dict[str, int]:
    """What `peer` holds; with no peer, what every known peer holds (nothing if none is known)."""
    if peer is not None:
        return dict(connection.execute("SELECT site_id, seq FROM peer_acks WHERE peer = ?", (peer,)).fetchall())
    peers = [row[0] for row in connection.execute("SELECT DISTINCT peer FROM peer_acks")]
    vectors = [acknowledged(connection, peer) for peer in peers]
    if not vectors:
        return {}
    return {site_id: min(vector.get(site_id, 0) for vector in vectors) for site_id in set().union(*vectors)}


def holdings(connection: sqlite3.Connection) -> dict[str, int]:
    """Per site, the highest seq up to which this store holds every revision (no gap)."""
    vector = {}
    for site_id, count, highest in connection.execute("SELECT site_id, count(*), max(seq) FROM revisions "
                                                      "GROUP BY site_id"):
        if count == highest:
            vector[site_id] = highest
        else:
            seqs = [row[0] for row in connection.execute("SELECT seq FROM revisions WHERE site_id = ? ORDER BY seq",
                                                         (site_id,))]
            vector[site_id] = next((index for index, seq in enumerate(seqs) if seq != index + 1), len(seqs))
    return vector
