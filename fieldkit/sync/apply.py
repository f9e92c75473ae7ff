"""Storing verified revisions: one call per chunk, inside the writer's one transaction.

A revision whose parents are all held is stored; one whose parents have not arrived
waits in `pending_revisions` and is stored when they do (in this chunk or a later one,
from this bundle or another). Records touched are recomputed from their revisions, so
`records` stays a pure function of `revisions`.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field

from fieldkit.store.revisions import insert_revision, materialize
from fieldkit.store.tables import utc_now


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


def apply_revisions(connection: sqlite3.Connection, revisions: list[dict], *, bundle_id: str) -> ChunkResult:
    result = ChunkResult()
    ids = [revision["rev_id"] for revision in revisions]
    present = _held(connection, ids)
    result.present = len(present)
    incoming = [revision for revision in revisions if revision["rev_id"] not in present]
    from_chunk = {revision["rev_id"] for revision in incoming}
    candidates = {revision["rev_id"]: revision for revision in _waiting(connection)}
    candidates.update({revision["rev_id"]: revision for revision in incoming})
    stored = _store_ready(connection, candidates, result)
    result.new = len(stored & from_chunk)
    result.applied_pending = len(stored - from_chunk)
    for rev_id in stored:
        connection.execute("DELETE FROM pending_revisions WHERE rev_id = ?", (rev_id,))
    for rev_id, revision in candidates.items():
        if rev_id not in stored:
            _wait(connection, revision, bundle_id=bundle_id)
            result.pending += rev_id in from_chunk
    touched = {candidates[rev_id]["record_id"] for rev_id in stored}
    result.conflicts_opened = _rematerialize(connection, touched)
    return result


def _store_ready(connection: sqlite3.Connection, candidates: dict[str, dict], result: ChunkResult) -> set[str]:
    """Store every candidate whose parents are held, parents first; the ids stored."""
    stored: set[str] = set()
    known: dict[str, bool] = {}

    def held(rev_id: str) -> bool:
        if rev_id not in known:
            known[rev_id] = rev_id in stored or bool(_held(connection, [rev_id]))
        return known[rev_id] or rev_id in stored

    waiting = sorted(candidates.values(), key=lambda revision: (revision["hlc"], revision["rev_id"]))
    progress = True
    while waiting and progress:
        progress, still = False, []
        for revision in waiting:
            if all(held(parent) for parent in revision["parents"]):
                if _insert(connection, revision, result):
                    stored.add(revision["rev_id"])
                progress = True
            else:
                still.append(revision)
        waiting = still
    return stored


def _insert(connection: sqlite3.Connection, revision: dict, result: ChunkResult) -> bool:
    """Store one revision; a different revision already numbered (site_id, seq) is tampering."""
    row = connection.execute("SELECT rev_id FROM revisions WHERE site_id = ? AND seq = ?",
                             (revision["site_id"], revision["seq"])).fetchone()
    if row is not None and row[0] != revision["rev_id"]:
        record_tampering(connection, kept=row[0], other=revision, bundle_id="")
        result.tampering.append({"site_id": revision["site_id"], "seq": revision["seq"]})
        return False
    return insert_revision(connection, revision)


def _wait(connection: sqlite3.Connection, revision: dict, *, bundle_id: str) -> None:
    connection.execute(
        "INSERT OR IGNORE INTO pending_revisions (rev_id, record_id, site_id, seq, missing, revision, bundle_id, "
        "received) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (revision["rev_id"], revision["record_id"], revision["site_id"], revision["seq"],
         json.dumps(revision["parents"]), json.dumps(revision, ensure_ascii=False, sort_keys=True), bundle_id,
         utc_now()))


def _rematerialize(connection: sqlite3.Connection, record_ids: set[str]) -> int:
    """Recompute touched records; how many went from no conflict to a conflict."""
    opened = 0
    for record_id in sorted(record_ids):
        before = connection.execute("SELECT conflicts FROM records WHERE record_id = ?", (record_id,)).fetchone()
        row = materialize(connection, record_id)
        opened += bool(row and row["conflicts"] and not (before and before[0]))
    return opened


def record_tampering(connection: sqlite3.Connection, *, kept: str, other: dict, bundle_id: str) -> None:
    exists = connection.execute("SELECT 1 FROM tampering WHERE kept_rev = ? AND other_rev = ?",
                                (kept, other["rev_id"])).fetchone()
    if exists is None:
        connection.execute(
            "INSERT INTO tampering (site_id, seq, kept_rev, other_rev, other, bundle_id, at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (other["site_id"], other["seq"], kept, other["rev_id"], json.dumps(other, ensure_ascii=False), bundle_id,
             utc_now()))
