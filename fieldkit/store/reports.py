"""What the summaries and the exports read: live records with their winning revision's answers.

The answers are taken out of each revision's JSON by SQLite (`json_extract`), so the
instance XML kept beside them is never read or parsed, and made text by
fieldkit.store.answers.

Which submission counts for a commune in a summary when there are several of one form:
- deleted records are left out, and so are records a coordinator marked as a duplicate
  of another (`duplicate_marks` with `duplicate_of` set; "reviewed, keep both" marks
  leave both records in);
- of the rest, one that was ever finalized comes first, then the latest (by
  `records.updated`, the hybrid logical clock of its current revision); the record id
  breaks ties, so every coordinator holding the same revisions picks the same one;
- of that record, a summary prints the last finalized revision in the line of its
  current one (its provisional winner when in conflict, DESIGN.md §6): a draft saved on
  top of a finalized submission, while someone corrects it, does not replace it in
  print. Asked for drafts (`drafts=True`), it prints the current revision, as saved.
  A record never finalized prints its current revision either way, and says so.

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
class UsedRevision:
    """The revision of a record that a summary prints, and who saved it when."""

    rev_id: str
    status: str  # its own status (a Status): "finalized" unless the record never was
    saved: str  # its hybrid logical clock
    author: str  # the person at the keyboard (else the device's name)
    device: str  # the name of the device that saved it; "" when this folder does not know it
    error_count: int  # answers breaking a check when it was saved, as its author's form engine counted
    current: bool  # the record's current revision; False: a later draft was saved on top of it


@dataclass(frozen=True, slots=True)
class StoredSubmission:
    """A record and its winning revision's answers (a summary's: those of `used`); a
    column the database holds as NULL is None."""

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
    used: UsedRevision | None = None  # what a summary prints (None: exports, the winner)


def _select(alias: str) -> str:
    """The columns of a StoredSubmission, of the records row `alias` and the revision `v`
    (its winner, unless a summary prints another)."""
    return ", ".join(f"{alias}.{name}" for name in _COLUMNS) + ", json_extract(v.data, '$.answers')"


def _submission(row: tuple[Any, ...]) -> StoredSubmission:
    record_id, form_id, form_version, commune, province, status, author, updated, conflicts, answers = row[:10]
    used = UsedRevision(*row[10:]) if len(row) > 10 else None
    return StoredSubmission(record_id, form_id, form_version, commune, province, status, author, updated, conflicts,
                            answers_from_json(answers), used)


def _equal_to(columns: dict[str, str | None], parameters: Parameters) -> list[str]:
    """`r.<column> = :<column>` for each column given a value, its value added to `parameters`."""
    conditions = []
    for column, value in columns.items():
        if value is not None:
            conditions.append(f"r.{column} = :{column}")
            parameters[column] = value
    return conditions


# -- summaries -----------------------------------------------------------------------------

# The revisions in the line of each counted record's current one, walked back through
# parents and stopping at a finalized revision: the last finalized one is the latest
# finalized revision met (several when a merge joined two finalized branches).
_LINE = """line(record_id, rev_id) AS (
    SELECT record_id, winner_rev FROM counted WHERE status != :finalized
    UNION
    SELECT line.record_id, parent.value FROM line JOIN revisions v ON v.rev_id = line.rev_id,
        json_each(v.parents) AS parent
    WHERE json_extract(v.data, '$.status') IS NOT :finalized),
last_finalized AS (
    SELECT line.record_id, v.rev_id,
        row_number() OVER (PARTITION BY line.record_id ORDER BY v.hlc DESC, v.rev_id DESC) AS place
    FROM line JOIN revisions v ON v.rev_id = line.rev_id
    WHERE json_extract(v.data, '$.status') = :finalized AND v.deleted = 0),
used AS (
    SELECT counted.*, counted.status = :finalized OR last_finalized.rev_id IS NOT NULL AS ever_finalized,
        CASE WHEN :drafts OR counted.status = :finalized THEN counted.winner_rev
             ELSE coalesce(last_finalized.rev_id, counted.winner_rev) END AS used_rev
    FROM counted LEFT JOIN last_finalized
        ON last_finalized.record_id = counted.record_id AND last_finalized.place = 1)"""
# The columns of a UsedRevision, of the revision `v` used and its device `d`. The record
# row already says the status and errors of its winner: the revision's JSON (its instance
# and all) is read only for an earlier revision.
_USED_COLUMNS = ("v.rev_id, CASE WHEN v.rev_id = chosen.winner_rev THEN chosen.status "
                 "ELSE coalesce(json_extract(v.data, '$.status'), 'draft') END, v.hlc, coalesce(v.author, ''), "
                 "coalesce(d.name, ''), CASE WHEN v.rev_id = chosen.winner_rev THEN coalesce(chosen.error_count, 0) "
                 "ELSE coalesce(json_extract(v.data, '$.error_count'), 0) END, v.rev_id = chosen.winner_rev")


def _used_query(conditions: list[str], *, select_from: str, tail: str) -> str:
    """The records matching `conditions` as `counted`, each with the revision a summary
    prints (`used`); `select_from` ranks or orders them, `tail` ends the query."""
    return (f"WITH RECURSIVE counted AS (SELECT r.* FROM records r WHERE {' AND '.join(conditions)}), {_LINE}"
            f"{select_from} SELECT {_select('chosen')}, {_USED_COLUMNS} "
            "FROM chosen JOIN revisions v ON v.rev_id = chosen.used_rev "
            f"LEFT JOIN devices d ON d.site_id = v.site_id {tail}")


def submission_per_commune(connection: sqlite3.Connection, *, form_id: str, province: str | None = None,
                           commune: str | None = None, drafts: bool = False) -> dict[str, StoredSubmission]:
    """The submission of `form_id` that counts for each commune (module docstring), by
    commune code, with the answers of the revision a summary prints (`drafts`: the
    current one, else the last finalized one)."""
    parameters: Parameters = {"form_id": form_id, "finalized": Status.FINALIZED, "drafts": drafts}
    conditions = [_COUNTED, "r.commune != ''", *_equal_to({"province": province, "commune": commune}, parameters)]
    ranked = (", chosen AS (SELECT used.*, row_number() OVER (PARTITION BY used.commune ORDER BY "
              "used.ever_finalized DESC, used.updated DESC, used.record_id) AS place FROM used)")
    sql = _used_query(conditions, select_from=ranked, tail="WHERE chosen.place = 1")
    found = map(_submission, connection.execute(sql, parameters))
    return {submission.commune or "": submission for submission in found}


def submissions_of_form(connection: sqlite3.Connection, *, form_id: str, province: str | None = None,
                        drafts: bool = False) -> list[StoredSubmission]:
    """Every live submission of a form that is not a marked duplicate, drafts included,
    oldest change first, with the answers of the revision a summary prints (as
    `submission_per_commune`)."""
    parameters: Parameters = {"form_id": form_id, "finalized": Status.FINALIZED, "drafts": drafts}
    conditions = [_COUNTED, *_equal_to({"province": province}, parameters)]
    sql = _used_query(conditions, select_from=", chosen AS (SELECT * FROM used)",
                      tail="ORDER BY chosen.updated, chosen.record_id")
    return [_submission(row) for row in connection.execute(sql, parameters)]


def finalized_then_edited(connection: sqlite3.Connection, record_ids: list[str]) -> set[str]:
    """Those of `record_ids` whose current revision is not finalized but an earlier one in
    its line is: a finalized submission being corrected (its list says both)."""
    parameters: Parameters = {"finalized": Status.FINALIZED, "drafts": False}
    placeholders = ", ".join(f":record_{number}" for number in range(len(record_ids)))
    parameters.update({f"record_{number}": record_id for number, record_id in enumerate(record_ids)})
    sql = (f"WITH RECURSIVE counted AS (SELECT r.* FROM records r WHERE r.record_id IN ({placeholders})), {_LINE} "
           "SELECT record_id FROM used WHERE ever_finalized AND status != :finalized")
    return {row[0] for row in connection.execute(sql, parameters)} if record_ids else set()


def revision_instance(connection: sqlite3.Connection, rev_id: str) -> str | None:
    """The instance XML a revision holds (None: none, or no such revision), read by SQLite
    alone: a revision's other values need not be ones Python's JSON reader accepts."""
    row = connection.execute("SELECT json_extract(data, '$.instance_xml') FROM revisions WHERE rev_id = ?",
                             (rev_id,)).fetchone()
    return row[0] if row and isinstance(row[0], str) else None


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
