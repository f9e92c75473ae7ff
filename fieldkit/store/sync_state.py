"""What a store's sync state is made of: its counts, what its state digest reads, the
records in conflict, and the bundles imported (fieldkit.sync.status reports them).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass

from fieldkit.store.tables import utc_now


@dataclass(frozen=True)
class SyncCounts:
    revisions: int
    records: int  # not deleted
    deleted: int
    conflicts: int  # records with more than one live head
    waiting: int  # pending revisions, whatever they wait for
    quarantined: int  # bundles
    tampering: int  # pieces of evidence
    devices: int  # sites known
    trusted_devices: int
    revoked_devices: int


_COUNTS = {
    "revisions": "SELECT count(*) FROM revisions",
    "records": "SELECT count(*) FROM records WHERE deleted = 0",
    "deleted": "SELECT count(*) FROM records WHERE deleted = 1",
    "conflicts": "SELECT count(*) FROM records WHERE conflicts > 0",
    "waiting": "SELECT count(*) FROM pending_revisions",
    "quarantined": "SELECT count(*) FROM quarantine",
    "tampering": "SELECT count(*) FROM tampering",
    "devices": "SELECT count(*) FROM devices",
    "trusted_devices": "SELECT count(*) FROM devices WHERE trusted = 1 AND revoked = 0",
    "revoked_devices": "SELECT count(*) FROM devices WHERE revoked = 1",
}


def sync_counts(connection: sqlite3.Connection) -> SyncCounts:
    return SyncCounts(**{name: connection.execute(sql).fetchone()[0] for name, sql in _COUNTS.items()})


def sorted_rev_ids(connection: sqlite3.Connection) -> Iterator[str]:
    """Every stored revision's id, in order, as they are read."""
    for (rev_id,) in connection.execute("SELECT rev_id FROM revisions ORDER BY rev_id"):
        yield rev_id


def sorted_record_heads(connection: sqlite3.Connection) -> Iterator[tuple[str, list[str]]]:
    """(record_id, its heads) of every record, by record id, as they are read."""
    for record_id, heads in connection.execute("SELECT record_id, heads FROM records ORDER BY record_id"):
        yield record_id, json.loads(heads)


def conflicted_records(connection: sqlite3.Connection) -> list[str]:
    """The ids of the records whose heads conflict, in order."""
    return [row[0] for row in connection.execute("SELECT record_id FROM records WHERE conflicts > 0 "
                                                 "ORDER BY record_id")]


def record_bundle_imported(connection: sqlite3.Connection, *, bundle_id: str, site_id: str | None,
                           fingerprint: str, new: int, present: int, pending: int) -> None:
    """A bundle imported (again: its latest import replaces the row), with its counts."""
    connection.execute("INSERT OR REPLACE INTO bundles_imported (bundle_id, site_id, fingerprint, at, new, present, "
                       "pending) VALUES (?, ?, ?, ?, ?, ?, ?)",
                       (bundle_id, site_id, fingerprint, utc_now(), new, present, pending))
