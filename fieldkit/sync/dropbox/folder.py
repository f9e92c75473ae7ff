"""A drop box in a local folder: a network share, or a folder Nextcloud, Syncthing or
OneDrive already syncs (the Transport contract of fieldkit.sync.dropbox.transport).

The folder is as untrusted as a server: anyone with access to the share may have put a
symbolic link (to /etc/passwd) or a FIFO (a read that never ends) where a bundle should
be. So every path is walked one name at a time without following links: a link or a
special file is left out of listings and refused by fetch, and files are opened with
O_NOFOLLOW and O_NONBLOCK, then checked to be regular before a byte is read.

put() never replaces an existing file unless asked: the upload is written to `.tmp-<random>`
beside the target, flushed, then hard-linked to its name (the link fails if the name
exists, so two writers of one name cannot both win), and the temporary name removed.
File systems without hard links (exFAT, FAT, many SMB shares) get an existence check then
a rename: a writer racing in between could be replaced, which is harmless here since a
bundle's name is its content's digest (the same name holds the same bytes).
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from fieldkit.files import atomic_writer
from fieldkit.sync.dropbox.transport import (
    LOCAL_DISK_FULL,
    TEMPORARY_PREFIX,
    DropBoxError,
    Entry,
    checked_path,
    fills_the_disk,
)

CHUNK = 1 << 20
_NO_LINKS = getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
# a hard link refused this way means the file system has none (FAT, exFAT, SMB, some FUSE)
_LINKS_UNSUPPORTED = {errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EXDEV, errno.EMLINK, errno.ENOSYS}

FULL = ("There is no space left where the drop box writes: {path} could not be written. Free some space, then "
        "sync again; nothing has been lost.")
FORBIDDEN = ("fieldkit may not write {path} (the folder is read-only or belongs to someone else). Check the drop "
             "box folder's permissions, then sync again.")
UNREACHABLE = "The drop box folder {path} cannot be found. Is the network share or the drive connected?"
NOT_FOUND = "{path} is no longer in the drop box."
TOO_LARGE = "{path} in the drop box is larger than {limit} bytes; it was not copied."
NOT_A_FILE = "{path} in the drop box is not a plain file or folder (a link or a special file); it was left alone."
INTERRUPTED = "Reading or writing {path} failed ({detail}); nothing has been lost. Sync again."


def drop_box_error(error: OSError, *, path: Path) -> DropBoxError:
    """The OSError said as what the person must do, naming the path."""
    code = error.errno
    if code in (errno.ENOSPC, errno.EDQUOT):
        return DropBoxError(FULL, reason="full", path=path)
    if code in (errno.EACCES, errno.EPERM, errno.EROFS):
        return DropBoxError(FORBIDDEN, reason="forbidden", path=path)
    if code == errno.ENOENT:
        return DropBoxError(NOT_FOUND, reason="not_found", path=path)
    if code in (errno.ELOOP, errno.ENOTDIR, errno.EISDIR, errno.ENXIO):
        return DropBoxError(NOT_A_FILE, reason="bad_path", path=path)
    if code in (errno.ENOTCONN, errno.EHOSTDOWN, errno.EHOSTUNREACH, errno.ESTALE, errno.ENETDOWN):
        return DropBoxError(UNREACHABLE, reason="unreachable", path=path)
    return DropBoxError(INTERRUPTED, reason="interrupted", path=path, detail=error.strerror or type(error).__name__)


@contextlib.contextmanager
def _mapped(path: Path) -> Iterator[None]:
    try:
        yield
    except OSError as error:
        raise drop_box_error(error, path=path) from None


@contextlib.contextmanager
def _local_target(target: Path) -> Iterator[None]:
    """Faults while copying into `target`, on this computer: a full disk here is not the
    drop box's (the person frees space on this computer, not on the share)."""
    try:
        yield
    except OSError as error:
        if fills_the_disk(error):
            raise DropBoxError(LOCAL_DISK_FULL, reason="disk_full", path=target) from None
        raise drop_box_error(error, path=target) from None


class FolderTransport:
    """The drop box at `root`, a folder on this computer (or mounted on it)."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def folders(self) -> list[str]:
        with _mapped(self.root):
            self._check_root()
            with os.scandir(self.root) as entries:
                return sorted(entry.name for entry in entries
                              if entry.is_dir(follow_symlinks=False) and _listed(entry.name))

    def files(self, folder: str) -> list[Entry]:
        parts = checked_path(folder)
        directory = self.root.joinpath(*parts)
        with _mapped(directory):
            self._check_root()
            if not self._walk(parts, missing_ok=True):
                return []
            with os.scandir(directory) as entries:
                return sorted((Entry(name=entry.name, size=entry.stat(follow_symlinks=False).st_size)
                               for entry in entries if entry.is_file(follow_symlinks=False) and _listed(entry.name)),
                              key=lambda entry: entry.name)

    def fetch(self, path: str, target: Path, *, limit: int) -> None:
        parts = checked_path(path)
        source = self.root.joinpath(*parts)
        with _mapped(source):
            self._check_root()
            self._walk(parts[:-1], missing_ok=False)
            descriptor = os.open(source, os.O_RDONLY | _NO_LINKS)
        with os.fdopen(descriptor, "rb") as reading:
            with _mapped(source):
                if not stat.S_ISREG(os.fstat(descriptor).st_mode):
                    raise DropBoxError(NOT_A_FILE, reason="bad_path", path=source)
            with _local_target(Path(target)), atomic_writer(Path(target)) as writing:
                _copy(reading, writing, limit=limit, source=source)

    def put(self, source: Path, path: str, *, replace: bool = False) -> bool:
        parts = checked_path(path)
        final = self.root.joinpath(*parts)
        temporary = final.with_name(TEMPORARY_PREFIX + secrets.token_hex(8))
        with _mapped(final):
            self._check_root()
            self._walk(parts[:-1], missing_ok=False, make=True)
            try:
                _write_whole(Path(source), temporary)
                return _move_into_place(temporary, final, replace=replace)
            finally:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(temporary)

    def remove(self, path: str) -> None:
        parts = checked_path(path)
        target = self.root.joinpath(*parts)
        with _mapped(target):
            self._check_root()
            if self._walk(parts[:-1], missing_ok=True):
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(target)

    def _check_root(self) -> None:
        if not self.root.is_dir():
            raise DropBoxError(UNREACHABLE, reason="unreachable", path=self.root)

    def _walk(self, parts: list[str], *, missing_ok: bool, make: bool = False) -> bool:
        """Whether the folders `parts` under the root exist, each a real folder (a link or a
        file there is refused); made as needed when `make`."""
        folder = self.root
        for part in parts:
            folder = folder / part
            try:
                mode = os.lstat(folder).st_mode
            except FileNotFoundError:
                if make:
                    with contextlib.suppress(FileExistsError):  # another writer made it meanwhile
                        os.mkdir(folder)
                    mode = os.lstat(folder).st_mode
                elif missing_ok:
                    return False
                else:
                    raise
            if not stat.S_ISDIR(mode):
                raise DropBoxError(NOT_A_FILE, reason="bad_path", path=folder)
        return True

    def close(self) -> None:
        """Nothing to let go of: every operation opens and closes its own files."""


def _listed(name: str) -> bool:
    """Whether a name found in the drop box is one fieldkit could have written (temporary
    uploads and names checked_path refuses are left out)."""
    if name.startswith(TEMPORARY_PREFIX):
        return False
    try:
        checked_path(name)
    except DropBoxError:
        return False
    return True


def _copy(reading: BinaryIO, writing: BinaryIO, *, limit: int, source: Path) -> None:
    copied = 0
    while chunk := reading.read(min(CHUNK, limit - copied + 1)):
        copied += len(chunk)
        if copied > limit:
            raise DropBoxError(TOO_LARGE, reason="too_large", path=source, limit=limit)
        writing.write(chunk)


def _write_whole(source: Path, temporary: Path) -> None:
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NO_LINKS, 0o644)
    with os.fdopen(descriptor, "wb") as writing, open(source, "rb") as reading:
        while chunk := reading.read(CHUNK):
            writing.write(chunk)
        writing.flush()
        os.fsync(writing.fileno())


def _move_into_place(temporary: Path, final: Path, *, replace: bool) -> bool:
    if replace:
        os.replace(temporary, final)
    else:
        try:
            os.link(temporary, final, follow_symlinks=False)
        except FileExistsError:
            return False
        except OSError as error:
            if error.errno not in _LINKS_UNSUPPORTED:
                raise
            if os.path.lexists(final):
                return False
            os.rename(temporary, final)
    _sync_folder(final.parent)
    return True


def _sync_folder(folder: Path) -> None:
    """The new name made durable (best effort: some systems cannot open a folder)."""
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
