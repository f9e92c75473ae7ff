"""The command line: the same services as the GUI, for scripts and for the field."""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
from pathlib import Path

from fieldkit.i18n import language_code, translate
from fieldkit.text import echo, json_text, printable, printable_values


def _lang() -> str:
    return language_code(os.environ.get("FIELDKIT_LANG") or "vi")


def _(message: str, **values) -> str:
    """A message in the CLI's language, its values made printable (fieldkit/text.py)."""
    return translate(message, _lang(), **printable_values(values))


def _form_summary(form) -> str:
    from fieldkit.forms.model import Group

    groups = [item for item in form.walk() if isinstance(item, Group)]
    expressions = sum(len(attributes) for attributes in form.compiled.binds.values())
    return _(
        "{questions} questions, {hidden} hidden fields, {groups} groups, {repeats} repeats, "
        "languages: {languages}, {expressions} expressions",
        questions=len([question for question in form.questions() if question.kind != "none"]),
        hidden=len([question for question in form.questions() if question.kind == "none"]),
        groups=len([group for group in groups if not group.repeat]),
        repeats=len(form.repeats()),
        languages=", ".join(form.languages) or "-",
        expressions=expressions,
    )


def form_check(paths: list[str]) -> int:
    """Load each form and compile its expressions: OK with a summary, or ERROR with
    what is wrong and where (exit status 1). What ODK only warns about (a bind for a
    node the form does not have...) is printed under the form's OK line; it does not
    fail the check, as ODK opens such forms."""
    from fieldkit.forms import FormError, load_form

    failures = 0
    for path in paths:
        try:
            form = load_form(path)
            summary = _form_summary(form)
        except FormError as error:
            failures += 1
            detail = str(error).removeprefix(f"{error.source}: ") if error.source else str(error)
            echo(_("ERROR {path}: {error}", path=path, error=detail))
            continue
        echo(_("OK {path}: {form_id} (version {version}): {summary}",
               path=path, form_id=form.id, version=form.version or "-", summary=summary))
        for warning in form.warnings:
            echo(_("  WARNING: {warning}", warning=warning))
    return 1 if failures else 0


# -- submissions -------------------------------------------------------------------------------

class _Refused(Exception):
    """A command that cannot go on: its message is printed, the exit status is 2."""


def _open_service(data_dir):
    from fieldkit.services import SurveyService

    return SurveyService.open(data_dir)


def _read_answers(path: str) -> dict:
    from fieldkit.services.answers_file import AnswersFileError, read_answers_file

    try:
        return read_answers_file(path)
    except OSError as error:
        raise _Refused(_("cannot read {path}: {error}", path=path, error=error.strerror or error)) from None
    except AnswersFileError as error:
        raise _Refused(error.text(_lang())) from None


def _resolve_form(service, form: str) -> tuple[str, str]:
    """(form_id, version) of a form file (added to the store) or of a form id the store knows."""
    from fieldkit.forms import FormError

    if Path(form).exists() or Path(form).suffix:
        try:
            entry = service.add_form(form)
        except FormError as error:
            raise _Refused(_("ERROR {path}: {error}", path=form, error=error)) from None
        return entry.form_id, entry.version
    loaded = service.form(form)
    return loaded.id, loaded.version or ""


def _set_answers(submission, answers: dict) -> None:
    from fieldkit.forms import FormError
    from fieldkit.services import AnswerRefused

    try:
        submission.set_many(answers, autosave=False)
    except FormError as error:
        raise _Refused(_("cannot set an answer: {error}", error=error)) from None
    except AnswerRefused as error:
        raise _Refused(_("cannot set an answer: {error}", error=error.text(_lang()))) from None


def _print_errors(errors) -> None:
    echo(_("Cannot finalize: {count} answers must be corrected.", count=len(errors)))
    for path, _kind, message in errors:
        echo(f"  {printable(path)}: {printable(message)}")


def _commit(submission, *, finalize: bool):
    from fieldkit.services import FinalizeError

    try:
        return (submission.finalize() if finalize else submission.save()).result()
    except FinalizeError as error:
        _print_errors(error.errors)
        return None


def submit(data_dir, form: str, answers_file: str, commune: str | None, finalize: bool) -> int:
    answers = _read_answers(answers_file)
    with _open_service(data_dir) as service:
        if commune and service.communes.get(commune) is None:
            raise _Refused(_("there is no commune with code {code}", code=commune))
        form_id, version = _resolve_form(service, form)
        submission = service.open_submission(form_id=form_id, version=version, commune_code=commune,
                                             lang=_lang())
        _set_answers(submission, answers)
        revision = _commit(submission, finalize=finalize)
        if revision is None:
            return 1
        for row in service.possible_duplicates(commune_code=revision["data"]["commune"], form_id=form_id,
                                               record_id=revision["record_id"], lang=_lang()):
            echo(_("warning: {commune} already has a submission of this form: {record_id} ({author}, {updated})",
                   commune=row.commune_name, record_id=row.record_id, author=row.author or "-",
                   updated=row.updated), file=sys.stderr)
        echo(revision["record_id"])
    return 0


def records(data_dir, as_json: bool) -> int:
    with _open_service(data_dir) as service:
        rows = service.submissions(lang=_lang())
    if as_json:
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


def _assignments(pairs: list[str]) -> dict[str, str]:
    answers = {}
    for pair in pairs:
        path, equals, value = pair.partition("=")
        if not equals or not path.strip():
            raise _Refused(_("--set needs PATH=VALUE, not {pair!r}", pair=pair))
        answers[path.strip()] = value
    return answers


def _check_arguments(arguments) -> None:
    """An argument that is not UTF-8 reaches Python as lone surrogates (surrogateescape):
    refused with the byte where it goes wrong, never stored, never a traceback."""
    from fieldkit.services import answer_messages

    for value in vars(arguments).values():
        for text in value if isinstance(value, list) else [value]:
            if isinstance(text, str) and _not_utf8(text) is not None:
                shown = _as_bytes(text).decode("utf-8", "replace")
                raise _Refused(_(answer_messages.BAD_ARGUMENT, argument=shown, position=_not_utf8(text)))


def _as_bytes(text: str) -> bytes:
    try:
        return text.encode("utf-8", "surrogateescape")  # the bytes as they were on the command line
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogatepass")


def _not_utf8(text: str) -> int | None:
    """The 1-based byte position where an argument stops being UTF-8, or None."""
    try:
        _as_bytes(text).decode("utf-8")
    except UnicodeDecodeError as error:
        return error.start + 1
    return None


def edit(data_dir, record_id: str, pairs: list[str]) -> int:
    """A new revision of a record: its current answers with these changed. A finalized
    record stays finalized (refused, with the errors, if the change breaks it)."""
    answers = _assignments(pairs)
    with _open_service(data_dir) as service:
        submission = service.open_submission(record_id=record_id, resume_working_copy=False, lang=_lang())
        _set_answers(submission, answers)
        revision = _commit(submission, finalize=submission.parent_status == "finalized")
        if revision is None:
            return 1
        echo(_("record {record_id}: new revision", record_id=record_id))
        echo(revision["rev_id"])
    return 0


def _run_store_command(arguments) -> int:
    from fieldkit.store import StoreError

    try:
        _check_arguments(arguments)
        if arguments.command == "submit":
            return submit(arguments.data_dir, arguments.form, arguments.answers, arguments.commune,
                          arguments.finalize)
        if arguments.command == "records":
            return records(arguments.data_dir, arguments.json)
        return edit(arguments.data_dir, arguments.record_id, arguments.set)
    except (_Refused, StoreError) as error:
        echo(str(error), file=sys.stderr)
        return 2


SYNC_COMMANDS = ("bundle", "keys", "trust", "untrust", "conflicts", "resolve", "status")


def _run_sync_command(arguments) -> int:
    from fieldkit.store import StoreError
    from fieldkit.sync import commands as sync_commands

    try:
        _check_arguments(arguments)
        return sync_commands.run(arguments, refused=_Refused, assignments=_assignments)
    except (_Refused, StoreError) as error:
        echo(str(error), file=sys.stderr)
        return 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="fieldkit", description=_("Offline field surveys of communes."))
    parser.add_argument("--data-dir", help=_("where fieldkit keeps its data (default: the user data folder)"))
    parser.add_argument("--lang", choices=("vi", "en"),
                        help=_("language of the window (default: Vietnamese, or the one last chosen)"))
    commands = parser.add_subparsers(dest="command")
    commands.add_parser("gui", help=_("open the application window (what fieldkit does with no command)"))
    form = commands.add_parser("form", help=_("work with form files"))
    form_commands = form.add_subparsers(dest="form_command", required=True)
    check = form_commands.add_parser("check", help=_("load forms and report what they hold or what is wrong"))
    check.add_argument("paths", nargs="+", metavar="PATH")
    submit_command = commands.add_parser("submit", help=_("save a submission from a JSON file of answers"))
    submit_command.add_argument("form", metavar="FORM", help=_("a form file, or the id of a form already added"))
    submit_command.add_argument("--answers", required=True, metavar="FILE.json",
                                help=_("a JSON object of answers keyed by instance path, e.g. /data/total_staff"))
    submit_command.add_argument("--commune", metavar="CODE", help=_("the commune's official code"))
    submit_command.add_argument("--finalize", action="store_true",
                                help=_("finalize (refused, with the errors listed, if any answer is wrong)"))
    records_command = commands.add_parser("records", help=_("list the submissions"))
    records_command.add_argument("--json", action="store_true", help=_("print JSON"))
    edit_command = commands.add_parser("edit", help=_("change answers of a submission (a new revision)"))
    edit_command.add_argument("record_id", metavar="RECORD_ID")
    edit_command.add_argument("--set", action="append", required=True, metavar="PATH=VALUE",
                              help=_("an answer to change; repeat for several"))
    from fieldkit.sync import commands as sync_commands

    sync_commands.add_parsers(commands)
    from fieldkit.reports import commands as report_commands

    report_commands.add_parsers(commands)
    from fieldkit.reports.export import command as export_command

    export_command.add_parser(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    arguments = parser.parse_args(argv)
    if arguments.command == "form" and arguments.form_command == "check":
        return form_check(arguments.paths)
    if arguments.command in ("submit", "records", "edit"):
        return _run_store_command(arguments)
    if arguments.command in SYNC_COMMANDS:
        return _run_sync_command(arguments)
    if arguments.command == "report":
        from fieldkit.reports import commands as report_commands

        return report_commands.run(arguments)
    if arguments.command == "export":
        from fieldkit.reports.export import command as export_command

        return export_command.run(arguments)
    if arguments.command in (None, "gui"):
        from fieldkit.ui.app import run  # Qt only loads when the window is wanted

        return run(arguments.data_dir, arguments.lang)
    parser.print_help()
    return 0


if __name__ == "__main__":
    import multiprocessing

    multiprocessing.freeze_support()  # in a frozen (PyInstaller) app the sync import's worker process starts here
    sys.exit(main())
