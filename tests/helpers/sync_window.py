"""The window's sync with its network and pass stood in for: what QNetworkInformation
says is set by the test (FakeNetwork), the remotes and the pass are in memory (FakeSync, a
pass that lists the drop box's folders through the real FolderTransport), and the backoff
is steady. Each test module makes its fixtures `network`, `fake_sync` and `window` of them."""

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QNetworkInformation

from fieldkit.services import network_sync, remotes
from fieldkit.sync.dropbox.backoff import Backoff
from fieldkit.sync.dropbox.folder import FolderTransport
from fieldkit.sync.dropbox.transport import DropBoxError
from fieldkit.ui.sync import scheduler as scheduler_module

Reachability = QNetworkInformation.Reachability


class FakeNetwork(QObject):
    """What QNetworkInformation would say, set by the test."""

    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.reachability_now, self.metered_now = Reachability.Online, False

    def reaches(self, url: str) -> bool:
        return self.reachability_now != Reachability.Disconnected

    def metered(self) -> bool:
        return self.metered_now

    def set(self, reachability=None, metered=None) -> None:
        if reachability is not None:
            self.reachability_now = reachability
        if metered is not None:
            self.metered_now = metered
        self.changed.emit()


class FakeSync:
    """The remotes table and the pass, in memory; `refuse` makes every transport raise."""

    def __init__(self, monkeypatch):
        self.stored, self.passes, self.refuse = {}, 0, None
        self.attachment_bytes = 0  # what unsent_attachment_bytes says: the photos and files a push would send
        monkeypatch.setattr(remotes, "list_remotes", lambda service: list(self.stored.values()))
        monkeypatch.setattr(remotes, "add_remote", self.add_remote)
        monkeypatch.setattr(remotes, "open_transport", self.open_transport)
        monkeypatch.setattr(network_sync, "sync_once", self.sync_once)
        monkeypatch.setattr(network_sync, "unreceived_submissions", lambda service: 3)
        monkeypatch.setattr(network_sync, "received_by", lambda service, record_id: [])
        monkeypatch.setattr(network_sync, "unsent_attachment_bytes", lambda service, *, remote: self.attachment_bytes)

    def add_remote(self, service, *, name, url, user=None, password=None, pin=None):
        self.stored[name] = remotes.Remote(name=name, url=url, user=user, pin=pin)
        return self.stored[name]

    def open_transport(self, service, remote, *, password=None):
        if self.refuse:
            raise DropBoxError("The server said 401.", reason=self.refuse)
        return FolderTransport(remote.url)

    def sync_once(self, service, transport, *, remote, progress=None):
        self.passes += 1
        try:
            transport.folders()
        except DropBoxError as error:
            return network_sync.SyncReport(remote=remote, error=error)
        return network_sync.SyncReport(remote=remote)


class SteadyBackoff(Backoff):
    def __init__(self):
        super().__init__(first_retry=30.0, jitter=0.0)


def fake_networks(monkeypatch) -> list[FakeNetwork]:
    """The window's NetworkWatch made a FakeNetwork (the list holds each one made), and a steady backoff."""
    made: list[FakeNetwork] = []
    monkeypatch.setattr(scheduler_module, "NetworkWatch", lambda parent=None: made.append(FakeNetwork(parent))
                        or made[-1])
    monkeypatch.setattr(scheduler_module, "Backoff", SteadyBackoff)
    return made


def window_with_fake_sync(start_shell, fake_sync: FakeSync):
    """A shell in a visit, whose window syncs through `fake_sync` (as shell.fake_sync)."""
    shell = start_shell()
    shell.enter_visit()
    shell.fake_sync = fake_sync
    return shell


def synced_text(state_text: str) -> bool:
    return state_text.startswith("Đã đồng bộ lúc ") and state_text.endswith(" · 3 phiếu chờ điều phối nhận")
