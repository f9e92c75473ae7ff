"""What peers said they hold (the `peer_acks` table): per peer, a content vector.

A vector maps a site to the seq up to which the peer holds every revision of it. Each
bundle carries its sender's vector; exports leave out what the receiver acknowledged.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping

from fieldkit.store.tables import utc_now


def record_acknowledgement(connection: sqlite3.Connection, *, peer: str, vector: Mapping[str, int]) -> None:
    """`peer` says it holds each site's revisions up to seq: never moves back."""
    for site_id, seq in vector.items():
        connection.execute(
            "INSERT INTO peer_acks (peer, site_id, seq, updated) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (peer, site_id) DO UPDATE SET seq = max(seq, excluded.seq), updated = excluded.updated",
            (peer, site_id, int(seq), utc_now()))


def acknowledged(connection: sqlite3.Connection, *, peer: str | None = None) -> dict[str, int]:
    """What `peer` holds; with no peer, what every known peer holds (nothing if none is known)."""
    if peer is not None:
        return dict(connection.execute("SELECT site_id, seq FROM peer_acks WHERE peer = ?", (peer,)).fetchall())
    peers = [row[0] for row in connection.execute("SELECT DISTINCT peer FROM peer_acks")]
    vectors = [acknowledged(connection, peer=peer) for peer in peers]
    if not vectors:
        return {}
    return {site_id: min(vector.get(site_id, 0) for vector in vectors) for site_id in set[str]().union(*vectors)}
