"""The `quarantine` table: bundles of devices not trusted yet, kept aside as files.

A row names the bundle's copy in `<data_dir>/quarantine/` (fieldkit.sync.quarantine
writes it and keeps the quota); the row goes when the bundle is imported or evicted.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from dataclasses import dataclass

from fieldkit.store.tables import utc_now


@dataclass(frozen=True)
class QuarantinedBundle:
    bundle_id: str
    fingerprint: str
    site_id: str
    device_name: str
    file: str
    size: int | None
    received: str

    def as_dict(self) -> dict[str, str | int | None]:
        return dataclasses.asdict(self)


_COLUMNS = ", ".join(field.name for field in dataclasses.fields(QuarantinedBundle))


def record_quarantined(connection: sqlite3.Connection, *, bundle_id: str, fingerprint: str, device_name: str,
                       file: str, size: int) -> None:
    """A bundle kept aside (a bundle already kept keeps its row, and its place in the queue)."""
    connection.execute(f"INSERT OR IGNORE INTO quarantine ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)",
                       (bundle_id, fingerprint, fingerprint[:32], device_name, file, size, utc_now()))


def quarantined_bundles(connection: sqlite3.Connection, *, fingerprint: str | None = None) -> list[QuarantinedBundle]:
    """The bundles kept aside (of one key, when `fingerprint` is given), oldest first: the
    order they leave in when the quota is reached."""
    where, parameters = ("WHERE fingerprint = ?", (fingerprint,)) if fingerprint else ("", ())
    rows = connection.execute(f"SELECT {_COLUMNS} FROM quarantine {where} ORDER BY received, rowid", parameters)
    return [QuarantinedBundle(*row) for row in rows.fetchall()]


def forget_quarantined(connection: sqlite3.Connection, *, bundle_id: str) -> None:
    connection.execute("DELETE FROM quarantine WHERE bundle_id = ?", (bundle_id,))
