"""The pull of a sync pass (docs/sync.md, "One sync pass", step 2): the bundles of the
trusted folders not seen yet, fetched into the pass's folder under `incoming/`, then
imported with the existing pipeline. Qt-free.

A pull never fills this computer's disk. A bundle listed larger than the import accepts
is refused from its listing, never fetched. Before each fetch, the data folder's disk
must have room for the copy, for what importing it stores (about as much again), for
the imports of the copies waiting in the batch, and FREE_MARGIN besides; and the fetch
stops where that room ends, even when the drop box sends more than it listed. Short of
room, the pull stops with the reason "disk_full" (DropBoxError), saying what it needs
and what is free; the copy is never half kept.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from shutil import disk_usage
from typing import TYPE_CHECKING

from fieldkit.i18n import translate
from fieldkit.services.network_sync_messages import DISK_FULL, TOO_LARGE_BUNDLE, TOO_LARGE_LISTED
from fieldkit.store import dropbox_state as state
from fieldkit.sync.archive import Limits
from fieldkit.sync.dropbox.transport import DropBoxError
from fieldkit.sync.importer import ImportReport

if TYPE_CHECKING:
    from fieldkit.services.coordinator import CoordinatorService
    from fieldkit.sync.dropbox.transport import Transport

BUNDLES = "bundles"
BUNDLE_SUFFIX = ".fkb"
PULL_BATCH = 64  # bundles fetched, then imported together: bounds the disk a pull borrows
BUNDLE_LIMIT = Limits().bundle  # the importer refuses a bigger file: never worth fetching
# free space left to the rest of the app and the laptop whatever a pull brings: SQLite's
# write-ahead log while a big bundle commits, the day's photos and drafts, the system
FREE_MARGIN = 256 << 20

Wanted = tuple[str, int]  # a bundle's drop box path, and its size as listed
Fetched = tuple[str, int, Path]  # ... and the local copy


def megabytes_up(size: int) -> int:
    return -(-size // 1_000_000)


def _needed(size: int, fetched: list[Fetched]) -> int:
    """Free bytes a bundle of `size` needs: its copy, what its import stores (about as much
    again), the imports of the copies waiting in the batch, and the margin."""
    return 2 * size + sum(waiting for _path, waiting, _local in fetched) + FREE_MARGIN


class Pull:
    """The pull of one pass from one drop box: every import report is added to `reports`
    as it comes, so that what was done is reported even when the pull stops."""

    def __init__(self, service: CoordinatorService, transport: Transport, *, remote: str,
                 progress: Callable[[str, int, int], None], reports: list[ImportReport]) -> None:
        self.service, self.store, self.transport = service, service.store, transport
        self.remote, self.progress, self.reports = remote, progress, reports

    def run(self, folders: list[str], incoming: Path) -> None:
        wanted = self._unseen(folders)
        self.progress("pull", 0, len(wanted))
        for start in range(0, len(wanted), PULL_BATCH):
            self._pull_batch(wanted[start:start + PULL_BATCH], incoming)
            self.progress("pull", min(start + PULL_BATCH, len(wanted)), len(wanted))

    def _unseen(self, folders: list[str]) -> list[Wanted]:
        """The bundles listed in `folders` not seen before, or seen with another size (another file)."""
        with self.store.read() as connection:
            seen = state.seen_sizes(connection, remote=self.remote)
        wanted = []
        for folder in folders:
            for entry in self.transport.files(f"{folder}/{BUNDLES}"):
                path = f"{folder}/{BUNDLES}/{entry.name}"
                if entry.name.endswith(BUNDLE_SUFFIX) and seen.get(path) != entry.size:
                    wanted.append((path, entry.size))
        return wanted

    def _pull_batch(self, batch: list[Wanted], incoming: Path) -> None:
        """Fetch then import; what was fetched is imported even when a fetch fails."""
        fetched: list[Fetched] = []
        try:
            for path, size in batch:
                if size > BUNDLE_LIMIT:
                    self._refuse(path, size, TOO_LARGE_LISTED, size=megabytes_up(size),
                                 limit=BUNDLE_LIMIT // 1_000_000)
                    continue
                if fetched and self._room(size, fetched) < 0:
                    self._import_waiting(fetched)  # frees their copies, and the room their imports need
                limit = self._fetch_limit(path, size, fetched)
                local = incoming / path.replace("/", "-")
                if self._fetch(path, size, local, limit=limit, fetched=fetched):
                    fetched.append((path, size, local))
        finally:
            self._import_waiting(fetched)

    def _room(self, size: int, fetched: list[Fetched]) -> int:
        """The bytes a copy of `size` may take on this disk beyond `size` itself (negative:
        too little), keeping room for its import, the waiting imports, and the margin."""
        return disk_usage(self.store.data_dir).free - _needed(size, fetched)

    def _fetch_limit(self, path: str, size: int, fetched: list[Fetched]) -> int:
        """The most a fetch of `path` may write; DropBoxError(disk_full) when the disk has
        no room for it. Each byte sent beyond the listing (a lying drop box, a file growing
        while it is fetched) is imported too: it needs its room twice."""
        room = self._room(size, fetched)
        if room < 0:
            raise self._disk_full(path, size, fetched)
        return min(BUNDLE_LIMIT, size + room // 2)

    def _fetch(self, path: str, size: int, local: Path, *, limit: int, fetched: list[Fetched]) -> bool:
        try:
            self.transport.fetch(path, local, limit=limit)
        except DropBoxError as error:
            if error.reason == "not_found":  # removed since the listing: nothing to import
                return False
            if error.reason == "too_large" and limit == BUNDLE_LIMIT:  # more than listed, and than a bundle may be
                self._refuse(path, size, TOO_LARGE_BUNDLE, size=megabytes_up(size),
                             limit=BUNDLE_LIMIT // 1_000_000)
                return False
            if error.reason == "too_large":  # more than listed, past the room on this disk
                raise self._disk_full(path, limit + 1, fetched) from None
            if error.reason == "disk_full":  # something else filled the disk meanwhile
                raise self._disk_full(path, size, fetched) from None
            raise
        return True

    def _disk_full(self, path: str, size: int, fetched: list[Fetched]) -> DropBoxError:
        """`size`: what the copy of `path` needs at least (as listed, or as far as its fetch went)."""
        return DropBoxError(DISK_FULL, reason="disk_full", path=path, size=megabytes_up(size),
                            needed=megabytes_up(_needed(size, fetched)),
                            free=disk_usage(self.store.data_dir).free // 1_000_000, folder=self.store.data_dir)

    def _refuse(self, path: str, listed_size: int, message: str, **values: object) -> None:
        """A bundle refused before the import: reported as the import reports a refused
        one, and seen (not fetched again while it is listed with this size)."""
        self.reports.append(ImportReport(path=path, status="rejected", step="size",
                                         reason=translate(message, "vi", path=path, **values),
                                         reason_en=translate(message, "en", path=path, **values)))
        self.store.writer.call(lambda connection: state.mark_seen(connection, remote=self.remote,
                                                                  files=[(path, listed_size)]))

    def _import_waiting(self, fetched: list[Fetched]) -> None:
        waiting = fetched[:]
        fetched.clear()  # whatever happens in the import, not imported twice
        if waiting:
            self._import(waiting)

    def _import(self, fetched: list[Fetched]) -> None:
        reports = self.service.import_paths([local for _path, _size, local in fetched])
        for report, (path, _size, local) in zip(reports, fetched, strict=True):
            # the drop box's name, not the temporary copy's (gone once imported), here and in the reason
            report.path = path
            report.reason, report.reason_en = (report.reason.replace(str(local), path),
                                               report.reason_en.replace(str(local), path))
        self.reports += reports
        # refused bundles too: the report says why, and fetching them again would not help;
        # a storage fault ("failed") is tried again next time
        done = [(path, size) for report, (path, size, _local) in zip(reports, fetched, strict=True)
                if report.status != "failed"]
        self.store.writer.call(lambda connection: state.mark_seen(connection, remote=self.remote, files=done))
        for _path, _size, local in fetched:
            local.unlink(missing_ok=True)  # the importer copied what it keeps (the quarantine)
