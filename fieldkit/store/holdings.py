"""Which revisions a store holds: by rev_id, by (site_id, seq), and per site without a gap.

"Stored" is the `revisions` table; "received" adds `pending_revisions` (revisions that
wait for their parents or for their device's trust): a sender need not send them again.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence

BATCH = 500  # values bound in one IN (...): well under SQLite's limit


def stored_ids(connection: sqlite3.Connection, rev_ids: Sequence[str]) -> set[str]:
    """Those of `rev_ids` stored (one query per 500)."""
    held: set[str] = set()
    for start in range(0, len(rev_ids), BATCH):
        part = rev_ids[start:start + BATCH]
        held.update(row[0] for row in connection.execute(
            f"SELECT rev_id FROM revisions WHERE rev_id IN ({','.join('?' * len(part))})", part))
    return held


def stored_slots(connection: sqlite3.Connection, *, site_id: str, low: int, high: int) -> dict[int, str]:
    """seq -> rev_id stored, for `site_id`'s seqs from `low` to `high`."""
    return dict(connection.execute("SELECT seq, rev_id FROM revisions WHERE site_id = ? AND seq BETWEEN ? AND ?",
                                   (site_id, low, high)).fetchall())


def received_slots(connection: sqlite3.Connection, *, site_id: str, low: int, high: int) -> dict[int, str]:
    """seq -> rev_id received (stored, or else pending), for `site_id`'s seqs from `low` to `high`."""
    held: dict[int, str] = {}
    for table in ("pending_revisions", "revisions"):
        held.update(connection.execute(
            f"SELECT seq, rev_id FROM {table} WHERE site_id = ? AND seq BETWEEN ? AND ?", (site_id, low, high)))
    return held


def holdings(connection: sqlite3.Connection) -> dict[str, int]:
    """Per site, the highest seq up to which this store holds every revision (no gap)."""
    vector = {}
    for site_id, count, highest in connection.execute("SELECT site_id, count(*), max(seq) FROM revisions "
                                                      "GROUP BY site_id"):
        if count == highest:
            vector[site_id] = highest
        else:
            seqs = [row[0] for row in connection.execute("SELECT seq FROM revisions WHERE site_id = ? ORDER BY seq",
                                                         (site_id,))]
            vector[site_id] = next((index for index, seq in enumerate(seqs) if seq != index + 1), len(seqs))
    return vector


_RECEIVED_SEQS = ("SELECT seq FROM revisions WHERE site_id = ?1 "
                  "UNION SELECT seq FROM pending_revisions WHERE site_id = ?1")


def gaps(connection: sqlite3.Connection, *, site_ids: Iterable[str] | None = None) -> dict[str, list[list[int]]]:
    """Per site (every site received from when `site_ids` is None), the sequence ranges
    [first, last] not received; a site without a gap is left out."""
    if site_ids is None:
        site_ids = [row[0] for row in connection.execute(
            "SELECT DISTINCT site_id FROM revisions UNION SELECT DISTINCT site_id FROM pending_revisions")]
    found = {}
    for site_id in sorted(set(site_ids)):
        count, highest = connection.execute(f"SELECT count(*), max(seq) FROM ({_RECEIVED_SEQS})",
                                            (site_id,)).fetchone()
        if not count or count == highest:
            continue
        ranges, expected = [], 1
        for (seq,) in connection.execute(f"{_RECEIVED_SEQS} ORDER BY seq", (site_id,)):
            if seq > expected:
                ranges.append([expected, seq - 1])
            expected = seq + 1
        found[site_id] = ranges
    return found
