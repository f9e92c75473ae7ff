""""Laptops seen": the devices that asked this coordinator's share something this
session: name (from the trust table), site, last request, bundles received, refused
requests. A laptop not trusted yet is refused; "Trust this laptop…" opens the trusted
devices tab with its fingerprint typed in, to compare with the laptop's screen."""

from __future__ import annotations

from PySide6.QtCore import QDateTime, QEvent, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldkit.ui import tasks
from fieldkit.ui.coordinator.common import short_fingerprint

REFRESH_MS = 2000


class LaptopsSeenDialog(QDialog):
    trust_requested = Signal(str)  # a fingerprint

    def __init__(self, share_ui, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("laptops_seen_dialog")
        self.share_ui = share_ui
        self.rows: list[dict] = []
        self.note, self.trust_note = QLabel(), QLabel()
        for label in (self.note, self.trust_note):
            label.setWordWrap(True)
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("laptops_seen_table")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.trust_button = QPushButton()
        self.trust_button.setObjectName("laptops_seen_trust")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.addButton(self.trust_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        for widget in (self.note, self.table, self.trust_note, self.buttons):
            layout.addWidget(widget)
        self.buttons.rejected.connect(self.reject)
        self.trust_button.clicked.connect(self._trust)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.timer = QTimer(self)  # new requests arrive while it is open
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.reload)
        self.timer.start()
        self.resize(760, 420)
        self._retranslate()
        self.reload()

    def reload(self) -> None:
        visitors = self.share_ui.last_visitors
        seen = visitors.snapshot() if visitors is not None else []
        tasks.run(self.share_ui.coordinator.devices).then(lambda devices: self._show(seen, devices))

    def _show(self, seen: list, devices: list[dict]) -> None:
        known = {device["fingerprint"]: device for device in devices}
        self.rows = [{"visitor": visitor, "device": known.get(visitor.fingerprint)} for visitor in seen]
        chosen = self._chosen()
        self.table.setRowCount(len(self.rows))
        for number, row in enumerate(self.rows):
            for column, text in enumerate(self._cells(row)):
                self.table.setItem(number, column, QTableWidgetItem(text))
            if chosen is not None and row["visitor"].fingerprint == chosen:
                self.table.selectRow(number)
        self._update_buttons()

    def _cells(self, row: dict) -> list[str]:
        visitor, device = row["visitor"], row["device"]
        name = (device or {}).get("name") or self.tr("unknown device {fingerprint}").format(
            fingerprint=short_fingerprint(visitor.fingerprint))
        site = visitor.site_id or (device or {}).get("site_id") or "—"
        when = QDateTime.fromSecsSinceEpoch(int(visitor.last_request)).toString("HH:mm:ss dd/MM")
        refused = str(visitor.refused)
        if visitor.untrusted:
            refused = self.tr("{count} — not trusted yet").format(count=visitor.refused)
        return [name, site[:12], when, str(visitor.bundles_received), refused]

    def _chosen(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.rows):
            return None
        return self.rows[rows[0].row()]["visitor"].fingerprint

    def _chosen_untrusted(self) -> str | None:
        chosen = self._chosen()
        matching = [row["visitor"] for row in self.rows if row["visitor"].fingerprint == chosen]
        return chosen if matching and matching[0].untrusted else None

    def _update_buttons(self) -> None:
        self.trust_button.setEnabled(self._chosen_untrusted() is not None)

    def _trust(self) -> None:
        fingerprint = self._chosen_untrusted()
        if fingerprint is not None:
            self.trust_requested.emit(fingerprint)
            self.accept()

    def done(self, result: int) -> None:
        self.timer.stop()
        super().done(result)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Laptops seen"))
        sharing = self.share_ui.share is not None
        self.note.setText(self.tr("The laptops that contacted this computer's share since the window opened.")
                          if sharing else self.tr("Not sharing now. Check Coordinator › Share on this network to "
                                                  "let the laptops sync with this computer."))
        self.table.setHorizontalHeaderLabels([self.tr("Device"), self.tr("Site"), self.tr("Last request"),
                                              self.tr("Bundles received"), self.tr("Refused requests")])
        self.trust_note.setText(self.tr("A laptop not trusted yet is refused. Compare its fingerprint with the "
                                        "one its screen shows, then trust it in Coordinator › Trusted devices."))
        self.trust_button.setText(self.tr("&Trust this laptop…"))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
