"""Submissions from the command line: `submit`, `records`, `edit`.

submit FORM --answers FILE.json [--commune CODE] [--finalize] · records [--json]
edit RECORD_ID --set PATH=VALUE ...
Exit status: 0 saved; 1 not finalized (the errors listed); 2 a mistake or a storage fault.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fieldkit.cli.common import Commands, Refused, _, add_command, assignments, language, utf8_arguments
from fieldkit.text import echo, json_text, printable

if TYPE_CHECKING:
    from fieldkit.services import Submission, SurveyService
    from fieldkit.store.values import Revision


def add_parsers(commands: Commands) -> None:
    submit_command = add_command(commands, "submit", _("save a submission from a JSON file of answers"), run=submit)
    submit_command.add_argument("form", metavar="FORM", help=_("a form file, or the id of a form already added"))
    submit_command.add_argument("--answers", required=True, metavar="FILE.json",
                                help=_("a JSON object of answers keyed by instance path, e.g. /data/total_staff"))
    submit_command.add_argument("--commune", metavar="CODE", help=_("the commune's official code"))
    submit_command.add_argument("--finalize", action="store_true",
                                help=_("finalize (refused, with the errors listed, if any answer is wrong)"))
    records_command = add_command(commands, "records", _("list the submissions"), run=records)
    records_command.add_argument("--json", action="store_true", help=_("print JSON"))
    edit_command = add_command(commands, "edit", _("change answers of a submission (a new revision)"), run=edit)
    edit_command.add_argument("record_id", metavar="RECORD_ID")
    edit_command.add_argument("--set", action="append", required=True, metavar="PATH=VALUE",
                              help=_("an answer to change; repeat for several"))


def _open_service(data_dir: str | None) -> SurveyService:
    from fieldkit.services import SurveyService

    return SurveyService.open(data_dir)


def _read_answers(path: str) -> dict[str, Any]:
    from fieldkit.services.answers_file import AnswersFileError, read_answers_file

    try:
        return read_answers_file(path)
    except OSError as error:
        raise Refused(_("cannot read {path}: {error}", path=path, error=error.strerror or error)) from None
    except AnswersFileError as error:
        raise Refused(error.text(language())) from None


def _resolve_form(service: SurveyService, form: str) -> tuple[str, str]:
    """(form_id, version) of a form file (added to the store) or of a form id the store knows."""
    from fieldkit.forms import FormError

    if Path(form).exists() or Path(form).suffix:
        try:
            entry = service.add_form(form)
        except FormError as error:
            raise Refused(_("ERROR {path}: {error}", path=form, error=error)) from None
        return entry.form_id, entry.version
    loaded = service.form(form)
    return loaded.id, loaded.version or ""


def _set_answers(submission: Submission, answers: dict[str, Any]) -> None:
    from fieldkit.forms import FormError
    from fieldkit.services import AnswerRefused

    try:
        submission.set_many(answers, autosave=False)
    except FormError as error:
        raise Refused(_("cannot set an answer: {error}", error=error)) from None
    except AnswerRefused as error:
        raise Refused(_("cannot set an answer: {error}", error=error.text(language()))) from None


def _print_errors(errors: list[tuple[str, str, str]]) -> None:
    echo(_("Cannot finalize: {count} answers must be corrected.", count=len(errors)))
    for path, _kind, message in errors:
        echo(f"  {printable(path)}: {printable(message)}")


def _commit(submission: Submission, *, finalize: bool) -> Revision | None:
    """The revision saved, or None when finalizing was refused (its errors printed)."""
    from fieldkit.services import FinalizeError

    try:
        revision = (submission.finalize() if finalize else submission.save()).result()
    except FinalizeError as error:
        _print_errors(error.errors)
        return None
    return revision


@utf8_arguments
def submit(arguments: argparse.Namespace) -> int:
    answers = _read_answers(arguments.answers)
    commune = arguments.commune
    with _open_service(arguments.data_dir) as service:
        if commune and service.communes.get(commune) is None:
            raise Refused(_("there is no commune with code {code}", code=commune))
        form_id, version = _resolve_form(service, arguments.form)
        submission = service.open_submission(form_id=form_id, version=version, commune_code=commune,
                                             lang=language())
        _set_answers(submission, answers)
        revision = _commit(submission, finalize=arguments.finalize)
        if revision is None:
            return 1
        for row in service.possible_duplicates(commune_code=revision.commune, form_id=form_id,
                                               record_id=revision.record_id, lang=language()):
            echo(_("warning: {commune} already has a submission of this form: {record_id} ({author}, {updated})",
                   commune=row.commune_name, record_id=row.record_id, author=row.author or "-",
                   updated=row.updated), file=sys.stderr)
        echo(revision.record_id)
    return 0


@utf8_arguments
def records(arguments: argparse.Namespace) -> int:
    with _open_service(arguments.data_dir) as service:
        rows = service.submissions(lang=language())
    if arguments.json:
        print(json_text([dataclasses.asdict(row) for row in rows], indent=2))
        return 0
    if not rows:
        echo(_("No submissions yet."))
        return 0
    for row in rows:
        status = _(row.status)
        conflicts = _(", {count} conflicts", count=row.conflicts) if row.conflicts else ""
        echo("  ".join(printable(value) for value in (
            row.record_id, row.updated, row.form_id,
            f"{row.commune_code} {row.commune_name}, {row.province_name}", f"{status}{conflicts}", row.author)))
    return 0


@utf8_arguments
def edit(arguments: argparse.Namespace) -> int:
    """A new revision of a record: its current answers with these changed. A finalized
    record stays finalized (refused, with the errors, if the change breaks it)."""
    answers = assignments(arguments.set)
    record_id = arguments.record_id
    with _open_service(arguments.data_dir) as service:
        submission = service.open_submission(record_id=record_id, resume_working_copy=False, lang=language())
        _set_answers(submission, answers)
        revision = _commit(submission, finalize=submission.parent_status == "finalized")
        if revision is None:
            return 1
        echo(_("record {record_id}: new revision", record_id=record_id))
        echo(revision.rev_id)
    return 0
