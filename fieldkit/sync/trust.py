"""Which devices a coordinator accepts bundles from, and what it remembers about peers.

Trust is by key fingerprint (SHA-256 of the Ed25519 public key), read aloud or compared
on both laptops. A fingerprint can be trusted before its device's first bundle arrives;
the key itself then comes with the bundle and must hash to it. Revoking keeps what was
already imported (no action loses data) and refuses anything new from that key.

Trust is decided per signer of each revision, not per bundle: a trusted laptop may relay
the revisions of others (each signed by its own device), and those of a device not
trusted here wait in `pending_revisions` until it is (fieldkit.sync.apply), as its own
bundles wait in quarantine.
"""

from __future__ import annotations

import json
import sqlite3

from fieldkit.store.tables import utc_now

TRUSTED, REVOKED, UNKNOWN = "trusted", "revoked", "unknown"


def device_state(connection: sqlite3.Connection, fingerprint: str) -> str:
    row = connection.execute("SELECT trusted, revoked FROM devices WHERE fingerprint = ?", (fingerprint,)).fetchone()
    if row is None:
        return UNKNOWN
    if row[1]:
        return REVOKED
    return TRUSTED if row[0] else UNKNOWN


def remember_key(connection: sqlite3.Connection, *, fingerprint: str, public_key: bytes, name: str) -> None:
    """Record a device seen in a bundle (not trusted by this); fill in a key trusted by fingerprint."""
    connection.execute(
        "INSERT OR IGNORE INTO devices (site_id, fingerprint, public_key, name, first_seen, trusted, revoked) "
        "VALUES (?, ?, ?, ?, ?, 0, 0)", (fingerprint[:32], fingerprint, public_key, name, utc_now()))
    connection.execute("UPDATE devices SET public_key = ?, name = coalesce(nullif(name, ''), ?) "
                       "WHERE fingerprint = ? AND public_key IS NULL", (public_key, name, fingerprint))


def set_trust(connection: sqlite3.Connection, *, fingerprint: str, trusted: bool, public_key: bytes | None = None,
              name: str = "") -> None:
    connection.execute(
        "INSERT OR IGNORE INTO devices (site_id, fingerprint, public_key, name, first_seen, trusted, revoked) "
        "VALUES (?, ?, ?, ?, ?, 0, 0)", (fingerprint[:32], fingerprint, public_key, name, utc_now()))
    connection.execute("UPDATE devices SET trusted = ?, revoked = ?, changed = ? WHERE fingerprint = ?",
                       (int(trusted), int(not trusted), utc_now(), fingerprint))
    if public_key is not None:
        connection.execute("UPDATE devices SET public_key = coalesce(public_key, ?) WHERE fingerprint = ?",
                           (public_key, fingerprint))


def site_keys(connection: sqlite3.Connection) -> dict[str, bytes]:
    return {site_id: bytes(key) for site_id, key in connection.execute(
        "SELECT site_id, public_key FROM devices WHERE public_key IS NOT NULL")}


def trusted_sites(connection: sqlite3.Connection) -> set[str]:
    """The devices whose revisions are stored (this one is trusted from the start)."""
    return {row[0] for row in connection.execute("SELECT site_id FROM devices WHERE trusted = 1 AND revoked = 0")}


def awaiting_trust(connection: sqlite3.Connection) -> dict[str, int]:
    """site_id -> revisions relayed by others that wait until that device is trusted."""
    return dict(connection.execute(
        "SELECT p.site_id, count(*) FROM pending_revisions p LEFT JOIN devices d ON d.site_id = p.site_id "
        "WHERE coalesce(d.trusted, 0) = 0 OR d.revoked = 1 GROUP BY p.site_id").fetchall())


def revoked_sites(connection: sqlite3.Connection) -> set[str]:
    return {row[0] for row in connection.execute("SELECT site_id FROM devices WHERE revoked = 1")}


def devices(connection: sqlite3.Connection) -> list[dict]:
    rows = connection.execute("SELECT site_id, fingerprint, name, first_seen, trusted, revoked, clock_skew "
                              "FROM devices ORDER BY first_seen").fetchall()
    waiting = awaiting_trust(connection)
    return [{"site_id": site_id, "fingerprint": fingerprint, "name": name, "first_seen": first_seen,
             "state": REVOKED if revoked else TRUSTED if trusted else UNKNOWN,
             "clock_skew": json.loads(skew) if skew else None, "awaiting_trust": waiting.get(site_id, 0)}
            for site_id, fingerprint, name, first_seen, trusted, revoked, skew in rows]


def quarantine(connection: sqlite3.Connection, *, bundle_id: str, fingerprint: str, device_name: str, file: str,
               size: int) -> None:
    connection.execute("INSERT OR IGNORE INTO quarantine (bundle_id, fingerprint, site_id, device_name, file, size, "
                       "received) VALUES (?, ?, ?, ?, ?, ?, ?)",
                       (bundle_id, fingerprint, fingerprint[:32], device_name, file, size, utc_now()))


def quarantined(connection: sqlite3.Connection, fingerprint: str | None = None) -> list[dict]:
    where, parameters = ("WHERE fingerprint = ?", (fingerprint,)) if fingerprint else ("", ())
    cursor = connection.execute(f"SELECT * FROM quarantine {where} ORDER BY received", parameters)
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


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


def flag_clock_skew(connection: sqlite3.Connection, *, site_id: str, hlc: str, receiver_ms: int) -> None:
    connection.execute("UPDATE devices SET clock_skew = ? WHERE site_id = ?",
                       (json.dumps({"hlc": hlc, "receiver_ms": receiver_ms, "at": utc_now()}), site_id))
