"""The command line: the same services as the GUI, for scripts and for the field.

One module per area adds its sub-commands (`add_parsers`), each naming what it runs
(`set_defaults(run=...)`); main() runs it and turns a refusal or a fault of the domain
into one line on stderr and exit status 2.
"""

from __future__ import annotations

import argparse
import sys

from fieldkit.cli import entry, export, forms, reports, sync
from fieldkit.cli.common import Refused, _, add_command
from fieldkit.text import echo

AREAS = (forms, entry, sync, reports, export)  # the commands, in the order --help lists them


def open_window(arguments: argparse.Namespace) -> int:
    from fieldkit.ui.app import run  # Qt only loads when the window is wanted

    return run(arguments.data_dir, arguments.lang)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="fieldkit", description=_("Offline field surveys of communes."))
    parser.add_argument("--data-dir", help=_("where fieldkit keeps its data (default: the user data folder)"))
    parser.add_argument("--lang", choices=("vi", "en"),
                        help=_("language of the window (default: Vietnamese, or the one last chosen)"))
    parser.set_defaults(run=open_window)
    commands = parser.add_subparsers(dest="command")
    add_command(commands, "gui", _("open the application window (what fieldkit does with no command)"),
                run=open_window)
    for area in AREAS:
        area.add_parsers(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    from fieldkit.reports.errors import ReportError
    from fieldkit.store import StoreError

    arguments = build_parser().parse_args(argv)
    try:
        return int(arguments.run(arguments))
    except (Refused, StoreError, ReportError) as error:
        echo(str(error), file=sys.stderr)
        return 2
