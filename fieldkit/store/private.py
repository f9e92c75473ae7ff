"""The data folder and its files are private to the user, as the device key is.

The folder is 0700 (no one else may even list it) and what fieldkit writes there is 0600:
the database, SQLite's write-ahead log and shared-memory files (SQLite gives them the
database file's mode), the copies made before migrations, the key and the logs. Exports
go where the user chooses and keep the mode the user's umask gives them. Folders and
files are made private by fieldkit.files; here, the database with its companions.
"""

from __future__ import annotations

from pathlib import Path

from fieldkit.files import private_file

SQLITE_COMPANIONS = ("-wal", "-shm", "-journal")


def private_database(path: Path) -> None:
    """The database file and the companions SQLite keeps beside it."""
    for name in ("", *SQLITE_COMPANIONS):
        private_file(path.with_name(path.name + name))
