"""Storing verified revisions: one call per chunk, inside the writer's one transaction.

A revision whose parents are all held is stored; one whose parents have not arrived
waits in `pending_revisions` and is stored when they do (in this chunk or a later one,
from this bundle or another). Records touched are updated from their heads and the new
revisions (`materialize_many`), which gives what `rebuild_records()` would: `records`
stays a pure function of `revisions`. Per chunk: a handful of queries (revisions held,
parents held, (site_id, seq) slots, records and heads) and executemany, not a query per
revision.

Two rules decide what is stored besides the parents (docs/sync.md, merge rules):
trust is per signer of each revision — one whose device is not trusted here waits in
`pending_revisions`, whoever relayed it, until a coordinator trusts that device
(`release_trusted`); and a (site_id, seq) numbering two different revisions keeps the
smaller rev_id, the other is evidence (fieldkit.sync.evidence).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from fieldkit.store import pending
from fieldkit.store.evidence import evidence_ids
from fieldkit.store.holdings import stored_ids
from fieldkit.store.revisions import insert_revisions, materialize, materialize_many
from fieldkit.store.trust import trusted_sites
from fieldkit.store.values import Revision, RevisionDict
from fieldkit.sync import evidence
from fieldkit.sync.verify import whole


@dataclass
class ChunkResult:
    new: int = 0
    present: int = 0
    pending: int = 0  # of this chunk's revisions, left waiting for their parents
    applied_pending: int = 0  # revisions from earlier that could now be stored
    conflicts_opened: int = 0
    tampering: list[evidence.Tampering] = field(default_factory=list)  # new evidence
    awaiting_trust: dict[str, int] = field(default_factory=dict)  # site_id -> this chunk's revisions held back


def apply_revisions(connection: sqlite3.Connection, revisions: list[RevisionDict], *, bundle_id: str,
                    data_texts: dict[str, str] | None = None) -> ChunkResult:
    """Store a chunk's verified revisions; `data_texts`: rev_id -> data as canonical JSON,
    when the verification encoded it already (then a revision's `data` may be slim:
    verify.check_lines; what is kept whole, a pending revision, evidence, reads it back)."""
    result = ChunkResult()
    ids = [revision["rev_id"] for revision in revisions]
    present = stored_ids(connection, ids) | evidence_ids(connection, ids)
    result.present = len(present)
    incoming = [revision for revision in revisions if revision["rev_id"] not in present]
    from_chunk = {revision["rev_id"] for revision in incoming}
    candidates = {revision["rev_id"]: revision for revision in pending.waiting_revisions(connection)}
    pending_before = set(candidates)
    candidates.update({revision["rev_id"]: revision for revision in incoming})
    recompute = evidence.settle_slots(connection, candidates, data_texts, bundle_id=bundle_id,
                                      found=result.tampering)
    trusted = trusted_sites(connection)
    stored, settled = _store_ready(connection, candidates, trusted, data_texts)
    result.new = len(stored & from_chunk)
    result.applied_pending = len(stored - from_chunk)
    pending.remove_pending(connection, rev_ids=sorted((stored | settled) & pending_before))
    _keep_waiting(connection, candidates, stored | settled, from_chunk, trusted, result,
                  bundle_id=bundle_id, data_texts=data_texts)
    rows = materialize_many(connection, [Revision.from_dict(candidates[rev_id]) for rev_id in stored])
    result.conflicts_opened = sum(bool(row.conflicts and not before) for row, before in rows)
    for record_id in sorted(recompute):  # a revision withdrawn into the evidence: its record from what is left
        materialize(connection, record_id)
    return result


def release_trusted(connection: sqlite3.Connection) -> ChunkResult:
    """Store what waited for a device now trusted (and what waited on it): `trust` calls
    this, as it imports the device's quarantined bundles."""
    return apply_revisions(connection, [], bundle_id="")


def _keep_waiting(connection: sqlite3.Connection, candidates: dict[str, RevisionDict], done: set[str],
                  from_chunk: set[str], trusted: set[str], result: ChunkResult, *, bundle_id: str,
                  data_texts: dict[str, str] | None) -> None:
    for rev_id, revision in candidates.items():
        if rev_id in done:
            continue
        pending.hold_pending(connection, revision=whole(revision, data_texts), bundle_id=bundle_id)
        if rev_id not in from_chunk:
            continue
        if revision["site_id"] in trusted:
            result.pending += 1
        else:
            result.awaiting_trust[revision["site_id"]] = result.awaiting_trust.get(revision["site_id"], 0) + 1


def _store_ready(connection: sqlite3.Connection, candidates: dict[str, RevisionDict], trusted: set[str],
                 data_texts: dict[str, str] | None = None) -> tuple[set[str], set[str]]:
    """Store every candidate of a trusted device whose parents are held (or are evidence),
    parents first, in one executemany. (ids stored, ids of waiting candidates found already stored)."""
    outside = sorted({parent for revision in candidates.values() for parent in revision["parents"]
                      if parent not in candidates})
    available = stored_ids(connection, outside) | evidence_ids(connection, outside)
    settled = stored_ids(connection, list(candidates))  # a waiting revision stored since (it waits no more)
    available |= settled
    ready: list[RevisionDict] = []
    waiting = sorted((revision for rev_id, revision in candidates.items()
                      if rev_id not in settled and revision["site_id"] in trusted),
                     key=lambda revision: (revision["hlc"], revision["rev_id"]))
    progress = True
    while waiting and progress:
        progress, still = False, []
        for revision in waiting:
            if all(parent in available for parent in revision["parents"]):
                progress = True
                ready.append(revision)
                available.add(revision["rev_id"])
            else:
                still.append(revision)
        waiting = still
    insert_revisions(connection, ready, data_texts)
    return {revision["rev_id"] for revision in ready}, settled

