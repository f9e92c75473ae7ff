"""The quarantine: bundles signed by devices not trusted yet, kept aside in
`<data_dir>/quarantine/<bundle_id>.fkb` (the USB stick may leave) until a coordinator
trusts the key (fieldkit.services.coordinator `trust` imports them then).

Anyone can make a key, so what is kept is bounded: a bundle is kept only after every
check the bundle alone allows (size limits, manifest signature, versions, every member's
size and SHA-256 against the signed manifest), it may not be larger than the quota, and
the quota (Limits.quarantine, in all) is kept by removing the oldest bundles first. A
bundle removed that way is simply imported again from its stick once its device is
trusted.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from fieldkit.files import atomic_writer, private_folder
from fieldkit.store import quarantine as quarantine_table
from fieldkit.store.trust import remember_key
from fieldkit.store.values import JsonObject
from fieldkit.sync import bundle as bundles
from fieldkit.sync.errors import TOO_LARGE_FOR_QUARANTINE, BundleError

if TYPE_CHECKING:
    from fieldkit.store import Store
    from fieldkit.sync.importer import ImportReport

QUARANTINE_DIR = "quarantine"


def keep(store: Store, bundle: bundles.Bundle, *, report: ImportReport) -> None:
    """Check `bundle` (an unknown signer's) as far as it can be alone, then keep a copy
    of it within the quota. Raises BundleError when it is not kept."""
    bundles.check_version(bundle)
    bundles.check_hashes(bundle)
    size, quota = bundle.archive.size, bundle.archive.limits.quarantine
    if size > quota:
        raise BundleError(TOO_LARGE_FOR_QUARANTINE, step="signer", path=bundle.path, device=report.device,
                          fingerprint=bundle.fingerprint, size=size, limit=quota)
    folder = Path(store.data_dir) / QUARANTINE_DIR
    private_folder(folder)
    target = folder / f"{bundle.bundle_id}.fkb"
    if not target.exists():
        with atomic_writer(target, private=True) as file:  # private, as the data folder
            bundle.archive.copy_to(file)  # from the file checked, not from its path again
    evicted = store.writer.call(lambda connection: _record(connection, bundle, report=report, target=target,
                                                          size=size, quota=quota))
    for evicted_file in evicted:
        Path(evicted_file).unlink(missing_ok=True)


def _record(connection: sqlite3.Connection, bundle: bundles.Bundle, *, report: ImportReport, target: Path,
            size: int, quota: int) -> list[str]:
    """The bundle's row and its key; then the oldest other bundles out until the quota
    holds. The files of the rows removed (deleted once this transaction is committed)."""
    remember_key(connection, fingerprint=bundle.fingerprint, public_key=bundle.public_key, name=report.device)
    quarantine_table.record_quarantined(connection, bundle_id=bundle.bundle_id, fingerprint=bundle.fingerprint,
                                        device_name=report.device, file=str(target), size=size)
    others = [other for other in quarantine_table.quarantined_bundles(connection)
              if other.bundle_id != bundle.bundle_id]
    used, evicted = size + sum(other.size or 0 for other in others), []
    for other in others:  # oldest first, until the quota holds
        if used <= quota:
            break
        quarantine_table.forget_quarantined(connection, bundle_id=other.bundle_id)
        used -= other.size or 0
        evicted.append(other.file)
    return evicted


def summary(rows: list[JsonObject], *, quota: int) -> JsonObject:
    """What the trusted-devices screen shows of the quarantine: bundles, bytes, the
    quota, and per fingerprint its bundles and bytes (most bytes first)."""
    by_fingerprint: dict[str, JsonObject] = {}
    for row in rows:
        entry = by_fingerprint.setdefault(row["fingerprint"], {"fingerprint": row["fingerprint"], "bundles": 0,
                                                               "bytes": 0, "device": row["device_name"]})
        entry["bundles"] += 1
        entry["bytes"] += row["size"] or 0
    return {"bundles": len(rows), "bytes": sum(row["size"] or 0 for row in rows), "quota": quota,
            "devices": sorted(by_fingerprint.values(), key=lambda entry: (-entry["bytes"], entry["fingerprint"]))}
