"""The devices a store knows (the `devices` table) and how far it trusts each.

Trust is kept by key fingerprint: a key may number its revisions as several sites
(fieldkit.store.sites), one row each, and trusting or revoking the fingerprint covers
every row of it. A revoked key stays revoked; what it sent before stays stored.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from enum import StrEnum

from fieldkit.store.tables import utc_now


class Trust(StrEnum):
    TRUSTED = "trusted"
    REVOKED = "revoked"
    UNKNOWN = "unknown"


def _trust(*, trusted: int, revoked: int) -> Trust:
    if revoked:
        return Trust.REVOKED
    return Trust.TRUSTED if trusted else Trust.UNKNOWN


@dataclass(frozen=True)
class ClockSkew:
    """A device's clock found far ahead of the receiver's: flagged, not adopted."""
    hlc: str  # the device's latest time in the bundle
    receiver_ms: int  # the receiver's wall clock then
    at: str

    def as_dict(self) -> dict[str, str | int]:
        return {"hlc": self.hlc, "receiver_ms": self.receiver_ms, "at": self.at}


def _clock_skew(text: str | None) -> ClockSkew | None:
    return ClockSkew(**json.loads(text)) if text else None


@dataclass(frozen=True)
class Device:
    site_id: str
    fingerprint: str
    name: str
    first_seen: str
    trust: Trust
    clock_skew: ClockSkew | None


def device_trust(connection: sqlite3.Connection, *, fingerprint: str) -> Trust:
    row = connection.execute("SELECT trusted, revoked FROM devices WHERE fingerprint = ?", (fingerprint,)).fetchone()
    return Trust.UNKNOWN if row is None else _trust(trusted=row[0], revoked=row[1])


def _insert_unknown(connection: sqlite3.Connection, *, fingerprint: str, public_key: bytes | None,
                    name: str) -> None:
    """The row of a key's first site (its fingerprint's first 32 digits), not trusted by this."""
    connection.execute(
        "INSERT OR IGNORE INTO devices (site_id, fingerprint, public_key, name, first_seen, trusted, revoked) "
        "VALUES (?, ?, ?, ?, ?, 0, 0)", (fingerprint[:32], fingerprint, public_key, name, utc_now()))


def remember_key(connection: sqlite3.Connection, *, fingerprint: str, public_key: bytes, name: str) -> None:
    """Record a device seen in a bundle (not trusted by this); fill in a key trusted by fingerprint."""
    _insert_unknown(connection, fingerprint=fingerprint, public_key=public_key, name=name)
    connection.execute("UPDATE devices SET public_key = ?, name = coalesce(nullif(name, ''), ?) "
                       "WHERE fingerprint = ? AND public_key IS NULL", (public_key, name, fingerprint))


def record_trust(connection: sqlite3.Connection, *, fingerprint: str, trusted: bool,
                 public_key: bytes | None = None, name: str = "") -> None:
    """Trust (or revoke) a key by fingerprint, every site of it; its key when given."""
    _insert_unknown(connection, fingerprint=fingerprint, public_key=public_key, name=name)
    connection.execute("UPDATE devices SET trusted = ?, revoked = ?, changed = ? WHERE fingerprint = ?",
                       (int(trusted), int(not trusted), utc_now(), fingerprint))
    if public_key is not None:
        connection.execute("UPDATE devices SET public_key = coalesce(public_key, ?) WHERE fingerprint = ?",
                           (public_key, fingerprint))


def site_keys(connection: sqlite3.Connection) -> dict[str, bytes]:
    """site_id -> raw Ed25519 public key, of every site whose key is known."""
    return {site_id: bytes(key) for site_id, key in connection.execute(
        "SELECT site_id, public_key FROM devices WHERE public_key IS NOT NULL")}


def trusted_sites(connection: sqlite3.Connection) -> set[str]:
    """The sites whose revisions are stored (this device's own are trusted from the start)."""
    return {row[0] for row in connection.execute("SELECT site_id FROM devices WHERE trusted = 1 AND revoked = 0")}


def revoked_sites(connection: sqlite3.Connection) -> set[str]:
    return {row[0] for row in connection.execute("SELECT site_id FROM devices WHERE revoked = 1")}


def known_devices(connection: sqlite3.Connection) -> list[Device]:
    """Every site known, first seen first."""
    rows = connection.execute("SELECT site_id, fingerprint, name, first_seen, trusted, revoked, clock_skew "
                              "FROM devices ORDER BY first_seen").fetchall()
    return [Device(site_id=site_id, fingerprint=fingerprint, name=name, first_seen=first_seen,
                   trust=_trust(trusted=trusted, revoked=revoked), clock_skew=_clock_skew(skew))
            for site_id, fingerprint, name, first_seen, trusted, revoked, skew in rows]


def device_names(connection: sqlite3.Connection) -> dict[str, str]:
    """site_id -> the device's name, for every site known."""
    return dict(connection.execute("SELECT site_id, name FROM devices").fetchall())


def flag_clock_skew(connection: sqlite3.Connection, *, site_id: str, hlc: str, receiver_ms: int) -> None:
    connection.execute("UPDATE devices SET clock_skew = ? WHERE site_id = ?",
                       (json.dumps({"hlc": hlc, "receiver_ms": receiver_ms, "at": utc_now()}), site_id))
