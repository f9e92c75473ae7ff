"""Evidence of equivocation (the `tampering` table): revisions that lost their (site_id, seq).

One device numbering two different revisions with one seq: the slot keeps the smallest
rev_id; each other one is kept here whole, naming the slot's revision, and is never
stored (the rule and its reasons: fieldkit.sync.evidence).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from fieldkit.store.holdings import BATCH
from fieldkit.store.tables import utc_now
from fieldkit.store.values import RevisionDict


@dataclass(frozen=True)
class Equivocation:
    """One slot's evidence: the revision kept and the others, with the device's name."""
    site_id: str
    seq: int
    device: str
    kept: str
    others: tuple[str, ...]


_LOSERS = "SELECT other_rev FROM tampering WHERE kept_rev < other_rev AND other_rev IN ({})"


def evidence_ids(connection: sqlite3.Connection, rev_ids: Sequence[str]) -> set[str]:
    """Those of `rev_ids` kept as evidence under the rule (their slot's revision is smaller)."""
    wanted = sorted(set(rev_ids))
    found: set[str] = set()
    for start in range(0, len(wanted), BATCH):
        part = wanted[start:start + BATCH]
        found.update(row[0] for row in connection.execute(_LOSERS.format(",".join("?" * len(part))), part))
    return found


def withdraw_stored(connection: sqlite3.Connection, *, rev_id: str) -> None:
    """A stored revision that lost its slot leaves `revisions` (kept as evidence instead)."""
    connection.execute("DELETE FROM revisions WHERE rev_id = ?", (rev_id,))


def record_evidence(connection: sqlite3.Connection, *, kept: str, other: RevisionDict, bundle_id: str) -> None:
    """The slot's revision is `kept`: every piece of its evidence names it; `other`, whole,
    is one piece (kept once)."""
    site, seq = other["site_id"], other["seq"]
    connection.execute("UPDATE tampering SET kept_rev = ? WHERE site_id = ? AND seq = ?", (kept, site, seq))
    exists = connection.execute("SELECT 1 FROM tampering WHERE site_id = ? AND seq = ? AND other_rev = ?",
                                (site, seq, other["rev_id"])).fetchone()
    if exists is None:
        connection.execute(
            "INSERT INTO tampering (site_id, seq, kept_rev, other_rev, other, bundle_id, at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (site, seq, kept, other["rev_id"], json.dumps(other, ensure_ascii=False, sort_keys=True), bundle_id,
             utc_now()))


def equivocations(connection: sqlite3.Connection) -> list[Equivocation]:
    """Per slot (site_id, seq), by slot: the revision kept and the others, by rev_id."""
    rows = connection.execute(
        "SELECT t.site_id, t.seq, t.kept_rev, t.other_rev, coalesce(d.name, '') FROM tampering t "
        "LEFT JOIN devices d ON d.site_id = t.site_id ORDER BY t.site_id, t.seq, t.other_rev").fetchall()
    slots: dict[tuple[str, int], tuple[str, str, list[str]]] = {}
    for site_id, seq, kept, other, name in rows:
        slots.setdefault((site_id, seq), (name, kept, []))[2].append(other)
    return [Equivocation(site_id=site_id, seq=seq, device=name, kept=kept, others=tuple(others))
            for (site_id, seq), (name, kept, others) in slots.items()]
