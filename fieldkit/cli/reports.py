"""The `report` command of `fieldkit`: a summary built by ReportService, written as a PDF
by the one renderer (fieldkit.ui.printing), which needs a QGuiApplication but no window.

report commune CODE --out FILE.pdf · report province CODE --out FILE.pdf
report national --out FILE.pdf · report form FORM_ID [--province CODE] --out FILE.pdf
Each uses the last finalized version of each submission; --drafts the latest saved one.
Exit status: 0 written; 2 a mistake (unknown code, no data, bad target) or a storage fault.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from fieldkit.cli.common import Commands, Refused, _, add_command, language
from fieldkit.text import echo

if TYPE_CHECKING:
    from fieldkit.reports.document import Document
    from fieldkit.services import SurveyService


def add_parsers(commands: Commands) -> None:
    report = add_command(commands, "report", _("print a summary as a PDF file"))
    kinds = report.add_subparsers(dest="report_kind", required=True)
    commune = add_command(kinds, "commune", _("the working-visit record of a commune"), run=run)
    commune.add_argument("code", metavar="CODE", help=_("the commune's official code"))
    province = add_command(kinds, "province", _("the summary of a province"), run=run)
    province.add_argument("code", metavar="CODE", help=_("the province's official code"))
    national = add_command(kinds, "national", _("the national summary"), run=run)
    form = add_command(kinds, "form", _("the summary of one form's answers"), run=run)
    form.add_argument("form_id", metavar="FORM_ID", help=_("the form's id, e.g. commune_infrastructure"))
    form.add_argument("--province", metavar="CODE", help=_("only the communes of this province"))
    for parser in (commune, province, national, form):
        parser.add_argument("--out", required=True, metavar="FILE.pdf", help=_("the PDF file to write"))
        parser.add_argument("--drafts", action="store_true",
                            help=_("use the latest saved version of each submission, drafts included "
                                   "(default: the last finalized one)"))


def build_document(survey: SurveyService, arguments: argparse.Namespace, lang: str) -> Document:
    """The Document the arguments ask for (ReportError when it cannot be built)."""
    from fieldkit.reports.service import ReportService

    reports, drafts = ReportService(survey), arguments.drafts
    if arguments.report_kind == "commune":
        return reports.commune_summary(arguments.code, lang=lang, drafts=drafts)
    if arguments.report_kind == "province":
        return reports.province_summary(arguments.code, lang=lang, drafts=drafts)
    if arguments.report_kind == "national":
        return reports.national_summary(lang=lang, drafts=drafts)
    return reports.form_summary(arguments.form_id, lang=lang, province=arguments.province, drafts=drafts)


def write_report(survey: SurveyService, arguments: argparse.Namespace) -> tuple[Path, int]:
    """Build the summary, then render and write it; returns (path, pages). A summary
    that cannot be built raises ReportError, which main() prints."""
    lang = language()
    out = Path(arguments.out)
    if out.suffix.lower() != ".pdf":
        raise Refused(_("--out must name a .pdf file, not {path}", path=out))
    document = build_document(survey, arguments, lang)
    from fieldkit.ui import printing  # Qt loads only for the renderer, as for the window

    printing.ensure_application()
    with printing.language(lang):
        try:
            return out, printing.write_pdf(document, out)
        except printing.PrintError as error:
            raise Refused(str(error)) from None


def run(arguments: argparse.Namespace) -> int:
    from fieldkit.services import SurveyService

    with SurveyService.open(arguments.data_dir) as survey:
        path, pages = write_report(survey, arguments)
    echo(_("Wrote {path} ({pages} pages).", path=path, pages=pages))
    return 0
