"""What a drop box must do, wherever it is: the five operations push and pull use.

Paths are relative, '/'-separated, made only of the names DropBoxLayout gives (a site id,
`bundles`, `receipt.json`, a bundle file name): a transport refuses any other (`..`, an
absolute path, a backslash) with DropBoxError(BAD_PATH), so a crafted listing cannot
make it read or write outside the drop box. Everything a transport reads is untrusted:
sizes are capped by the caller (`limit`), and the files are verified after download
(bundles by the importer, receipts by their signature).

A write is never seen half done: the file goes to a temporary name in the same folder
(`.tmp-<random>`, which listings leave out) and is moved into place once complete;
an existing file of that name is left as it is (a bundle's name is its content's
digest, so the same name means the same bundle), except for `receipt.json`, replaced.
"""

from __future__ import annotations

import errno
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from fieldkit.errors import FieldkitError

TEMPORARY_PREFIX = ".tmp-"
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")


@dataclass(frozen=True, slots=True)
class Entry:
    """One file of a listed folder."""

    name: str
    size: int


class DropBoxError(FieldkitError):
    """The drop box could not do what was asked; `kind` says why, so that sync can tell
    a wrong password from a full server from no network, and the message what to do."""

    kind = "drop_box"

    def __init__(self, message: str, *, reason: str, lang: str | None = None, **values: object) -> None:
        self.reason = reason  # one of REASONS
        super().__init__(message, lang=lang, **values)


# why an operation failed: what the person must do differs for each
# ("full" is the drop box's storage; "disk_full" this computer's disk, which a fetch writes)
REASONS = ("unreachable", "unauthorized", "forbidden", "not_found", "full", "server", "certificate",
           "bad_path", "too_large", "interrupted", "disk_full")


class Transport(Protocol):
    """A drop box's storage. Every method raises DropBoxError, never OSError or an HTTP
    library's own exception."""

    def files(self, folder: str) -> list[Entry]:
        """The files of `folder` (no sub-folders, no temporary files); [] when it does not exist."""
        ...

    def folders(self) -> list[str]:
        """The folders at the drop box's top (one per site that ever wrote)."""
        ...

    def fetch(self, path: str, target: Path, *, limit: int) -> None:
        """The file at `path` copied to the local file `target` (written whole or not at
        all); DropBoxError(too_large) past `limit` bytes, DropBoxError(disk_full) when this
        computer's disk fills meanwhile, the partial copy removed either way."""
        ...

    def put(self, source: Path, path: str, *, replace: bool = False) -> bool:
        """The local file `source` stored at `path` (its folders made as needed), through a
        temporary name; False when `path` existed and `replace` is False (left as it was)."""
        ...

    def remove(self, path: str) -> None:
        """`path` removed; nothing happens when it is already gone."""
        ...

    def close(self) -> None:
        """Let go of what the transport holds open (a connection); it may be used again after."""
        ...


def checked_path(path: str) -> list[str]:
    """The parts of a drop-box path, each a plain name; DropBoxError(bad_path) otherwise."""
    parts = path.split("/")
    if not parts or any(_NAME.fullmatch(part) is None for part in parts):
        raise DropBoxError(BAD_PATH, reason="bad_path", path=path)
    return parts


def fills_the_disk(error: OSError) -> bool:
    """Whether writing on this computer failed for want of space (the disk, or a quota)."""
    return error.errno in (errno.ENOSPC, errno.EDQUOT)


LOCAL_DISK_FULL = ("This computer's disk is full: {path} could not be written, and nothing was kept of it. "
                   "Free some space, then sync again.")
BAD_PATH = "The drop box named a file {path!r}, which is not a name fieldkit writes; it was left alone."
