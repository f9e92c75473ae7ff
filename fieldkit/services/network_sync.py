"""Sync with a drop box over the network or a shared folder: one pass (docs/sync.md,
"One sync pass"). Qt-free; the window runs it in its background-operation helper.

STUB (issue 14, being built): signatures are the contract the CLI and the window use.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fieldkit.services.coordinator import CoordinatorService
    from fieldkit.sync.dropbox.transport import DropBoxError, Transport
    from fieldkit.sync.importer import ImportReport

# progress(step, done, total): step is "receipts", "pull" (bundles fetched) or "push"
SyncProgress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class ReceiptSeen:
    """A trusted device's receipt read in a drop box."""

    site_id: str
    device: str  # its name, as it signed it
    created: str  # ISO time it was made, by its clock


@dataclass(frozen=True)
class SyncReport:
    remote: str
    sent_bundles: int = 0
    sent_revisions: int = 0
    imported: list[ImportReport] = field(default_factory=list)
    receipts: list[ReceiptSeen] = field(default_factory=list)
    bad_receipts: dict[str, str] = field(default_factory=dict)  # site_id -> why it was skipped
    error: DropBoxError | None = None

    @property
    def complete(self) -> bool:
        """The pass ran to its end: everything this device holds is in the drop box."""
        return self.error is None


def sync_once(service: CoordinatorService, transport: Transport, *, remote: str,
              progress: SyncProgress | None = None) -> SyncReport:
    """One pass with the drop box `transport` (named `remote` in `remotes`); never raises
    DropBoxError: the report carries it."""
    raise NotImplementedError


def unreceived_submissions(service: CoordinatorService) -> int:
    """This device's submissions (records) with a revision no trusted receipt holds yet."""
    raise NotImplementedError


def received_by(service: CoordinatorService, record_id: str) -> list[ReceiptSeen]:
    """The trusted devices whose receipts hold every revision of `record_id` this device made."""
    raise NotImplementedError
