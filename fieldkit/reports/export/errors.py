"""Why an export could not be made, in words that say what is wrong and where.

`ExportError` is a `StoreError` (the CLI and the GUI already show those in the user's
language); its templates are keys of `fieldkit.reports.export.messages`.
"""

from __future__ import annotations

import contextlib
import errno
import sqlite3
from pathlib import Path

from fieldkit.store.errors import StoreError

UNKNOWN_FORMAT = "There is no export format {format!r}: choose one of {formats}."
BAD_DATE = "{value!r} is not a date: write it as YYYY-MM-DD (e.g. 2025-11-26)."
DATES_REVERSED = "The start date {date_from} is after the end date {date_to}."
UNKNOWN_STATUS = "There is no status {status!r}: choose one of {statuses}."
UNKNOWN_PROVINCE = "There is no province with code {code}."
UNKNOWN_FORM = "There is no form {form_id!r} in this data folder."
NO_FORM_FOR = "The submissions of form {form_id!r} cannot be laid out: this data folder holds none of its versions."
NO_FOLDER = "The folder {path} does not exist. Create it or choose another place."
NOT_A_FILE = "{path} is a folder: give the name of the file to write."
NOT_A_FOLDER = "{path} is a file: give the name of a new folder for the CSV files."
FOLDER_IN_USE = ("The folder {path} already exists and holds other files. Choose a new folder name; "
                 "nothing was written.")
DISK_FULL = ("The disk is full: {path} could not be written. Nothing was exported and no data was changed; "
             "free some space or choose another place.")
READ_ONLY = ("{path} cannot be written: the medium is read-only or you may not write there. "
             "Nothing was exported; choose another place.")
WRITE_FAILED = "{path} could not be written ({detail}). Nothing was exported; check the disk, then try again."


class ExportError(StoreError):
    """An export refused or failed; nothing was left behind at the target."""


_FAULTS = {
    errno.ENOSPC: (DISK_FULL, "disk_full"),
    errno.EDQUOT: (DISK_FULL, "disk_full"),
    errno.EFBIG: (DISK_FULL, "disk_full"),
    errno.EROFS: (READ_ONLY, "read_only"),
    errno.EACCES: (READ_ONLY, "read_only"),
    errno.EPERM: (READ_ONLY, "read_only"),
}


def as_export_error(error: BaseException, target: Path) -> ExportError | None:
    """The ExportError a fault met while writing `target` means (None: not a write fault)."""
    if isinstance(error, ExportError):
        return error
    if isinstance(error, StoreError):
        return None  # reading the store failed: its own message says so
    if isinstance(error, OSError):
        message, kind = _FAULTS.get(error.errno, (WRITE_FAILED, "io"))
        return ExportError(message, kind=kind, path=target, detail=error.strerror or error)
    if isinstance(error, sqlite3.DatabaseError):  # the SQLite export file
        text = str(error).lower()
        if "full" in text:
            return ExportError(DISK_FULL, kind="disk_full", path=target)
        if "readonly" in text or "unable to open" in text:
            return ExportError(READ_ONLY, kind="read_only", path=target)
        return ExportError(WRITE_FAILED, kind="io", path=target, detail=error)
    return None


@contextlib.contextmanager
def write_faults(target: Path):
    """Re-raise write faults inside the block as ExportError naming `target`."""
    try:
        yield
    except (OSError, sqlite3.DatabaseError) as error:
        mapped = as_export_error(error, target)
        if mapped is None:
            raise
        raise mapped from error
