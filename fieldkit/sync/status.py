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
import sqlite3

from fieldkit.store import evidence, holdings, pending, sync_state, trust


def state_digest(connection: sqlite3.Connection) -> str:
    digest = hashlib.sha256()
    for rev_id in sync_state.sorted_rev_ids(connection):
        digest.update(rev_id.encode("ascii") + b"\n")
    digest.update(b"--\n")
    for record_id, heads in sync_state.sorted_record_heads(connection):
        digest.update(f"{record_id}:{','.join(sorted(heads))}\n".encode())
    return digest.hexdigest()


def _clock_skew(connection: sqlite3.Connection) -> list[dict[str, object]]:
    """The devices whose clock was found far ahead, by site."""
    return [{"site_id": device.site_id, "device": device.name, **device.clock_skew.as_dict()}
            for device in sorted(trust.known_devices(connection), key=lambda device: device.site_id)
            if device.clock_skew is not None]


def _equivocations(connection: sqlite3.Connection) -> list[dict[str, object]]:
    return [{"site_id": slot.site_id, "seq": slot.seq, "device": slot.device, "kept": slot.kept,
             "others": list(slot.others)} for slot in evidence.equivocations(connection)]


def status(connection: sqlite3.Connection) -> dict[str, object]:
    counts = sync_state.sync_counts(connection)
    waiting = pending.awaiting_trust(connection)
    return {
        "revisions": counts.revisions,
        "records": counts.records,
        "deleted": counts.deleted,
        "conflicts": counts.conflicts,
        "pending": counts.waiting - sum(waiting.values()),
        "awaiting_trust": waiting,
        "quarantined": counts.quarantined,
        "tampering": counts.tampering,
        "equivocations": _equivocations(connection),
        "devices": counts.devices,
        "trusted_devices": counts.trusted_devices,
        "revoked_devices": counts.revoked_devices,
        "clock_skew": _clock_skew(connection),
        "gaps": holdings.gaps(connection),
        "state_digest": state_digest(connection),
    }
