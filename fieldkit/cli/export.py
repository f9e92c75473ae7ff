"""`fieldkit export`: the export of the submissions as a command.

export --format csv|xlsx|sqlite|geojson|json --out PATH [--form ID] [--province CODE]
       [--from DATE] [--to DATE] [--status S] [--labels] [--raw]
Exit status: 0 done; 2 a mistake or a storage fault (the message on stderr).
"""

from __future__ import annotations

import argparse

from fieldkit.cli.common import Commands, _, add_command, language
from fieldkit.text import echo


def add_parsers(commands: Commands) -> None:
    from fieldkit.reports.export import FORMATS, STATUSES

    export = add_command(commands, "export", _("export the submissions (CSV, XLSX, SQLite, GeoJSON, JSON)"), run=run)
    export.add_argument("--format", required=True, choices=FORMATS, help=_("the file format"))
    export.add_argument("--out", required=True, metavar="PATH",
                        help=_("the file to write (for CSV: a new folder, one file per table)"))
    export.add_argument("--form", metavar="ID", help=_("only this form (default: every form)"))
    export.add_argument("--province", metavar="CODE", help=_("only this province (its two-digit code)"))
    export.add_argument("--from", dest="date_from", metavar="DATE",
                        help=_("only submissions last changed on or after this day (YYYY-MM-DD)"))
    export.add_argument("--to", dest="date_to", metavar="DATE",
                        help=_("only submissions last changed on or before this day (YYYY-MM-DD)"))
    export.add_argument("--status", choices=STATUSES, help=_("only submissions with this status"))
    export.add_argument("--labels", action="store_true",
                        help=_("write choice labels instead of codes (in the language of --lang)"))
    export.add_argument("--raw", action="store_true",
                        help=_("CSV: write text as stored, without the quote that stops a spreadsheet from "
                               "running text starting with = + - @ as a formula (for data pipelines)"))


def run(arguments: argparse.Namespace) -> int:
    from fieldkit.reports.export import export_submissions
    from fieldkit.services import SurveyService

    with SurveyService.open(arguments.data_dir) as service:
        result = export_submissions(
            service, format=arguments.format, out=arguments.out, form_id=arguments.form,
            province=arguments.province, date_from=arguments.date_from, date_to=arguments.date_to,
            status=arguments.status, labels=arguments.labels, lang=language(), raw=arguments.raw)
    echo(_("Exported {count} submissions to {path}", count=result.submissions, path=result.path))
    for name, count in result.rows.items():
        echo(_("  {table}: {count} rows", table=name, count=count))
    if result.format == "geojson":
        echo(_("  {count} points", count=result.features))
    return 0
