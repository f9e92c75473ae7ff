"""This device's name ("Laptop 3 — Đoàn 5"): asked at first start, changeable later
from the Coordinator menu and the devices screen.

Laptops set up from one image share a host name, so until someone names a device the
coordinator tells them apart by fingerprint only. The name travels in every bundle the
device signs; it is no part of the key, so a new name changes nothing anyone trusted.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from fieldkit.services import devices
from fieldkit.ui import errors, tasks


class DeviceNameDialog(QDialog):
    def __init__(self, current: str, parent: QWidget | None = None, *, first_start: bool = False):
        super().__init__(parent)
        self.setObjectName("device_name_dialog")
        self.setModal(True)
        self.first_start = first_start
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.name_edit = QLineEdit(current)
        self.name_edit.setObjectName("device_name")
        self.name_edit.setMaxLength(devices.NAME_LIMIT)
        self.name_edit.selectAll()  # typing replaces the host's name
        self.name_label = QLabel()
        self.name_label.setBuddy(self.name_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        form = QFormLayout()
        form.addRow(self.name_label, self.name_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.name_edit.textChanged.connect(self._update_ok)
        self._retranslate()
        self._update_ok()

    def name(self) -> str:
        return devices.clean_device_name(self.name_edit.text())

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.name()))

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Name of this device"))
        intro = self.tr("Give this laptop a name of its own, e.g. “Laptop 3 — Đoàn 5”. The coordinator sees it "
                        "beside the key fingerprint and on every bundle this laptop sends.")
        if self.first_start:
            intro += " " + self.tr("It is named after the computer for now, as other laptops may be.")
        self.intro.setText(intro)
        self.name_label.setText(self.tr("Device &name:"))
        self.name_edit.setPlaceholderText(self.tr("e.g. Laptop 3 — Đoàn 5"))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


def ask_at_first_start(parent: QWidget, service, *, then: Callable[[], None],
                       message: Callable[[str], None] | None = None) -> None:
    """Ask for a name when nobody named this device yet; `then` once answered (a name
    saved, or the question put off to the next start) or when there was nothing to ask."""
    def found(device) -> None:
        if device.named:
            then()
        else:
            ask(parent, service, device.name, first_start=True, renamed=message, finished=then)

    tasks.run(devices.this_device, service).then(found, lambda error: (_failed(parent, error), then()))


def ask_from_menu(parent: QWidget, service, *, renamed: Callable[[str], None] | None = None) -> None:
    """Rename this device (the Coordinator menu, the devices screen)."""
    tasks.run(devices.this_device, service).then(lambda device: ask(parent, service, device.name, renamed=renamed),
                                                 lambda error: _failed(parent, error))


def ask(parent: QWidget, service, current: str, *, first_start: bool = False,
        renamed: Callable[[str], None] | None = None,
        finished: Callable[[], None] | None = None) -> DeviceNameDialog:
    """Open the dialog on `parent`; a name accepted is saved on a worker, then `renamed`
    gets the message to show; `finished` runs after either answer."""
    dialog = DeviceNameDialog(current, parent, first_start=first_start)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def answered(result: int) -> None:
        if result != QDialog.DialogCode.Accepted:
            if finished:
                finished()
            return
        tasks.run(devices.rename, service, dialog.name()).then(
            lambda name: (renamed and renamed(saved_message(name)), finished and finished()),
            lambda error: (_failed(parent, error), finished and finished()))

    dialog.finished.connect(answered)
    dialog.open()
    return dialog


def saved_message(name: str) -> str:
    return QCoreApplication.translate("DeviceNameDialog", "This device is now named {name}; its next bundles "
                                      "carry the name.").format(name=name)


def _failed(parent: QWidget, error: BaseException) -> None:
    errors.show_error(parent, QCoreApplication.translate("DeviceNameDialog", "Could not save the device name."), error)
