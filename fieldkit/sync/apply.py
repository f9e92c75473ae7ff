"""Storing verified revisions: one call per chunk, inside the writer's one transaction.

A revision whose parents are all held is stored; one whose parents have not arrived
waits in `pending_revisions` and is stored when they do (in this chunk or a later one,
from this bundle or another). Records touched are updated from their heads and the new
revisions (`materialize_many`), which gives what `rebuild_records()` would: `records`
stays a pure function of `revisions`. Per chunk: a handful of queries (revisions held,
parents held, (site_id, seq) slots, records and heads) and executemany, not a query per
revision.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field

from fieldkit.store.revisions import insert_revisions, materialize_many
from fieldkit.store.tables import utc_now
from fieldkit.sync.verify import whole


@dataclass
class ChunkResult:
    new: int = 0
    present: int = 0
    pending: int = 0  # of this chunk's revisions, left waiting
    applied_pending: int = 0  # revisions from earlier that could now be stored
    conflicts_opened: int = 0
    tampering: list[dict] = field(default_factory=list)


def _held(connection: sqlite3.Connection, rev_ids: list[str]) -> set[str]:
    held = set()
    for start in range(0, len(rev_ids), 500):
        part = rev_ids[start:start + 500]
        held.update(row[0] for row in connection.execute(
            f"SELECT rev_id FROM revisions WHERE rev_id IN ({','.join('?' * len(part))})", part))
    return held


def _waiting(connection: sqlite3.Connection) -> list[dict]:
    return [json.loads(row[0]) for row in connection.execute("SELECT revision FROM pending_revisions ORDER BY seq")]


def apply_revisions(connection: sqlite3.Connection, revisions: list[dict], *, bundle_id: str,
                    data_texts: dict[str, str] | None = None) -> ChunkResult:
    """Store a chunk's verified revisions; `data_texts`: rev_id -> data as canonical JSON,
    when the verification encoded it already (then a revision's `data` may be slim:
    verify.check_lines; what is kept whole, a pending revision, tampering, reads it back)."""
    result = ChunkResult()
    ids = [revision["rev_id"] for revision in revisions]
    present = _held(connection, ids)
    result.present = len(present)
    incoming = [revision for revision in revisions if revision["rev_id"] not in present]
    from_chunk = {revision["rev_id"] for revision in incoming}
    candidates = {revision["rev_id"]: revision for revision in _waiting(connection)}
    pending_before = set(candidates)
    candidates.update({revision["rev_id"]: revision for revision in incoming})
    stored, settled = _store_ready(connection, candidates, result, data_texts)
    result.new = len(stored & from_chunk)
    result.applied_pending = len(stored - from_chunk)
    connection.executemany("DELETE FROM pending_revisions WHERE rev_id = ?",
                           [(rev_id,) for rev_id in sorted((stored | settled) & pending_before)])
    for rev_id, revision in candidates.items():
        if rev_id not in stored and rev_id not in settled:
            _wait(connection, whole(revision, data_texts), bundle_id=bundle_id)
            result.pending += rev_id in from_chunk
    rows = materialize_many(connection, [candidates[rev_id] for rev_id in stored])
    result.conflicts_opened = sum(bool(row["conflicts"] and not before) for row, before in rows)
    return result


def _slots(connection: sqlite3.Connection, revisions) -> dict[tuple[str, int], str]:
    """(site_id, seq) -> rev_id held, over the ranges these revisions use (one query a device)."""
    ranges: dict[str, list[int]] = {}
    for revision in revisions:
        low_high = ranges.setdefault(revision["site_id"], [revision["seq"], revision["seq"]])
        low_high[0], low_high[1] = min(low_high[0], revision["seq"]), max(low_high[1], revision["seq"])
    slots = {}
    for site, (low, high) in ranges.items():
        slots.update(((site, seq), rev_id) for seq, rev_id in connection.execute(
            "SELECT seq, rev_id FROM revisions WHERE site_id = ? AND seq BETWEEN ? AND ?", (site, low, high)))
    return slots


def _store_ready(connection: sqlite3.Connection, candidates: dict[str, dict], result: ChunkResult,
                 data_texts: dict[str, str] | None = None) -> tuple[set[str], set[str]]:
    """Store every candidate whose parents are held, parents first, in one executemany.
    (ids stored, ids of waiting candidates found already stored)."""
    outside = sorted({parent for revision in candidates.values() for parent in revision["parents"]
                      if parent not in candidates})
    available = _held(connection, outside)
    settled = _held(connection, list(candidates))  # a waiting revision stored since (it waits no more)
    available |= settled
    slots = _slots(connection, candidates.values())
    ready: list[dict] = []
    waiting = sorted((revision for rev_id, revision in candidates.items() if rev_id not in settled),
                     key=lambda revision: (revision["hlc"], revision["rev_id"]))
    progress = True
    while waiting and progress:
        progress, still = False, []
        for revision in waiting:
            if all(parent in available for parent in revision["parents"]):
                progress = True
                slot = (revision["site_id"], revision["seq"])
                kept = slots.setdefault(slot, revision["rev_id"])
                if kept != revision["rev_id"]:  # a different revision already numbered (site_id, seq)
                    record_tampering(connection, kept=kept, other=whole(revision, data_texts), bundle_id="")
                    result.tampering.append({"site_id": revision["site_id"], "seq": revision["seq"]})
                    continue
                ready.append(revision)
                available.add(revision["rev_id"])
            else:
                still.append(revision)
        waiting = still
    insert_revisions(connection, ready, data_texts)
    return {revision["rev_id"] for revision in ready}, settled


def _wait(connection: sqlite3.Connection, revision: dict, *, bundle_id: str) -> None:
    connection.execute(
        "INSERT OR IGNORE INTO pending_revisions (rev_id, record_id, site_id, seq, missing, revision, bundle_id, "
        "received) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (revision["rev_id"], revision["record_id"], revision["site_id"], revision["seq"],
         json.dumps(revision["parents"]), json.dumps(revision, ensure_ascii=False, sort_keys=True), bundle_id,
         utc_now()))


def record_tampering(connection: sqlite3.Connection, *, kept: str, other: dict, bundle_id: str) -> None:
    exists = connection.execute("SELECT 1 FROM tampering WHERE kept_rev = ? AND other_rev = ?",
                                (kept, other["rev_id"])).fetchone()
    if exists is None:
        connection.execute(
            "INSERT INTO tampering (site_id, seq, kept_rev, other_rev, other, bundle_id, at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (other["site_id"], other["seq"], kept, other["rev_id"], json.dumps(other, ensure_ascii=False), bundle_id,
             utc_now()))
