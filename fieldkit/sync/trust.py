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

from fieldkit.store import pending
from fieldkit.store import quarantine as quarantine_table
from fieldkit.store import trust as trust_table
from fieldkit.store.trust import Trust

TRUSTED, REVOKED, UNKNOWN = Trust.TRUSTED, Trust.REVOKED, Trust.UNKNOWN
site_keys = trust_table.site_keys


def device_state(connection: sqlite3.Connection, fingerprint: str) -> Trust:
    return trust_table.device_trust(connection, fingerprint=fingerprint)


def set_trust(connection: sqlite3.Connection, *, fingerprint: str, trusted: bool, public_key: bytes | None = None,
              name: str = "") -> None:
    trust_table.record_trust(connection, fingerprint=fingerprint, trusted=trusted, public_key=public_key, name=name)


def devices(connection: sqlite3.Connection) -> list[dict[str, object]]:
    """Every site known, first seen first, with the revisions that wait for its trust."""
    waiting = pending.awaiting_trust(connection)
    return [{"site_id": device.site_id, "fingerprint": device.fingerprint, "name": device.name,
             "first_seen": device.first_seen, "state": device.trust.value,
             "clock_skew": device.clock_skew.as_dict() if device.clock_skew else None,
             "awaiting_trust": waiting.get(device.site_id, 0)}
            for device in trust_table.known_devices(connection)]


def quarantined(connection: sqlite3.Connection,
                fingerprint: str | None = None) -> list[dict[str, str | int | None]]:
    """The bundles kept aside (of one key, when given), oldest first, as rows."""
    return [bundle.as_dict() for bundle in quarantine_table.quarantined_bundles(connection, fingerprint=fingerprint)]
