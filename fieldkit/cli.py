"""The command line: the same services as the GUI, for scripts and for the field."""

from __future__ import annotations

import argparse
import os
import sys

from fieldkit.i18n import language_code, translate


def _lang() -> str:
    return language_code(os.environ.get("FIELDKIT_LANG") or "vi")


def _(message: str, **values) -> str:
    return translate(message, _lang(), **values)


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
    from fieldkit.forms import FormError, load_form

    failures = 0
    for path in paths:
        try:
            form = load_form(path)
            summary = _form_summary(form)
        except FormError as error:
            failures += 1
            detail = str(error).removeprefix(f"{error.source}: ") if error.source else str(error)
            print(_("ERROR {path}: {error}", path=path, error=detail))
            continue
        print(_("OK {path}: {form_id} (version {version}): {summary}",
                path=path, form_id=form.id, version=form.version or "-", summary=summary))
    return 1 if failures else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="fieldkit", description=_("Offline field surveys of communes."))
    parser.add_argument("--data-dir", help=_("where fieldkit keeps its data (default: the user data folder)"))
    commands = parser.add_subparsers(dest="command")
    form = commands.add_parser("form", help=_("work with form files"))
    form_commands = form.add_subparsers(dest="form_command", required=True)
    check = form_commands.add_parser("check", help=_("load forms and report what they hold or what is wrong"))
    check.add_argument("paths", nargs="+", metavar="PATH")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    arguments = parser.parse_args(argv)
    if arguments.command == "form" and arguments.form_command == "check":
        return form_check(arguments.paths)
    parser.print_help()
    return 0


if __name__ == "__main__":
    sys.exit(main())
