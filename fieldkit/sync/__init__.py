"""Sync: bundles between laptops and coordinators (DESIGN.md §5 and §6). Qt-free.

export_bundle(store, out, full=..., peer=..., recipients=...)  -> manifest
import_bundle(store, path, exchange_private=..., progress=...) -> ImportReport
verify_file(store, path, exchange_private=...)                 -> ImportReport (writes nothing)
conflicts / resolution (merge); fieldkit.sync.status: status, state_digest, gaps
The coordinator's calls are gathered in fieldkit.services.coordinator.
"""

from fieldkit.sync.errors import BundleError
from fieldkit.sync.export import export_bundle
from fieldkit.sync.importer import ImportReport, import_bundle, verify_file
from fieldkit.sync.merge import conflicts, resolution

__all__ = ["BundleError", "ImportReport", "conflicts", "export_bundle", "import_bundle", "resolution", "verify_file"]
