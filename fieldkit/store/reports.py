"""What the summaries and the exports read: live records with their winning revision's answers.

The answers are taken out of each revision's JSON by SQLite (`json_extract`), so the
instance XML kept beside them is never read or parsed, and made text by
fieldkit.store.answers.

Which submission counts for a commune in a summary when there are several of one form:
- deleted records are left out, and so are records a coordinator marked as a duplicate
  of another (`duplicate_marks` with `duplicate_of` set; "reviewed, keep both" marks
  leave both records in);
- of the rest, a finalized one comes first, then the latest (by `records.updated`, the
  hybrid logical clock of its current revision); the record id breaks ties, so every
  coordinator holding the same revisions picks the same one;
- a record in conflict counts with its provisional winner (DESIGN.md §6).

An export selects every non-deleted record its `Selection` names, marked duplicates
included, and reads them a batch at a time from the snapshot `hold_snapshot` began.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from fieldkit.store.answers import answers_from_json
from fieldkit.store.records import Status

EXPORT_BATCH = 500
_COLUMNS = ("record_id", "form_id", "form_version", "commune", "province", "status", "author", "updated",
            "conflicts")
_COUNTED = ("r.deleted = 0 AND r.form_id = :form_id AND r.record_id NOT IN "
            "(SELECT record_id FROM duplicate_marks WHERE duplicate_of IS NOT NULL)")

Parameters = dict[str, object]


@dataclass(frozen=True, slots=True)
class StoredSubmission:
    """A record and its winning revision's answers; a column the database holds as NULL is None."""

    record_id: str
    form_id: str
    form_version: str | None
    commune: str | None
    province: str | None
    status: str | None  # a Status, as stored
    author: str | None
    updated: str | None  # the hybrid logical clock of its current revision
    conflicts: int | None
    answers: dict[str, str]  # path -> text (fieldkit.store.answers)


def _select(alias: str) -> str:
    """The columns of a StoredSubmission, of the records row `alias` and its winner `v`."""
    return ", ".join(f"{alias}.{name}" for name in _COLUMNS) + ", json_extract(v.data, '$.answers')"


def _submission(row: tuple[Any, ...]) -> StoredSubmission:
    record_id, form_id, form_version, commune, province, status, author, updated, conflicts, answers = row
    return StoredSubmission(record_id, form_id, form_version, commune, province, status, author, updated, conflicts,
                            answers_from_json(answers))


def _equal_to(columns: dict[str, str | None], parameters: Parameters) -> list[str]:
    """`r.<column> = :<column>` for each column given a value, its value added to `parameters`."""
    conditions = []
    for column, value in columns.items():
        if value is not None:
            conditions.append(f"r.{column} = :{column}")
            parameters[column] = value
    return conditions


# -- summaries -----------------------------------------------------------------------------

def submission_per_commune(connection: sqlite3.Connection, *, form_id: str, province: str | None = None,
                           commune: str | None = None) -> dict[str, StoredSubmission]:
    """The submission of `form_id` that counts for each commune (module docstring), by commune code."""
    parameters: Parameters = {"form_id": form_id, "finalized": Status.FINALIZED}
    conditions = [_COUNTED, "r.commune != ''", *_equal_to({"province": province, "commune": commune}, parameters)]
    sql = (
        "WITH ranked AS (SELECT r.*, row_number() OVER (PARTITION BY r.commune ORDER BY "
        "r.status = :finalized DESC, r.updated DESC, r.record_id) AS place "
        f"FROM records r WHERE {' AND '.join(conditions)}) "
        f"SELECT {_select('ranked')} FROM ranked JOIN revisions v ON v.rev_id = ranked.winner_rev "
        "WHERE ranked.place = 1")
    found = map(_submission, connection.execute(sql, parameters))
    return {submission.commune or "": submission for submission in found}


def submissions_of_form(connection: sqlite3.Connection, *, form_id: str,
                        province: str | None = None) -> list[StoredSubmission]:
    """Every live submission of a form that is not a marked duplicate, drafts included,
    oldest change first."""
    parameters: Parameters = {"form_id": form_id}
    conditions = [_COUNTED, *_equal_to({"province": province}, parameters)]
    sql = (f"SELECT {_select('r')} FROM records r JOIN revisions v ON v.rev_id = r.winner_rev "
           f"WHERE {' AND '.join(conditions)} ORDER BY r.updated, r.record_id")
    return [_submission(row) for row in connection.execute(sql, parameters)]


# -- exports -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Selection:
    """The records an export covers: the non-deleted ones equal to each value given."""

    form_id: str | None = None
    province: str | None = None
    status: str | None = None
    updated_from: str | None = None  # a hybrid logical clock timestamp, inclusive
    updated_before: str | None = None  # exclusive


def _where(selection: Selection) -> tuple[str, Parameters]:
    parameters: Parameters = {}
    conditions = ["r.deleted = 0", *_equal_to(
        {"form_id": selection.form_id, "province": selection.province, "status": selection.status}, parameters)]
    if selection.updated_from is not None:
        conditions.append("r.updated >= :updated_from")
        parameters["updated_from"] = selection.updated_from
    if selection.updated_before is not None:
        conditions.append("r.updated < :updated_before")
        parameters["updated_before"] = selection.updated_before
    return " AND ".join(conditions), parameters


def hold_snapshot(connection: sqlite3.Connection) -> None:
    """Read what follows on this read connection from one snapshot, until the connection
    goes back to the store: the counts, the form versions and the rows agree."""
    connection.execute("BEGIN")


def count_selected(connection: sqlite3.Connection, *, selection: Selection) -> int:
    where, parameters = _where(selection)
    count: int = connection.execute(f"SELECT count(*) FROM records r WHERE {where}", parameters).fetchone()[0]
    return count


def selected_form_versions(connection: sqlite3.Connection, *, selection: Selection) -> dict[str, list[str]]:
    """Per form id, the versions its selected submissions were made with ("" for none)."""
    where, parameters = _where(selection)
    versions: dict[str, list[str]] = {}
    for form_id, version in connection.execute(
            f"SELECT DISTINCT form_id, form_version FROM records r WHERE {where} ORDER BY form_id", parameters):
        versions.setdefault(form_id, []).append(version or "")
    return versions


def selected_submissions(connection: sqlite3.Connection, *, selection: Selection,
                         batch: int = EXPORT_BATCH) -> Iterator[list[StoredSubmission]]:
    """The selected submissions, by form, oldest change first, `batch` at a time: however
    many there are, only one batch is in memory. Nothing is read before the first next()."""
    where, parameters = _where(selection)
    cursor = connection.execute(
        f"SELECT {_select('r')} FROM records r JOIN revisions v ON v.rev_id = r.winner_rev WHERE {where} "
        "ORDER BY r.form_id, r.updated, r.record_id", parameters)
    while rows := cursor.fetchmany(batch):
        yield [_submission(row) for row in rows]
