"""Faults a person must see, in plain words that name the file.

SQLite and the operating system report a full disk, a read-only medium, a file another
program holds, or a damaged file as low-level errors; `storage_errors()` turns them into
a `StoreError` whose message says what happened and where, in the user's language.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from fieldkit.errors import FieldkitError

DISK_FULL = "The disk is full: {path} could not be written. Free some space, then try again; nothing has been lost."
READ_ONLY = ("The data file {path} is on a read-only medium or cannot be written. "
             "Copy the data folder to a writable disk or choose another with --data-dir.")
LOCKED = "The data file {path} is in use by another program (another fieldkit window?). Close it, then try again."
CORRUPT = ("The data file {path} is damaged or is not a fieldkit database. It has been left untouched; "
           "restore a copy (the folder keeps one before each upgrade) or choose another data folder.")
IO_ERROR = "The data file {path} could not be read or written ({detail}). Check the disk, then try again."
EMPTY_DATABASE = ("The data file {path} is empty (0 bytes): the data it held is not in it. It has been left "
                  "untouched; restore a copy, or move it away to start a new database in this folder.")
NEWER_SCHEMA = "This data was written by a newer fieldkit (schema {schema}); update the app. File: {path}"
KEY_PERMISSIONS = ("The device key {path} can be read by other users (mode {mode}). "
                   "Make it private (chmod 600 {path}) and start again.")
KEY_CORRUPT = ("The device key {path} is damaged ({detail}). It was not replaced, because this laptop's "
               "identity depends on it: restore it from a backup.")


class StoreError(FieldkitError):
    """A fault a person must see. `text(lang)` gives the message in a language;
    `str()` gives it in the command line's (fieldkit.i18n.message_language)."""

    def __init__(self, message: str, *, kind: str = "error", lang: str | None = None, **values: object) -> None:
        self.kind = kind  # disk_full | read_only | locked | corrupt | io | newer_schema | key | error
        super().__init__(message, lang=lang, **values)


_SQLITE_FAULTS = (
    ("database or disk is full", DISK_FULL, "disk_full"),
    ("attempt to write a readonly database", READ_ONLY, "read_only"),
    ("readonly database", READ_ONLY, "read_only"),
    ("database is locked", LOCKED, "locked"),
    ("database table is locked", LOCKED, "locked"),
    ("file is not a database", CORRUPT, "corrupt"),
    ("database disk image is malformed", CORRUPT, "corrupt"),
    ("unable to open database file", READ_ONLY, "read_only"),
    ("disk i/o error", IO_ERROR, "io"),
)
_OS_FAULTS = {
    errno.ENOSPC: (DISK_FULL, "disk_full"),
    errno.EDQUOT: (DISK_FULL, "disk_full"),
    errno.EROFS: (READ_ONLY, "read_only"),
    errno.EACCES: (READ_ONLY, "read_only"),
    errno.EPERM: (READ_ONLY, "read_only"),
}


def as_store_error(error: BaseException, path: Path | str) -> StoreError | None:
    """The StoreError a low-level error means, or None when it is not a storage fault."""
    if isinstance(error, StoreError):
        return error
    if isinstance(error, sqlite3.DatabaseError):
        text = str(error).lower()
        for fragment, message, kind in _SQLITE_FAULTS:
            if fragment in text:
                if kind == "io" and _nearly_full(path):  # SQLite says "disk I/O error" when it
                    message, kind = DISK_FULL, "disk_full"  # cannot make its -shm file on a full disk
                return StoreError(message, kind=kind, path=path, detail=error)
        return None
    if isinstance(error, OSError):
        return os_store_error(error, path)
    return None


def os_store_error(error: OSError, path: Path | str) -> StoreError:
    """The StoreError an operating system's error means (every one is a storage fault)."""
    if error.errno in _OS_FAULTS:
        message, kind = _OS_FAULTS[error.errno]
        return StoreError(message, kind=kind, path=getattr(error, "filename", None) or path, detail=error)
    return StoreError(IO_ERROR, kind="io", path=getattr(error, "filename", None) or path,
                      detail=error.strerror or error)


FULL_BELOW_BYTES = 256 * 1024  # less free than this, and an I/O error is the disk being full


def _nearly_full(path: Path | str) -> bool:
    folder = Path(path)
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    try:
        info = os.statvfs(folder)
    except (OSError, AttributeError):  # no statvfs on Windows
        return False
    return info.f_bavail * info.f_frsize < FULL_BELOW_BYTES


@contextlib.contextmanager
def storage_errors(path: Path | str) -> Iterator[None]:
    """Re-raise storage faults inside the block as StoreError naming `path`."""
    try:
        yield
    except (sqlite3.DatabaseError, OSError) as error:
        mapped = as_store_error(error, path)
        if mapped is None:
            raise
        raise mapped from error
