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

Metered connections (a phone's data plan): an automatic pass first reads, on its worker
and without the network, how many bytes of photos and files the push would carry
(network_sync.unsent_attachment_bytes). Under METERED_ASK_BYTES it runs as usual:
submissions themselves are small (about 1 kB each, compressed). Over it the pass is held
back and the indicator says "N MB of photos and files waiting: click to send"; nothing
pops up by itself, since a question over a form being filled would steal its keystrokes.
Clicking the indicator asks (SyncUi.ask_metered): "Send now" runs one pass; "Later" keeps
automatic passes paused for the rest of the session, or until the connection is no longer
metered, and the indicator says to use Sync now. "Sync now" (F5) always sends, unasked.
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
METERED_ASK_BYTES = 2_000_000  # photos and files an automatic pass sends unasked on a metered connection


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
    metered_waiting: int | None = None  # bytes of photos and files held back for the person's agreement


@dataclass(frozen=True)
class HeldBack:
    """An automatic pass not run: on a metered connection it would send this much."""

    attachment_bytes: int


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


def run_pass(coordinator, remote, *, metered_limit: int | None = None) -> tuple:
    """On a worker: one pass, then how many submissions still await a coordinator; or,
    when the photos and files to send are over `metered_limit`, (HeldBack, None)."""
    from fieldkit.services import network_sync, remotes
    from fieldkit.sync.dropbox.transport import DropBoxError

    if metered_limit is not None:
        waiting = network_sync.unsent_attachment_bytes(coordinator, remote=remote.name)
        if waiting > metered_limit:
            return HeldBack(attachment_bytes=waiting), None

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
        self._queued: str | None = None  # "automatic" or "manual": a pass was asked for while one ran
        self.metered_declined = False  # "Later": no automatic pass on this metered connection
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
        self._update(remote=remote, error=None, next_try=None, offline=False, metered_paused=False,
                     metered_waiting=None)
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
            self._queued = "automatic" if automatic and self._queued != "manual" else "manual"
            return False
        if automatic and not self.network.reaches(remote.url):
            self.timer.stop()  # the network's return starts the next pass
            self._update(offline=True, next_try=None)
            return False
        metered = automatic and self.network.metered()
        if metered and self.metered_declined:
            self.timer.stop()
            self._update(metered_paused=True, metered_waiting=None, next_try=None)
            return False
        self.timer.stop()
        self._update(running=True, offline=False, metered_paused=False, metered_waiting=None, next_try=None)
        tasks.run(run_pass, self.coordinator, remote, metered_limit=METERED_ASK_BYTES if metered else None,
                  description="sync").then(
            lambda outcome, asked=remote: self._passed(asked, *outcome),
            lambda error, asked=remote: self._pass_crashed(error, asked))
        return True

    def decline_metered(self) -> None:
        """"Later": automatic passes stay paused while this connection is metered."""
        self.metered_declined = True
        if self.state.metered_waiting is not None:
            self._update(metered_waiting=None)

    def _passed(self, remote, report, pending) -> None:
        if isinstance(report, HeldBack):
            self._held(remote, report.attachment_bytes)
            return
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

    def _held(self, remote, attachment_bytes: int) -> None:
        """Paused until the person agrees, Sync now, or an unmetered network."""
        if self._restarted_for_new_remote(remote):
            return
        # a pass that was under way when the person said "Later" must not ask again
        waiting = None if self.metered_declined else attachment_bytes
        self._update(running=False, metered_paused=True, metered_waiting=waiting)
        self._run_queued()

    def _pass_crashed(self, error: BaseException, remote) -> None:
        """Anything but a DropBoxError (the keyring unavailable, a full data disk): shown
        like any failure, and retried later."""
        log.warning("sync with %s failed: %r", remote.name, error)
        self._finish(remote, error=error)

    def _finish(self, remote, *, error: BaseException | None, delay: float | None = None, **values) -> None:
        if self._restarted_for_new_remote(remote):
            return
        if delay is None:
            delay = self.backoff.next_delay(success=False)
        self.timer.start(int(delay * 1000))
        self._update(running=False, error=error, next_try=dt.datetime.now() + dt.timedelta(seconds=delay), **values)
        self._run_queued()

    def _restarted_for_new_remote(self, remote) -> bool:
        """When the drop box was changed during the pass that synced with `remote`, its
        outcome says nothing of the new one: a pass with the new one starts instead."""
        if remote is self.state.remote:
            return False
        self._update(running=False)
        self.request(automatic=True)
        return True

    def _run_queued(self) -> None:
        queued, self._queued = self._queued, None
        if queued is not None:
            self.request(automatic=queued == "automatic")

    def _network_changed(self) -> None:
        if not self.network.metered():
            self.metered_declined = False  # a metered connection later is asked about anew
        remote = self.state.remote
        if remote is None or self.state.running:
            return
        if not self.network.reaches(remote.url):
            self.request(automatic=True)  # shows offline, and stops the timer
        elif self.state.offline or self.state.metered_paused or self.state.error is not None:
            self.backoff.reset()  # a new network: the old failures say nothing about it
            self.request(automatic=True)

    def _update(self, **values) -> None:
        self.state = replace(self.state, **values)
        self.changed.emit()
