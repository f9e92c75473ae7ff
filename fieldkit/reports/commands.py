"""The `report` command of `fieldkit`: a summary built by ReportService, written as a PDF
by the one renderer (fieldkit.ui.printing), which needs a QGuiApplication but no window.

report commune CODE --out FILE.pdf · report province CODE --out FILE.pdf
report national --out FILE.pdf · report form FORM_ID [--province CODE] --out FILE.pdf
Exit status: 0 written; 2 a mistake (unknown code, no data, bad target) or a storage fault.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from fieldkit.i18n import language_code, translate
from fieldkit.reports import command_messages  # noqa: F401 - registers the Vietnamese
from fieldkit.text import echo, printable_values


def _default_lang() -> str:
    return language_code(os.environ.get("FIELDKIT_LANG") or "vi")


def _(message: str, lang: str | None = None, **values) -> str:
    return translate(message, lang or _default_lang(), **printable_values(values))  # values made printable


def add_parsers(commands) -> None:
    report = commands.add_parser("report", help=_("print a summary as a PDF file"))
    kinds = report.add_subparsers(dest="report_kind", required=True)
    commune = kinds.add_parser("commune", help=_("the working-visit record of a commune"))
    commune.add_argument("code", metavar="CODE", help=_("the commune's official code"))
    province = kinds.add_parser("province", help=_("the summary of a province"))
    province.add_argument("code", metavar="CODE", help=_("the province's official code"))
    national = kinds.add_parser("national", help=_("the national summary"))
    form = kinds.add_parser("form", help=_("the summary of one form's answers"))
    form.add_argument("form_id", metavar="FORM_ID", help=_("the form's id, e.g. commune_infrastructure"))
    form.add_argument("--province", metavar="CODE", help=_("only the communes of this province"))
    for parser in (commune, province, national, form):
        parser.add_argument("--out", required=True, metavar="FILE.pdf", help=_("the PDF file to write"))
        # Its own dest: a subparser's default would overwrite `fieldkit --lang en report ...`.
        parser.add_argument("--lang", dest="report_lang", choices=("vi", "en"),
                            help=_("language of the summary (default: Vietnamese)"))


def report_language(arguments) -> str:
    return getattr(arguments, "report_lang", None) or getattr(arguments, "lang", None) or _default_lang()


def build_document(survey, arguments, lang: str):
    """The Document the arguments ask for (ReportError when it cannot be built)."""
    from fieldkit.reports.service import ReportService

    reports = ReportService(survey)
    if arguments.report_kind == "commune":
        return reports.commune_summary(arguments.code, lang=lang)
    if arguments.report_kind == "province":
        return reports.province_summary(arguments.code, lang=lang)
    if arguments.report_kind == "national":
        return reports.national_summary(lang=lang)
    return reports.form_summary(arguments.form_id, lang=lang, province=arguments.province)


class _Refused(Exception):
    """The report cannot be written: its message is printed, the exit status is 2."""


def write_report(survey, arguments) -> tuple[Path, int]:
    """Build the summary, then render and write it; returns (path, pages)."""
    from fieldkit.reports.errors import ReportError

    lang = report_language(arguments)
    out = Path(arguments.out)
    if out.suffix.lower() != ".pdf":
        raise _Refused(_("--out must name a .pdf file, not {path}", lang, path=out))
    try:
        document = build_document(survey, arguments, lang)
    except ReportError as error:
        raise _Refused(error.text(lang)) from None
    from fieldkit.ui import printing  # Qt loads only for the renderer, as for the window

    printing.ensure_application()
    with printing.language(lang):
        try:
            return out, printing.write_pdf(document, out)
        except printing.PrintError as error:
            raise _Refused(str(error)) from None


def run(arguments) -> int:
    from fieldkit.services import SurveyService
    from fieldkit.store import StoreError

    lang = report_language(arguments)
    try:
        with SurveyService.open(arguments.data_dir) as survey:
            path, pages = write_report(survey, arguments)
    except (_Refused, StoreError) as error:
        echo(str(error), file=sys.stderr)
        return 2
    echo(_("Wrote {path} ({pages} pages).", lang, path=path, pages=pages))
    return 0
