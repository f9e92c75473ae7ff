"""What an outgoing bundle reads: the revisions a peer lacks, and the forms they name.

Revisions come in the order they were stored (rowid), an order where parents come
first, so a receiver rarely holds any as pending; they are read as they are used, so
memory stays bounded however many there are.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from fieldkit.store.revisions import REVISION_FIELDS, revision_from_row
from fieldkit.store.values import Revision

READ_ROWS = 500  # rows fetched at a time


def _selection(acknowledged: Mapping[str, int]) -> tuple[str, list[str | int]]:
    if not acknowledged:
        return "", []
    clauses = " AND ".join("NOT (site_id = ? AND seq <= ?)" for _site in acknowledged)
    return f"WHERE {clauses}", [value for site, seq in acknowledged.items() for value in (site, seq)]


def revisions_beyond(connection: sqlite3.Connection, *, acknowledged: Mapping[str, int]) -> Iterator[Revision]:
    """Every stored revision but those numbered up to `acknowledged[site_id]`, in stored order."""
    where, parameters = _selection(acknowledged)
    cursor = connection.execute(f"SELECT {', '.join(REVISION_FIELDS)} FROM revisions {where} ORDER BY rowid",
                                parameters)
    while rows := cursor.fetchmany(READ_ROWS):
        for row in rows:
            yield revision_from_row(row)


@dataclass(frozen=True)
class FormDocument:
    title: dict[str, str]  # language -> title
    xform: str


def form_document(connection: sqlite3.Connection, *, form_id: str, version: str) -> FormDocument | None:
    """A form version's title and XForm, as a bundle carries them (None: not held)."""
    row = connection.execute("SELECT title, xform FROM forms WHERE form_id = ? AND version = ?",
                             (form_id, version)).fetchone()
    return None if row is None else FormDocument(title=json.loads(row[0] or "{}"), xform=row[1])
