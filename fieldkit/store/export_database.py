"""An export's SQLite file, written with sqlite-utils: tables of typed columns, keys and indexes.

The file is a temporary one that the export renames into place once it is whole (an
interrupted export leaves nothing), so it is written without a journal or fsyncs.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path


class ExportDatabase:
    def __init__(self, path: Path):
        import sqlite_utils  # only for this format: it loads numpy

        self._db = sqlite_utils.Database(path)
        self._db.execute("PRAGMA journal_mode = OFF")
        self._db.execute("PRAGMA synchronous = OFF")

    def create_table(self, name: str, *, columns: dict[str, type], primary_key: str,
                     references: tuple[str, str, str] | None = None, indexes: Sequence[str] = ()) -> None:
        """A table of `columns` (name -> int, float or str); `references`: (column, other
        table, its column), a foreign key; an index on each column of `indexes`."""
        table = self._db.table(name)
        table.create(columns, pk=primary_key, foreign_keys=[references] if references else [])
        for column in indexes:
            table.create_index([column])

    def insert_rows(self, name: str, rows: Iterable[dict[str, object]], *, batch_size: int) -> None:
        self._db.table(name).insert_all(rows, batch_size=batch_size)

    def close(self) -> None:
        self._db.close()
