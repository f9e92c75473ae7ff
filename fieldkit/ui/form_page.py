"""The main area while a form is open: banners, the FormView (which lists the errors
that stop finalizing, each a link to its question), and Save / Finalize / Close.

The page only shows things; the main window decides what Save, Finalize and Close do
(they call the services through fieldkit.ui.tasks).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from fieldkit.ui.form_view.widgets.base import show_focus_marks

_BANNER_STYLE = {
    "warning": "background:#fff4ce; color:#3b2e00; border:1px solid #e0c060; padding:6px;",
    "fault": "background:#fde7e9; color:#5c0011; border:1px solid #e08080; padding:6px;",
    "info": "background:#e8f1fb; color:#0b2e55; border:1px solid #90b8e0; padding:6px;",
}


def banner(name: str, kind: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setStyleSheet(_BANNER_STYLE[kind])
    label.hide()
    return label


class FormPage(QWidget):
    save_clicked = Signal()
    finalize_clicked = Signal()
    close_clicked = Signal()
    show_duplicates_clicked = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.form_view = None
        self._focus_back: QWidget | None = None  # see set_busy
        self._focus_moved_to: QWidget | None = None
        self.title = QLabel()
        self.title.setObjectName("form_title")
        self.info_banner = banner("info_banner", "info")
        self.duplicate_banner = banner("duplicate_banner", "warning")
        self.duplicates_button = QPushButton()
        self.duplicates_button.setObjectName("show_duplicates")
        self.duplicates_button.hide()
        self.fault_banner = banner("fault_banner", "fault")
        self.view_area = QVBoxLayout()
        self.placeholder = QWidget()  # the FormView's place while no form is open
        self.view_area.addWidget(self.placeholder)
        self.save_button, self.finalize_button, self.close_button = QPushButton(), QPushButton(), QPushButton()
        for name, button in (("save", self.save_button), ("finalize", self.finalize_button),
                             ("close_form", self.close_button)):
            button.setObjectName(name)
        self._lay_out()
        self.save_button.clicked.connect(self.save_clicked)
        self.finalize_button.clicked.connect(self.finalize_clicked)
        self.close_button.clicked.connect(self.close_clicked)
        self.duplicates_button.clicked.connect(self.show_duplicates_clicked)
        self._retranslate()

    def _lay_out(self) -> None:
        duplicate_row = QHBoxLayout()
        duplicate_row.addWidget(self.duplicate_banner, 1)
        duplicate_row.addWidget(self.duplicates_button)
        buttons = QHBoxLayout()
        buttons.addStretch()
        for button in (self.close_button, self.save_button, self.finalize_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.info_banner)
        layout.addLayout(duplicate_row)
        layout.addWidget(self.fault_banner)
        layout.addLayout(self.view_area, 1)
        layout.addLayout(buttons)

    # -- content ---------------------------------------------------------------------------

    def set_form_view(self, view: QWidget | None, title: str = "") -> None:
        old = self.form_view or self.placeholder
        self.view_area.replaceWidget(old, view if view is not None else self.placeholder)
        if old is not self.placeholder:
            old.hide()
            old.deleteLater()
        self.placeholder.setVisible(view is None)
        self.form_view = view
        self.title.setText(title)
        self.show_fault("")
        self.show_duplicates("")
        self.show_info("")

    def show_info(self, text: str) -> None:
        self.info_banner.setText(text)
        self.info_banner.setVisible(bool(text))

    def show_duplicates(self, text: str) -> None:
        self.duplicate_banner.setText(text)
        self.duplicate_banner.setVisible(bool(text))
        self.duplicates_button.setVisible(bool(text))

    def show_fault(self, text: str) -> None:
        """An inline message that stays until the fault is gone (the next save works)."""
        self.fault_banner.setText(text)
        self.fault_banner.setVisible(bool(text))

    def set_busy(self, busy: bool) -> None:
        """While a save is in flight the buttons wait; the form stays editable. The button
        pressed with the keyboard gets the focus back: disabled, it handed it on to the
        form-language box at the top, where Page Up / Page Down change the language."""
        buttons = (self.save_button, self.finalize_button, self.close_button)
        if busy:
            self._focus_back = next((button for button in buttons if button.hasFocus()), None)
            for button in buttons:
                button.setEnabled(False)
            self._focus_moved_to = QApplication.focusWidget()
            return
        for button in buttons:
            button.setEnabled(True)
        if self._focus_back is not None and QApplication.focusWidget() is self._focus_moved_to:
            self._focus_back.setFocus(Qt.FocusReason.OtherFocusReason)  # unless the person moved on meanwhile
            show_focus_marks(self._focus_back)
        self._focus_back = self._focus_moved_to = None

    def _retranslate(self) -> None:
        self.save_button.setText(self.tr("&Save"))
        self.save_button.setToolTip(self.tr("Save a revision (Ctrl+S). Answers are also kept as you type."))
        self.finalize_button.setText(self.tr("&Finalize"))
        self.finalize_button.setToolTip(self.tr("Mark the submission complete; only possible with no errors"))
        self.close_button.setText(self.tr("&Close form"))
        self.duplicates_button.setText(self.tr("Show them"))

    def keyPressEvent(self, event) -> None:
        """Page Up / Page Down on Save, Finalize or Close (where Tab goes from a page's last
        question) turn the form's page, as they do anywhere in the form."""
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if self.form_view is not None and plain and event.key() in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            self.form_view.keyPressEvent(event)
            return
        super().keyPressEvent(event)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
