"""What peers said they hold (the `peer_acks` table): per peer, a content vector.

A vector maps a site to the seq up to which the peer holds every revision of it. Each
bundle carries its sender's vector (`acknowledges`), each receipt its device's (`holds`);
exports leave out what the receiver acknowledged.

A peer holds what its *latest* statement says, even less than before: a coordinator
restored from an old backup says so in its next bundle or receipt, and what it lost is
sent again. Statements are ordered by their own time, not by their arrival, so a stale
USB stick imported late changes nothing. `highest` keeps, per site, the most any
statement ever acknowledged, arrival order and time aside: the proof a laptop needs that
it was restored (fieldkit.store.sites).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import time as wall_clock
from collections.abc import Mapping

from fieldkit.store.hlc import CLOCK_SKEW_LIMIT_MS, format_hlc, parse_hlc
from fieldkit.store.tables import utc_now


def statement_time(created: str) -> str:
    """A statement's time as a sortable key: a manifest's HLC as it is, a receipt's ISO time
    as the HLC of that moment (counter 0). Both are wall-clock milliseconds (UTC) first.
    Anything else is '', older than any time."""
    try:
        parse_hlc(created)
        return created
    except ValueError:
        pass
    try:
        moment = dt.datetime.fromisoformat(created)
        if moment.tzinfo is None:
            return ""
        return format_hlc(int(moment.timestamp() * 1000), 0)
    except (ValueError, OverflowError):
        return ""


def record_acknowledgement(connection: sqlite3.Connection, *, peer: str, vector: Mapping[str, int],
                           stated: str | None = None) -> None:
    """`peer` says it holds each site's revisions up to seq, at `stated` (a manifest's
    `created` HLC or a receipt's `created` ISO time). A later statement replaces what the
    peer holds (sites it no longer names: none); an earlier one changes nothing, one of
    the same time raises it. With no time, the vector only ever raises what the peer holds,
    and so does one dated more than a day ahead of this clock: a clock error, which would
    otherwise outrank every later statement until the world caught up with it."""
    time = None if stated is None else statement_time(stated)
    if time is not None and time > _a_day_from_now():
        time = None
    latest = _latest_time(connection, peer=peer)
    if time is not None and time > latest:
        connection.execute("UPDATE peer_acks SET seq = 0, updated = ? WHERE peer = ?", (utc_now(), peer))
        connection.execute("INSERT INTO peer_statements (peer, stated, updated) VALUES (?, ?, ?) "
                           "ON CONFLICT (peer) DO UPDATE SET stated = excluded.stated, updated = excluded.updated",
                           (peer, time, utc_now()))
    raises = time is None or time >= latest
    for site_id, seq in vector.items():
        held = int(seq) if raises else 0
        connection.execute(
            "INSERT INTO peer_acks (peer, site_id, seq, updated, highest) VALUES (?1, ?2, ?3, ?4, ?5) "
            "ON CONFLICT (peer, site_id) DO UPDATE SET seq = max(seq, excluded.seq), updated = excluded.updated, "
            "highest = max(highest, excluded.highest)",
            (peer, site_id, held, utc_now(), int(seq)))


def _a_day_from_now() -> str:
    return format_hlc(wall_clock.time_ns() // 1_000_000 + CLOCK_SKEW_LIMIT_MS, 0)


def _latest_time(connection: sqlite3.Connection, *, peer: str) -> str:
    """The time of the statement `peer_acks` holds for `peer`: '' for none (or one recorded
    before statements were dated), which any dated statement replaces."""
    row = connection.execute("SELECT stated FROM peer_statements WHERE peer = ?", (peer,)).fetchone()
    return str(row[0]) if row else ""


def acknowledged(connection: sqlite3.Connection, *, peer: str | None = None) -> dict[str, int]:
    """What `peer` holds; with no peer, what every known peer holds (nothing if none is known)."""
    if peer is not None:
        return dict(connection.execute("SELECT site_id, seq FROM peer_acks WHERE peer = ?", (peer,)).fetchall())
    peers = [row[0] for row in connection.execute("SELECT DISTINCT peer FROM peer_acks")]
    vectors = [acknowledged(connection, peer=peer) for peer in peers]
    if not vectors:
        return {}
    return {site_id: min(vector.get(site_id, 0) for vector in vectors) for site_id in set[str]().union(*vectors)}

