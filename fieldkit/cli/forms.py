"""`fieldkit form check PATH...`: load forms and say what they hold or what is wrong.
`fieldkit form publish FILE`: a coordinator publishes a form (or a new version of one),
which travels to the laptops at the next sync. `fieldkit form list`: the forms offered
for new submissions, the published ones marked. (`forms` is the same command.)

Exit status: check: 0 every form loads, 1 one does not; publish: 0 published, 2 refused.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from fieldkit.cli.common import Commands, Refused, _, add_command, language
from fieldkit.text import echo

if TYPE_CHECKING:
    from fieldkit.forms.model import Form


def add_parsers(commands: Commands) -> None:
    form = add_command(commands, "form", _("work with form files"), aliases=("forms",))
    form_commands = form.add_subparsers(dest="form_command", required=True)
    check = add_command(form_commands, "check", _("load forms and report what they hold or what is wrong"),
                        run=_check)
    check.add_argument("paths", nargs="+", metavar="PATH")
    publish = add_command(form_commands, "publish",
                          _("publish a form, or a new version of one, to the laptops at the next sync"),
                          run=_publish)
    publish.add_argument("path", metavar="FILE", help=_("the XLSForm or XForm file"))
    add_command(form_commands, "list", _("list the forms offered for new submissions"), run=_list)


def _publish(arguments: argparse.Namespace) -> int:
    from fieldkit.forms import FormError
    from fieldkit.services import SurveyService
    from fieldkit.services.form_releases import publish_form

    with SurveyService.open(arguments.data_dir) as service:
        try:
            entry = publish_form(service, arguments.path)
        except FormError as error:
            detail = str(error).removeprefix(f"{error.source}: ") if error.source else str(error)
            raise Refused(_("ERROR {path}: {error}", path=arguments.path, error=detail)) from None
    echo(_("Published {form_id} version {version}: {title}", form_id=entry.form_id, version=entry.version,
           title=entry.title.get(language()) or entry.title.get("") or entry.form_id))
    echo(_("It travels to the laptops at the next sync (fieldkit sync, or a bundle export)."))
    if entry.asks_encryption:  # ODK Collect would encrypt them with the form's key; fieldkit does not
        echo(_("This form asks for encrypted submissions (public_key): fieldkit keeps its answers signed but "
               "not encrypted, on this computer and in drop boxes. To hand them over encrypted, use "
               "fieldkit bundle export --encrypt-to KEYFILE (a coordinator's key from fieldkit keys export)."))
    return 0


def _list(arguments: argparse.Namespace) -> int:
    from fieldkit.services import SurveyService
    from fieldkit.services.form_releases import published_forms

    with SurveyService.open(arguments.data_dir) as service:
        published = set(published_forms(service.store))
        for entry in service.catalog():
            title = entry.title.get(language()) or entry.title.get("") or entry.form_id
            mark = _(" (published)") if (entry.form_id, entry.version) in published else ""
            echo(_("{form_id} version {version}: {title}", form_id=entry.form_id, version=entry.version or "-",
                   title=title) + mark)
    return 0


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
