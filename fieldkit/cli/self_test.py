"""`fieldkit --self-test [--lang en]`: the checks of fieldkit.selftest, one line each
(its name, OK or FAILED with the reason, its time), then a summary line.

It speaks --lang, else FIELDKIT_LANG, else Vietnamese: not the window's saved choice,
which lives in the user's data folder, which the self-test never reads.
Exit status: 0 every check passed; 1 one failed, or the self-test could not start.
"""

from __future__ import annotations

import argparse
import os
import time
from typing import TYPE_CHECKING

from fieldkit.cli.common import DEFAULT_LANGUAGE, LANGUAGES, Refused, _, language
from fieldkit.i18n import language_code
from fieldkit.text import echo

if TYPE_CHECKING:
    from fieldkit.selftest import Outcome

FLAG = "--self-test"


def requested(argv: list[str]) -> bool:
    """--self-test in `argv`, or an abbreviation of it that argparse takes (--self)."""
    return any(argument.startswith("--s") and FLAG.startswith(argument) for argument in argv)


def self_test_language(option: str | None) -> str:
    if option in LANGUAGES:
        return option
    typed = os.environ.get("FIELDKIT_LANG")
    return language_code(typed) if typed else DEFAULT_LANGUAGE


def add_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(FLAG, action="store_true",
                        help=_("check, in a temporary data folder, that forms, submissions, bundles, "
                               "summaries and exports work, then exit (0: all passed)"))


def run(arguments: argparse.Namespace) -> int:
    if arguments.data_dir is not None or arguments.command is not None:
        raise Refused(_("--self-test runs alone, in temporary folders of its own: it takes no --data-dir "
                        "and no command"))
    from fieldkit.selftest import WorkspaceError, run_checks

    started = time.perf_counter()
    try:
        outcomes = run_checks(lang=language(), report=_print_outcome)
    except WorkspaceError as error:
        echo(_("Self-test FAILED: {reason}", reason=str(error)))
        return 1
    seconds = _seconds(time.perf_counter() - started)
    failed = sum(not outcome.passed for outcome in outcomes)
    if failed:
        echo(_("Self-test FAILED: {failed} of {total} checks failed ({seconds}).", failed=failed,
               total=len(outcomes), seconds=seconds))
        return 1
    echo(_("Self-test passed: all {total} checks OK ({seconds}).", total=len(outcomes), seconds=seconds))
    return 0


def _print_outcome(outcome: Outcome) -> None:
    name, seconds = _check_name(outcome.check), _seconds(outcome.seconds)
    if outcome.passed:
        echo(_("{name}: OK ({seconds})", name=name, seconds=seconds))
    else:
        echo(_("{name}: FAILED: {reason} ({seconds})", name=name, reason=outcome.failure, seconds=seconds))


def _check_name(check: str) -> str:
    names = {
        "forms": _("Shipped forms open"),
        "submission": _("A submission is filled, saved and finalized"),
        "bundle": _("A bundle is exported and imported into a second data folder, same state digest"),
        "pdf": _("A commune summary PDF holds its Vietnamese text"),
        "xlsx": _("An XLSX export is written and read back"),
        "window": _("The window's code loads, Qt's modules with it"),
    }
    return names.get(check, check)


def _seconds(seconds: float) -> str:
    shown = f"{seconds:.1f}"
    return _("{seconds} s", seconds=shown.replace(".", ",") if language() == "vi" else shown)
