"""The window's network sync (issue 14): the status bar's indicator, Sync now and the
drop box settings in the File menu, the scheduler that syncs by itself, and "received by the
coordinator at …" on an opened submission. `SyncUi(window)` attaches it all."""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from fieldkit.ui import tasks
from fieldkit.ui.coordinator.lan_share import LanShareUi
from fieldkit.ui.sync.indicator import SyncIndicator, megabytes
from fieldkit.ui.sync.scheduler import SyncScheduler
from fieldkit.ui.sync.settings_dialog import SyncSettingsDialog

log = logging.getLogger(__name__)
SYNC_NOW_KEYS = "F5"


def received_text(receipts: list) -> str:
    """"Received by Coordinator 1 at 14:05 on 03/06", one phrase per coordinator."""
    from PySide6.QtCore import QCoreApplication, QDateTime, Qt

    phrases = []
    for receipt in receipts:
        when = QDateTime.fromString(receipt.created, Qt.DateFormat.ISODate).toLocalTime()
        phrases.append(QCoreApplication.translate("SyncUi", "Received by {coordinator} at {time}").format(
            coordinator=receipt.device, time=when.toString("HH:mm dd/MM/yyyy")))
    return "; ".join(phrases)


class SyncUi(QObject):
    imported = Signal(list)  # of ImportReport: a pass brought records in
    receipts_changed = Signal()  # a pass read new receipts: the lists' "received by" may change

    def __init__(self, window, *, scheduler: SyncScheduler | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.coordinator = None
        self.dialog: SyncSettingsDialog | None = None
        self.metered_question: QMessageBox | None = None
        self.scheduler = scheduler if scheduler is not None else SyncScheduler(self)
        self.indicator = SyncIndicator()
        window.statusBar().addPermanentWidget(self.indicator)
        self.sync_now_action = QAction(self)
        self.sync_now_action.setObjectName("sync_now_action")
        self.sync_now_action.setShortcut(SYNC_NOW_KEYS)
        self.settings_action = QAction(self)
        self.settings_action.setObjectName("sync_settings_action")
        for action in (self.sync_now_action, self.settings_action):
            action.setEnabled(False)
            window.addAction(action)  # its shortcut works on every page
        # In the File menu, above Quit: every letter of the menu bar is taken in Vietnamese
        # (tests/ui/test_app_mnemonics.py), and syncing is what one does with the data.
        window.file_menu.insertActions(window.quit_action, [self.sync_now_action, self.settings_action])
        window.file_menu.insertSeparator(window.quit_action)
        self.sync_now_action.triggered.connect(self.sync_now)
        self.settings_action.triggered.connect(self.open_settings)
        self.indicator.settings_requested.connect(self.open_settings)
        self.indicator.metered_send_requested.connect(self.ask_metered)
        self.scheduler.changed.connect(self._state_changed)
        self.scheduler.imported.connect(self.imported)
        self.scheduler.receipts_changed.connect(self.receipts_changed)
        window.forms.saved.connect(self.scheduler.after_finalize)
        window.forms.opened.connect(self._show_received)
        window.installEventFilter(self)
        self.lan = LanShareUi(window)  # the coordinator's "Share on this network"
        self.lan.imported.connect(self.imported)
        self._retranslate()

    def set_service(self, coordinator) -> None:
        self.coordinator = coordinator
        self.lan.set_service(coordinator)
        self.settings_action.setEnabled(True)
        self.scheduler.set_service(coordinator)

    def sync_now(self) -> None:
        if self.scheduler.state.remote is None:
            self.open_settings()
        elif not self.scheduler.sync_now():
            self.window.statusBar().showMessage(self.tr("A sync is already running; another follows it."), 8000)

    def open_settings(self) -> None:
        if self.coordinator is None:
            return
        self.dialog = SyncSettingsDialog(self.coordinator, self.scheduler.state.remote, self.window)
        self.dialog.saved.connect(self.scheduler.set_remote)
        self.dialog.open()

    def ask_metered(self) -> None:
        """Asked only when the person clicked the indicator: never over a form being filled."""
        waiting = self.scheduler.state.metered_waiting
        if waiting is None:
            return
        if self.metered_question is not None and self.metered_question.isVisible():
            self.metered_question.activateWindow()
            return
        question = QMessageBox(QMessageBox.Icon.Question, self.tr("Metered connection"),
                               self.tr("This connection is charged by the amount of data. Send {size} MB of "
                                       "photos and attached files now?").format(size=megabytes(waiting)),
                               QMessageBox.StandardButton.NoButton, self.window)
        question.setObjectName("metered_question")
        send = question.addButton(self.tr("&Send now"), QMessageBox.ButtonRole.AcceptRole)
        later = question.addButton(self.tr("&Later"), QMessageBox.ButtonRole.RejectRole)
        question.setDefaultButton(send)
        question.setEscapeButton(later)
        question.finished.connect(lambda _result: self._metered_answered(question.clickedButton() is send))
        self.metered_question = question
        question.open()

    def _metered_answered(self, send: bool) -> None:
        if send:
            self.scheduler.sync_now()
        else:
            self.scheduler.decline_metered()

    def _state_changed(self) -> None:
        state = self.scheduler.state
        self.indicator.show_state(state)
        self.sync_now_action.setEnabled(state.remote is not None and not state.running)

    def _show_received(self, submission) -> None:
        """The coordinators' receipts holding this submission, under its finalized note."""
        from fieldkit.services import network_sync

        record_id = getattr(submission, "record_id", None)
        if record_id is None or self.coordinator is None or self.scheduler.state.remote is None:
            return
        tasks.run(network_sync.received_by, self.coordinator, record_id).then(
            lambda receipts: self._received_read(submission, receipts),
            lambda error: log.warning("receipts of %s not read: %s", record_id, error))

    def _received_read(self, submission, receipts: list) -> None:
        page = self.window.form_page
        if not receipts or self.window.forms.submission is not submission:
            return
        shown = page.info_banner.text()
        page.show_info(f"{shown} {received_text(receipts)}." if shown else f"{received_text(receipts)}.")

    def eventFilter(self, watched, event) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        return False

    def _retranslate(self) -> None:
        self.sync_now_action.setText(self.tr("Sync &now"))
        self.settings_action.setText(self.tr("&Drop box settings…"))
