"""The frozen app's entry point: PyInstaller runs this file as `__main__` of the
executable `fieldkit` (packaging/fieldkit.spec).

One executable is three programs, told apart before anything heavy is imported:

- a worker of the bundle import (multiprocessing "spawn", fieldkit.sync.pipeline):
  freeze_support() runs its task and exits; without it each worker would start
  another copy of the app instead;
- the chart process (fieldkit.reports.chart_process), marked by FIELDKIT_CHILD=chart in
  its environment (not an argument: the command line stays the app's own);
- the app: the command line, or the window when no command is given.

It runs from source as well (`python packaging/entry.py ...`), as the tests do.
"""

import multiprocessing
import os
import sys

CHILD_MARKER = "FIELDKIT_CHILD"


def main() -> int:
    if os.environ.pop(CHILD_MARKER, "") == "chart":  # popped: nothing the child starts inherits it
        from fieldkit.reports.chart_child import main as serve_charts

        serve_charts()
        return 0
    from fieldkit.cli import main as command_line

    return command_line()


if __name__ == "__main__":
    multiprocessing.freeze_support()  # first: a spawned worker must never reach the app
    sys.exit(main())
