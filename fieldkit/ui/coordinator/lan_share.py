"""The coordinator's "Share on this network": the window serves its drop box to the
laptops in the room (fieldkit.services.lan_share, as `fieldkit serve` does), imports
what they send once a burst of uploads settles, and says where it is shared in the
status bar. Unchecking the entry or closing the window stops it and frees the port.

Starting, stopping and every import run on a worker (fieldkit.ui.tasks); the import
writes through the store's one writer thread, like any sync pass."""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMessageBox

from fieldkit.ui import errors, tasks

log = logging.getLogger(__name__)
SETTLE_MS = 2000  # a laptop's push is several files: import once they stop coming


class _Arrivals(QObject):
    """Lives in the GUI thread; the server's threads emit, Qt queues it here."""

    arrived = Signal()


class LanShareUi(QObject):
    imported = Signal(list)  # of ImportReport, as after a bundle import
    changed = Signal()  # started or stopped

    host = "0.0.0.0"  # tests bind to 127.0.0.1, port 0
    port = 8470
    announce = True

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.coordinator = None
        self.share = None  # a running fieldkit.services.lan_share.LanShare
        self.last_visitors = None  # the Visitors of the share that ran last, for "Laptops seen"
        self.error_box: QMessageBox | None = None
        self.seen_dialog = None
        self._importing = self._import_again = self._closed = False
        self._arrivals = _Arrivals(self)
        self.settle_timer = QTimer(self)
        self.settle_timer.setSingleShot(True)
        self.settle_timer.setInterval(SETTLE_MS)
        self._arrivals.arrived.connect(self.settle_timer.start)  # each arrival restarts the wait
        self.settle_timer.timeout.connect(self.import_arrivals)
        self.share_action = QAction(self)
        self.share_action.setObjectName("coordinator_lan_share")
        self.share_action.setCheckable(True)
        self.share_action.toggled.connect(self._toggled)
        self.seen_action = QAction(self)
        self.seen_action.setObjectName("coordinator_laptops_seen")
        self.seen_action.triggered.connect(self.open_laptops_seen)
        for action in (self.share_action, self.seen_action):
            action.setEnabled(False)
        window.coordinator_menu.addSeparator()
        window.coordinator_menu.addActions([self.share_action, self.seen_action])
        self.label = QLabel()
        self.label.setObjectName("lan_share_label")
        self.label.hide()
        window.statusBar().addPermanentWidget(self.label)
        window.installEventFilter(self)
        self._retranslate()

    def set_service(self, coordinator) -> None:
        self.coordinator = coordinator
        for action in (self.share_action, self.seen_action):
            action.setEnabled(True)

    # -- start and stop -----------------------------------------------------------------

    def _toggled(self, checked: bool) -> None:
        if checked and self.share is None:
            self.start()
        elif not checked and self.share is not None:
            self.stop()

    def start(self) -> None:
        from fieldkit.services import lan_share

        if self.coordinator is None:
            return
        self.share_action.setEnabled(False)
        tasks.run(lan_share.start_share, self.coordinator, host=self.host, port=self.port, announce=self.announce,
                  on_arrival=self._arrivals.arrived.emit).then(self._started, self._start_failed)

    def _started(self, share) -> None:
        self.share_action.setEnabled(True)
        if self._closed:  # the window closed while it was starting
            share.stop()
            return
        if not self.share_action.isChecked():  # unchecked while it was starting
            tasks.run(share.stop)
            return
        self.share, self.last_visitors = share, share.visitors
        self._show_where()
        self.import_arrivals()  # what arrived before, and this coordinator's receipt for the laptops
        self.changed.emit()

    def _start_failed(self, error: BaseException) -> None:
        self.share_action.setEnabled(True)
        self.share_action.setChecked(False)
        port = getattr(error, "port", self.port)
        cause = getattr(error, "error", error)
        text = self.tr("This computer cannot share on port {port}: {error}.\nAnother fieldkit window or "
                       "`fieldkit serve` may be sharing already: close it, then try again.").format(
            port=port, error=getattr(cause, "strerror", None) or errors.message(cause))
        self.error_box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Share on this network"), text,
                                     QMessageBox.StandardButton.Ok, self.window)
        self.error_box.setObjectName("lan_share_error")
        self.error_box.open()

    def stop(self) -> None:
        """Unchecked: stop on a worker (withdrawing the announcement takes a moment)."""
        share, self.share = self.share, None
        self.settle_timer.stop()
        self._show_where()
        if share is None:
            return
        self.share_action.setEnabled(False)
        tasks.run(share.stop).then(self._stopped, self._stopped)

    def _stopped(self, *_result) -> None:
        self.share_action.setEnabled(self.coordinator is not None)
        self.changed.emit()

    def stop_now(self) -> None:
        """The window closes: stop before it goes, on this thread."""
        self._closed = True
        share, self.share = self.share, None
        self.settle_timer.stop()
        if share is not None:
            share.stop()

    # -- imports ------------------------------------------------------------------------

    def import_arrivals(self) -> None:
        from fieldkit.services import lan_share

        if self.share is None or self.coordinator is None:
            return
        if self._importing:
            self._import_again = True
            return
        self._importing = True
        tasks.run(lan_share.import_arrivals, self.coordinator, self.share.root).then(
            self._imported, self._import_failed).finished.connect(self._import_done)

    def _imported(self, report) -> None:
        count = sum(1 for entry in report.imported if entry.status == "imported")
        if report.imported:
            self.imported.emit(report.imported)
        if count:
            self.window.statusBar().showMessage(self.tr("Imported {count} bundles from the laptops.").format(
                count=count), 8000)
        if report.error is not None:
            self.window.statusBar().showMessage(errors.message(report.error), 8000)

    def _import_failed(self, error: BaseException) -> None:
        log.warning("importing the shared drop box failed: %s", error)
        self.window.statusBar().showMessage(self.tr("The laptops' bundles could not be imported: {error}").format(
            error=errors.message(error)), 8000)

    def _import_done(self) -> None:
        self._importing = False
        if self._import_again:
            self._import_again = False
            self.import_arrivals()

    # -- what the window shows ----------------------------------------------------------

    def _show_where(self) -> None:
        from fieldkit.services.coordinator import readable_fingerprint

        if self.share is None:
            self.label.hide()
            self.label.setToolTip("")
            return
        urls = self.share.urls()
        if urls:
            self.label.setText(self.tr("Sharing on the network: {address}").format(address=urls[0]))
        else:
            self.label.setText(self.tr("Sharing, but no network: connect this computer to the Wi-Fi or hotspot"))
        tip = [self.tr("Laptops add one of these addresses:"), *urls,
               self.tr("This coordinator's key fingerprint (laptops compare it):"),
               readable_fingerprint(self.share.fingerprint)]
        if self.share.announce_error is not None:
            tip.append(self.tr("Not announced on the network; laptops type the address."))
        self.label.setToolTip("\n".join(tip))
        self.label.show()

    def open_laptops_seen(self) -> None:
        from fieldkit.ui.coordinator.laptops_seen import LaptopsSeenDialog

        if self.coordinator is None:
            return
        self.seen_dialog = LaptopsSeenDialog(self, self.window)
        self.seen_dialog.trust_requested.connect(self._trust_requested)
        self.seen_dialog.open()

    def _trust_requested(self, fingerprint: str) -> None:
        """The existing trust flow: the Trusted devices tab, its fingerprint typed in."""
        from fieldkit.ui.coordinator import TAB_DEVICES

        page = self.window.coordinator
        page.show_tab(TAB_DEVICES)
        # in groups of four, as a person compares it with the laptop's screen
        page.devices.fingerprint_edit.setText(" ".join(fingerprint[at:at + 4] for at in range(0, len(fingerprint), 4)))
        page.devices.fingerprint_edit.setFocus()

    def eventFilter(self, watched, event) -> bool:
        if watched is self.window:
            if event.type() == QEvent.Type.Close:
                self.stop_now()
            elif event.type() == QEvent.Type.LanguageChange:
                self._retranslate()
        return False

    def _retranslate(self) -> None:
        self.share_action.setText(self.tr("Share on this net&work"))
        self.seen_action.setText(self.tr("&Laptops seen…"))
        self._show_where()
