"""What a store holds, in numbers and one digest two coordinators can compare.

state_digest = SHA-256 over the sorted revision ids, then each record (sorted by id)
with its sorted heads. Two stores with the same revisions have the same digest,
whatever order they received them in; pending revisions, flags and local bookkeeping
are not part of it (they are listed beside it): `pending` (waiting for parents),
`awaiting_trust` (per device not trusted here, revisions others relayed), `tampering`
(pieces of evidence) and `equivocations` (per (site_id, seq), what was kept and the others).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3

from fieldkit.store import evidence, holdings, pending
from fieldkit.store.trust import known_devices


def state_digest(connection: sqlite3.Connection) -> str:
    digest = hashlib.sha256()
    for (rev_id,) in connection.execute("SELECT rev_id FROM revisions ORDER BY rev_id"):
        digest.update(rev_id.encode("ascii") + b"\n")
    digest.update(b"--\n")
    for record_id, heads in connection.execute("SELECT record_id, heads FROM records ORDER BY record_id"):
        digest.update(f"{record_id}:{','.join(sorted(json.loads(heads)))}\n".encode("utf-8"))
    return digest.hexdigest()


def _clock_skew(connection: sqlite3.Connection) -> list[dict[str, object]]:
    """The devices whose clock was found far ahead, by site."""
    return [{"site_id": device.site_id, "device": device.name, **device.clock_skew.as_dict()}
            for device in sorted(known_devices(connection), key=lambda device: device.site_id)
            if device.clock_skew is not None]


def _equivocations(connection: sqlite3.Connection) -> list[dict[str, object]]:
    return [{"site_id": slot.site_id, "seq": slot.seq, "device": slot.device, "kept": slot.kept,
             "others": list(slot.others)} for slot in evidence.equivocations(connection)]


def status(connection: sqlite3.Connection) -> dict:
    def count(sql: str) -> int:
        return connection.execute(sql).fetchone()[0]

    waiting = pending.awaiting_trust(connection)
    return {
        "revisions": count("SELECT count(*) FROM revisions"),
        "records": count("SELECT count(*) FROM records WHERE deleted = 0"),
        "deleted": count("SELECT count(*) FROM records WHERE deleted = 1"),
        "conflicts": count("SELECT count(*) FROM records WHERE conflicts > 0"),
        "pending": count("SELECT count(*) FROM pending_revisions") - sum(waiting.values()),
        "awaiting_trust": waiting,
        "quarantined": count("SELECT count(*) FROM quarantine"),
        "tampering": count("SELECT count(*) FROM tampering"),
        "equivocations": _equivocations(connection),
        "devices": count("SELECT count(*) FROM devices"),
        "trusted_devices": count("SELECT count(*) FROM devices WHERE trusted = 1 AND revoked = 0"),
        "revoked_devices": count("SELECT count(*) FROM devices WHERE revoked = 1"),
        "clock_skew": _clock_skew(connection),
        "gaps": holdings.gaps(connection),
        "state_digest": state_digest(connection),
    }
