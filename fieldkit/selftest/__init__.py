"""`fieldkit --self-test`: what a delegation member relies on, checked in a temporary
data folder (in the frozen build as from source), never the user's own.

    from fieldkit.selftest import run_checks
    outcomes = run_checks(lang="vi", report=print)

The checks run in order, each timed: the shipped forms open; a submission is filled,
saved and finalized; its bundle is imported into a second data folder with the same
state digest; the commune's summary is rendered as a PDF holding its Vietnamese text; an
XLSX export is written and read back; the window's code loads. A check that raises is a failure with the error's
message; the checks after it still run (those that need its result say so). The
temporary folder goes away afterwards, whatever happened. The command line prints the
outcomes (fieldkit.cli.self_test); this package prints nothing.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from fieldkit.selftest.output_checks import commune_summary_pdf, xlsx_export
from fieldkit.selftest.session import Session, failure_text
from fieldkit.selftest.survey_checks import bundle_travels, shipped_forms_open, submission_finalized
from fieldkit.selftest.window_check import window_code_loads
from fieldkit.selftest.workspace import WorkspaceError, temporary_workspace

__all__ = ["CHECKS", "Outcome", "WorkspaceError", "run_checks"]

Check = Callable[[Session], None]

# (id, check): the id names the check to the command line, which words it.
CHECKS: tuple[tuple[str, Check], ...] = (
    ("forms", shipped_forms_open),
    ("submission", submission_finalized),
    ("bundle", bundle_travels),
    ("pdf", commune_summary_pdf),
    ("xlsx", xlsx_export),
    ("window", window_code_loads),
)


@dataclass(frozen=True)
class Outcome:
    check: str  # an id of CHECKS
    failure: str | None  # None when the check passed; else why not, in the message language
    seconds: float

    @property
    def passed(self) -> bool:
        return self.failure is None


def run_checks(*, lang: str, report: Callable[[Outcome], object] = lambda outcome: None) -> list[Outcome]:
    """Every check, each outcome handed to `report` as it comes. Raises WorkspaceError
    (before any check) when the temporary folder cannot be made or kept apart."""
    outcomes = []
    with temporary_workspace() as root:
        session = Session(root=root, lang=lang)
        try:
            for check_id, check in CHECKS:
                outcome = _run(check_id, check, session)
                report(outcome)
                outcomes.append(outcome)
        finally:
            session.close()  # before the folder is removed: Windows keeps open files
    return outcomes


def _run(check_id: str, check: Check, session: Session) -> Outcome:
    started = time.perf_counter()
    try:
        check(session)
    except Exception as error:  # any fault is this check's failure, told in one line, never a traceback
        return Outcome(check_id, failure_text(error), time.perf_counter() - started)
    return Outcome(check_id, None, time.perf_counter() - started)
