"""The local store: one SQLite file per device (DESIGN.md §4). Qt-free.

See docs/store-and-services.md for the contract. `Store.open(data_dir=...)` creates or
migrates the file, loads or makes the device identity and starts the writer thread.
"""

from fieldkit.store.errors import StoreError
from fieldkit.store.hlc import HybridLogicalClock
from fieldkit.store.identity import DeviceIdentity
from fieldkit.store.revisions import canonical_json, rebuild_records, revision_id
from fieldkit.store.store import DATABASE_FILE, Store

__all__ = ["DATABASE_FILE", "DeviceIdentity", "HybridLogicalClock", "Store", "StoreError", "canonical_json",
           "rebuild_records", "revision_id"]
