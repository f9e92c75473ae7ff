"""The status bar's sync indicator: no drop box yet, syncing, synced (and how many
submissions still await a coordinator), or what went wrong and what to do about it.
Clicking it opens the drop box settings, or, when photos and files wait for a metered
connection, asks whether to send them (SyncUi.ask_metered)."""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import QToolButton, QWidget

from fieldkit.ui import errors
from fieldkit.ui.sync.scheduler import SyncState

TEXT_WIDTH = 520  # pixels of the status bar, at most: the whole text is in the tooltip
translate = QCoreApplication.translate


def megabytes(size: int) -> int:
    """Rounded up: a person deciding about a data plan is better told a little more."""
    return math.ceil(size / 1_000_000)


def what_to_do(error: BaseException) -> str:
    """The failure said as what the person does next (each reason its own words)."""
    reason = getattr(error, "reason", None)
    texts = {
        "unreachable": translate("SyncIndicator", "No network to the drop box: sync will retry by itself."),
        "unauthorized": translate("SyncIndicator", "Wrong user or password: check them in the drop box settings."),
        "forbidden": translate("SyncIndicator", "The drop box refused this user: ask the server's admin for "
                                                "access."),
        "not_found": translate("SyncIndicator", "The drop box was not found: check its address in the settings."),
        "full": translate("SyncIndicator", "The drop box is full: ask the server's admin for space."),
        "server": translate("SyncIndicator", "The drop box server failed: sync will retry by itself; tell the "
                                             "server's admin if it lasts."),
        "certificate": translate("SyncIndicator", "The server's certificate changed: check with IT before "
                                                  "trusting it."),
        "bad_path": translate("SyncIndicator", "The drop box holds a file fieldkit does not write; it was left "
                                               "alone. Tell the coordinator."),
        "too_large": translate("SyncIndicator", "A file in the drop box is too large; it was not copied. Tell "
                                                "the coordinator."),
        "interrupted": translate("SyncIndicator", "The connection broke during the sync; nothing was lost. Sync "
                                                  "will retry by itself."),
        "disk_full": translate("SyncIndicator", "This computer's disk is too full to receive more: free some "
                                                "space, then sync again."),
    }
    if reason == "full":
        return _full_text(getattr(error, "message", ""), texts["full"])
    return texts.get(reason, translate("SyncIndicator", "Sync failed: it will retry by itself."))


def _full_text(message: str, otherwise: str) -> str:
    """A coordinator's share says which room is missing; any other drop box's is its admin's to give."""
    from fieldkit.sync.dropbox import webdav_messages

    texts = {
        webdav_messages.COORDINATOR_NOT_TAKEN_IN: translate(
            "SyncIndicator", "The coordinator's laptop has not taken in what this laptop sent yet: it does while "
                             "it shares on the network; nothing is lost."),
        webdav_messages.COORDINATOR_DISK_FULL: translate(
            "SyncIndicator", "The coordinator's disk is nearly full: ask the coordinator to free space; nothing is "
                             "lost."),
        webdav_messages.LARGER_THAN_COORDINATOR_QUOTA: translate(
            "SyncIndicator", "Too much to send to the coordinator's laptop at once: ask the coordinator for a "
                             "larger quota."),
    }
    return texts.get(message, otherwise)


class SyncIndicator(QToolButton):
    """Flat, out of the Tab order (the Sync menu reaches the same things by keyboard)."""

    settings_requested = Signal()
    metered_send_requested = Signal()  # clicked while photos and files wait for a metered connection

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sync_indicator")
        self.setAutoRaise(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.state = SyncState()
        self.full_text = ""
        self.clicked.connect(self._clicked)
        self.show_state(self.state)

    def show_state(self, state: SyncState) -> None:
        self.state = state
        self.full_text = self._text(state)
        self.setText(self.fontMetrics().elidedText(self.full_text, Qt.TextElideMode.ElideRight, TEXT_WIDTH))
        self.setToolTip(self._details(state))

    def _clicked(self) -> None:
        if self.state.metered_waiting is not None:
            self.metered_send_requested.emit()
        else:
            self.settings_requested.emit()

    def _text(self, state: SyncState) -> str:
        if state.remote is None:
            return self.tr("No sync drop box set up")
        if state.running:
            return self.tr("Syncing…")
        if state.offline:
            return self.tr("No network: sync starts when it returns")
        if state.metered_paused and state.metered_waiting is not None:
            return self.tr("Metered connection: {size} MB of photos and files to send; click here").format(
                size=megabytes(state.metered_waiting))
        if state.metered_paused:
            return self.tr("Metered connection: automatic sync paused; use Sync now")
        if state.error is not None:
            return what_to_do(state.error)
        if state.last_success is None:
            return self.tr("Not synced yet")
        synced = self.tr("Synced at {time}").format(time=state.last_success.strftime("%H:%M"))
        if state.pending:
            return synced + " · " + self.tr("{count} submissions awaiting the coordinator").format(
                count=state.pending)
        return synced + " · " + self.tr("all received by the coordinator")

    def _details(self, state: SyncState) -> str:
        if state.remote is None:
            return self.tr("Click to set up the drop box this laptop syncs with.")
        never = self.tr("never")
        lines = [self.full_text,
                 self.tr("Drop box: {address}").format(address=state.remote.url),
                 self.tr("Last successful sync: {time}").format(
                     time=state.last_success.strftime("%d/%m %H:%M") if state.last_success else never)]
        if state.next_try is not None:
            lines.append(self.tr("Next try: {time}").format(time=state.next_try.strftime("%H:%M")))
        if state.error is not None:
            lines.append(errors.message(state.error))
        return "\n".join(lines)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.show_state(self.state)
        super().changeEvent(event)
