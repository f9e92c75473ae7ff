"""`python -m fieldkit.cli`: the command line, as the `fieldkit` script runs it."""

import multiprocessing
import sys

from fieldkit.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # in a frozen (PyInstaller) app the sync import's worker process starts here
    sys.exit(main())
