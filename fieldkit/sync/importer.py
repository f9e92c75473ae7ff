"""Importing a bundle, in the order of DESIGN.md §5:

size limits → signature → trusted signer → versions → chunk hashes → decrypt →
revision hashes and signatures → stage → commit.

Everything up to "stage" only reads (the bundle and the database), so a bundle that
fails any check leaves the database exactly as it was. Then each chunk is committed in
its own transaction on the store's writer thread (fieldkit.sync.commit). A chunk is
parsed once: the verified revisions are kept for the commit (up to KEEP_PARSED_BYTES a
bundle), so what is committed is what was verified; a chunk beyond that is read again,
and its bytes must hash to what was verified (a USB stick can change under us).

`BundleImport` runs the steps in three calls: `check` needs only the bundle (the pure
revision checks, verify.check_lines, may run in a worker process), `stage` reads the
store, `commit` writes. fieldkit.sync.pipeline overlaps one bundle's `check` with the
previous one's `commit`; `import_bundle` runs the three in a row.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from fieldkit.store import trust
from fieldkit.store.errors import StoreError, os_store_error
from fieldkit.store.trust import Trust
from fieldkit.store.values import JsonObject, RevisionDict
from fieldkit.sync import bundle as bundles
from fieldkit.sync import quarantine as quarantined
from fieldkit.sync.archive import Limits
from fieldkit.sync.commit import Chunk, Plan, after_commit, commit_plan
from fieldkit.sync.errors import (
    CHECKER_STOPPED,
    READ_FAILED,
    REVOKED_SIGNER,
    TOO_MANY_LINES,
    UNKNOWN_SIGNER,
    BundleError,
    CheckerStopped,
)
from fieldkit.sync.evidence import Tampering
from fieldkit.sync.verify import CheckedLines, RevisionChecker, check_lines, manifest_keys

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    from fieldkit.store import Store

QUARANTINE_DIR = quarantined.QUARANTINE_DIR


@dataclass
class ImportReport:
    path: str
    status: str = "imported"  # imported | already_present | quarantined | rejected | failed | verified
    bundle_id: str | None = None
    device: str = ""
    fingerprint: str = ""
    step: str = ""  # the verification step that refused it
    reason: str = ""
    reason_en: str = ""
    revisions: int = 0
    new: int = 0
    present: int = 0
    pending: int = 0
    applied_pending: int = 0
    conflicts_opened: int = 0
    gaps: dict[str, list[list[int]]] = field(default_factory=dict)  # site_id -> [first, last] seq missing
    tampering: list[Tampering] = field(default_factory=list)
    # site_id -> revisions held until that device is trusted
    awaiting_trust: dict[str, int] = field(default_factory=dict)
    clock_skew: list[str] = field(default_factory=list)  # the sites whose clock is far ahead

    @property
    def rejected(self) -> bool:
        """Not imported, or not wholly: refused, or stopped by a storage fault (retry)."""
        return self.status in ("rejected", "failed")

    def as_dict(self) -> JsonObject:
        return asdict(self)


# Verified chunks are kept parsed for the commit up to this many bytes of JSON lines per
# bundle (a 1,000-submission bundle of the bench: ~16 MB); beyond it a chunk is read,
# hash-checked against what was verified, and parsed again, so memory stays bounded.
KEEP_PARSED_BYTES = 24 << 20


@dataclass
class _Checking:
    """A bundle whose chunks are being checked. Per chunk in order, its name and: (digest,
    Future of CheckedLines); None: checked at staging (past KEEP_PARSED_BYTES); or the
    BundleError that stopped the reading there (the last entry)."""
    key: bytes | None
    keys: dict[str, bytes]  # what the checks were given
    chunks: list[tuple[str, tuple[str, Future[CheckedLines]] | BundleError | None]]


class _Quarantined(Exception):
    pass


# check(lines, keys) -> Future of verify.CheckedLines: here, or in a worker process
Check = Callable[[bytes, dict[str, bytes]], Future[CheckedLines]]
Progress = Callable[[str, int, int], None]  # (step, done, total)


def check_here(lines: bytes, keys: dict[str, bytes]) -> Future[CheckedLines]:
    future: Future[CheckedLines] = Future()
    future.set_result(check_lines(lines, keys))
    return future


class BundleImport:
    """One bundle's import in the order of DESIGN.md §5, in three calls that each turn a
    failure into the report (and end the import): `check` (the bundle alone: revisions
    checked by `check`, maybe in a worker process), `stage` (against the store: after the
    commit of every bundle imported before this one) and `commit`."""

    def __init__(self, store: Store, path: Path, *, exchange_private: X25519PrivateKey | None = None,
                 progress: Progress | None = None, wall_ms: Callable[[], int] | None = None,
                 limits: Limits = Limits(), check: Check = check_here, quarantine: bool = True):
        self.store, self.path, self.limits = store, Path(path), limits
        self.report = ImportReport(path=str(path), status="imported" if quarantine else "verified")
        self.bundle: bundles.Bundle | None = None
        self._exchange_private, self._check, self._quarantine = exchange_private, check, quarantine
        self._progress: Progress = progress or (lambda step, done, total: None)
        self._wall_ms = wall_ms
        self._checking: _Checking | None = None
        self._plan: Plan | None = None
        self.done = False

    @property
    def signer_keys(self) -> dict[str, bytes]:
        """The keys this bundle's commit remembers (a next bundle may need them)."""
        return manifest_keys(self.bundle.manifest) if self.bundle is not None and not self.done else {}

    def check(self, *, extra_keys: dict[str, bytes] | None = None) -> None:
        """`extra_keys`: those of the bundle being committed meanwhile (see `_stage`)."""
        if self.done:
            return
        with self._outcome():
            self.bundle = bundles.open_bundle(self.path, limits=self.limits)
            _describe(self.report, self.bundle)
            self._checking = _check(self.store, self.bundle, exchange_private=self._exchange_private,
                                    report=self.report, progress=self._progress, quarantine=self._quarantine,
                                    check=self._check, extra_keys=extra_keys or {})

    def stage(self) -> None:
        if self.done:
            return
        with self._outcome():
            assert self.bundle is not None and self._checking is not None  # check() ran and did not end it
            self._plan = _stage(self.store, self.bundle, self._checking, report=self.report)
            self._checking = None
            if self.report.status == "verified":  # an import counts them once committed
                self.report.revisions = self._plan.revisions

    def commit(self) -> ImportReport:
        if self.done:
            return self.report
        with self._outcome():
            assert self.bundle is not None and self._plan is not None  # stage() ran and did not end it
            commit_plan(self.store, self.bundle, self._plan, report=self.report, progress=self._progress,
                        wall_ms=self._wall_ms)
            after_commit(self.store, self._plan, report=self.report)
        self.close()
        return self.report

    def close(self) -> None:
        self.done = True
        self._checking = self._plan = None
        if self.bundle is not None:
            self.bundle.close()

    @contextlib.contextmanager
    def _outcome(self) -> Iterator[None]:
        try:
            yield
        except CheckerStopped as error:
            self.report.status, self.report.step = "failed", error.step
            self.report.reason, self.report.reason_en = str(error), error.text("en")
            self.close()
        except BundleError as error:
            _reject(self.report, error)
            self.close()
        except _Quarantined:
            self.report.status = "quarantined"
            self.close()
        except StoreError as error:  # disk full, read-only...: the chunks committed stay; importing again completes
            self.report.status, self.report.step = "failed", "commit"
            self.report.reason, self.report.reason_en = str(error), error.text("en")
            self.close()
        except OSError as error:
            self._fault(error)
            self.close()
        except BaseException:
            self.close()
            raise

    def _fault(self, error: OSError) -> None:
        if _ours(self.store, error):  # writing our own files (the quarantine copy): a storage fault
            mapped = os_store_error(error, self.store.data_dir)
            self.report.status, self.report.step = "failed", "commit"
            self.report.reason, self.report.reason_en = str(mapped), mapped.text("en")
        else:  # the bundle vanished or its drive failed: the chunks committed stay
            unreadable(self.path, error, report=self.report)


def import_bundle(store: Store, path: Path, *, exchange_private: X25519PrivateKey | None = None,
                  progress: Progress | None = None,
                  wall_ms: Callable[[], int] | None = None, limits: Limits = Limits()) -> ImportReport:
    """Import one bundle file into `store`, checked here; the report (rejections are reports, not raised)."""
    job = BundleImport(store, path, exchange_private=exchange_private, progress=progress, wall_ms=wall_ms,
                       limits=limits)
    job.check()
    job.stage()
    return job.commit()


def unreadable(path: Path | str, error: OSError, *, report: ImportReport | None = None) -> ImportReport:
    """The report of a bundle that could not be read: status "failed", step "read"."""
    report = report or ImportReport(path=str(path))
    message = BundleError(READ_FAILED, step="read", path=path, detail=error.strerror or error)
    report.status, report.step = "failed", "read"
    report.reason, report.reason_en = str(message), message.text("en")
    return report


def _ours(store: Store, error: OSError) -> bool:
    names = [name for name in (error.filename, error.filename2) if name]
    data_dir = Path(store.data_dir).resolve()
    return any(Path(name).resolve().is_relative_to(data_dir) for name in names)


def verify_file(store: Store, path: Path, *, exchange_private: X25519PrivateKey | None = None,
                limits: Limits = Limits()) -> ImportReport:
    """Every check of an import, without writing anything (nor quarantining)."""
    job = BundleImport(store, path, exchange_private=exchange_private, limits=limits, quarantine=False)
    job.check()
    job.stage()
    job.close()
    return job.report


def _describe(report: ImportReport, bundle: bundles.Bundle) -> None:
    report.bundle_id = bundle.bundle_id
    report.device = str(bundle.manifest.get("device_name", ""))
    report.fingerprint = bundle.fingerprint


def _reject(report: ImportReport, error: BundleError) -> None:
    report.status, report.step = "rejected", error.step
    report.reason, report.reason_en = str(error), error.text("en")


# -- verification (reads only) ---------------------------------------------------------------

def _check(store: Store, bundle: bundles.Bundle, *, exchange_private: X25519PrivateKey | None,
           report: ImportReport, progress: Progress, quarantine: bool, check: Check,
           extra_keys: dict[str, bytes]) -> _Checking:
    """Steps up to "revision" that need only the bundle; the revision checks are handed
    to `check` chunk by chunk (with the keys the store and the manifests give) and not
    awaited. A reading failure is kept for its place in the order (see `_stage`)."""
    _check_signer(store, bundle, report=report, quarantine=quarantine)
    bundles.check_version(bundle)
    total = sum(int(entry.get("size") or 0) for entry in bundle.files.values())
    done = [0]

    def hashed(size: int) -> None:
        done[0] += size
        progress("verify", done[0], total)

    bundles.check_hashes(bundle, progress=hashed)
    key = bundles.bundle_key(bundle, exchange_private=exchange_private)
    with store.read() as connection:
        keys = extra_keys | manifest_keys(bundle.manifest) | trust.site_keys(connection)
    checking = _Checking(key=key, keys=keys, chunks=[])
    kept: int | None = 0  # bytes of lines kept parsed so far; None: past KEEP_PARSED_BYTES
    for name in bundle.chunk_names:
        if kept is None:  # past what is kept: read, checked and dropped at staging
            checking.chunks.append((name, None))
            continue
        try:
            lines = _chunk_lines(bundle, name, key=key)
        except BundleError as error:
            checking.chunks.append((name, error))
            break
        if kept + len(lines) > KEEP_PARSED_BYTES:
            kept = None
            checking.chunks.append((name, None))
            continue
        kept += len(lines)
        checking.chunks.append((name, (hashlib.sha256(lines).hexdigest(), _submit(check, bundle, lines, keys))))
    return checking


def _chunk_lines(bundle: bundles.Bundle, name: str, *, key: bytes | None) -> bytes:
    """A chunk's JSON lines (bundle.chunk_lines), at most Limits.chunk_lines of them:
    counted before any is parsed, so a chunk of millions of tiny lines costs no more
    memory than its bytes."""
    lines = bundles.chunk_lines(bundle, name, key=key)
    limit = bundle.archive.limits.chunk_lines
    if lines.count(b"\n") + (not lines.endswith(b"\n")) > limit:
        raise BundleError(TOO_MANY_LINES, step="decrypt", path=bundle.path, name=name, limit=limit)
    return lines


def _submit(check: Check, bundle: bundles.Bundle, lines: bytes, keys: dict[str, bytes]) -> Future[CheckedLines]:
    try:
        return check(lines, keys)
    except BrokenProcessPool as error:
        raise CheckerStopped(CHECKER_STOPPED, step="revision", path=bundle.path, detail=error) from None


def _stage(store: Store, bundle: bundles.Bundle, checking: _Checking, *, report: ImportReport) -> Plan:
    """The chunks in order, each checked result staged against the store (which holds
    what every bundle imported before this one committed); then tampering and the
    attachments. A chunk past what is kept is read, checked and staged here, then
    dropped (read again to commit). When the checks were given keys the store does not
    hold now (the bundle committed meanwhile brought them, and failed), every chunk is
    checked again here with the store's: the outcome is the one of importing in turn."""
    with store.read() as connection:
        checker = RevisionChecker(connection, bundle)
        again = checker.keys != checking.keys
        chunks: list[Chunk] = []
        for name, handed in checking.chunks:
            if isinstance(handed, BundleError):
                raise handed
            if handed is None or again:
                lines = _chunk_lines(bundle, name, key=checking.key)
                checked = check_lines(lines, checker.keys)
                checker.stage(name, checked)
                keep = handed is not None
                chunks.append(Chunk(name, hashlib.sha256(lines).hexdigest(), checked.revisions if keep else None,
                                     checked.data_texts if keep else None))
                continue
            digest, future = handed
            checked = _result(future, bundle)
            checker.stage(name, checked)
            chunks.append(Chunk(name, digest, checked.revisions, checked.data_texts))
    if checker.tampering:
        _report_tampering(store, bundle, checker.tampering, report)
    for name in sorted(bundle.files):
        if name.startswith("blobs/"):
            bundles.blob_bytes(bundle, name, key=checking.key)
    return Plan(key=checking.key, chunks=chunks, revisions=checker.count, newest_hlc=checker.newest_hlc)


def _result(future: Future[CheckedLines], bundle: bundles.Bundle) -> CheckedLines:
    try:
        return future.result()
    except BrokenProcessPool as error:
        raise CheckerStopped(CHECKER_STOPPED, step="revision", path=bundle.path, detail=error) from None


def _check_signer(store: Store, bundle: bundles.Bundle, *, report: ImportReport, quarantine: bool) -> None:
    with store.read() as connection:
        state = trust.device_trust(connection, fingerprint=bundle.fingerprint)
    values = {"path": bundle.path, "device": report.device, "fingerprint": bundle.fingerprint}
    if state == Trust.REVOKED:
        raise BundleError(REVOKED_SIGNER, step="signer", lang=None, **values)
    if state == Trust.TRUSTED:
        return
    message = BundleError(UNKNOWN_SIGNER, step="signer", lang=None, **values)
    report.step, report.reason, report.reason_en = "signer", str(message), message.text("en")
    if quarantine:
        quarantined.keep(store, bundle, report=report)
    raise _Quarantined()


def _report_tampering(store: Store, bundle: bundles.Bundle, found: list[tuple[str, RevisionDict]],
                      report: ImportReport) -> None:
    """Same device and seq, different content: nobody's work is refused for it; the commit
    keeps both sides by the rule of fieldkit.sync.evidence (and reports them). `bundle
    verify` names them here."""
    if report.status == "verified":
        report.tampering = [{"site_id": other["site_id"], "seq": other["seq"], "kept": kept, "other": other["rev_id"]}
                            for kept, other in found]
