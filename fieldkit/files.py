"""Writing a file so that its name holds the whole new content or the old one, never half.

Every writer of the application goes through `atomic_write` (bytes or text),
`atomic_writer` (a file to stream into) or `atomic_path` (a name for a library that
opens the file itself, such as SQLite): the content goes to a temporary file in the same
folder, which is flushed to the disk, renamed over the target, and then the folder is
flushed so the rename survives a power cut. A fault or an interruption removes the
temporary file and leaves the target as it was; the fault itself (OSError) reaches the
caller, which says it in words (a full disk, a read-only medium).
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

PRIVATE_MODE = 0o600  # the device key, the data folder's files: the user's alone
PRIVATE_FOLDER_MODE = 0o700  # the data folder: no one else may even list it
_SHARED_MODE = 0o666  # narrowed by the umask, as any new file is
_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


def atomic_write(target: Path, data: bytes | str, *, private: bool = False, durable: bool = True) -> None:
    """Put `data` (text is written as UTF-8) at `target` whole, or leave `target` as it was.
    `private`: 0600 from the first byte. `durable=False` skips the flushes, for files a
    crash may lose (a cache, a best-effort ledger): the rename is still all-or-nothing."""
    with atomic_writer(target, private=private, durable=durable) as file:
        file.write(data.encode("utf-8") if isinstance(data, str) else data)


@contextlib.contextmanager
def atomic_writer(target: Path, *, private: bool = False, durable: bool = True) -> Iterator[BinaryIO]:
    """A binary file to stream the content into; it replaces `target` when the block ends
    without an exception (see `atomic_write` for the options)."""
    with _replacing(Path(target), durable=durable) as temporary:
        with os.fdopen(_create(temporary, private=private), "wb") as file:
            yield file
            file.flush()
            if durable:
                os.fsync(file.fileno())


@contextlib.contextmanager
def atomic_path(target: Path, *, private: bool = False, durable: bool = True) -> Iterator[Path]:
    """The name of an empty temporary file beside `target` for a writer that opens files by
    name; it replaces `target` when the block ends without an exception."""
    with _replacing(Path(target), durable=durable) as temporary:
        os.close(_create(temporary, private=private))
        yield temporary
        if durable:
            fsync_file(temporary)


@contextlib.contextmanager
def _replacing(target: Path, *, durable: bool) -> Iterator[Path]:
    # a new name each time: two writers of one target never share a temporary file
    temporary = target.with_name(f".{target.name}.{secrets.token_hex(4)}.partial")
    try:
        yield temporary
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):  # the fault that stopped the write is the one to report
            temporary.unlink(missing_ok=True)
        raise
    if durable:
        fsync_folder(target.parent)


def _create(temporary: Path, *, private: bool) -> int:
    descriptor = os.open(temporary, _CREATE, PRIVATE_MODE if private else _SHARED_MODE)
    if private and hasattr(os, "fchmod"):
        try:
            os.fchmod(descriptor, PRIVATE_MODE)  # whatever the umask: exactly 0600
        except OSError:
            os.close(descriptor)
            raise
    return descriptor


def fsync_file(path: Path) -> None:
    """Flush a file written by name (by SQLite, a spreadsheet library) to the disk."""
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def fsync_folder(folder: Path) -> None:
    """Flush the folder's entries, so a rename survives a power cut. Windows cannot open
    a folder (its renames are durable on return); some file systems (FAT sticks, network
    shares) cannot sync one: neither is an error."""
    if os.name != "posix":
        return
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def private_folder(path: Path) -> None:
    """Create `path` (and missing parents) private; make an existing one of ours private."""
    path.mkdir(mode=PRIVATE_FOLDER_MODE, parents=True, exist_ok=True)
    _restrict(path, PRIVATE_FOLDER_MODE)


def private_file(path: Path) -> None:
    """Make an existing file of ours 0600 (nothing if it is absent)."""
    _restrict(path, PRIVATE_MODE)


def _restrict(path: Path, mode: int) -> None:
    if os.name != "posix":
        return
    try:
        info = path.stat()
    except FileNotFoundError:
        return
    if info.st_uid == os.getuid() and stat.S_IMODE(info.st_mode) & 0o077:
        os.chmod(path, stat.S_IMODE(info.st_mode) & mode)
