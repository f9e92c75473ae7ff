"""Revisions received but not stored (the `pending_revisions` table).

One waits for its parents, or for its device to be trusted here (a trusted laptop may
relay others' revisions); fieldkit.sync.apply stores it once it may be. Each is kept
whole, as it arrived.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable

from fieldkit.store.tables import utc_now
from fieldkit.store.values import RevisionDict


def waiting_revisions(connection: sqlite3.Connection) -> list[RevisionDict]:
    """Every revision waiting, whole, by seq."""
    return [json.loads(row[0]) for row in connection.execute("SELECT revision FROM pending_revisions ORDER BY seq")]


def hold_pending(connection: sqlite3.Connection, *, revision: RevisionDict, bundle_id: str) -> None:
    """Keep a whole revision waiting (a revision already waiting keeps its row)."""
    connection.execute(
        "INSERT OR IGNORE INTO pending_revisions (rev_id, record_id, site_id, seq, missing, revision, bundle_id, "
        "received) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (revision["rev_id"], revision["record_id"], revision["site_id"], revision["seq"],
         json.dumps(revision["parents"]), json.dumps(revision, ensure_ascii=False, sort_keys=True), bundle_id,
         utc_now()))


def remove_pending(connection: sqlite3.Connection, *, rev_ids: Iterable[str]) -> None:
    """These revisions wait no more (stored, or withdrawn as evidence)."""
    connection.executemany("DELETE FROM pending_revisions WHERE rev_id = ?", [(rev_id,) for rev_id in rev_ids])


def awaiting_trust(connection: sqlite3.Connection) -> dict[str, int]:
    """site_id -> revisions relayed by others that wait until that device is trusted."""
    return dict(connection.execute(
        "SELECT p.site_id, count(*) FROM pending_revisions p LEFT JOIN devices d ON d.site_id = p.site_id "
        "WHERE coalesce(d.trusted, 0) = 0 OR d.revoked = 1 GROUP BY p.site_id").fetchall())
