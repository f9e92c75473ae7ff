"""The `demo` command of `fieldkit`: a data folder to learn on (fieldkit.demo).

demo [--data-dir D]: fill D, which must be missing or empty, with a coordinator's view of
a small survey of Lai Châu; print each step, then what was made and how to open it.
With no --data-dir, the folder is `fieldkit-demo` beside the user data folder: the demo
never lands in the real data, and `fieldkit` alone still opens the real data.
Exit status: 0 made; 2 a folder that holds something already, or a storage fault (a
folder that cannot be written, a full disk), with nothing of the demo left in it.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from fieldkit.cli.common import Commands, Refused, _, add_command
from fieldkit.text import echo

if TYPE_CHECKING:
    from fieldkit.demo.scenario import DemoSummary


def add_parsers(commands: Commands) -> None:
    from fieldkit.demo import default_folder

    demo = add_command(commands, "demo", _("fill a new data folder with a demo survey to learn on"), run=run)
    demo.description = _(
        "Fills a new or empty data folder with a small survey of one province, as a coordinator sees it after "
        "importing two laptops' bundles: every commune's forms, a hard and a soft conflict, a duplicate visit. "
        "Open it with fieldkit --data-dir FOLDER.")
    # Also after the command's name; `fieldkit --data-dir D demo` sets it too (no default here).
    demo.add_argument("--data-dir", default=argparse.SUPPRESS, metavar="FOLDER",
                      help=_("the folder to fill, missing or empty (default: {folder}, beside the user data "
                             "folder, so the demo never mixes with real data and is deleted as a whole)",
                             folder=default_folder()))


PROGRESS = {
    "survey": "{device}: surveying {communes} communes…",
    "commune": "  {commune}, {date}: 3 forms finalized",
    "review": "{reviewer} trusts {device} and imports its bundle; both correct the same submissions…",
    "import": "{device} (this folder): trusting both laptops and importing their {bundles} bundles…",
}


def show_progress(step: str, values: dict[str, str]) -> None:
    echo(_(PROGRESS[step], **values))
    sys.stdout.flush()  # line by line through a pipe too


def run(arguments: argparse.Namespace) -> int:
    from fieldkit.demo import default_folder
    from fieldkit.demo.scenario import DemoImportFailed, DemoRefused, build_demo, refuse_unless_empty
    from fieldkit.errors import FieldkitError

    folder = Path(arguments.data_dir) if arguments.data_dir else default_folder()
    started = time.monotonic()
    try:
        refuse_unless_empty(folder)  # before saying it is building
        echo(_("Building a demo survey in {folder}…", folder=folder))
        made = build_demo(folder, progress=show_progress)
    except DemoRefused as refused:
        raise Refused(refusal(refused.kind, folder)) from None
    except DemoImportFailed as failed:
        raise Refused(_("The demo could not import the bundle {path}: {reason}", path=failed.bundle,
                        reason=failed.reason) + "\n" + left_nothing(folder)) from None
    except FieldkitError as error:  # a storage fault: the folder cannot be written, the disk is full
        raise Refused(f"{error}\n{left_nothing(folder)}") from None
    show_summary(made, seconds=time.monotonic() - started)
    return 0


def left_nothing(folder: Path) -> str:
    return _("Nothing of the demo was left in {folder}.", folder=folder)


def refusal(kind: str, folder: Path) -> str:
    if kind == "not_a_folder":
        return _("{folder} is a file, not a folder. Choose a new folder with --data-dir.", folder=folder)
    return _("{folder} already holds files: the demo only fills a new or empty folder, so that it never mixes "
             "with real data. Choose another folder with --data-dir.", folder=folder)


def show_summary(made: DemoSummary, *, seconds: float) -> None:
    counts = made.submissions
    echo(_("Done in {seconds} s. The demo data folder {folder} holds:", seconds=f"{seconds:.0f}",
           folder=made.folder))
    echo(_("  {communes} communes of {province}: {infrastructure} infrastructure, {staffing} staffing and "
           "{minutes} visit-minutes submissions, all finalized", communes=made.communes, province=made.province,
           infrastructure=counts["commune_infrastructure"], staffing=counts["commune_staffing"],
           minutes=counts["visit_minutes"]))
    echo(_("  conflicts to review: {hard} hard, {soft} soft; possible duplicate visits: {duplicates}",
           hard=made.conflicts["hard"], soft=made.conflicts["soft"], duplicates=made.duplicates))
    echo(_("  laptops trusted: {devices}", devices=", ".join(made.devices)))
    echo(_("Open it with:  fieldkit --data-dir {folder}", folder=shell_word(made.folder)))
    echo(_("(the Coordinator menu has its conflicts, duplicate visits, devices and summaries)"))


def shell_word(path: Path) -> str:
    """The path as one word of a command line, on any system's shell."""
    text = str(path)
    return f'"{text}"' if any(character.isspace() for character in text) else text
