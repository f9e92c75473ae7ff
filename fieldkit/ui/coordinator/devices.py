"""Trusted devices: this device's key fingerprint, big enough to read across a table
(the laptop shows it on this same screen, the coordinator types it); the devices this
store knows, trusted, revoked or not trusted yet, and the bundles waiting in quarantine
(how many, how much of its quota they take, from which fingerprints); enrol by
fingerprint or public key file; revoke with confirmation."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldkit.services.coordinator import normalize_fingerprint, readable_fingerprint
from fieldkit.sync import quarantine
from fieldkit.sync.archive import Limits
from fieldkit.ui import errors, tasks
from fieldkit.ui.coordinator.columns import fit_columns
from fieldkit.ui.coordinator.common import (
    SORT_ROLE,
    RowsModel,
    count_text,
    fingerprint_font,
    selected_row,
    short_fingerprint,
    size_text,
)
from fieldkit.ui.tables import make_table

COLUMN_NAME, COLUMN_FINGERPRINT, COLUMN_STATE, COLUMN_WAITING, COLUMN_SEEN = range(5)


def load_devices(coordinator) -> dict:
    """On a worker: devices (with how many bundles of each wait in quarantine) and this one."""
    held = quarantine.summary(coordinator.quarantined(), quota=Limits().quarantine)
    waiting = {entry["fingerprint"]: entry["bundles"] for entry in held["devices"]}
    this = coordinator.this_device()
    devices = [{**device, "waiting": waiting.get(device["fingerprint"], 0),
                "this": device["fingerprint"] == this.fingerprint} for device in coordinator.devices()]
    return {"devices": devices, "fingerprint": this.fingerprint, "name": this.name, "named": this.named,
            "quarantine": held}


class DevicesModel(RowsModel):
    COLUMNS = 5

    def headers(self) -> tuple:
        return (self.tr("Device"), self.tr("Fingerprint"), self.tr("State"), self.tr("Bundles in quarantine"),
                self.tr("First seen"))

    def state_text(self, device: dict) -> str:
        if device["this"]:
            return self.tr("this device")
        text = {"trusted": self.tr("trusted"), "revoked": self.tr("revoked")}.get(device["state"],
                                                                                 self.tr("not trusted yet"))
        return text + (" — " + self.tr("clock far ahead") if device.get("clock_skew") else "")

    def display(self, device: dict, column: int):
        return (device["name"] or "—", short_fingerprint(device["fingerprint"]), self.state_text(device),
                device["waiting"], device["first_seen"].replace("T", " ")[:16])[column]

    def decorate(self, device: dict, column: int, role):
        if role == Qt.ItemDataRole.ToolTipRole and column == COLUMN_FINGERPRINT:
            return readable_fingerprint(device["fingerprint"])
        return None


class DevicesPanel(QWidget):
    changed = Signal()  # trust changed (quarantined bundles may have been imported)
    message = Signal(str)
    rename_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.coordinator = None
        self.fingerprint = self.own_device = ""
        self.own_box, self.enrol_box = QGroupBox(), QGroupBox()
        self.own_name, self.own_fingerprint = QLabel(), QLabel()
        self.own_fingerprint.setObjectName("own_fingerprint")
        self.own_fingerprint.setFont(fingerprint_font())
        self.own_fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.export_button, self.rename_button = QPushButton(), QPushButton()
        self.rename_button.setObjectName("rename_device")
        self.named = True
        self.model = DevicesModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = make_table("device_list", self.proxy)
        fit_columns(self.table)
        self.quarantine_label = QLabel()
        self.quarantine_label.setObjectName("quarantine_summary")
        self.quarantine_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.quarantine: dict | None = None
        self.fingerprint_edit = QLineEdit()
        self.fingerprint_edit.setObjectName("fingerprint_edit")
        self.fingerprint_edit.setFont(fingerprint_font(12))
        self.trust_button, self.key_file_button, self.revoke_button = QPushButton(), QPushButton(), QPushButton()
        self.confirm: QMessageBox | None = None
        self._layout()
        self._connect()
        self._retranslate()
        self._selected()

    def _layout(self) -> None:
        own = QVBoxLayout(self.own_box)
        name = QHBoxLayout()
        name.addWidget(self.own_name)
        name.addWidget(self.rename_button)
        name.addStretch()
        own.addLayout(name)
        own.addWidget(self.own_fingerprint)
        own.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignLeft)
        enrol = QHBoxLayout(self.enrol_box)
        for widget in (self.fingerprint_edit, self.trust_button, self.key_file_button):
            enrol.addWidget(widget)
        revoke = QHBoxLayout()
        revoke.addStretch()
        revoke.addWidget(self.revoke_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.own_box)
        layout.addWidget(self.enrol_box)
        layout.addWidget(self.table)
        layout.addWidget(self.quarantine_label)
        layout.addLayout(revoke)

    def _connect(self) -> None:
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.fingerprint_edit.textChanged.connect(self._selected)
        self.fingerprint_edit.returnPressed.connect(self.trust_typed)
        self.trust_button.clicked.connect(self.trust_typed)
        self.key_file_button.clicked.connect(self.choose_key_file)
        self.export_button.clicked.connect(self.choose_export_file)
        self.rename_button.clicked.connect(self.rename_requested)
        self.revoke_button.clicked.connect(self.ask_revoke)

    def set_services(self, coordinator, _survey=None) -> None:
        self.coordinator = coordinator

    def reload(self) -> None:
        if self.coordinator is not None:
            tasks.run(load_devices, self.coordinator).then(
                self._loaded, self._failed(self.tr("Could not read the devices.")))

    def _failed(self, action: str):
        return lambda error: errors.show_error(self, action, error)

    def _loaded(self, data: dict) -> None:
        self.fingerprint, self.own_device = data["fingerprint"], data["name"]
        self.named = data["named"]
        self._show_own_name()
        self.own_fingerprint.setText(readable_fingerprint(data["fingerprint"]))
        self.model.set_rows(data["devices"])
        self.quarantine = data["quarantine"]
        self._show_quarantine()
        self._selected()

    def _show_own_name(self) -> None:
        if not self.fingerprint:
            return
        text = self.tr("This device: {name}").format(name=self.own_device)
        if not self.named:
            text += " " + self.tr("(named after the computer: give it a name of its own)")
        self.own_name.setText(text)

    def _show_quarantine(self) -> None:
        """How many bundles wait, the space they take of the quota, and from which keys."""
        held = self.quarantine
        if held is None:
            return
        if not held["bundles"]:
            self.quarantine_label.setText(self.tr("Quarantine: empty."))
            self.quarantine_label.setToolTip("")
            return
        lines = [self.tr("Quarantine: {bundles}, {size} of {quota} (the oldest are removed first when it is full), "
                         "from:").format(bundles=self.bundles(held["bundles"]), size=size_text(held["bytes"]),
                                         quota=size_text(held["quota"]))]
        lines += [self.tr("{fingerprint} ({name}): {bundles}, {size}").format(
            fingerprint=short_fingerprint(entry["fingerprint"]), name=entry["device"] or "—",
            bundles=self.bundles(entry["bundles"]), size=size_text(entry["bytes"])) for entry in held["devices"]]
        self.quarantine_label.setText("\n".join(lines))
        self.quarantine_label.setToolTip("\n\n".join(readable_fingerprint(entry["fingerprint"])
                                                      for entry in held["devices"]))

    def bundles(self, count: int) -> str:
        return count_text(count, self.tr("{count} bundle"), self.tr("{count} bundles"))

    def _selected(self, *_args) -> None:
        device = selected_row(self.table)
        self.revoke_button.setEnabled(device is not None and not device["this"] and device["state"] != "revoked")
        self.trust_button.setEnabled(normalize_fingerprint(self.fingerprint_edit.text()) is not None)

    # -- enrol -----------------------------------------------------------------------------------

    def trust_typed(self) -> None:
        fingerprint = normalize_fingerprint(self.fingerprint_edit.text())
        if fingerprint is None:
            self.message.emit(self.tr("A fingerprint is 64 digits and letters a–f (spaces are fine)."))
            return
        self.trust(fingerprint)

    def choose_key_file(self) -> None:
        dialog = QFileDialog(self, self.tr("Public key file of the device to trust"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(self.trust)
        dialog.open()

    def trust(self, fingerprint_or_key_file: str) -> None:
        if self.coordinator is None:
            return
        tasks.run(self.coordinator.trust, fingerprint_or_key_file).then(
            self._trusted, self._trust_failed)

    def _trusted(self, result: tuple) -> None:
        fingerprint, reports = result
        self.fingerprint_edit.clear()
        imported = sum(1 for report in reports if not report.rejected and report.status != "quarantined")
        self.message.emit(self.tr("Trusted {fingerprint}. Waiting bundles imported: {count}.").format(
            fingerprint=short_fingerprint(fingerprint), count=imported))
        self.changed.emit()
        self.reload()

    def _trust_failed(self, error: BaseException) -> None:
        if isinstance(error, (ValueError, KeyError)):  # not a public key file (OSError: the fault message)
            self.message.emit(self.tr("That file is not a fieldkit public key file."))
        else:
            errors.show_error(self, self.tr("Could not trust the device."), error)

    def choose_export_file(self) -> None:
        dialog = QFileDialog(self, self.tr("Save this device's public key"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.selectFile("fieldkit-key.json")
        dialog.fileSelected.connect(self.export_key)
        dialog.open()

    def export_key(self, path: str) -> None:
        tasks.run(self.coordinator.export_public_key, path).then(
            lambda _document: self.message.emit(self.tr("Public key saved to {path}").format(path=path)),
            self._failed(self.tr("Could not save the public key.")))

    # -- revoke ----------------------------------------------------------------------------------

    def ask_revoke(self) -> None:
        device = selected_row(self.table)
        if device is None or device["this"]:
            return
        self.confirm = QMessageBox(QMessageBox.Icon.Question, self.tr("Revoke trust"), self.tr(
            "Stop accepting bundles from {name}?\n\n{fingerprint}\n\nWhat it already sent is kept.").format(
            name=device["name"] or "—", fingerprint=readable_fingerprint(device["fingerprint"])),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        self.confirm.setObjectName("revoke_confirmation")
        self.confirm.setDefaultButton(QMessageBox.StandardButton.No)
        self.confirm.buttonClicked.connect(lambda button, fingerprint=device["fingerprint"]: self._answered(
            button, fingerprint))
        self.confirm.open()

    def _answered(self, button, fingerprint: str) -> None:
        if self.confirm.standardButton(button) == QMessageBox.StandardButton.Yes:
            self.revoke(fingerprint)

    def revoke(self, fingerprint: str) -> None:
        tasks.run(self.coordinator.untrust, fingerprint).then(
            lambda _fingerprint: (self.message.emit(self.tr("Trust revoked.")), self.changed.emit(), self.reload()),
            self._failed(self.tr("Could not revoke the device.")))

    def _retranslate(self) -> None:
        self.own_box.setTitle(self.tr("This device's key fingerprint: compare it on both screens"))
        self.export_button.setText(self.tr("Save public key &file…"))
        self.rename_button.setText(self.tr("Re&name…"))
        self._show_own_name()
        self.enrol_box.setTitle(self.tr("Trust a device"))
        self.fingerprint_edit.setPlaceholderText(self.tr("Type the fingerprint shown on the other laptop"))
        self.trust_button.setText(self.tr("&Trust"))
        self.key_file_button.setText(self.tr("From a public &key file…"))
        self.revoke_button.setText(self.tr("&Revoke trust…"))
        self._show_quarantine()
        self.model.retranslate()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
