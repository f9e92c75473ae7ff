"""The data folder and its files are private to the user, as the device key is.

The folder is 0700 (no one else may even list it) and what fieldkit writes there is 0600:
the database, SQLite's write-ahead log and shared-memory files (SQLite gives them the
database file's mode), the copies made before migrations, the key and the logs. Exports
go where the user chooses and keep the mode the user's umask gives them.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from fieldkit.files import PRIVATE_MODE

FOLDER_MODE = 0o700
FILE_MODE = PRIVATE_MODE  # what fieldkit.files.atomic_write(private=True) gives
SQLITE_COMPANIONS = ("-wal", "-shm", "-journal")


def private_folder(path: Path) -> None:
    """Create `path` (and missing parents) private; make an existing one of ours private."""
    path.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    _restrict(path, FOLDER_MODE)


def private_file(path: Path) -> None:
    """Make an existing file of ours 0600 (nothing if it is absent)."""
    _restrict(path, FILE_MODE)


def private_database(path: Path) -> None:
    """The database file and the companions SQLite keeps beside it."""
    for name in ("", *SQLITE_COMPANIONS):
        private_file(path.with_name(path.name + name))


def _restrict(path: Path, mode: int) -> None:
    if os.name != "posix":
        return
    try:
        info = path.stat()
    except FileNotFoundError:
        return
    if info.st_uid == os.getuid() and stat.S_IMODE(info.st_mode) & 0o077:
        os.chmod(path, stat.S_IMODE(info.st_mode) & mode)
