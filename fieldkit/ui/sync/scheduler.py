"""When the window syncs with its drop box: when the network comes back, after a
finalize, and on "Sync now"; one pass at a time, on a worker (fieldkit.ui.tasks).

Timers: after a failed pass the next one waits `Backoff.next_delay(False)` seconds,
after a success `next_delay(success=True)` (a steady interval); each is a single-shot QTimer, so an idle window
with no network does no work at all, and none is started while no drop box is set up.

Connectivity comes from QNetworkInformation. When no backend loads, or it says Unknown,
the pass itself is the probe: it runs when due, and a drop box that cannot be reached
fails fast (reason "unreachable") and backs off. A folder drop box is always tried (it
may be a local folder that Syncthing fills); a LAN address (a coordinator's laptop) needs
Local, Site or Online; anything else needs Online.

Metered connections (a phone's data plan): automatic passes pause and the indicator
says so; "Sync now" always runs. The window cannot tell how large the outgoing bundle
is before exporting it, and a paused pass loses nothing, so it asks nothing either.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import ipaddress
import logging
from dataclasses import dataclass, replace
from urllib.parse import urlsplit

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtNetwork import QNetworkInformation

from fieldkit.sync.dropbox.backoff import Backoff
from fieldkit.ui import tasks

log = logging.getLogger(__name__)
Reachability = QNetworkInformation.Reachability


@dataclass(frozen=True)
class SyncState:
    """What the indicator shows."""

    remote: object | None = None  # fieldkit.services.remotes.Remote
    running: bool = False
    last_success: dt.datetime | None = None
    pending: int | None = None  # submissions no coordinator has acknowledged
    error: BaseException | None = None  # of the last pass; None once a pass completes
    next_try: dt.datetime | None = None
    offline: bool = False  # the network is known to be down for this drop box
    metered_paused: bool = False


def is_local_address(url: str) -> bool:
    """A folder, or a server on this LAN (private address, `.local` name): reachable
    without the internet."""
    if not url.startswith(("http://", "https://")):
        return True
    host = urlsplit(url).hostname or ""
    if host == "localhost" or host.endswith(".local"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_private or address.is_loopback or address.is_link_local


class NetworkWatch(QObject):
    """QNetworkInformation, or nothing known when no backend loads."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.info = QNetworkInformation.instance() if QNetworkInformation.loadDefaultBackend() else None
        if self.info is not None:
            self.info.reachabilityChanged.connect(lambda _value: self.changed.emit())
            self.info.isMeteredChanged.connect(lambda _value: self.changed.emit())

    def reachability(self) -> Reachability:
        return self.info.reachability() if self.info is not None else Reachability.Unknown

    def metered(self) -> bool:
        return self.info is not None and self.info.isMetered()

    def reaches(self, url: str) -> bool:
        """False only when the backend knows the drop box cannot be reached."""
        known = self.reachability()
        if known == Reachability.Unknown or not url.startswith(("http://", "https://")):
            return True
        if is_local_address(url):
            return known != Reachability.Disconnected
        return known == Reachability.Online


def run_pass(coordinator, remote) -> tuple:
    """On a worker: one pass, then how many submissions still await a coordinator."""
    from fieldkit.services import network_sync, remotes
    from fieldkit.sync.dropbox.transport import DropBoxError

    try:
        transport = remotes.open_transport(coordinator, remote)
    except DropBoxError as error:
        return network_sync.SyncReport(remote=remote.name, error=error), None
    with contextlib.closing(transport):
        report = network_sync.sync_once(coordinator, transport, remote=remote.name)
    return report, network_sync.unreceived_submissions(coordinator)


class SyncScheduler(QObject):
    changed = Signal()  # `state` changed
    imported = Signal(list)  # of ImportReport: a pass brought records in
    receipts_changed = Signal()  # a pass read receipts other than the last pass's: "received by" may change

    def __init__(self, parent: QObject | None = None, *, network: NetworkWatch | None = None,
                 backoff: Backoff | None = None) -> None:
        super().__init__(parent)
        self.coordinator = None
        self.state = SyncState()
        self.backoff = backoff if backoff is not None else Backoff()
        self.network = network if network is not None else NetworkWatch(self)
        self.network.changed.connect(self._network_changed)
        self.timer = QTimer(self)
        self.timer.setObjectName("sync_timer")
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(lambda: self.request(automatic=True))
        self._again = False  # a pass was asked for while one ran
        self._receipts_read: set | None = None  # (site, created) of the receipts the last pass read

    def set_service(self, coordinator) -> None:
        self.coordinator = coordinator
        self.reload_remotes()

    def reload_remotes(self) -> None:
        from fieldkit.services import remotes

        if self.coordinator is not None:
            tasks.run(remotes.list_remotes, self.coordinator).then(
                lambda found: self.set_remote(found[0] if found else None), self._remotes_failed)

    def _remotes_failed(self, error: BaseException) -> None:
        log.warning("could not read the drop boxes: %s", error)

    def set_remote(self, remote) -> None:
        """The drop box to sync with (None: none, and no timer runs); a pass starts now."""
        self.timer.stop()
        self.backoff.reset()
        self._update(remote=remote, error=None, next_try=None, offline=False, metered_paused=False)
        if remote is not None:
            self.request(automatic=True)

    def sync_now(self) -> bool:
        return self.request(automatic=False)

    def after_finalize(self, revision) -> None:
        if getattr(revision, "data", {}).get("status") == "finalized":
            self.request(automatic=True)

    def request(self, *, automatic: bool) -> bool:
        """Start a pass unless one runs (then one more follows it); True when started."""
        remote = self.state.remote
        if remote is None or self.coordinator is None:
            return False
        if self.state.running:
            self._again = True
            return False
        if automatic and not self.network.reaches(remote.url):
            self.timer.stop()  # the network's return starts the next pass
            self._update(offline=True, next_try=None)
            return False
        if automatic and self.network.metered():
            self.timer.stop()
            self._update(metered_paused=True, next_try=None)
            return False
        self.timer.stop()
        self._update(running=True, offline=False, metered_paused=False, next_try=None)
        tasks.run(run_pass, self.coordinator, remote, description="sync").then(
            lambda outcome, asked=remote: self._passed(asked, *outcome),
            lambda error, asked=remote: self._pass_crashed(error, asked))
        return True

    def _passed(self, remote, report, pending) -> None:
        if report.imported:
            self.imported.emit(report.imported)
        receipts = {(seen.site_id, seen.created) for seen in report.receipts}
        if report.error is None and receipts != self._receipts_read:
            self._receipts_read = receipts
            self.receipts_changed.emit()
        if report.error is not None:
            self._finish(remote, error=report.error)
            return
        self._finish(remote, error=None, delay=self.backoff.next_delay(success=True),
                     last_success=dt.datetime.now(), pending=pending)

    def _pass_crashed(self, error: BaseException, remote) -> None:
        """Anything but a DropBoxError (the keyring unavailable, a full data disk): shown
        like any failure, and retried later."""
        log.warning("sync with %s failed: %r", remote.name, error)
        self._finish(remote, error=error)

    def _finish(self, remote, *, error: BaseException | None, delay: float | None = None, **values) -> None:
        if remote is not self.state.remote:  # the drop box was changed meanwhile
            self._update(running=False)
            self.request(automatic=True)
            return
        if delay is None:
            delay = self.backoff.next_delay(success=False)
        self.timer.start(int(delay * 1000))
        self._update(running=False, error=error, next_try=dt.datetime.now() + dt.timedelta(seconds=delay), **values)
        if self._again:
            self._again = False
            self.request(automatic=False)

    def _network_changed(self) -> None:
        remote = self.state.remote
        if remote is None or self.state.running:
            return
        if self.network.reaches(remote.url) and not self.network.metered():
            if self.state.offline or self.state.metered_paused or self.state.error is not None:
                self.backoff.reset()  # a new network: the old failures say nothing about it
                self.request(automatic=True)
        else:
            self.request(automatic=True)  # shows offline or paused, and stops the timer

    def _update(self, **values) -> None:
        self.state = replace(self.state, **values)
        self.changed.emit()
