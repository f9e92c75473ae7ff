"""What the summaries read from the store: one submission per commune and form, in SQL.

Which submission counts for a commune when there are several of one form:
- deleted records are left out, and so are records a coordinator marked as a duplicate
  of another (`duplicate_marks` with `duplicate_of` set; "reviewed, keep both" marks
  leave both records in);
- of the rest, a finalized one comes first, then the latest (by `records.updated`, the
  hybrid logical clock of its current revision); the record id breaks ties, so every
  coordinator holding the same revisions picks the same one;
- a record in conflict counts with its provisional winner (DESIGN.md §6).
Drafts count when a commune has nothing finalized: a summary printed on site before
the forms are finalized still shows what was typed. Each summary says how many of the
submissions it uses are finalized.

The answers (a flat dict: instance path -> text) are taken out of each revision's JSON
by SQLite (`json_extract`); the instance XML beside them is never read or parsed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from fieldkit.reports.stored import answers_from_json
from fieldkit.store.records import Status

_LIVE = ("r.deleted = 0 AND r.form_id = ? AND r.record_id NOT IN "
         "(SELECT record_id FROM duplicate_marks WHERE duplicate_of IS NOT NULL)")
_REPEAT_ANSWER = re.compile(r"^(.+)\[(\d+)\]/([^/\[]+)$")  # "/data/roster[2]/trainings"


@dataclass(frozen=True)
class Answers:
    """One submission's answers, with where and how far it got."""

    record_id: str
    form_id: str
    form_version: str
    commune: str
    province: str
    status: str  # a Status, as stored
    values: dict[str, str]

    @property
    def finalized(self) -> bool:
        return self.status == Status.FINALIZED

    @cached_property
    def repeats(self) -> dict[str, list[dict[str, str]]]:
        """Repeat path -> its rows in order ([{name: value}]), read from keys such as
        "/data/roster[2]/trainings". Parsed once: a national summary reads each roster
        from several of its parts."""
        rows: dict[str, dict[int, dict[str, str]]] = {}
        for key, text in self.values.items():
            match = _REPEAT_ANSWER.match(key)
            if match:
                repeat, position, name = match.groups()
                rows.setdefault(repeat, {}).setdefault(int(position), {})[name] = text
        return {repeat: [found[position] for position in sorted(found)] for repeat, found in rows.items()}


def chosen(connection, *, form_id: str, province: str | None = None,
           commune: str | None = None) -> dict[str, Answers]:
    """The submission that counts for each commune (module docstring), by commune code."""
    conditions, values = [_LIVE, "r.commune != ''"], [form_id]
    for column, value in (("province", province), ("commune", commune)):
        if value is not None:
            conditions.append(f"r.{column} = ?")
            values.append(value)
    sql = (
        "WITH ranked AS (SELECT r.*, row_number() OVER (PARTITION BY r.commune ORDER BY "
        "r.status = 'finalized' DESC, r.updated DESC, r.record_id) AS place "
        f"FROM records r WHERE {' AND '.join(conditions)}) "
        "SELECT ranked.record_id, ranked.form_id, ranked.form_version, ranked.commune, ranked.province, "
        "ranked.status, json_extract(v.data, '$.answers') "
        "FROM ranked JOIN revisions v ON v.rev_id = ranked.winner_rev WHERE ranked.place = 1")
    return {row.commune: row for row in map(_answers, connection.execute(sql, values))}


def every(connection, *, form_id: str, province: str | None = None) -> list[Answers]:
    """Every live submission of a form that is not a marked duplicate, drafts included
    (the per-form summary counts submissions, as KoboToolbox and ODK Central do)."""
    conditions, values = [_LIVE], [form_id]
    if province is not None:
        conditions.append("r.province = ?")
        values.append(province)
    sql = ("SELECT r.record_id, r.form_id, r.form_version, r.commune, r.province, r.status, "
           "json_extract(v.data, '$.answers') FROM records r JOIN revisions v ON v.rev_id = r.winner_rev "
           f"WHERE {' AND '.join(conditions)} ORDER BY r.updated, r.record_id")
    return [_answers(row) for row in connection.execute(sql, values)]


def _answers(row) -> Answers:
    record_id, form_id, form_version, commune, province, status, answers = row
    return Answers(record_id, form_id, form_version or "", commune or "", province or "", status or Status.DRAFT,
                   answers_from_json(answers))
