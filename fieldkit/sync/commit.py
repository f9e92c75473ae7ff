"""Step "commit" of an import (DESIGN.md §5): a verified bundle's plan, one transaction per chunk.

Attachments first, then each chunk in its own transaction on the store's writer thread;
the bundle's forms go in the first and its bookkeeping (bundles_imported, keys,
acknowledgements) in the last, so a bundle of one chunk is one fsync'd commit. A crash
between two chunks leaves the state of a whole number of chunks; importing again
completes it (revisions are keyed by rev_id).
"""

from __future__ import annotations

import functools
import hashlib
import json
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from fieldkit.store import naming, sites, trust
from fieldkit.store.acknowledgements import record_acknowledgement
from fieldkit.store.hlc import CLOCK_SKEW_LIMIT_MS, hlc_milliseconds
from fieldkit.store.holdings import gaps
from fieldkit.store.quarantine import forget_quarantined
from fieldkit.store.sync_state import record_bundle_imported
from fieldkit.store.tables import put_blob, put_form
from fieldkit.store.values import RevisionDict
from fieldkit.sync import bundle as bundles
from fieldkit.sync.apply import ChunkResult, apply_revisions
from fieldkit.sync.crypto import unb64
from fieldkit.sync.errors import CHANGED_DURING_IMPORT, BundleError

if TYPE_CHECKING:
    from fieldkit.store import Store
    from fieldkit.sync.importer import ImportReport, Progress

Gaps = dict[str, list[list[int]]]  # site_id -> [first, last] seq ranges missing



@dataclass
class Chunk:
    name: str
    digest: str  # SHA-256 of the verified JSON lines
    revisions: list[RevisionDict] | None  # parsed and verified (maybe slim: verify.check_lines); None: read again
    data_texts: dict[str, str] | None  # rev_id -> data as canonical JSON, encoded when verified


@dataclass
class Plan:
    key: bytes | None
    chunks: list[Chunk]
    revisions: int
    newest_hlc: dict[str, str]  # site_id -> latest hlc among the bundle's revisions


def commit_plan(store: Store, bundle: bundles.Bundle, plan: Plan, *, report: ImportReport, progress: Progress,
                wall_ms: Callable[[], int] | None) -> None:
    """Attachments, then one transaction per chunk; the bundle's forms go in the first
    and its bookkeeping (bundles_imported, keys, acknowledgements) in the last, so a
    bundle of one chunk is one transaction (each commit is an fsync)."""
    now = (wall_ms or (lambda: time.time_ns() // 1_000_000))()
    report.clock_skew = sorted(site for site, hlc in plan.newest_hlc.items()
                               if hlc_milliseconds(hlc) > now + CLOCK_SKEW_LIMIT_MS)
    _store_blobs(store, bundle, plan.key)
    count = len(plan.chunks)
    if not count:
        def bookkeeping_only(connection: sqlite3.Connection) -> Gaps:
            _store_forms(connection, bundle)
            return _bookkeeping(connection, bundle, plan, report, now=now, tampered=bool(report.tampering))

        report.gaps = store.writer.call(bookkeeping_only)
    for number, chunk in enumerate(plan.chunks, start=1):
        revisions, data_texts = chunk.revisions, chunk.data_texts
        chunk.revisions = chunk.data_texts = None  # released once committed
        if revisions is None:
            lines = bundles.chunk_lines(bundle, chunk.name, key=plan.key)
            if hashlib.sha256(lines).hexdigest() != chunk.digest:
                raise BundleError(CHANGED_DURING_IMPORT, step="commit", path=bundle.path, name=chunk.name)
            revisions = [json.loads(line) for line in lines.splitlines() if line]

        def work(connection: sqlite3.Connection, revisions: list[RevisionDict] = revisions,
                 data_texts: dict[str, str] | None = data_texts, first: bool = number == 1,
                 last: bool = number == count) -> tuple[ChunkResult, Gaps | None]:
            if first:
                _store_forms(connection, bundle)
                sites.remember_sites(connection, bundle.manifest)  # later sites of known keys, before trust is read
            result = apply_revisions(connection, revisions, bundle_id=bundle.bundle_id, data_texts=data_texts)
            found = None
            if last:
                totals = {counter: getattr(report, counter) + getattr(result, counter)
                          for counter in ("new", "present", "pending")}
                found = _bookkeeping(connection, bundle, plan, report, now=now, totals=totals,
                                     tampered=bool(report.tampering or result.tampering))
            return result, found

        result, found = store.writer.call(work)
        for counter in ("new", "present", "pending", "applied_pending", "conflicts_opened"):
            setattr(report, counter, getattr(report, counter) + getattr(result, counter))
        report.tampering += result.tampering
        for site, count in result.awaiting_trust.items():
            report.awaiting_trust[site] = report.awaiting_trust.get(site, 0) + count
        if found is not None:
            report.gaps = found
        progress("import", number, count)
    report.revisions = plan.revisions


def _store_forms(connection: sqlite3.Connection, bundle: bundles.Bundle) -> None:
    for form in bundle.manifest.get("forms") or []:
        xform = bundles.member_bytes(bundle, f"forms/{form['sha256']}.xml").decode("utf-8")
        put_form(connection, form_id=form["form_id"], version=form["version"], title=form.get("title") or {},
                 xform=xform, source_sha256=None)


def _store_blobs(store: Store, bundle: bundles.Bundle, key: bytes | None, batch_bytes: int = 64 << 20) -> None:
    """Attachments before the revisions naming them, in transactions of bounded size."""
    names = sorted(name for name in bundle.files if name.startswith("blobs/"))
    while names:
        batch: list[str] = []
        size = 0
        while names and (not batch or size + bundle.files[names[0]]["size"] <= batch_bytes):
            size += bundle.files[names[0]]["size"]
            batch.append(names.pop(0))
        contents = [bundles.blob_bytes(bundle, name, key=key) for name in batch]
        store.writer.call(functools.partial(_put_blobs, contents=contents))


def _put_blobs(connection: sqlite3.Connection, *, contents: list[bytes]) -> None:
    for data in contents:
        put_blob(connection, data)


def _bookkeeping(connection: sqlite3.Connection, bundle: bundles.Bundle, plan: Plan, report: ImportReport, *,
                 now: int, totals: dict[str, int] | None = None, tampered: bool = False) -> Gaps:
    """Inside the bundle's last transaction: its signers' keys, clock skew, the sender's
    acknowledgements, bundles_imported; the gaps of the devices it carried."""
    manifest = bundle.manifest
    totals = totals or {"new": report.new, "present": report.present, "pending": report.pending}
    for signer in [{"public_key": manifest["public_key"]}, *(manifest.get("signers") or [])]:
        key = unb64(signer["public_key"])
        trust.remember_key(connection, fingerprint=hashlib.sha256(key).hexdigest(), public_key=key,
                           name=report.device if key == bundle.public_key else "")
    if not tampered:  # a bundle that contradicts its device's numbering does not rename it
        naming.adopt_signed_name(connection, fingerprint=bundle.fingerprint, name=report.device,
                                 created=str(manifest.get("created") or ""))
    for site in report.clock_skew:
        trust.flag_clock_skew(connection, site_id=site, hlc=plan.newest_hlc[site], receiver_ms=now)
    record_acknowledgement(connection, peer=bundle.fingerprint, vector=manifest.get("acknowledges") or {},
                           stated=str(manifest.get("created") or ""))
    forget_quarantined(connection, bundle_id=bundle.bundle_id)
    record_bundle_imported(connection, bundle_id=bundle.bundle_id, site_id=manifest.get("site_id"),
                           fingerprint=bundle.fingerprint, new=totals["new"], present=totals["present"],
                           pending=totals["pending"])
    return gaps(connection, site_ids=list(plan.newest_hlc))


def after_commit(store: Store, plan: Plan, *, report: ImportReport) -> None:
    for site, hlc in plan.newest_hlc.items():
        if site not in report.clock_skew:  # a clock far ahead is not adopted: ours would jump with it
            store.clock.observe(hlc)
    if (report.new == 0 and report.applied_pending == 0 and report.pending == 0 and report.revisions
            and not report.awaiting_trust and not report.tampering):
        report.status = "already_present"
