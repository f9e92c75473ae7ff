"""Finding a coordinator's `fieldkit serve` on the LAN or a hotspot with zeroconf (mDNS,
DNS-SD): the server announces `_fieldkit._tcp.local.` with its site id, device name and
path in the TXT record; a laptop browses for a few seconds and lists what answered.

What an announcement says is untrusted (anyone on the network can announce): it only
saves typing an address. The requests that follow are signed, and the laptop still
checks, by the coordinator's receipts and bundles, that the key behind it is trusted.
"""

from __future__ import annotations

import socket
import time
from collections.abc import Sequence
from dataclasses import dataclass

from zeroconf import IPVersion, ServiceBrowser, ServiceInfo, ServiceListener, Zeroconf

SERVICE_TYPE = "_fieldkit._tcp.local."
_TEXT_LIMIT = 200  # a TXT value is at most 255 bytes


@dataclass(frozen=True, slots=True)
class Found:
    """A coordinator seen on the network."""

    name: str
    addresses: tuple[str, ...]
    port: int
    site_id: str
    device: str
    path: str

    @property
    def urls(self) -> list[str]:
        return [f"http://{address}:{self.port}{self.path}" for address in self.addresses]


class Announcement:
    """The server announced until close()."""

    def __init__(self, *, site_id: str, device: str, port: int, addresses: Sequence[str],
                 interfaces: Sequence[str] | None = None) -> None:
        self._zeroconf = _zeroconf(interfaces)
        label = f"{device[:40]} {site_id[:8]}".replace(".", " ")
        self._info = ServiceInfo(
            SERVICE_TYPE, f"{label}.{SERVICE_TYPE}", port=port,
            addresses=[socket.inet_aton(address) for address in addresses],
            properties={"site_id": site_id, "device": _clip(device), "path": "/"},
            server=f"fieldkit-{site_id[:12]}.local.")
        self._zeroconf.register_service(self._info, allow_name_change=True)

    def close(self) -> None:
        try:
            self._zeroconf.unregister_service(self._info)
        finally:
            self._zeroconf.close()

    def __enter__(self) -> Announcement:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def browse(*, seconds: float = 3.0, interfaces: Sequence[str] | None = None) -> list[Found]:
    """The coordinators that answered within `seconds`, by name."""
    zeroconf = _zeroconf(interfaces)
    try:
        listener = _Names()
        browser = ServiceBrowser(zeroconf, SERVICE_TYPE, listener)
        time.sleep(seconds)  # mDNS answers trickle in; there is nothing to wait on but time
        browser.cancel()
        found = [_found(zeroconf, name) for name in sorted(listener.names)]
    finally:
        zeroconf.close()
    return [entry for entry in found if entry is not None]


class _Names(ServiceListener):
    def __init__(self) -> None:
        self.names: set[str] = set()

    def add_service(self, zc: Zeroconf, type_: str, name: str) -> None:
        self.names.add(name)

    def update_service(self, zc: Zeroconf, type_: str, name: str) -> None:
        self.names.add(name)

    def remove_service(self, zc: Zeroconf, type_: str, name: str) -> None:
        self.names.discard(name)


def _found(zeroconf: Zeroconf, name: str) -> Found | None:
    info = zeroconf.get_service_info(SERVICE_TYPE, name, timeout=2000)
    if info is None or not info.port:
        return None
    text = {_text(key): _text(value) for key, value in info.properties.items()}
    site_id = text.get("site_id", "")
    if len(site_id) != 32 or any(char not in "0123456789abcdef" for char in site_id):
        return None  # not a fieldkit server, or a garbled one
    path = text.get("path") or "/"
    return Found(name=name.removesuffix("." + SERVICE_TYPE), addresses=tuple(info.parsed_addresses(IPVersion.V4Only)),
                 port=info.port, site_id=site_id, device=text.get("device", ""),
                 path=path if path.startswith("/") else "/")


def _zeroconf(interfaces: Sequence[str] | None) -> Zeroconf:
    if interfaces is None:
        return Zeroconf(ip_version=IPVersion.V4Only)
    return Zeroconf(interfaces=list(interfaces), ip_version=IPVersion.V4Only)


def _text(value: bytes | None) -> str:
    return (value or b"").decode("utf-8", errors="replace")[:_TEXT_LIMIT]


def _clip(text: str) -> str:
    return text.encode("utf-8")[:_TEXT_LIMIT].decode("utf-8", errors="ignore")


def lan_addresses() -> list[str]:
    """This computer's IPv4 addresses that others on the network can reach (no loopback)."""
    from zeroconf import get_all_addresses

    return sorted(address for address in get_all_addresses() if not address.startswith("127."))
