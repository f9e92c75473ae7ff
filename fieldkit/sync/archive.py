"""The bundle's ZIP container, written and read strictly.

Bundles are plain ZIP files (any unzip opens them) in one canonical shape: members
stored (not deflated: chunks are compressed inside, so a zip bomb has nowhere to hide),
no extra fields or comments, fixed dates, members back to back, the central directory
right after them and nothing after it. The reader accepts only that shape and checks
every header field against it, so a flipped byte anywhere in the file is caught: in a
header by the shape check, in a member by the manifest's SHA-256, in the manifest by
its signature. Sizes are checked from the central directory before anything is read.
Only regular files are opened (`open_regular`): a named pipe would block the import
forever, a device never end; they, sockets, folders and loops of links are refused.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from fieldkit.sync.errors import BAD_MEMBER, DUPLICATE_MEMBER, NOT_A_BUNDLE, NOT_A_FILE, TOO_LARGE, BundleError

_LOCAL = struct.Struct("<4sHHHHHIIIHH")
_CENTRAL = struct.Struct("<4sHHHHHHIIIHHHHHII")
_END = struct.Struct("<4sHHHHIIH")
_VERSION = 20  # 2.0: stored members, no zip64
_DOS_DATE = (0 << 9) | (1 << 5) | 1  # 1980-01-01: a fixed date, so equal content is equal bytes

MEMBER_NAME = re.compile(r"manifest\.json|manifest\.sig|forms/[0-9a-f]{64}\.xml|revisions/[0-9]{4,6}\.jsonl"
                         r"|blobs/[0-9a-f]{64}")


@dataclass(frozen=True)
class Limits:
    """What a bundle may hold; checked on declared sizes before reading."""
    bundle: int = 0xFFFF_FFFF - 1  # no zip64: a bigger export is split into several bundles
    members: int = 200_000
    manifest: int = 16 << 20
    signature: int = 64
    chunk: int = 32 << 20  # stored bytes of one revisions chunk
    chunk_expanded: int = 96 << 20  # its JSON lines once decompressed
    blob: int = 64 << 20
    form: int = 16 << 20
    # lines of one chunk: the exporter writes ~4 MiB of revisions of >= 300 bytes a chunk
    # (fewer than 15,000 lines); 96 MiB of "{}" lines would be 33 million
    chunk_lines: int = 100_000
    # bundles of devices not trusted yet kept in <data_dir>/quarantine, in all (oldest out first)
    quarantine: int = 256 << 20

    def for_member(self, name: str) -> int:
        if name == "manifest.json":
            return self.manifest
        if name == "manifest.sig":
            return self.signature
        return {"revisions": self.chunk, "blobs": self.blob, "forms": self.form}[name.split("/")[0]]


@dataclass(frozen=True)
class Member:
    name: str
    size: int
    crc: int
    offset: int  # of its local header


class NotAFile(BundleError):
    """A path that is not a regular file; its `kind` value (English, translated with the
    message) says what it is."""

    message_values = ("kind",)


# what a path that is not a regular file is (these English texts are keys of fieldkit.sync.messages)
_KINDS = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISDIR, "a folder"), (stat.S_ISSOCK, "a socket"),
          (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"))
_NOT_FILE_ERRNOS = {errno.ELOOP: "a loop of symbolic links", errno.EISDIR: "a folder", errno.ENXIO: "a socket"}


def _not_a_file(path: Path, kind: str) -> NotAFile:
    return NotAFile(NOT_A_FILE, step="size", path=path, kind=kind)


def open_regular(path: Path) -> IO[bytes]:
    """`path` open for binary reading if it is a regular file (a link to one is): checked
    before opening, so a FIFO or a device is never opened for reading (it would block or
    never end), and again on what was opened. Raises NotAFile, or OSError."""
    try:
        mode = os.stat(path).st_mode
        if not stat.S_ISREG(mode):
            raise _not_a_file(path, _kind(mode))
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as error:
        if error.errno in _NOT_FILE_ERRNOS:
            raise _not_a_file(path, _NOT_FILE_ERRNOS[error.errno]) from None
        raise
    try:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):  # replaced between the two looks
            raise _not_a_file(path, _kind(mode))
        if hasattr(os, "set_blocking"):
            os.set_blocking(descriptor, True)
        return os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise


def _kind(mode: int) -> str:
    return next((kind for test, kind in _KINDS if test(mode)), "not a regular file")


class ArchiveWriter:
    """Writes members one after the other into a binary file open for writing."""

    def __init__(self, file: IO[bytes]) -> None:
        self._file = file
        self._members: list[Member] = []
        self._offset = 0

    def add(self, name: str, data: bytes) -> None:
        if not MEMBER_NAME.fullmatch(name):
            raise ValueError(f"not a bundle member name: {name!r}")
        encoded = name.encode("ascii")
        crc = zlib.crc32(data)
        header = _LOCAL.pack(b"PK\x03\x04", _VERSION, 0, 0, 0, _DOS_DATE, crc, len(data), len(data),
                             len(encoded), 0)
        self._file.write(header + encoded)
        self._file.write(data)
        self._members.append(Member(name, len(data), crc, self._offset))
        self._offset += len(header) + len(encoded) + len(data)

    def finish(self) -> int:
        """Write the central directory; the archive's size."""
        directory = b"".join(
            _CENTRAL.pack(b"PK\x01\x02", _VERSION, _VERSION, 0, 0, 0, _DOS_DATE, member.crc, member.size,
                          member.size, len(member.name), 0, 0, 0, 0, 0, member.offset) + member.name.encode("ascii")
            for member in self._members)
        self._file.write(directory)
        self._file.write(_END.pack(b"PK\x05\x06", 0, 0, len(self._members), len(self._members), len(directory),
                                   self._offset, 0))
        return self._offset + len(directory) + _END.size


_Fields = tuple[Any, ...]  # a central directory entry as struct unpacks it (bytes and ints)


class ArchiveReader:
    """A bundle file opened for strict reading; `members` in file order."""

    def __init__(self, path: Path, *, limits: Limits = Limits()):
        self.path = Path(path)
        self.limits = limits
        self._file = open_regular(self.path)
        try:
            self.members = self._read_directory()
        except BaseException:
            self._file.close()
            raise

    def close(self) -> None:
        self._file.close()

    @property
    def size(self) -> int:
        return os.fstat(self._file.fileno()).st_size

    def copy_to(self, target: IO[bytes]) -> None:
        """The whole file, as opened (not the path again: it may be something else now), into `target`."""
        self._file.seek(0)
        while block := self._file.read(1 << 20):
            target.write(block)

    def __enter__(self) -> ArchiveReader:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _damaged(self, detail: str) -> BundleError:
        return BundleError(NOT_A_BUNDLE, step="size", path=self.path, detail=detail)

    def _read_directory(self) -> dict[str, Member]:
        size = self._file.seek(0, 2)
        if size > self.limits.bundle:
            raise BundleError(TOO_LARGE, step="size", path=self.path, what="the file", size=size,
                              limit=self.limits.bundle)
        if size < _END.size:
            raise self._damaged("too short")
        self._file.seek(size - _END.size)
        signature, disk, start_disk, here, count, directory_size, directory_offset, comment = _END.unpack(
            self._file.read(_END.size))
        if signature != b"PK\x05\x06" or disk or start_disk or here != count or comment:
            raise self._damaged("no end of archive where it belongs")
        if count > self.limits.members:
            raise BundleError(TOO_LARGE, step="size", path=self.path, what="the number of files", size=count,
                              limit=self.limits.members)
        if directory_offset + directory_size + _END.size != size or directory_size > count * (_CENTRAL.size + 80):
            raise self._damaged("the directory is not where the archive ends")
        self._file.seek(directory_offset)
        return self._parse_directory(self._file.read(directory_size), count, directory_offset)

    def _parse_directory(self, directory: bytes, count: int, directory_offset: int) -> dict[str, Member]:
        entries: list[tuple[_Fields, bytes]] = []
        position = 0
        for _index in range(count):
            if position + _CENTRAL.size > len(directory):
                raise self._damaged("the directory is cut short")
            fields = _CENTRAL.unpack_from(directory, position)
            raw_name = directory[position + _CENTRAL.size: position + _CENTRAL.size + fields[10]]
            entries.append((fields, raw_name))
            position += _CENTRAL.size + fields[10]
        if position != len(directory):
            raise self._damaged("bytes after the directory")
        # names and declared sizes of every entry first: the plainest reason to refuse
        seen: set[str] = set()
        members = [self._check_name_and_size(fields, raw_name, seen) for fields, raw_name in entries]
        expected_offset = 0
        for (fields, _raw), member in zip(entries, members, strict=True):
            self._check_shape(fields, member)
            if member.offset != expected_offset:
                raise self._damaged(f"{member.name} is not where it belongs")
            expected_offset += _LOCAL.size + len(member.name) + member.size
        if expected_offset != directory_offset:
            raise self._damaged("bytes outside the archive's files")
        return {member.name: member for member in members}

    def _check_name_and_size(self, fields: _Fields, raw_name: bytes, seen: set[str]) -> Member:
        name = raw_name.decode("utf-8", "replace")
        if not MEMBER_NAME.fullmatch(name) or not raw_name.isascii():  # traversal, absolute paths, anything else
            raise BundleError(BAD_MEMBER, step="size", path=self.path, name=name)
        if name in seen:
            raise BundleError(DUPLICATE_MEMBER, step="size", path=self.path, name=name)
        seen.add(name)
        stored, size, limit = fields[8], fields[9], self.limits.for_member(name)
        if max(size, stored) > limit:
            raise BundleError(TOO_LARGE, step="size", path=self.path, what=name, size=max(size, stored), limit=limit)
        return Member(name, size, fields[7], fields[16])

    def _check_shape(self, fields: _Fields, member: Member) -> None:
        (signature, made_by, needed, flags, method, time, date, _crc, stored, size, _name_length, extra, comment,
         disk, internal, external, _offset) = fields
        if (signature, made_by, needed, flags, method, time, date, extra, comment, disk, internal, external) != (
                b"PK\x01\x02", _VERSION, _VERSION, 0, 0, 0, _DOS_DATE, 0, 0, 0, 0, 0) or stored != size:
            raise self._damaged(f"{member.name} is not stored the way fieldkit writes bundles")

    def read(self, name: str) -> bytes:
        """A member's bytes, checked against its local header and CRC (size bounded by the limits)."""
        member = self.members[name]
        encoded = name.encode("ascii")
        self._file.seek(member.offset)
        header = self._file.read(_LOCAL.size + len(encoded))
        expected = _LOCAL.pack(b"PK\x03\x04", _VERSION, 0, 0, 0, _DOS_DATE, member.crc, member.size, member.size,
                               len(encoded), 0) + encoded
        if header != expected:
            raise self._damaged(f"the header of {name} does not match the directory")
        data: bytes = self._file.read(member.size)
        if len(data) != member.size or zlib.crc32(data) != member.crc:
            raise self._damaged(f"{name} is damaged")
        return data
