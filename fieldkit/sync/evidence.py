"""Equivocation: one device (one key) numbering two different revisions with the same seq.

It happens when a laptop's key is copied (a cloned disk, a stolen key) or its database
goes back in time; either way both revisions are validly signed. The rule, the same in
every import order (docs/sync.md, "Equivocation"):

- of all the revisions a store has seen under one (site_id, seq), the one with the
  smallest rev_id is the slot's revision: stored (or pending) like any other;
- every other one is evidence: kept whole in `tampering` (kept_rev = the slot's
  revision), never stored; a revision naming it as parent does not wait for it;
- a smaller rev_id arriving later takes the slot: the one stored before moves to the
  evidence and its record is recomputed from the revisions left.

So the stored revisions are a function of the set of revisions seen, whatever their
order, and nothing else in a bundle is refused: not the other revisions of that device,
nor the relaying laptop's own work.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import TypedDict

from fieldkit.store import pending
from fieldkit.store.evidence import record_evidence, withdraw_stored
from fieldkit.store.holdings import stored_slots
from fieldkit.store.revisions import get_revision
from fieldkit.store.values import RevisionDict
from fieldkit.sync.verify import whole


class Tampering(TypedDict):
    """A new piece of evidence: the slot (site_id, seq), the rev_id kept and the other one."""
    site_id: str
    seq: int
    kept: str
    other: str


def slots(connection: sqlite3.Connection, revisions: Iterable[RevisionDict]) -> dict[tuple[str, int], str]:
    """(site_id, seq) -> rev_id stored, over the ranges these revisions use (one query a device)."""
    ranges: dict[str, list[int]] = {}
    for revision in revisions:
        low_high = ranges.setdefault(revision["site_id"], [revision["seq"], revision["seq"]])
        low_high[0], low_high[1] = min(low_high[0], revision["seq"]), max(low_high[1], revision["seq"])
    found: dict[tuple[str, int], str] = {}
    for site, (low, high) in ranges.items():
        found.update(((site, seq), rev_id)
                     for seq, rev_id in stored_slots(connection, site_id=site, low=low, high=high).items())
    return found


def settle_slots(connection: sqlite3.Connection, candidates: dict[str, RevisionDict],
                 data_texts: dict[str, str] | None, *, bundle_id: str, found: list[Tampering]) -> set[str]:
    """Apply the rule to the slots `candidates` (incoming and waiting revisions) use:
    losers leave `candidates` (and pending_revisions) or `revisions`, into the evidence;
    `found` gets one entry per new piece of evidence. The record ids whose stored
    revisions changed (to recompute)."""
    by_slot: dict[tuple[str, int], set[str]] = {}
    for rev_id, revision in candidates.items():
        by_slot.setdefault((revision["site_id"], revision["seq"]), set()).add(rev_id)
    stored = slots(connection, candidates.values())
    touched: set[str] = set()
    for slot, ids in sorted(by_slot.items()):
        ids = ids | ({stored[slot]} if slot in stored else set())
        winner = min(ids)
        for loser in sorted(ids - {winner}):
            revision = _withdraw(connection, loser, candidates, data_texts, stored_here=stored.get(slot) == loser)
            if stored.get(slot) == loser:
                touched.add(revision["record_id"])
            record_evidence(connection, kept=winner, other=revision, bundle_id=bundle_id)
            found.append({"site_id": slot[0], "seq": slot[1], "kept": winner, "other": loser})
    return touched


def _withdraw(connection: sqlite3.Connection, rev_id: str, candidates: dict[str, RevisionDict],
              data_texts: dict[str, str] | None, *, stored_here: bool) -> RevisionDict:
    """Take a losing revision out of the candidates, pending_revisions and revisions; it, whole."""
    stored = get_revision(connection, rev_id) if stored_here else None
    revision = stored.as_dict() if stored is not None else None
    if rev_id in candidates:
        revision = revision or whole(candidates[rev_id], data_texts)
        del candidates[rev_id]
        pending.remove_pending(connection, rev_ids=[rev_id])
    if stored_here:
        withdraw_stored(connection, rev_id=rev_id)
    assert revision is not None  # a loser is a candidate or the slot's stored revision
    return revision
