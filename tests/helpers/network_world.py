"""Devices syncing through a drop box, for the network sync tests: drop boxes (a folder or
wsgidav on 127.0.0.1), transports that count or fail, and trust by public key file (the
way a laptop learns its coordinator's key before any bundle of it arrives)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from fieldkit.services.network_sync import SyncReport, sync_once
from fieldkit.sync.dropbox import folder as folder_messages
from fieldkit.sync.dropbox.folder import FolderTransport
from fieldkit.sync.dropbox.transport import DropBoxError, Entry, Transport
from fieldkit.sync.dropbox.webdav import WebDavTransport
from tests.helpers.sync_devices import Device
from tests.helpers.webdav_servers import running_nginx, running_wsgidav

KINDS = ("folder", "wsgidav", "nginx")


@contextmanager
def drop_box_of(kind: str, root: Path) -> Iterator[Callable[[], Transport]]:
    """A drop box at `root`; yields a function opening a transport to it (one per device)."""
    root.mkdir(parents=True, exist_ok=True)
    if kind == "folder":
        yield lambda: FolderTransport(root)
        return
    opened: list[WebDavTransport] = []
    with _running_server(kind, root) as url:
        def open_transport() -> Transport:
            opened.append(WebDavTransport(url, user="doan", password="mật-khẩu", timeout=10))
            return opened[-1]

        yield open_transport
        for transport in opened:
            transport.close()


@contextmanager
def _running_server(kind: str, root: Path) -> Iterator[str]:
    """wsgidav (from pip) or nginx with its DAV modules (from Debian) serving `root`."""
    users = {"doan": "mật-khẩu"}
    if kind == "wsgidav":
        with running_wsgidav(root, users=users) as url:
            yield url
        return
    folder = root.parent / f"{root.name}-nginx"
    folder.mkdir()
    with running_nginx(root, users=users, folder=folder) as nginx:
        yield nginx.url


class Counting:
    """A transport that counts what it is asked: calls per method, paths fetched and put."""

    def __init__(self, inner: Transport) -> None:
        self.inner = inner
        self.calls: Counter[str] = Counter()
        self.fetched: list[str] = []
        self.put_paths: list[str] = []
        self.listed: list[str] = []

    def files(self, folder: str) -> list[Entry]:
        self.calls["files"] += 1
        self.listed.append(folder)
        return self.inner.files(folder)

    def folders(self) -> list[str]:
        self.calls["folders"] += 1
        return self.inner.folders()

    def fetch(self, path: str, target: Path, *, limit: int) -> None:
        self.calls["fetch"] += 1
        self.fetched.append(path)
        self.inner.fetch(path, target, limit=limit)

    def put(self, source: Path, path: str, *, replace: bool = False) -> bool:
        self.calls["put"] += 1
        self.put_paths.append(path)
        return self.inner.put(source, path, replace=replace)

    def remove(self, path: str) -> None:
        self.calls["remove"] += 1
        self.inner.remove(path)


class FailingAt(Counting):
    """A transport whose `failing_call`-th call (1 = the first) fails as a dropped link would."""

    def __init__(self, inner: Transport, *, failing_call: int) -> None:
        super().__init__(inner)
        self.failing_call = failing_call
        self.count = 0

    def _step(self, path: str) -> None:
        self.count += 1
        if self.count == self.failing_call:
            raise DropBoxError(folder_messages.INTERRUPTED, reason="interrupted", path=path,
                               detail="connection reset by the test")

    def files(self, folder: str) -> list[Entry]:
        self._step(folder)
        return super().files(folder)

    def folders(self) -> list[str]:
        self._step("/")
        return super().folders()

    def fetch(self, path: str, target: Path, *, limit: int) -> None:
        self._step(path)
        super().fetch(path, target, limit=limit)

    def put(self, source: Path, path: str, *, replace: bool = False) -> bool:
        self._step(path)
        return super().put(source, path, replace=replace)


def trust_by_key(device: Device, *others: Device, keys: Path) -> None:
    """`device` trusts each of `others` by its public key file (key known before any bundle)."""
    keys.mkdir(parents=True, exist_ok=True)
    for other in others:
        if other is not device:
            key_file = keys / f"{other.name}.json"
            other.service.export_public_key(key_file)
            device.service.trust(str(key_file))


@contextmanager
def trusting_each_other(root: Path, *, laptop: str = "lan",
                        coordinator: str = "coordinator") -> Iterator[tuple[Device, Device]]:
    """A laptop and a coordinator that trust each other by key file; both closed at the end."""
    devices = Device(root, laptop), Device(root, coordinator)
    trust_by_key(devices[0], devices[1], keys=root / "keys")
    trust_by_key(devices[1], devices[0], keys=root / "keys")
    try:
        yield devices
    finally:
        for device in devices:
            device.close()


@contextmanager
def laptop_and_coordinator(root: Path) -> Iterator[tuple[Device, Device, Path]]:
    """A laptop ("lan") and a coordinator that trust each other by key file, and an empty
    folder drop box; both closed at the end."""
    with trusting_each_other(root) as (lan, coordinator):
        (root / "drop-box").mkdir()
        yield lan, coordinator, root / "drop-box"


def sync(device: Device, transport: Transport, *, remote: str = "hop") -> SyncReport:
    report = sync_once(device.service, transport, remote=remote)
    assert report.error is None, report.error
    return report
