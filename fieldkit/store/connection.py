"""Opening SQLite connections the way the store needs them.

Autocommit mode (isolation_level=None): transactions are explicit, BEGIN IMMEDIATE on
the writer, so a write either commits whole or leaves the file as it was. WAL lets the
GUI read while the writer writes. synchronous=FULL makes every commit durable before it
returns: the dead-battery promise (a WAL commit is one fsync of the log).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path

BUSY_TIMEOUT_MS = 5000


def open_connection(path: Path, *, readonly: bool = False, busy_timeout_ms: int = BUSY_TIMEOUT_MS,
                    check_same_thread: bool = True) -> sqlite3.Connection:
    if readonly:
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, isolation_level=None,
                                     check_same_thread=check_same_thread)
    else:
        connection = sqlite3.connect(path, isolation_level=None, check_same_thread=check_same_thread)
    try:
        connection.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        connection.execute("PRAGMA foreign_keys = ON")
        if not readonly:
            mode = connection.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if mode.lower() != "wal":
                raise sqlite3.OperationalError(f"cannot use write-ahead logging (journal mode {mode})")
            connection.execute("PRAGMA synchronous = FULL")
    except BaseException:
        connection.close()
        raise
    return connection


def count(connection: sqlite3.Connection, sql: str, parameters: Sequence[object] = ()) -> int:
    """The integer that `sql` selects (a count, a max(seq) with coalesce): SQLite's rows
    are untyped, so this is where a number read becomes an int for the type checker."""
    value: int = connection.execute(sql, parameters).fetchone()[0]
    return value
