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

import json
import sqlite3
from collections.abc import Iterable
from typing import Any

from fieldkit.store import pending
from fieldkit.store.holdings import stored_slots
from fieldkit.store.revisions import get_revision
from fieldkit.store.tables import utc_now
from fieldkit.sync.verify import whole


def _in_batches(connection: sqlite3.Connection, sql: str, values: list) -> set[str]:
    found = set()
    for start in range(0, len(values), 500):
        part = values[start:start + 500]
        found.update(row[0] for row in connection.execute(sql.format(",".join("?" * len(part))), part))
    return found


def losers(connection: sqlite3.Connection, rev_ids: list[str]) -> set[str]:
    """Those of `rev_ids` kept as evidence under the rule (their slot's revision is smaller)."""
    return _in_batches(connection, "SELECT other_rev FROM tampering WHERE kept_rev < other_rev AND other_rev IN ({})",
                       sorted(set(rev_ids)))


def slots(connection: sqlite3.Connection, revisions: Iterable[dict[str, Any]]) -> dict[tuple[str, int], str]:
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


def settle_slots(connection: sqlite3.Connection, candidates: dict[str, dict], data_texts: dict[str, str] | None,
                 *, bundle_id: str, found: list[dict]) -> set[str]:
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
            keep(connection, winner=winner, loser=revision, bundle_id=bundle_id)
            found.append({"site_id": slot[0], "seq": slot[1], "kept": winner, "other": loser})
    return touched


def _withdraw(connection: sqlite3.Connection, rev_id: str, candidates: dict[str, dict],
              data_texts: dict[str, str] | None, *, stored_here: bool) -> dict:
    """Take a losing revision out of the candidates, pending_revisions and revisions; it, whole."""
    revision = get_revision(connection, rev_id) if stored_here else None
    if rev_id in candidates:
        revision = revision or whole(candidates[rev_id], data_texts)
        del candidates[rev_id]
        pending.remove_pending(connection, rev_ids=[rev_id])
    if stored_here:
        connection.execute("DELETE FROM revisions WHERE rev_id = ?", (rev_id,))
    return revision


def keep(connection: sqlite3.Connection, *, winner: str, loser: dict, bundle_id: str) -> None:
    """The slot's evidence: every losing revision, whole, each naming the slot's revision."""
    site, seq = loser["site_id"], loser["seq"]
    connection.execute("UPDATE tampering SET kept_rev = ? WHERE site_id = ? AND seq = ?", (winner, site, seq))
    exists = connection.execute("SELECT 1 FROM tampering WHERE site_id = ? AND seq = ? AND other_rev = ?",
                                (site, seq, loser["rev_id"])).fetchone()
    if exists is None:
        connection.execute(
            "INSERT INTO tampering (site_id, seq, kept_rev, other_rev, other, bundle_id, at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (site, seq, winner, loser["rev_id"], json.dumps(loser, ensure_ascii=False, sort_keys=True), bundle_id,
             utc_now()))


def equivocations(connection: sqlite3.Connection) -> list[dict]:
    """Per slot (site_id, seq): the revision kept and the others, with the devices' names."""
    rows = connection.execute(
        "SELECT t.site_id, t.seq, t.kept_rev, t.other_rev, coalesce(d.name, '') FROM tampering t "
        "LEFT JOIN devices d ON d.site_id = t.site_id ORDER BY t.site_id, t.seq, t.other_rev").fetchall()
    found: dict[tuple[str, int], dict] = {}
    for site_id, seq, kept, other, name in rows:
        entry = found.setdefault((site_id, seq), {"site_id": site_id, "seq": seq, "device": name, "kept": kept,
                                                  "others": []})
        entry["others"].append(other)
    return list(found.values())
