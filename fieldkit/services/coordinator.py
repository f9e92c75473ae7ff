"""The coordinator's work, Qt-free: what the coordinator screens and the CLI call.

Import bundles from files or folders (a progress callback per step), export, trust and
revoke devices, review conflicts and resolve them, review possible duplicate visits,
and compare state with another coordinator (status / state_digest). Long calls block:
the GUI runs them in its background-operation helper, never on the GUI thread.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import re
import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fieldkit import paths
from fieldkit.services import devices
from fieldkit.services.form_releases import published_forms
from fieldkit.services.types import ThisDevice
from fieldkit.store import Store, pending, records, tables
from fieldkit.store import trust as device_trust
from fieldkit.store.quarantine import quarantined_bundles
from fieldkit.store.values import Revision
from fieldkit.sync import crypto, merge
from fieldkit.sync import status as sync_status
from fieldkit.sync.apply import ChunkResult, release_trusted
from fieldkit.sync.export import export_bundle
from fieldkit.sync.importer import ImportReport, unreadable, verify_file
from fieldkit.sync.pipeline import RevisionWorker, import_bundles, worth_a_worker

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    from fieldkit.services.survey import SurveyService

BUNDLE_SUFFIX = ".fkb"
RELAYED = "revisions relayed by trusted devices"  # the `path` of trust()'s report of those (messages.py)

# progress(bundle_number, bundle_count, path, step, done, total): step is "verify" (bytes
# hashed of total) or "import" (chunks committed of total)
Progress = Callable[[int, int, str, str, int, int], None]
# import_bundles' progress(index of the bundle, step, done, total)
BundleProgress = Callable[[int, str, int, int], None]
# A public key file as fieldkit.sync.crypto reads and writes it (format, device_name,
# fingerprint, site_id, ed25519, x25519, x25519_signature).
KeyDocument = dict[str, Any]


def normalize_fingerprint(text: str) -> str | None:
    """'3F2A 91C0 …' or '3f2a-91c0-…' -> 64 lowercase hex digits; None if not one."""
    digits = re.sub(r"[\s:\-]", "", text).lower()
    return digits if re.fullmatch(r"[0-9a-f]{64}", digits) else None


def readable_fingerprint(fingerprint: str) -> str:
    """Groups of four, four groups a line: easy to read aloud and compare on two screens."""
    groups = [fingerprint[index:index + 4].upper() for index in range(0, len(fingerprint), 4)]
    return "\n".join(" ".join(groups[index:index + 4]) for index in range(0, len(groups), 4))


class CoordinatorService:
    def __init__(self, store: Store, *, owns_store: bool = False) -> None:
        self.store = store
        self._owns_store = owns_store
        self._exchange: X25519PrivateKey | None = None
        self._worker = RevisionWorker()  # a process of its own, started by a big enough import

    @classmethod
    def open(cls, data_dir: Path | str | None = None, *, device_name: str | None = None) -> CoordinatorService:
        return cls(Store.open(data_dir=paths.data_dir(data_dir), device_name=device_name), owns_store=True)

    @classmethod
    def sharing_store_of(cls, survey: SurveyService) -> CoordinatorService:
        """A coordinator service over the store `survey` opened (one writer thread for both),
        which `survey` closes."""
        return cls(survey.store)

    def close(self) -> None:
        self._worker.close()
        if self._owns_store:
            self.store.close()

    def __enter__(self) -> CoordinatorService:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- keys -------------------------------------------------------------------------------

    def this_device(self) -> ThisDevice:
        return devices.this_device(self)

    def rename_device(self, name: str) -> str:
        """Name this device (fieldkit.services.devices.rename); the name kept."""
        return devices.rename(self, name)

    @property
    def exchange_key(self) -> X25519PrivateKey:
        if self._exchange is None:
            self._exchange = crypto.exchange_key(self.store.data_dir)
        return self._exchange

    def public_key_document(self) -> KeyDocument:
        return crypto.public_key_document(identity=self.store.identity,
                                          exchange_public_key=crypto.exchange_public(self.exchange_key))

    def export_public_key(self, path: Path) -> KeyDocument:
        document = self.public_key_document()
        Path(path).write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        return document

    @staticmethod
    def read_public_key(path: Path) -> KeyDocument:
        """A public key file, checked; ValueError (or OSError) when it is not one."""
        return crypto.read_public_key_file(Path(path))

    # -- bundles ----------------------------------------------------------------------------

    def export(self, out: Path, *, full: bool = False, encrypt_to: Sequence[Path] = (), peer: str | None = None,
               author: str = "") -> dict[str, Any]:
        """Write a bundle to `out` (encrypted to the public key files `encrypt_to`); its manifest."""
        recipients = [self.read_public_key(path) for path in encrypt_to]
        return export_bundle(self.store, Path(out), full=full, peer=peer, recipients=recipients or None,
                             author=author, forms=published_forms(self.store))  # small: every one, every time

    @staticmethod
    def bundle_files(paths_given: list[Path]) -> list[Path]:
        """Files as given; folders (a USB drive) searched for *.fkb, in name order."""
        found: list[Path] = []
        for path in map(Path, paths_given):
            found += sorted(path.rglob(f"*{BUNDLE_SUFFIX}")) if path.is_dir() else [path]
        return found

    def import_paths(self, paths_given: list[Path], *, progress: Progress | None = None) -> list[ImportReport]:
        """One report per bundle found, in order. Never raises OSError: a folder or file
        that cannot be read (a vanished file, a pulled USB stick) is a "failed" report
        (step "read") and the other bundles go on."""
        files: list[Path | ImportReport] = []
        for given in map(Path, paths_given):
            try:
                files += self.bundle_files([given])
            except OSError as error:
                files.append(unreadable(given, error))
        numbers = [number for number, path in enumerate(files, start=1) if not isinstance(path, ImportReport)]
        bundles = [path for path in files if not isinstance(path, ImportReport)]

        def step(index: int, name: str, done: int, total: int) -> None:
            if progress:
                progress(numbers[index], len(files), str(bundles[index]), name, done, total)

        imported = iter(self._import(bundles, progress=step))
        return [path if isinstance(path, ImportReport) else next(imported) for path in files]

    def _import(self, bundles: list[Path], *, progress: BundleProgress | None = None) -> list[ImportReport]:
        """import_bundles, with the worker process when there is enough to check."""
        worker = self._worker if worth_a_worker(self._worker, bundles) else None
        return import_bundles(self.store, bundles, exchange_private=self.exchange_key, worker=worker,
                              progress=progress)

    def verify(self, path: Path) -> ImportReport:
        return verify_file(self.store, Path(path), exchange_private=self.exchange_key)

    # -- trust ------------------------------------------------------------------------------

    def trust(self, fingerprint_or_key_file: str) -> tuple[str, list[ImportReport]]:
        """Trust a device; import the bundles of it that wait in quarantine. (fingerprint, reports)."""
        fingerprint, public_key, name = self._device_named_by(fingerprint_or_key_file)
        released = self._trust_and_release(fingerprint, public_key=public_key, name=name)
        with self.store.read() as connection:
            waiting = quarantined_bundles(connection, fingerprint=fingerprint)
        reports = self._import([Path(bundle.file) for bundle in waiting])
        for bundle, report in zip(waiting, reports, strict=True):
            if not report.rejected and report.status != "quarantined":
                Path(bundle.file).unlink(missing_ok=True)
        if released.applied_pending:
            reports.insert(0, ImportReport(path=RELAYED, device=name, fingerprint=fingerprint,
                                           applied_pending=released.applied_pending,
                                           conflicts_opened=released.conflicts_opened))
        return fingerprint, reports

    def _device_named_by(self, fingerprint_or_key_file: str) -> tuple[str, bytes | None, str]:
        """(fingerprint, public key, device name) of a fingerprint typed (no key, no name
        yet: they come with its first bundle) or of a public key file."""
        fingerprint = normalize_fingerprint(fingerprint_or_key_file)
        if fingerprint is not None:
            return fingerprint, None, ""
        document = self.read_public_key(Path(fingerprint_or_key_file))
        return document["fingerprint"], document["ed25519"], document["device_name"]

    def _trust_and_release(self, fingerprint: str, *, public_key: bytes | None, name: str) -> ChunkResult:
        """Trust the device and store its revisions that trusted laptops relayed, in one transaction."""
        def write(connection: sqlite3.Connection) -> ChunkResult:
            device_trust.record_trust(connection, fingerprint=fingerprint, trusted=True, public_key=public_key,
                                      name=name)
            return release_trusted(connection)

        released: ChunkResult = self.store.writer.call(write)
        return released

    def untrust(self, fingerprint_or_key_file: str) -> str:
        """Revoke a device: what it sent stays; nothing new from its key is accepted."""
        fingerprint = normalize_fingerprint(fingerprint_or_key_file)
        if fingerprint is None:
            fingerprint = self.read_public_key(Path(fingerprint_or_key_file))["fingerprint"]
        if fingerprint == self.store.identity.fingerprint:
            raise ValueError("this device cannot revoke its own key")
        self.store.writer.call(
            lambda connection: device_trust.record_trust(connection, fingerprint=fingerprint, trusted=False))
        return fingerprint

    def devices(self) -> list[dict[str, object]]:
        """Every site known, first seen first, with the revisions that wait for its trust."""
        with self.store.read() as connection:
            waiting = pending.awaiting_trust(connection)
            known = device_trust.known_devices(connection)
        return [{"site_id": device.site_id, "fingerprint": device.fingerprint, "name": device.name,
                 "first_seen": device.first_seen, "state": device.trust.value,
                 "clock_skew": device.clock_skew.as_dict() if device.clock_skew else None,
                 "awaiting_trust": waiting.get(device.site_id, 0)} for device in known]

    def quarantined(self) -> list[dict[str, str | int | None]]:
        """The bundles kept aside, oldest first, as rows."""
        with self.store.read() as connection:
            return [bundle.as_dict() for bundle in quarantined_bundles(connection)]

    # -- conflicts, duplicates, status ------------------------------------------------------

    def conflicts(self) -> list[dict[str, Any]]:
        with self.store.read() as connection:
            return merge.conflicts(connection, automatic=_automatic_paths_of_stored_forms(connection))

    def resolve(self, record_id: str, *, take: str | None = None, answers: dict[str, str] | None = None,
                author: str = "") -> Revision:
        """A resolution revision (parents: every head), signed by this device; the revision."""
        with self.store.read() as connection:
            plan = merge.resolution(connection, record_id=record_id, take=take, answers=answers,
                                    instance=self._instance_with)
        return self._commit(record_id, plan, author=author, action="resolve")

    def _commit(self, record_id: str, plan: merge.Resolution, *, author: str, action: str) -> Revision:
        revision: Revision = self.store.commit_revision(
            record_id=record_id, author=author or self.store.identity.device_name, action=action,
            parents=plan.parents, form_id=plan.form_id, form_version=plan.form_version, data=plan.data,
            deleted=plan.deleted).result()
        return revision

    def _instance_with(self, revision: Revision, answers: dict[str, str]) -> str | None:
        """The revision's whole instance (as a Submission stores it) with `answers` set;
        None when the store does not hold its form version."""
        with self.store.read() as connection:
            found = tables.form_xform(connection, revision.form_id, revision.form_version)
        if found is None or revision.instance_xml is None:
            return None
        from fieldkit.forms import load_form
        from fieldkit.services.submission import ensure_repeat_instances, whole_instance_xml

        session = load_form(found[1].encode("utf-8"), file_type="xml").new_session()
        session.from_xml(revision.instance_xml)
        for path, value in sorted(answers.items()):
            ensure_repeat_instances(session, path)
            session.set(path, value)
        return whole_instance_xml(session)

    def delete(self, record_id: str, *, author: str = "") -> Revision:
        """A tombstone: a deleted revision on every head (nothing is erased)."""
        with self.store.read() as connection:
            plan = merge.resolution(connection, record_id=record_id)
        return self._commit(record_id, dataclasses.replace(plan, deleted=True), author=author, action="delete")

    def duplicates(self) -> list[list[records.RecordVisit]]:
        """Groups of live records of the same form and commune not yet reviewed."""
        with self.store.read() as connection:
            visits = records.unreviewed_visits(connection)
        groups: dict[tuple[str, str], list[records.RecordVisit]] = {}
        for visit in visits:
            groups.setdefault((visit.form_id, visit.commune), []).append(visit)
        return [group for group in groups.values() if len(group) > 1]

    def mark_duplicate(self, record_id: str, *, duplicate_of: str | None, author: str = "") -> None:
        """Mark a record a duplicate of another (None: reviewed, keep both). Local to this coordinator."""
        self.store.writer.call(lambda connection: records.mark_duplicate(
            connection, record_id=record_id, duplicate_of=duplicate_of, author=author))

    def unmark_duplicates(self, record_ids: list[str]) -> None:
        """Undo marks just made: the records are to review again."""
        self.store.writer.call(lambda connection: records.unmark_duplicates(connection, record_ids=record_ids))

    def status(self) -> dict[str, object]:
        with self.store.read() as connection:
            return sync_status.status(connection)


def _automatic_paths_of_stored_forms(connection: sqlite3.Connection) -> Callable[[str, str], frozenset[str]]:
    """merge's `automatic`: the fields each stored form version fills by itself, each
    form read once (none for a version this folder does not hold)."""
    from fieldkit.forms.automatic import automatic_paths

    @functools.cache
    def automatic(form_id: str, version: str) -> frozenset[str]:
        found = tables.form_xform(connection, form_id, version)
        return automatic_paths(found[1]) if found else frozenset()

    return automatic
