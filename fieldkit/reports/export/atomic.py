"""Writing an export so that the target holds a whole export or what it held before.

A file is written under a temporary name in the target's folder, flushed to the disk,
then renamed over the target (fieldkit.files.atomic_path). CSV exports are a folder: the
same, with a temporary folder. A fault or an interruption leaves the temporary name
removed, nothing else.
"""

from __future__ import annotations

import contextlib
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

from fieldkit.files import atomic_path, fsync_file, fsync_folder
from fieldkit.reports.export import errors

MARKER = "fieldkit-export.json"  # in every CSV export folder: what may be replaced


def _temporary(target: Path, what: str) -> Path:
    return target.with_name(f".{target.name}.{what}-{uuid.uuid4().hex[:8]}")


def _check_parent(target: Path) -> None:
    if not target.parent.is_dir():
        raise errors.ExportError(errors.NO_FOLDER, kind="error", path=target.parent)


@contextlib.contextmanager
def atomic_file(target: Path) -> Iterator[Path]:
    """Yield a temporary path to write the export to; it replaces `target` on success."""
    _check_parent(target)
    if target.is_dir():
        raise errors.ExportError(errors.NOT_A_FILE, kind="error", path=target)
    with errors.write_faults(target), atomic_path(target) as temporary:
        yield temporary


@contextlib.contextmanager
def atomic_folder(target: Path) -> Iterator[Path]:
    """Yield a temporary folder to write the files to; it replaces `target` on success.
    A target folder is replaced only if it is empty or an earlier export (MARKER)."""
    _check_parent(target)
    if target.exists() and not target.is_dir():
        raise errors.ExportError(errors.NOT_A_FOLDER, kind="error", path=target)
    if target.is_dir() and any(target.iterdir()) and not (target / MARKER).is_file():
        raise errors.ExportError(errors.FOLDER_IN_USE, kind="error", path=target)
    temporary = _temporary(target, "partial")
    try:
        with errors.write_faults(target):
            temporary.mkdir()
            yield temporary
            for path in temporary.iterdir():
                fsync_file(path)
            fsync_folder(temporary)
            _swap_folder(temporary, target)
    finally:
        shutil.rmtree(temporary, ignore_errors=True)


def _swap_folder(new: Path, target: Path) -> None:
    """Put `new` at `target`; an earlier export there goes only once `new` is in place."""
    if not target.exists():
        new.rename(target)
        fsync_folder(target.parent)
        return
    old = _temporary(target, "old")
    target.rename(old)
    try:
        new.rename(target)
    except OSError:
        old.rename(target)
        raise
    fsync_folder(target.parent)
    shutil.rmtree(old, ignore_errors=True)
