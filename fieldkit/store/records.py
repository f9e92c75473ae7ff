"""What the services ask of records beyond listing them: their status, the records a
coordinator has yet to review as possible duplicate visits, and the instance a device
last saved of a form.

`Status` is defined here because the store writes it: a revision's data names the
status its author saved it with, and `records.status` is derived from it
(fieldkit.store.revisions.record_row).
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from enum import StrEnum

from fieldkit.store.tables import utc_now


class Status(StrEnum):
    """How far a submission got. A StrEnum equals its text, so the database, the revisions'
    JSON and every export hold the same words as before it existed."""

    NOT_STARTED = "not_started"  # never stored: a commune's form with nothing saved yet
    DRAFT = "draft"
    FINALIZED = "finalized"
    HAS_ERRORS = "has_errors"  # not finalized, and answers break a constraint


@dataclass(frozen=True)
class RecordVisit:
    """Who visited which commune for which form, and when the record last changed."""

    record_id: str
    form_id: str
    commune: str
    author: str | None
    updated: str  # the hybrid logical clock of its current revision


def unreviewed_visits(connection: sqlite3.Connection) -> list[RecordVisit]:
    """Live records of a commune that no duplicate mark names, by form and commune, then
    oldest change first."""
    rows = connection.execute(
        "SELECT record_id, form_id, commune, author, updated FROM records WHERE deleted = 0 AND commune != '' "
        "AND record_id NOT IN (SELECT record_id FROM duplicate_marks) ORDER BY form_id, commune, updated")
    return [RecordVisit(*row) for row in rows]


def mark_duplicate(connection: sqlite3.Connection, *, record_id: str, duplicate_of: str | None,
                   author: str) -> None:
    """Mark a record a duplicate of another, or (None) reviewed and kept; a later mark
    replaces an earlier one."""
    connection.execute(
        "INSERT OR REPLACE INTO duplicate_marks (record_id, duplicate_of, author, at) "
        "VALUES (:record_id, :duplicate_of, :author, :at)",
        {"record_id": record_id, "duplicate_of": duplicate_of, "author": author, "at": utc_now()})


def unmark_duplicates(connection: sqlite3.Connection, *, record_ids: list[str]) -> None:
    """Take back the marks of `record_ids` (an undo): they are to review again."""
    connection.executemany("DELETE FROM duplicate_marks WHERE record_id = ?",
                           [(record_id,) for record_id in record_ids])


def marked_records(connection: sqlite3.Connection) -> set[str]:
    """The records a coordinator reviewed as possible duplicates (kept, or marked one)."""
    return {row[0] for row in connection.execute("SELECT record_id FROM duplicate_marks")}


_LATEST = ("SELECT data FROM revisions WHERE site_id = :site_id AND form_id = :form_id AND deleted = 0 {commune}"
           "AND record_id IN (SELECT record_id FROM records WHERE deleted = 0) ORDER BY seq DESC LIMIT 1")


def last_saved_instance(connection: sqlite3.Connection, *, site_id: str, form_id: str,
                        commune: str | None = None) -> str | None:
    """The instance XML of the latest revision that site `site_id` saved of `form_id`, of
    a record not deleted: of `commune` if it has one there, else of any commune; None
    when it has saved none (or that revision holds no instance)."""
    parameters = {"site_id": site_id, "form_id": form_id, "commune": commune}
    row = None
    if commune:
        row = connection.execute(_LATEST.format(commune="AND json_extract(data, '$.commune') = :commune "),
                                 parameters).fetchone()
    if row is None:
        row = connection.execute(_LATEST.format(commune=""), parameters).fetchone()
    if row is None:
        return None
    instance: str | None = json.loads(row[0]).get("instance_xml") or None
    return instance
