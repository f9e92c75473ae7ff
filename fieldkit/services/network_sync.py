"""Sync with a drop box over the network or a shared folder: one pass (docs/sync.md,
"One sync pass"). Qt-free; the window runs it in its background-operation helper.

The pass: list the top folders and keep the trusted ones; pull (fetch the bundles not
seen yet, import them with the existing pipeline); read the trusted receipts; push (one
bundle of what this drop box does not have yet); write this device's receipt when its
holdings changed. Nothing here trusts the drop box: bundles go through every check of
the importer, receipts through their signature.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import re
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from fieldkit.services.form_releases import mark_sent, unsent_releases
from fieldkit.services.listing import local_zone
from fieldkit.services.network_pull import BUNDLE_SUFFIX, BUNDLES, Pull
from fieldkit.services.types import Received
from fieldkit.store import dropbox_state as state
from fieldkit.store.acknowledgements import record_acknowledgement, statement_time
from fieldkit.store.errors import os_store_error
from fieldkit.store.holdings import holdings
from fieldkit.store.identity import fingerprint_of
from fieldkit.store.outgoing import revisions_beyond
from fieldkit.store.trust import Trust, device_trust, remember_key
from fieldkit.sync.dropbox import receipts as signed_receipts
from fieldkit.sync.dropbox.transport import DropBoxError, Entry
from fieldkit.sync.export import export_bundle
from fieldkit.sync.importer import ImportReport

if TYPE_CHECKING:
    from fieldkit.services.coordinator import CoordinatorService
    from fieldkit.store import Store
    from fieldkit.sync.dropbox.transport import Transport

# progress(step, done, total): step is "pull" (bundles fetched), "receipts" or "push"
SyncProgress = Callable[[str, int, int], None]

RECEIPT = "receipt.json"
INCOMING, OUTGOING = "incoming", "outgoing"  # under the data folder: files of a pass under way
_SITE = re.compile(r"^[0-9a-f]{32}$")
NOT_RECEIVED = Received()


@dataclass(frozen=True)
class ReceiptSeen:
    """A trusted device's receipt read in a drop box."""

    site_id: str
    device: str  # its name, as it signed it
    created: str  # ISO time it was made, by its clock


@dataclass(frozen=True)
class SyncReport:
    remote: str
    sent_bundles: int = 0
    sent_revisions: int = 0
    imported: list[ImportReport] = field(default_factory=list)
    receipts: list[ReceiptSeen] = field(default_factory=list)
    bad_receipts: dict[str, str] = field(default_factory=dict)  # site_id -> why it was skipped
    error: DropBoxError | None = None

    @property
    def complete(self) -> bool:
        """The pass ran to its end: everything this device holds is in the drop box."""
        return self.error is None


def sync_once(service: CoordinatorService, transport: Transport, *, remote: str,
              progress: SyncProgress | None = None) -> SyncReport:
    """One pass with the drop box `transport` (named `remote` in `remotes`); never raises
    DropBoxError: the report carries it. A fault of this computer's disk raises StoreError."""
    sync = _Pass(service, transport, remote=remote, progress=progress or _quiet)
    try:
        sync.run()
    except DropBoxError as error:
        sync.error = error
    except OSError as error:  # transports say DropBoxError: an OSError is this computer's disk
        raise os_store_error(error, service.store.data_dir) from None
    return SyncReport(remote=remote, sent_bundles=sync.sent_bundles, sent_revisions=sync.sent_revisions,
                      imported=sync.imported, receipts=sync.receipts, bad_receipts=sync.bad_receipts,
                      error=sync.error)


def _quiet(step: str, done: int, total: int) -> None:
    pass


class _Pass:
    def __init__(self, service: CoordinatorService, transport: Transport, *, remote: str,
                 progress: SyncProgress) -> None:
        self.service, self.store, self.transport = service, service.store, transport
        self.remote, self.progress = remote, progress
        self.site_id = self.store.identity.site_id
        self.own_prefix = state.key_prefix(self.store.identity.fingerprint)
        self.sent_bundles = self.sent_revisions = 0
        self.imported: list[ImportReport] = []
        self.receipts: list[ReceiptSeen] = []
        self.bad_receipts: dict[str, str] = {}
        self.error: DropBoxError | None = None

    def run(self) -> None:
        folders = self._trusted_folders(self.transport.folders())
        with _work_folder(self.store.data_dir / INCOMING) as incoming:
            disk_full = self._pull(folders, incoming)
            self._read_receipts(folders, incoming)
        with _work_folder(self.store.data_dir / OUTGOING) as outgoing:
            self._push(outgoing)
            self._write_receipt(outgoing)
        if disk_full is not None:
            raise disk_full

    def _trusted_folders(self, folders: list[str]) -> list[str]:
        """The folders of trusted, unrevoked devices but this one (any site of their key)."""
        with self.store.read() as connection:
            keys = state.trusted_keys(connection)
        return [folder for folder in folders if _SITE.fullmatch(folder)
                and state.key_prefix(folder) != self.own_prefix and state.key_prefix(folder) in keys]

    # -- pull ---------------------------------------------------------------------------------

    def _pull(self, folders: list[str], incoming: Path) -> DropBoxError | None:
        """The bundles not seen yet, fetched and imported (fieldkit.services.network_pull).
        A full disk here stops the pull only, and is returned: sending what this device
        holds needs little room, and matters most."""
        try:
            Pull(self.service, self.transport, remote=self.remote, progress=self.progress,
                 reports=self.imported).run(folders, incoming)
        except DropBoxError as error:
            if error.reason != "disk_full":
                raise
            return error
        return None

    # -- receipts -----------------------------------------------------------------------------

    def _read_receipts(self, folders: list[str], incoming: Path) -> None:
        with self.store.read() as connection:
            keys = state.trusted_keys(connection)  # read again: the pull may have brought keys
        for number, folder in enumerate(folders):
            self.progress("receipts", number, len(folders))
            if RECEIPT not in {entry.name for entry in self.transport.files(folder)}:
                continue
            public_key = keys.get(state.key_prefix(folder))  # None: trusted by fingerprint, key not seen yet
            self._read_receipt(folder, public_key, incoming / f"{folder}-{RECEIPT}")
        self.progress("receipts", len(folders), len(folders))

    def _read_receipt(self, folder: str, public_key: bytes | None, local: Path) -> None:
        try:
            self.transport.fetch(f"{folder}/{RECEIPT}", local, limit=signed_receipts.MAX_BYTES)
            receipt = signed_receipts.read_receipt(local.read_bytes(), site_id=folder, public_key=public_key)
        except DropBoxError as error:
            if error.reason not in ("too_large", "not_found"):
                raise
            self.bad_receipts[folder] = str(error)
            return
        except signed_receipts.ReceiptError as error:
            self.bad_receipts[folder] = str(error)
            return
        finally:
            local.unlink(missing_ok=True)
        fingerprint = fingerprint_of(receipt.key)

        def keep(connection: sqlite3.Connection) -> bool:
            if public_key is None:  # the key of a device trusted by its whole fingerprint only
                if device_trust(connection, fingerprint=fingerprint) is not Trust.TRUSTED:
                    return False
                remember_key(connection, fingerprint=fingerprint, public_key=receipt.key, name=receipt.device)
            state.keep_receipt(connection, remote=self.remote, site_id=folder, device=receipt.device,
                               created=receipt.created, holds=receipt.holds)
            record_acknowledgement(connection, peer=fingerprint, vector=receipt.holds, stated=receipt.created)
            return True

        if not self.store.writer.call(keep):
            self.bad_receipts[folder] = str(signed_receipts.ReceiptError(signed_receipts.OTHER_KEY, site_id=folder))
            return
        self.receipts.append(ReceiptSeen(site_id=folder, device=receipt.device, created=receipt.created))

    # -- push ---------------------------------------------------------------------------------

    def _push(self, outgoing: Path) -> None:
        self.progress("push", 0, 1)
        covered = self._covered()
        releases = unsent_releases(self.store, remote=self.remote)  # forms published since the last put here
        with self.store.read() as connection:
            nothing_new = next(revisions_beyond(connection, acknowledged=covered), None) is None
        if nothing_new and not releases:
            self.progress("push", 1, 1)
            return
        bundle = outgoing / f"push{BUNDLE_SUFFIX}"
        manifest = export_bundle(self.store, bundle, acknowledged=covered, forms=releases)
        bundle_id, count = manifest["bundle_id"], manifest["count"]
        # recorded before the put: a row counts only while its bundle is listed in the drop
        # box, so a crash between the two costs nothing, and a put never goes unrecorded
        self.store.writer.call(lambda connection: state.record_pushed(
            connection, remote=self.remote, bundle_id=bundle_id, base=covered, holds=manifest["acknowledges"],
            count=count))
        try:
            self.transport.put(bundle, f"{self.site_id}/{BUNDLES}/{bundle_id}{BUNDLE_SUFFIX}")
        except DropBoxError:  # not counted as sent before the next listing (unsent_attachment_bytes)
            self.store.writer.call(lambda connection: state.forget_pushed(connection, remote=self.remote,
                                                                          bundle_ids=[bundle_id]))
            raise
        mark_sent(self.store, remote=self.remote, releases=releases)
        self.sent_bundles, self.sent_revisions = 1, count
        self.progress("push", 1, 1)

    def _covered(self) -> state.Vector:
        """What this drop box has of what this device holds: its bundles still listed there,
        and the trusted receipts read there."""
        listed = {_bundle_id(entry) for entry in self.transport.files(f"{self.site_id}/{BUNDLES}")}
        with self.store.read() as connection:
            pushed = state.pushed_bundles(connection, remote=self.remote)
            # only the receipts read in this drop box now: one kept from before (the drop box
            # given a new address, a receipt removed) says nothing of what this one holds
            kept = _trusted_receipts(connection, own_prefix=self.own_prefix, remote=self.remote,
                                     folders={seen.site_id for seen in self.receipts})
        gone = [bundle.bundle_id for bundle in pushed if bundle.bundle_id not in listed]
        if gone:
            self.store.writer.call(lambda connection: state.forget_pushed(connection, remote=self.remote,
                                                                          bundle_ids=gone))
        return coverage(bundles=[bundle for bundle in pushed if bundle.bundle_id in listed],
                        receipts=[receipt.holds for receipt in kept])

    # -- this device's receipt ----------------------------------------------------------------

    def _write_receipt(self, outgoing: Path) -> None:
        with self.store.read() as connection:
            held = holdings(connection)
        if not held or self._receipt_there_holds(held, outgoing / f"own-{RECEIPT}"):
            return
        data = signed_receipts.make_receipt(self.store)
        local = outgoing / RECEIPT
        local.write_bytes(data)
        self.transport.put(local, f"{self.site_id}/{RECEIPT}", replace=True)

    def _receipt_there_holds(self, held: state.Vector, local: Path) -> bool:
        """Whether this device's receipt in the drop box already says it holds `held`: read
        back, not remembered, so that a device restored from an old backup says it holds
        less, and the laptops send again what it lost."""
        if RECEIPT not in {entry.name for entry in self.transport.files(self.site_id)}:
            return False
        try:
            self.transport.fetch(f"{self.site_id}/{RECEIPT}", local, limit=signed_receipts.MAX_BYTES)
            there = signed_receipts.read_receipt(local.read_bytes(), site_id=self.site_id,
                                                 public_key=self.store.identity.public_key)
        except DropBoxError as error:
            if error.reason not in ("too_large", "not_found"):
                raise
            return False
        except signed_receipts.ReceiptError:  # altered in the drop box: written again
            return False
        finally:
            local.unlink(missing_ok=True)
        return dict(there.holds) == held


def coverage(*, bundles: list[state.PushedBundle], receipts: list[state.Vector]) -> state.Vector:
    """Per site, the seq up to which the drop box holds every revision: the highest of the
    receipts, extended by the (base, holds] ranges of the bundles that join on to it."""
    covered: state.Vector = {}
    for vector in receipts:
        for site_id, seq in vector.items():
            covered[site_id] = max(covered.get(site_id, 0), seq)
    ranges: dict[str, list[tuple[int, int]]] = {}
    for bundle in bundles:
        for site_id, high in bundle.holds.items():
            ranges.setdefault(site_id, []).append((bundle.base.get(site_id, 0), high))
    for site_id, pieces in ranges.items():
        reach = covered.get(site_id, 0)
        for low, high in sorted(pieces):
            if low <= reach < high:
                reach = high
        if reach:
            covered[site_id] = reach
    return covered


def _bundle_id(entry: Entry) -> str:
    return entry.name.removesuffix(BUNDLE_SUFFIX)


@contextlib.contextmanager
def _work_folder(parent: Path) -> Iterator[Path]:
    """A folder of this pass's own under `parent` (another pass may run beside it), removed after."""
    parent.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="sync-", dir=parent))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


# -- what the window shows ---------------------------------------------------------------------

def _trusted_receipts(connection: sqlite3.Connection, *, own_prefix: str, remote: str | None = None,
                      folders: set[str] | None = None) -> list[state.KeptReceipt]:
    """Each trusted device's newest receipt (of `remote`, or of every drop box; of those
    `folders` only, when given). Newest per device key, not per folder: a coordinator
    restored from a backup may take a new site, and its old folder's receipt, holding
    what it lost, must not count any more."""
    trusted = state.trusted_keys(connection)
    latest: dict[str, state.KeptReceipt] = {}
    for receipt in state.kept_receipts(connection, own_prefix=own_prefix, remote=remote):
        device = state.key_prefix(receipt.site_id)
        if device not in trusted or (folders is not None and receipt.site_id not in folders):
            continue
        kept = latest.get(device)
        if kept is None:
            latest[device] = receipt
            continue
        # compared as moments (statement_time), not as text: another zone's offset sorts wrongly
        made, kept_made = statement_time(receipt.created), statement_time(kept.created)
        if made > kept_made:
            latest[device] = receipt
        elif made == kept_made:  # made in the same second: believe the less of the two
            latest[device] = dataclasses.replace(kept, holds={
                site_id: min(seq, receipt.holds.get(site_id, 0)) for site_id, seq in kept.holds.items()})
    return list(latest.values())


def _holds_all(receipt: state.KeptReceipt, latest: state.Vector) -> bool:
    return all(receipt.holds.get(site_id, 0) >= seq for site_id, seq in latest.items())


def unreceived_submissions(service: CoordinatorService) -> int:
    """This device's submissions (records) with a revision no trusted receipt holds yet."""
    own_prefix = state.key_prefix(service.store.identity.fingerprint)
    with service.store.read() as connection:
        latest = state.own_latest_seqs(connection, own_prefix=own_prefix)
        kept = _trusted_receipts(connection, own_prefix=own_prefix)
    return sum(1 for seqs in latest.values() if not any(_holds_all(receipt, seqs) for receipt in kept))


def unsent_attachment_bytes(service: CoordinatorService, *, remote: str) -> int:
    """The bytes of photos and files the next push to `remote` would carry, as far as this
    device knows without asking the drop box (no network; a few reads): the attachments of
    the revisions beyond what the trusted receipts read there hold and what the bundles
    this device put there hold (a put that failed is not counted). It over-counts what the
    drop box holds unknown to this device (a bundle whose put failed after it was complete,
    a data folder restored from a backup): that errs on asking. It under-counts only when
    someone removed a bundle of this device's from the drop box, or the app was killed
    during a put: the pass sends that again unasked."""
    own_prefix = state.key_prefix(service.store.identity.fingerprint)
    with service.store.read() as connection:
        kept = _trusted_receipts(connection, own_prefix=own_prefix, remote=remote)
        covered = coverage(bundles=state.pushed_bundles(connection, remote=remote),
                           receipts=[receipt.holds for receipt in kept])
        return state.attachment_bytes_beyond(connection, covered=covered)


def received_marks(store: Store, *, record_ids: Collection[str] | None = None) -> dict[str, Received]:
    """record_id -> whether a trusted receipt holds this device's latest revision of it, for
    every record this device (any site of its key) revised, or those of `record_ids`: two
    reads, whatever the count."""
    own_prefix = state.key_prefix(store.identity.fingerprint)
    with store.read() as connection:
        latest = state.own_latest_seqs(connection, own_prefix=own_prefix, record_ids=record_ids)
        kept = sorted(_trusted_receipts(connection, own_prefix=own_prefix), key=lambda receipt: receipt.created)
    zone, marks = local_zone(), {}
    for record_id, seqs in latest.items():
        first = next((receipt for receipt in kept if _holds_all(receipt, seqs)), None)
        marks[record_id] = NOT_RECEIVED if first is None else _received(first, zone)
    return marks


def _received(receipt: state.KeptReceipt, zone: dt.tzinfo) -> Received:
    try:
        at = dt.datetime.fromisoformat(receipt.created).astimezone(zone).isoformat(timespec="seconds")
    except ValueError:  # read_receipt checked it; kept by an older version: shown as it is
        at = receipt.created
    return Received(by=receipt.device, at=at)


def received_by(service: CoordinatorService, record_id: str) -> list[ReceiptSeen]:
    """The trusted devices whose receipts hold every revision of `record_id` this device made."""
    own_prefix = state.key_prefix(service.store.identity.fingerprint)
    with service.store.read() as connection:
        latest = state.own_latest_seqs(connection, own_prefix=own_prefix, record_id=record_id).get(record_id)
        kept = _trusted_receipts(connection, own_prefix=own_prefix)
    if not latest:
        return []
    return [ReceiptSeen(site_id=receipt.site_id, device=receipt.device, created=receipt.created)
            for receipt in kept if _holds_all(receipt, latest)]
