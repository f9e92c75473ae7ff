"""What the summaries read from the store: one submission per commune and form.

Which submission counts for a commune when there are several of one form, and which of
its revisions prints, is the store's rule (fieldkit.store.reports): live, not a marked
duplicate, ever finalized first, then the latest; its last finalized revision, so a
draft saved on top while someone corrects it does not replace it (unless drafts are
asked for). Drafts count when a commune has nothing finalized: a summary printed on site
before the forms are finalized still shows what was typed. Each summary says which
version it uses, and marks drafts.

Answers that fail their form's own checks (a constraint, a type, a choice that is not
one) are kept apart in `Answers.invalid`: no figure is computed from them, and the
commune record prints them marked (fieldkit.reports.validity finds them).
"""

from __future__ import annotations

import dataclasses
import sqlite3
from dataclasses import dataclass, field
from functools import cached_property
from typing import TypeVar

from fieldkit.forms.paths import InstancePath
from fieldkit.store import reports as stored
from fieldkit.store.records import Status

Value = TypeVar("Value")


@dataclass(frozen=True)
class Invalid:
    """An answer that fails its form's checks, and the form's message saying why."""

    value: str
    message: str


@dataclass(frozen=True)
class Answers:
    """One submission's answers, with where and how far it got."""

    record_id: str
    form_id: str
    form_version: str
    commune: str
    province: str
    status: str  # a Status: that of the revision used
    values: dict[str, str]  # the answers that pass their form's checks
    version: stored.UsedRevision | None = None  # the revision used, who saved it when
    invalid: dict[str, Invalid] = field(default_factory=dict)  # path -> the answer left out of `values`

    @classmethod
    def of(cls, submission: stored.StoredSubmission) -> Answers:
        used = submission.used
        status = used.status if used is not None else submission.status or Status.DRAFT
        return cls(submission.record_id, submission.form_id, submission.form_version or "", submission.commune or "",
                   submission.province or "", status, submission.answers, used)

    def without(self, invalid: dict[str, Invalid]) -> Answers:
        """These answers with `invalid` set apart from the values."""
        if not invalid:
            return self
        values = {path: value for path, value in self.values.items() if path not in invalid}
        return dataclasses.replace(self, values=values, invalid={**self.invalid, **invalid})

    @property
    def recorded_errors(self) -> bool:
        """Its revision counted answers breaking a check when saved (a finalized one never
        does: finalizing refuses them)."""
        return self.version is not None and bool(self.version.error_count)

    @property
    def finalized(self) -> bool:
        return self.status == Status.FINALIZED

    @cached_property
    def repeats(self) -> dict[str, list[dict[str, str]]]:
        """Repeat path -> its rows in order ([{name: value}]), read from keys such as
        "/data/roster[2]/trainings". Parsed once: a national summary reads each roster
        from several of its parts."""
        return _rows(self.values)

    @cached_property
    def repeats_as_written(self) -> dict[str, list[dict[str, str | Invalid]]]:
        """`repeats` with the invalid answers in their rows, as `Invalid`: for printing
        each row as it was written, never for a figure."""
        return _rows({**self.values, **self.invalid})


def _rows(values: dict[str, Value]) -> dict[str, list[dict[str, Value]]]:
    rows: dict[str, dict[int, dict[str, Value]]] = {}
    for key, value in values.items():
        path = InstancePath.try_parse(key)  # "/data/roster[2]/trainings": row 2's answer
        row = path.parent if path is not None and path.position is None else None
        if row is not None and row.position is not None:
            rows.setdefault(str(row.without_position()), {}).setdefault(row.position, {})[path.name] = value
    return {repeat: [found[position] for position in sorted(found)] for repeat, found in rows.items()}


def chosen(connection: sqlite3.Connection, *, form_id: str, province: str | None = None,
           commune: str | None = None, drafts: bool = False) -> dict[str, Answers]:
    """The submission that counts for each commune (fieldkit.store.reports), by commune
    code: its last finalized revision, or (`drafts`) its current one."""
    found = stored.submission_per_commune(connection, form_id=form_id, province=province, commune=commune,
                                          drafts=drafts)
    return {code: Answers.of(submission) for code, submission in found.items()}


def every(connection: sqlite3.Connection, *, form_id: str, province: str | None = None,
          drafts: bool = False) -> list[Answers]:
    """Every live submission of a form that is not a marked duplicate, drafts included
    (the per-form summary counts submissions, as KoboToolbox and ODK Central do), each
    in the revision `chosen` would print."""
    return [Answers.of(submission) for submission
            in stored.submissions_of_form(connection, form_id=form_id, province=province, drafts=drafts)]
