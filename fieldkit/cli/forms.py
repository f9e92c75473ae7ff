"""`fieldkit form check PATH...`: load forms and say what they hold or what is wrong.

Exit status: 0 every form loads; 1 one does not.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from fieldkit.cli.common import Commands, _, add_command
from fieldkit.text import echo

if TYPE_CHECKING:
    from fieldkit.forms.model import Form


def add_parsers(commands: Commands) -> None:
    form = add_command(commands, "form", _("work with form files"))
    form_commands = form.add_subparsers(dest="form_command", required=True)
    check = add_command(form_commands, "check", _("load forms and report what they hold or what is wrong"),
                        run=_check)
    check.add_argument("paths", nargs="+", metavar="PATH")


def _check(arguments: argparse.Namespace) -> int:
    return form_check(arguments.paths)


def _form_summary(form: Form) -> str:
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
