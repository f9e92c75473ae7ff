"""Making and opening the database file: never silently a new one in place of an old one.

A new database is made whole beside its final name and renamed into place, private
(0600) from its first byte, so a crash during the first start never leaves an empty
`fieldkit.sqlite3`. An existing file of 0 bytes is therefore damage (a copy that went
wrong, a disk that lost it): refused with a StoreError naming it, and left as it is.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from fieldkit.files import atomic_path
from fieldkit.store.connection import open_connection
from fieldkit.store.errors import EMPTY_DATABASE, StoreError
from fieldkit.store.hlc import CLOCK_SKEW_LIMIT_MS, MAX_PHYSICAL_MS, format_hlc
from fieldkit.store.migrations import migrate
from fieldkit.store.private import SQLITE_COMPANIONS


def prepare(path: Path, *, busy_timeout_ms: int) -> bool:
    """Check the database file at `path`, or make it; True when it was made now."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        _create(path, busy_timeout_ms=busy_timeout_ms)
        return True
    if size == 0:
        raise StoreError(EMPTY_DATABASE, kind="corrupt", path=path)
    return False


def _create(path: Path, *, busy_timeout_ms: int) -> None:
    with atomic_path(path, private=True) as partial:
        try:
            connection = open_connection(partial, busy_timeout_ms=busy_timeout_ms)
            try:
                migrate(connection, partial)
                connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                connection.close()
        finally:  # SQLite's files beside the new one: empty once it is closed, never data if it failed
            for name in SQLITE_COMPANIONS:
                partial.with_name(partial.name + name).unlink(missing_ok=True)


def clock_start(connection: sqlite3.Connection, site_id: str) -> str | None:
    """Where this device's clock resumes: past this device's own revisions and past the
    others' that were not too far ahead when they arrived (a clock far ahead is flagged,
    not adopted, and reopening the store must not adopt it either)."""
    now = time.time_ns() // 1_000_000
    bound = format_hlc(min(now + CLOCK_SKEW_LIMIT_MS, MAX_PHYSICAL_MS), 0)
    last = connection.execute("SELECT max(hlc) FROM revisions WHERE site_id = ? OR hlc <= ?",
                              (site_id, bound)).fetchone()[0]
    ceiling = format_hlc(MAX_PHYSICAL_MS, 0)
    return min(last, ceiling) if last else None
