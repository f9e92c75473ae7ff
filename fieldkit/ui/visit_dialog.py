"""The visit context: the delegation, its members, and who is at the keyboard.

Asked on first run and editable from the toolbar. The person at the keyboard is the
author of every save, so the dialog insists on it (and on the delegation's name).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QStyle,
    QVBoxLayout,
)

# Room for a delegation's whole name, which people read back to check it: "Đoàn kiểm tra
# liên ngành Bộ Khoa học và Công nghệ tại tỉnh Đắk Lắk" is 64 letters.
NAME_LETTERS = 64


class VisitDialog(QDialog):
    def __init__(self, visit=None, parent=None):
        super().__init__(parent)
        self.setObjectName("visit_dialog")
        self.setModal(True)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.delegation = QLineEdit()
        self.delegation.setObjectName("delegation")
        self.delegation.setMinimumWidth(self.delegation.fontMetrics().averageCharWidth() * NAME_LETTERS)
        self.members = QPlainTextEdit()
        self.members.setObjectName("members")
        self.members.setTabChangesFocus(True)
        self.at_keyboard = QComboBox()
        self.at_keyboard.setObjectName("at_keyboard")
        self.at_keyboard.setEditable(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # labels above: the fields get the width
        self._labels = [QLabel(), QLabel(), QLabel()]
        for label, field in zip(self._labels, (self.delegation, self.members, self.at_keyboard), strict=True):
            label.setBuddy(field)
            self.form.addRow(label, field)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.delegation.textChanged.connect(self._update_ok)
        self.delegation.textChanged.connect(self._fit_delegation)
        self.members.textChanged.connect(self._members_changed)
        self.at_keyboard.currentTextChanged.connect(self._update_ok)
        if visit is not None:
            self.set_visit(visit)
        self._retranslate()
        self._update_ok()

    def _fit_delegation(self, *_args) -> None:
        """A longer name widens the dialog, as far as the screen allows, rather than
        scrolling out of sight (a line edit cannot wrap)."""
        metrics, style = self.delegation.fontMetrics(), self.delegation.style()
        frame = style.pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth, None, self.delegation)
        needed = metrics.horizontalAdvance(self.delegation.text()) + 2 * frame + 2 * metrics.averageCharWidth()
        missing = needed - self.delegation.width()
        if missing <= 0:
            return
        available = (self.screen() or QApplication.primaryScreen()).availableGeometry()
        border = self.frameGeometry().width() - self.width()
        self.resize(min(self.width() + missing, available.width() - border), self.height())
        overflow = self.frameGeometry().right() - available.right()
        if overflow > 0:  # grown past the screen's edge: back inside
            self.move(max(self.x() - overflow, available.left()), self.y())

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._fit_delegation()

    def set_visit(self, visit) -> None:
        self.delegation.setText(visit.delegation)
        self.members.setPlainText("\n".join(visit.members))
        self.at_keyboard.setCurrentText(visit.at_keyboard)

    def values(self) -> dict:
        """Keyword arguments for `service.set_visit`. The person at the keyboard is
        counted among the members even if not typed there."""
        members = self.member_names()
        at_keyboard = " ".join(self.at_keyboard.currentText().split())
        if at_keyboard and at_keyboard not in members:
            members.append(at_keyboard)
        return {"delegation": self.delegation.text().strip(), "members": members, "at_keyboard": at_keyboard}

    def member_names(self) -> list[str]:
        names = [" ".join(line.split()) for line in self.members.toPlainText().splitlines()]
        return list(dict.fromkeys(name for name in names if name))

    def _members_changed(self) -> None:
        typed = self.at_keyboard.currentText()
        self.at_keyboard.blockSignals(True)
        self.at_keyboard.clear()
        self.at_keyboard.addItems(self.member_names())
        self.at_keyboard.setCurrentText(typed)
        self.at_keyboard.blockSignals(False)
        self._update_ok()

    def _update_ok(self, *_args) -> None:
        values = self.values()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(values["delegation"] and values["at_keyboard"]))

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Visit"))
        self.intro.setText(self.tr("Who is visiting? The person at the keyboard is recorded as the "
                                   "author of every save."))
        for label, text in zip(self._labels, (self.tr("&Delegation:"), self.tr("&Members (one per line):"),
                                              self.tr("At the &keyboard:")), strict=True):
            label.setText(text)
        self.delegation.setPlaceholderText(self.tr("e.g. Ministry of Science and Technology delegation"))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
