"""Reading one state of the database across many queries, while the writer goes on."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fieldkit.store.store import Store


@contextlib.contextmanager
def snapshot(store: Store) -> Iterator[sqlite3.Connection]:
    """A read connection inside one read transaction for the block: every query in it sees
    the same state (WAL: the writer is not blocked). `Store.read` ends it."""
    with store.read() as connection:
        connection.execute("BEGIN")
        yield connection
