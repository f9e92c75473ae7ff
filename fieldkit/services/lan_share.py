"""A coordinator sharing its drop box on the LAN or a phone hotspot: the server, its
zeroconf announcement, the import after each burst of arrivals, and the record of the
laptops that asked. `fieldkit serve` and the window's "Share on this network" both use it.

The drop box is <data_dir>/lan-dropbox/. After uploads arrive, the coordinator runs one
sync pass against that folder with FolderTransport, as against any drop box: it imports
the trusted laptops' bundles and writes its own receipt there.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

# the name this folder's bookkeeping is kept under; the share's gate reads what it imported there
from fieldkit.sync.dropbox.lan_gate import LAN_REMOTE
from fieldkit.sync.dropbox.server import DEFAULT_PORT, DEFAULT_QUOTA, LanDropBox, Seen

if TYPE_CHECKING:
    from fieldkit.services.coordinator import CoordinatorService
    from fieldkit.services.network_sync import SyncReport
    from fieldkit.sync.dropbox.discovery import Announcement

LAN_FOLDER = "lan-dropbox"
EVERY_NETWORK = "0.0.0.0"


class ShareRefused(Exception):
    """The share could not start (the port is taken, no such address): `error` says why."""

    def __init__(self, *, host: str, port: int, error: OSError) -> None:
        super().__init__(f"cannot listen on {host} port {port}: {error.strerror or error}")
        self.host, self.port, self.error = host, port, error


@dataclass(frozen=True, slots=True)
class Visitor:
    """A device that asked the share something, this session."""

    fingerprint: str
    site_id: str = ""  # the folder it wrote to, once it wrote
    last_request: float = 0.0  # time.time()
    bundles_received: int = 0
    refused: int = 0  # requests answered 403 (not trusted) or otherwise refused
    untrusted: bool = False  # its last request was refused because it is not trusted


class Visitors:
    """The devices that asked, by key fingerprint; fed by the server's threads."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._by_fingerprint: dict[str, Visitor] = {}

    def record(self, seen: Seen) -> None:
        if seen.fingerprint is None:
            return  # the unsigned first request every client makes to learn the nonce
        with self._lock:
            fingerprint = seen.fingerprint
            known = self._by_fingerprint.get(fingerprint) or Visitor(fingerprint=fingerprint)
            self._by_fingerprint[fingerprint] = _updated(known, seen, fingerprint=fingerprint)

    def snapshot(self) -> list[Visitor]:
        """Every visitor, the latest first."""
        with self._lock:
            return sorted(self._by_fingerprint.values(), key=lambda visitor: -visitor.last_request)


def _updated(known: Visitor, seen: Seen, *, fingerprint: str) -> Visitor:
    parts = [part for part in seen.path.split("/") if part]
    owned = parts[0] if parts and parts[0][:20] == fingerprint[:20] and len(parts[0]) == 32 else ""
    arrived = seen.method == "MOVE" and seen.status == 201 and len(parts) == 3 and parts[1] == "bundles"
    # a 401 is the ordinary "sign again with this nonce", a 404 a receipt not written yet
    refused = seen.status in (400, 403, 411, 413, 507)
    return replace(known, site_id=owned or known.site_id, last_request=time.time(),
                   bundles_received=known.bundles_received + arrived, refused=known.refused + refused,
                   untrusted=seen.untrusted)


@dataclass
class LanShare:
    """A running share; stop() ends it (the port is free once it returns)."""

    service: CoordinatorService
    server: LanDropBox
    thread: threading.Thread
    host: str
    announcement: Announcement | None = None
    announce_error: str | None = None
    visitors: Visitors = field(default_factory=Visitors)

    @property
    def root(self) -> Path:
        return self.server.root

    @property
    def port(self) -> int:
        return self.server.port

    @property
    def fingerprint(self) -> str:
        return self.service.store.identity.fingerprint

    def addresses(self) -> list[str]:
        """The addresses laptops can reach this share at (each IPv4 of this computer)."""
        from fieldkit.sync.dropbox.discovery import lan_addresses

        return [self.host] if self.host not in (EVERY_NETWORK, "") else lan_addresses()

    def urls(self) -> list[str]:
        return [f"http://{address}:{self.port}/" for address in self.addresses()]

    def stop(self) -> None:
        """Withdraw the announcement, stop answering, free the port."""
        try:
            if self.announcement is not None:
                self.announcement.close()
                self.announcement = None
        finally:
            self.server.shutdown()
            self.server.server_close()
            self.thread.join(timeout=10)


def start_share(service: CoordinatorService, *, host: str = EVERY_NETWORK, port: int = DEFAULT_PORT,
                quota: int = DEFAULT_QUOTA, announce: bool = True,
                on_arrival: Callable[[], None] | None = None) -> LanShare:
    """Serve `<data_dir>/lan-dropbox/` on (host, port) in a thread, announced by zeroconf
    unless `announce` is False. ShareRefused when the port cannot be had."""
    from fieldkit.sync.dropbox.lan_gate import store_gate

    visitors = Visitors()
    root = Path(service.store.data_dir) / LAN_FOLDER
    try:
        server = LanDropBox(root, gate=store_gate(service.store), quota=quota, host=host, port=port,
                            on_arrival=on_arrival, on_request=visitors.record)
    except OSError as error:
        raise ShareRefused(host=host, port=port, error=error) from None
    thread = threading.Thread(target=server.serve_forever, name="lan-dropbox", daemon=True)
    thread.start()
    share = LanShare(service=service, server=server, thread=thread, host=host, visitors=visitors)
    if announce:
        _announce(share)
    return share


def _announce(share: LanShare) -> None:
    from fieldkit.sync.dropbox.discovery import Announcement

    identity = share.service.store.identity
    addresses = share.addresses() or ["127.0.0.1"]
    try:
        share.announcement = Announcement(site_id=identity.site_id, device=identity.device_name, port=share.port,
                                          addresses=addresses)
    except (OSError, ValueError, RuntimeError) as error:
        share.announce_error = str(error)


def import_arrivals(service: CoordinatorService, root: Path) -> SyncReport:
    """One sync pass against the served folder: import what arrived, write the receipt."""
    from fieldkit.services.network_sync import sync_once
    from fieldkit.sync.dropbox.folder import FolderTransport

    return sync_once(service, FolderTransport(root), remote=LAN_REMOTE)
