"""The files side of `fieldkit serve` (fieldkit.sync.dropbox.server): request paths made
of checked names, folders walked one step at a time without following links, only
regular files served, a device's usage, uploads moved into place, PROPFIND listings.
A request's path is untrusted: anything else is refused with a Refusal (status, text).
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import BinaryIO
from urllib.parse import quote, unquote, urlsplit
from xml.sax.saxutils import escape

from fieldkit.sync.dropbox.transport import TEMPORARY_PREFIX, DropBoxError, checked_path

PATH_LIMIT = 1024
TEMPORARY = re.compile(rf"^{re.escape(TEMPORARY_PREFIX)}[0-9a-f]{{1,64}}$")
# what a file or folder takes on the disk however small (a block, an inode): a laptop's
# empty uploads and folders count against its quota, or it could park them without end
ENTRY_ROOM = 4096
NO_LINKS = getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


class Refusal(Exception):
    def __init__(self, status: int, text: str) -> None:
        super().__init__(text)
        self.status = status


def request_parts(target: str) -> list[str]:
    """The names of a request's path (or a Destination URL's); a temporary name only last."""
    path = urlsplit(target).path
    if len(path) > PATH_LIMIT or not path.startswith("/"):
        raise Refusal(400, "not a drop box path")
    try:
        text = unquote(path, errors="strict")
    except UnicodeError:
        raise Refusal(400, "not a drop box path") from None
    text = text[1:].removesuffix("/")
    if not text:
        return []
    parts = text.split("/")
    for number, part in enumerate(parts):
        if number == len(parts) - 1 and TEMPORARY.fullmatch(part):
            continue
        try:
            checked_path(part)
        except DropBoxError:
            raise Refusal(400, "not a drop box path") from None
    return parts


def lstat_mode(path: Path) -> int:
    try:
        return os.lstat(path).st_mode
    except FileNotFoundError:
        return 0


def walk(root: Path, parts: list[str]) -> Path | None:
    """The folder `parts` under `root` if each step is a real folder (never a link); None otherwise."""
    folder = root
    for part in parts:
        folder = folder / part
        if not stat.S_ISDIR(lstat_mode(folder)):
            return None
    return folder


@contextlib.contextmanager
def regular_file(root: Path, parts: list[str]) -> Iterator[tuple[BinaryIO, int]]:
    folder = walk(root, parts[:-1]) if parts else None
    if folder is None or TEMPORARY.fullmatch(parts[-1]):
        raise Refusal(404, "no such file")
    try:
        descriptor = os.open(folder / parts[-1], os.O_RDONLY | NO_LINKS)
    except FileNotFoundError:
        raise Refusal(404, "no such file") from None
    except OSError:
        raise Refusal(403, "not a plain file") from None
    with os.fdopen(descriptor, "rb") as reading:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise Refusal(403, "not a plain file")
        yield reading, status.st_size


def usage(folder: Path, *, name: str, taken_in: Mapping[str, int]) -> int:
    """Bytes of the regular files and folders under `folder` (links not followed), named
    `name` under the drop box's root, each at least ENTRY_ROOM, but the files in `taken_in`
    (path -> size) with that same size: a file the coordinator took in. Another size under
    a taken name is another file."""
    total = 0
    with contextlib.suppress(FileNotFoundError, NotADirectoryError):
        with os.scandir(folder) as entries:
            for entry in entries:
                path = f"{name}/{entry.name}"
                if entry.is_dir(follow_symlinks=False):
                    total += ENTRY_ROOM + usage(Path(entry.path), name=path, taken_in=taken_in)
                elif entry.is_file(follow_symlinks=False):
                    size = entry.stat(follow_symlinks=False).st_size
                    total += 0 if taken_in.get(path) == size else max(size, ENTRY_ROOM)
    return total


def into_place(source: Path, final: Path, *, replace: bool) -> bool:
    try:
        if replace:
            os.replace(source, final)
            return True
        try:
            os.link(source, final, follow_symlinks=False)
        except FileExistsError:
            return False
        return True
    finally:
        source.unlink(missing_ok=True)


def multistatus(folder: Path, parts: list[str]) -> bytes:
    base = "/" + "".join(quote(part, safe="") + "/" for part in parts)
    answers = [_response(base, collection=True, size=0)]
    with os.scandir(folder) as entries:
        for entry in sorted(entries, key=lambda entry: entry.name):
            if TEMPORARY.fullmatch(entry.name) or entry.name.startswith(TEMPORARY_PREFIX):
                continue
            try:
                checked_path(entry.name)
            except DropBoxError:
                continue
            href = base + quote(entry.name, safe="")
            if entry.is_dir(follow_symlinks=False):
                answers.append(_response(href + "/", collection=True, size=0))
            elif entry.is_file(follow_symlinks=False):
                answers.append(_response(href, collection=False, size=entry.stat(follow_symlinks=False).st_size))
    return ('<?xml version="1.0" encoding="utf-8"?><d:multistatus xmlns:d="DAV:">' + "".join(answers)
            + "</d:multistatus>").encode("utf-8")


def _response(href: str, *, collection: bool, size: int) -> str:
    kind = "<d:resourcetype><d:collection/></d:resourcetype>" if collection else \
        f"<d:resourcetype/><d:getcontentlength>{size}</d:getcontentlength>"
    return (f"<d:response><d:href>{escape(href)}</d:href><d:propstat><d:prop>{kind}</d:prop>"
            "<d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>")
