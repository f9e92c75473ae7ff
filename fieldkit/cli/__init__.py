"""The command line: the same services as the GUI, for scripts and for the field.

One module per area adds its sub-commands (`add_parsers`), each naming what it runs
(`set_defaults(run=...)`); main() resolves the language once (fieldkit.cli.common), runs
the command and turns a refusal (Refused) or an error of the domain (FieldkitError) into
one line on stderr and exit status 2.
"""

from __future__ import annotations

import argparse
import os
import sys

from fieldkit import paths
from fieldkit.cli import demo, entry, export, forms, network, reports, self_test, serve, sync, window
from fieldkit.cli.common import LANGUAGES, Refused, _, add_command, resolve_language, typed_language
from fieldkit.i18n import set_message_language
from fieldkit.text import echo

AREAS = (forms, entry, sync, network, serve, reports, export, demo)  # the commands, in the order --help lists them


def open_window(arguments: argparse.Namespace) -> int:
    window.refuse_without_display_libraries()  # before Qt aborts for want of them, naming none
    from fieldkit.ui.app import run  # Qt only loads when the window is wanted

    # Only a --lang typed here: the window otherwise opens in the language last chosen in it.
    return run(arguments.data_dir, arguments.lang)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="fieldkit", description=_("Offline field surveys of communes."))
    parser.add_argument("--data-dir", help=_("where fieldkit keeps its data (default: the user data folder; "
                                             "in a portable kit, data/ beside the program)"))
    parser.add_argument("--lang", choices=LANGUAGES,
                        help=_("language of the window or of the command (default: the window's last choice, "
                               "else Vietnamese; a command takes FIELDKIT_LANG first)"))
    self_test.add_flag(parser)
    parser.set_defaults(run=open_window)
    commands = parser.add_subparsers(dest="command")
    add_command(commands, "gui", _("open the application window (what fieldkit does with no command)"),
                run=open_window)
    for area in AREAS:
        area.add_parsers(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    from fieldkit.errors import FieldkitError

    paths.keep_inside_kit()  # a portable kit: before matplotlib or Qt reads where to write
    argv = sys.argv[1:] if argv is None else argv
    # Before the parser, whose help texts speak it; the self-test's never comes from the user's data folder.
    lang, data_dir = typed_language(argv)
    set_message_language(self_test.self_test_language(lang) if self_test.requested(argv)
                         else resolve_language(lang, data_dir))
    arguments = build_parser().parse_args(argv)
    run = self_test.run if arguments.self_test else arguments.run
    try:
        status = int(run(arguments))
        sys.stdout.flush()  # here, so that a reader gone away is seen below, not at exit
        return status
    except (Refused, FieldkitError) as error:
        echo(str(error), file=sys.stderr)
        return 2
    except BrokenPipeError:
        # `fieldkit records | head`: the reader has what it wanted. Python's advice: stdout
        # to devnull, or the interpreter's own flush at exit prints a traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
