"""Importing a bundle, in the order of DESIGN.md §5:

size limits → signature → trusted signer → versions → chunk hashes → decrypt →
revision hashes and signatures → stage → commit.

Everything up to "stage" only reads (the bundle and the database), so a bundle that
fails any check leaves the database exactly as it was. Then each chunk is committed in
its own transaction on the store's writer thread; a crash between two chunks leaves the
state of a whole number of chunks, and importing again completes it (revisions are
keyed by rev_id: storing one twice stores it once). A chunk is parsed once: the verified
revisions are kept for the commit (up to KEEP_PARSED_BYTES a bundle), so what is committed
is what was verified; a chunk beyond that is read again, and its bytes must hash to what
was verified (a USB stick can change under us).
"""

from __future__ import annotations

import hashlib
import json
import shutil
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from fieldkit.store.errors import StoreError, as_store_error
from fieldkit.store.hlc import hlc_milliseconds
from fieldkit.store.tables import put_blob, put_form, utc_now
from fieldkit.sync import bundle as bundles
from fieldkit.sync import trust
from fieldkit.sync.apply import apply_revisions, record_tampering
from fieldkit.sync.archive import Limits
from fieldkit.sync.errors import (
    CHANGED_DURING_IMPORT, READ_FAILED, REVOKED_SIGNER, TAMPERING, UNKNOWN_SIGNER, BundleError,
)
from fieldkit.sync.status import gaps
from fieldkit.sync.verify import RevisionChecker

CLOCK_SKEW_LIMIT_MS = 24 * 3600 * 1000  # a laptop clock a day ahead is wrong, not a time zone
QUARANTINE_DIR = "quarantine"


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
    gaps: dict = field(default_factory=dict)
    tampering: list = field(default_factory=list)
    clock_skew: list = field(default_factory=list)

    @property
    def rejected(self) -> bool:
        """Not imported, or not wholly: refused, or stopped by a storage fault (retry)."""
        return self.status in ("rejected", "failed")

    def as_dict(self) -> dict:
        return asdict(self)


# Verified chunks are kept parsed for the commit up to this many bytes of JSON lines per
# bundle (a 1,000-submission bundle of the bench: ~16 MB); beyond it a chunk is read,
# hash-checked against what was verified, and parsed again, so memory stays bounded.
KEEP_PARSED_BYTES = 24 << 20


@dataclass
class _Chunk:
    name: str
    digest: str  # SHA-256 of the verified JSON lines
    revisions: list[dict] | None  # parsed and verified; None: read again at commit
    data_texts: dict[str, str] | None  # rev_id -> data as canonical JSON, encoded when verified


@dataclass
class _Plan:
    key: bytes | None
    chunks: list[_Chunk]
    revisions: int
    newest_hlc: dict[str, str]  # site_id -> latest hlc among the bundle's revisions


class _Quarantined(Exception):
    pass


def import_bundle(store, path: Path, *, exchange_private=None, progress: Callable[[str, int, int], None] | None = None,
                  wall_ms: Callable[[], int] | None = None, limits: Limits = Limits()) -> ImportReport:
    """Import one bundle file into `store`; the report (rejections are reports, not raised)."""
    report = ImportReport(path=str(path))
    progress = progress or (lambda step, done, total: None)
    try:
        with bundles.open_bundle(Path(path), limits=limits) as bundle:
            _describe(report, bundle)
            plan = _verify(store, bundle, exchange_private=exchange_private, report=report, progress=progress)
            _commit(store, bundle, plan, report=report, progress=progress, wall_ms=wall_ms)
            _after_commit(store, plan, report=report)
    except BundleError as error:
        _reject(report, error)
    except _Quarantined:
        report.status = "quarantined"
    except StoreError as error:  # disk full, read-only...: the chunks committed stay; importing again completes
        report.status, report.step = "failed", "commit"
        report.reason, report.reason_en = str(error), error.text("en")
    except OSError as error:
        if _ours(store, error):  # writing our own files (the quarantine copy): a storage fault
            mapped = as_store_error(error, store.data_dir)
            report.status, report.step = "failed", "commit"
            report.reason, report.reason_en = str(mapped), mapped.text("en")
        else:  # the bundle vanished or its drive failed: the chunks committed stay
            unreadable(path, error, report=report)
    return report


def unreadable(path, error: OSError, *, report: ImportReport | None = None) -> ImportReport:
    """The report of a bundle that could not be read: status "failed", step "read"."""
    report = report or ImportReport(path=str(path))
    message = BundleError(READ_FAILED, step="read", path=path, detail=error.strerror or error)
    report.status, report.step = "failed", "read"
    report.reason, report.reason_en = str(message), message.text("en")
    return report


def _ours(store, error: OSError) -> bool:
    names = [name for name in (error.filename, error.filename2) if name]
    data_dir = Path(store.data_dir).resolve()
    return any(Path(name).resolve().is_relative_to(data_dir) for name in names)


def verify_file(store, path: Path, *, exchange_private=None, limits: Limits = Limits()) -> ImportReport:
    """Every check of an import, without writing anything (nor quarantining)."""
    report = ImportReport(path=str(path), status="verified")
    try:
        with bundles.open_bundle(Path(path), limits=limits) as bundle:
            _describe(report, bundle)
            plan = _verify(store, bundle, exchange_private=exchange_private, report=report,
                           progress=lambda *_: None, quarantine=False)
            report.revisions = plan.revisions
    except BundleError as error:
        _reject(report, error)
    except _Quarantined:
        report.status = "quarantined"
    return report


def _describe(report: ImportReport, bundle) -> None:
    report.bundle_id = bundle.bundle_id
    report.device = str(bundle.manifest.get("device_name", ""))
    report.fingerprint = bundle.fingerprint


def _reject(report: ImportReport, error: BundleError) -> None:
    report.status, report.step = "rejected", error.step
    report.reason, report.reason_en = str(error), error.text("en")


# -- verification (reads only) ---------------------------------------------------------------

def _verify(store, bundle, *, exchange_private, report, progress, quarantine: bool = True) -> _Plan:
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
        checker = RevisionChecker(connection, bundle)
        chunks, kept = [], 0
        for name in bundle.chunk_names:
            lines = bundles.chunk_lines(bundle, name, key=key)
            revisions, data_texts = checker.check_chunk(name, lines)
            keep = kept + len(lines) <= KEEP_PARSED_BYTES
            kept += len(lines) if keep else 0
            chunks.append(_Chunk(name, hashlib.sha256(lines).hexdigest(), revisions if keep else None,
                                 data_texts if keep else None))
            del lines, revisions, data_texts
    if checker.tampering:
        _report_tampering(store, bundle, checker.tampering, report)
    for name in sorted(bundle.files):
        if name.startswith("blobs/"):
            bundles.blob_bytes(bundle, name, key=key)
    return _Plan(key=key, chunks=chunks, revisions=checker.count, newest_hlc=checker.newest_hlc)


def _check_signer(store, bundle, *, report, quarantine: bool) -> None:
    with store.read() as connection:
        state = trust.device_state(connection, bundle.fingerprint)
    values = {"path": bundle.path, "device": report.device, "fingerprint": bundle.fingerprint}
    if state == trust.REVOKED:
        raise BundleError(REVOKED_SIGNER, step="signer", **values)
    if state == trust.TRUSTED:
        return
    message = BundleError(UNKNOWN_SIGNER, step="signer", **values)
    report.step, report.reason, report.reason_en = "signer", str(message), message.text("en")
    if quarantine:
        _quarantine(store, bundle, report=report)
    raise _Quarantined()


def _quarantine(store, bundle, *, report) -> None:
    """Keep a copy of the bundle aside (the stick may leave) until its signer is trusted."""
    folder = store.data_dir / QUARANTINE_DIR
    folder.mkdir(exist_ok=True)
    target = folder / f"{bundle.bundle_id}.fkb"
    if not target.exists():
        partial = target.with_name(target.name + ".partial")
        shutil.copyfile(bundle.path, partial)
        partial.replace(target)
    store.writer.call(lambda connection: (
        trust.remember_key(connection, fingerprint=bundle.fingerprint, public_key=bundle.public_key,
                           name=report.device),
        trust.quarantine(connection, bundle_id=bundle.bundle_id, fingerprint=bundle.fingerprint,
                         device_name=report.device, file=str(target), size=target.stat().st_size)))


def _report_tampering(store, bundle, found: list[tuple[str, dict]], report) -> None:
    """Same device and seq, different content: kept as evidence, and the bundle refused."""
    def keep(connection):
        for kept, other in found:
            record_tampering(connection, kept=kept, other=other, bundle_id=bundle.bundle_id)

    store.writer.call(keep)
    report.tampering = [{"site_id": other["site_id"], "seq": other["seq"], "kept": kept, "other": other["rev_id"]}
                        for kept, other in found]
    first = found[0][1]
    raise BundleError(TAMPERING, step="stage", path=bundle.path, site_id=first["site_id"], seq=first["seq"])


# -- commit: one transaction per chunk -------------------------------------------------------

def _commit(store, bundle, plan: _Plan, *, report, progress, wall_ms) -> None:
    """Attachments, then one transaction per chunk; the bundle's forms go in the first
    and its bookkeeping (bundles_imported, keys, acknowledgements) in the last, so a
    bundle of one chunk is one transaction (each commit is an fsync)."""
    now = (wall_ms or (lambda: time.time_ns() // 1_000_000))()
    report.clock_skew = sorted(site for site, hlc in plan.newest_hlc.items()
                               if hlc_milliseconds(hlc) > now + CLOCK_SKEW_LIMIT_MS)
    _store_blobs(store, bundle, plan.key)
    count = len(plan.chunks)
    if not count:
        report.gaps = store.writer.call(lambda connection: (
            _store_forms(connection, bundle), _bookkeeping(connection, bundle, plan, report, now=now))[1])
    for number, chunk in enumerate(plan.chunks, start=1):
        revisions, data_texts = chunk.revisions, chunk.data_texts
        chunk.revisions = chunk.data_texts = None  # released once committed
        if revisions is None:
            lines = bundles.chunk_lines(bundle, chunk.name, key=plan.key)
            if hashlib.sha256(lines).hexdigest() != chunk.digest:
                raise BundleError(CHANGED_DURING_IMPORT, step="commit", path=bundle.path, name=chunk.name)
            revisions = [json.loads(line) for line in lines.splitlines() if line]

        def work(connection, revisions=revisions, data_texts=data_texts, first=number == 1, last=number == count):
            if first:
                _store_forms(connection, bundle)
            result = apply_revisions(connection, revisions, bundle_id=bundle.bundle_id, data_texts=data_texts)
            found = None
            if last:
                totals = {counter: getattr(report, counter) + getattr(result, counter)
                          for counter in ("new", "present", "pending")}
                found = _bookkeeping(connection, bundle, plan, report, now=now, totals=totals)
            return result, found

        result, found = store.writer.call(work)
        for counter in ("new", "present", "pending", "applied_pending", "conflicts_opened"):
            setattr(report, counter, getattr(report, counter) + getattr(result, counter))
        report.tampering += result.tampering
        if found is not None:
            report.gaps = found
        progress("import", number, count)
    report.revisions = plan.revisions


def _store_forms(connection, bundle) -> None:
    for form in bundle.manifest.get("forms") or []:
        xform = bundles.member_bytes(bundle, f"forms/{form['sha256']}.xml").decode("utf-8")
        put_form(connection, form_id=form["form_id"], version=form["version"], title=form.get("title") or {},
                 xform=xform, source_sha256=None)


def _store_blobs(store, bundle, key, batch_bytes: int = 64 << 20) -> None:
    """Attachments before the revisions naming them, in transactions of bounded size."""
    names = sorted(name for name in bundle.files if name.startswith("blobs/"))
    while names:
        batch, size = [], 0
        while names and (not batch or size + bundle.files[names[0]]["size"] <= batch_bytes):
            size += bundle.files[names[0]]["size"]
            batch.append(names.pop(0))
        contents = [bundles.blob_bytes(bundle, name, key=key) for name in batch]
        store.writer.call(lambda connection, contents=contents: [put_blob(connection, data) for data in contents])


def _bookkeeping(connection, bundle, plan: _Plan, report, *, now: int, totals: dict | None = None) -> dict:
    """Inside the bundle's last transaction: its signers' keys, clock skew, the sender's
    acknowledgements, bundles_imported; the gaps of the devices it carried."""
    manifest = bundle.manifest
    totals = totals or {"new": report.new, "present": report.present, "pending": report.pending}
    for signer in [{"public_key": manifest["public_key"]}, *(manifest.get("signers") or [])]:
        key = bundles.crypto.unb64(signer["public_key"])
        trust.remember_key(connection, fingerprint=hashlib.sha256(key).hexdigest(), public_key=key,
                           name=report.device if key == bundle.public_key else "")
    for site in report.clock_skew:
        trust.flag_clock_skew(connection, site_id=site, hlc=plan.newest_hlc[site], receiver_ms=now)
    trust.acknowledge(connection, peer=bundle.fingerprint, vector=manifest.get("acknowledges") or {})
    connection.execute("DELETE FROM quarantine WHERE bundle_id = ?", (bundle.bundle_id,))
    connection.execute("INSERT OR REPLACE INTO bundles_imported (bundle_id, site_id, fingerprint, at, new, present, "
                       "pending) VALUES (?, ?, ?, ?, ?, ?, ?)",
                       (bundle.bundle_id, manifest.get("site_id"), bundle.fingerprint, utc_now(), totals["new"],
                        totals["present"], totals["pending"]))
    return gaps(connection, list(plan.newest_hlc))


def _after_commit(store, plan: _Plan, *, report) -> None:
    for site, hlc in plan.newest_hlc.items():
        if site not in report.clock_skew:  # a clock far ahead is not adopted: ours would jump with it
            store.clock.observe(hlc)
    if report.new == 0 and report.applied_pending == 0 and report.pending == 0 and report.revisions:
        report.status = "already_present"
