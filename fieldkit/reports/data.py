"""What the summaries read from the store: one submission per commune and form.

Which submission counts for a commune when there are several of one form is the
store's rule (fieldkit.store.reports): live, not a marked duplicate, finalized first,
then the latest. Drafts count when a commune has nothing finalized: a summary printed
on site before the forms are finalized still shows what was typed. Each summary says
how many of the submissions it uses are finalized.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from functools import cached_property

from fieldkit.forms.paths import InstancePath
from fieldkit.store import reports as stored
from fieldkit.store.records import Status


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

    @classmethod
    def of(cls, submission: stored.StoredSubmission) -> Answers:
        return cls(submission.record_id, submission.form_id, submission.form_version or "", submission.commune or "",
                   submission.province or "", submission.status or Status.DRAFT, submission.answers)

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
            path = InstancePath.try_parse(key)  # "/data/roster[2]/trainings": row 2's answer
            row = path.parent if path is not None and path.position is None else None
            if row is not None and row.position is not None:
                rows.setdefault(str(row.without_position()), {}).setdefault(row.position, {})[path.name] = text
        return {repeat: [found[position] for position in sorted(found)] for repeat, found in rows.items()}


def chosen(connection: sqlite3.Connection, *, form_id: str, province: str | None = None,
           commune: str | None = None) -> dict[str, Answers]:
    """The submission that counts for each commune (fieldkit.store.reports), by commune code."""
    found = stored.submission_per_commune(connection, form_id=form_id, province=province, commune=commune)
    return {code: Answers.of(submission) for code, submission in found.items()}


def every(connection: sqlite3.Connection, *, form_id: str, province: str | None = None) -> list[Answers]:
    """Every live submission of a form that is not a marked duplicate, drafts included
    (the per-form summary counts submissions, as KoboToolbox and ODK Central do)."""
    return [Answers.of(submission)
            for submission in stored.submissions_of_form(connection, form_id=form_id, province=province)]
