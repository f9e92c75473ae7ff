"""The drop box this laptop syncs with: its address (a folder, or an http(s) URL), the
user and password (the password goes to the system keyring and is never shown back),
the server certificate's fingerprint when it is self-signed, and "Test connection".

The test and the save run on a worker (fieldkit.ui.tasks); their outcome is written in
the dialog, in words."""

from __future__ import annotations

import contextlib
import re

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldkit.ui import errors, tasks

FIND_SECONDS = 3.0  # mDNS answers trickle in for a moment
REMOTE_NAME = "default"  # the window syncs with one drop box; the command line may add more
_FINGERPRINT = re.compile(r"^[0-9a-f]{64}$")


def clean_fingerprint(text: str) -> str:
    """'AB:CD:…' as browsers show it, or plain hex: 64 lower-case hex digits."""
    return re.sub(r"[\s:]", "", text).lower()


def find_coordinators(seconds: float) -> list:
    """On a worker: the coordinators announcing a share on this network (fieldkit serve, or
    a window's "Share on this network")."""
    from fieldkit.sync.dropbox.discovery import browse

    return browse(seconds=seconds)


def test_connection(coordinator, remote, password: str | None) -> int:
    """On a worker: open the drop box the way sync will and list its folders. A password
    just typed is tried as it is (nothing is saved before Save); else the stored one."""
    from fieldkit.services import remotes

    with contextlib.closing(remotes.open_transport(coordinator, remote, password=password)) as transport:
        return len(transport.folders())


class SyncSettingsDialog(QDialog):
    saved = Signal(object)  # the Remote

    def __init__(self, coordinator, current=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sync_settings_dialog")
        self.coordinator, self.current = coordinator, current
        self.address = QLineEdit(current.url if current else "")
        self.address.setObjectName("sync_address")
        self.address.setCursorPosition(0)  # a long URL shows its start: the server
        self.browse_button = QPushButton()
        self.browse_button.setObjectName("sync_browse")
        self.user = QLineEdit(current.user or "" if current else "")
        self.user.setObjectName("sync_user")
        self.password = QLineEdit()
        self.password.setObjectName("sync_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin = QLineEdit(current.pin or "" if current else "")
        self.pin.setObjectName("sync_pin")
        self.result = QLabel()
        self.result.setObjectName("sync_test_result")
        self.result.setWordWrap(True)
        self.test_button = QPushButton()
        self.test_button.setObjectName("sync_test")
        self.find_button = QPushButton()
        self.find_button.setObjectName("sync_find")
        self.found_list = QListWidget()
        self.found_list.setObjectName("sync_found")
        self.found_list.setMaximumHeight(110)
        self.found_list.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self._lay_out()
        self.browse_button.clicked.connect(self._browse)
        self.find_button.clicked.connect(self.find)
        self.found_list.currentItemChanged.connect(self._chose_found)
        self.test_button.clicked.connect(self.test)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.address.textChanged.connect(self._update_buttons)
        self._retranslate()
        self._update_buttons()

    def _lay_out(self) -> None:
        self.labels = [QLabel() for _ in range(4)]
        # the address keeps the whole width: a Nextcloud address is long
        address_buttons = QHBoxLayout()
        address_buttons.addWidget(self.browse_button)
        address_buttons.addWidget(self.find_button)
        address_buttons.addStretch(1)
        form = QFormLayout()
        for label, field in zip(self.labels, (self.address, self.user, self.password, self.pin), strict=True):
            label.setBuddy(field)
            form.addRow(label, field)
            if field is self.address:
                form.addRow("", address_buttons)
                form.addRow("", self.found_list)
        self.intro, self.password_note = QLabel(), QLabel()
        for label in (self.intro, self.password_note):
            label.setWordWrap(True)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.result, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.password_note)
        layout.addLayout(test_row)
        layout.addWidget(self.buttons)
        for first, second in ((self.address, self.browse_button), (self.browse_button, self.find_button),
                              (self.find_button, self.found_list), (self.found_list, self.user),
                              (self.user, self.password), (self.password, self.pin),
                              (self.pin, self.test_button), (self.test_button, self.buttons)):
            QWidget.setTabOrder(first, second)
        self.setMinimumWidth(560)

    def remote(self):
        """The Remote the fields describe (not saved)."""
        from fieldkit.services.remotes import Remote

        return Remote(name=REMOTE_NAME, url=self.address.text().strip(), user=self.user.text().strip() or None,
                      pin=clean_fingerprint(self.pin.text()) or None)

    def _problem(self) -> str:
        """What is wrong with the fields, in words; "" when nothing is."""
        pin = clean_fingerprint(self.pin.text())
        if pin and not _FINGERPRINT.fullmatch(pin):
            return self.tr("The certificate fingerprint must be 64 hexadecimal digits (SHA-256).")
        if self.address.text().strip().lower().startswith("http://") and self.password.text():
            return self.tr("A password must not travel over plain http://: use an https:// address.")
        return ""

    def test(self) -> None:
        problem = self._problem()
        if problem:
            self._show(problem)
            return
        self._show(self.tr("Connecting to the drop box…"))
        self.test_button.setEnabled(False)
        tasks.run(test_connection, self.coordinator, self.remote(), self.password.text() or None).then(
            self._tested, self._test_failed).finished.connect(self._update_buttons)

    def _tested(self, folders: int) -> None:
        self._show(self.tr("Connected: the drop box answers and holds {count} device folders.").format(count=folders))

    def _test_failed(self, error: BaseException) -> None:
        # a drop box's own message names the place and what to do; anything else gets a lead-in
        said = (errors.message(error) if hasattr(error, "reason")
                else self.tr("The connection failed.") + "\n" + errors.message(error))
        self._show(self.tr("Not connected. {what_to_do}").format(what_to_do=said))

    def save(self) -> None:
        from fieldkit.services import remotes

        problem = self._problem()
        if problem:
            self._show(problem)
            return
        remote = self.remote()
        self.buttons.setEnabled(False)
        tasks.run(remotes.add_remote, self.coordinator, name=remote.name, url=remote.url, user=remote.user,
                  password=self.password.text() or None, pin=remote.pin).then(self._saved, self._save_failed)

    def _saved(self, remote) -> None:
        self.buttons.setEnabled(True)
        self.saved.emit(remote)
        self.accept()

    def _save_failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        self._show(self.tr("The drop box could not be saved.") + f"\n{errors.message(error)}")

    def _show(self, text: str) -> None:
        self.result.setText(text)

    def find(self) -> None:
        """Browse for coordinators on a worker; their list appears under the address."""
        self.find_button.setEnabled(False)
        self._show(self.tr("Looking for coordinators on this network…"))
        tasks.run(find_coordinators, FIND_SECONDS).then(self._found, self._find_failed).finished.connect(
            lambda: self.find_button.setEnabled(True))

    def _found(self, found: list) -> None:
        self.found_list.clear()
        for entry in found:
            if not entry.urls:
                continue
            item = QListWidgetItem(f"{entry.device} — {entry.urls[0]}")
            item.setData(Qt.ItemDataRole.UserRole, entry.urls[0])
            self.found_list.addItem(item)
        self.found_list.setVisible(self.found_list.count() > 0)
        if self.found_list.count():
            self._show(self.tr("Choose the coordinator: its address fills in. Compare its fingerprint with its "
                               "screen when you sync the first time."))
            self.found_list.setFocus()
        else:
            self._show(self.tr("No coordinator answered on this network. Type the address the coordinator's "
                               "screen shows (Sharing on the network: http://…)."))

    def _find_failed(self, error: BaseException) -> None:
        self._show(self.tr("This computer cannot look for coordinators ({error}). Type the address the "
                           "coordinator's screen shows.").format(error=errors.message(error)))

    def _chose_found(self, item: QListWidgetItem | None, _previous=None) -> None:
        if item is None:
            return
        self.address.setText(item.data(Qt.ItemDataRole.UserRole))
        self.user.clear()  # a coordinator's share knows laptops by their keys, not a password
        self.password.clear()
        self.pin.clear()

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Drop box folder"), self.address.text())
        if folder:
            self.address.setText(folder)

    def _update_buttons(self, *_args) -> None:
        filled = bool(self.address.text().strip())
        self.test_button.setEnabled(filled)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(filled)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Sync drop box"))
        self.intro.setText(self.tr("Where this laptop sends its bundles and reads the coordinator's receipts: a "
                                   "shared folder, a WebDAV server's https:// address, or the coordinator's laptop "
                                   "on this network (Find a coordinator)."))
        for label, text in zip(self.labels, (self.tr("&Address:"), self.tr("&User:"), self.tr("&Password:"),
                                             self.tr("Certificate &fingerprint:")), strict=True):
            label.setText(text)
        self.browse_button.setText(self.tr("&Browse…"))
        self.find_button.setText(self.tr("Fi&nd a coordinator"))
        self.address.setPlaceholderText(self.tr("a folder, or https://server/remote.php/dav/files/user/fieldkit"))
        self.pin.setPlaceholderText(self.tr("only for a self-signed certificate (SHA-256)"))
        stored = self.current is not None and self.current.user is not None
        self.password.setPlaceholderText(self.tr("a password is stored; type to replace it") if stored else "")
        self.password_note.setText(self.tr("The password is kept in the system's keyring, never in a file."))
        self.test_button.setText(self.tr("&Test connection"))
        # Qt's own Vietnamese "Lưu" has no Alt letter: the keyboard-only user needs one
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
