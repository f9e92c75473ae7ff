"""On start: working copies not yet saved as a revision (a crash, a dead battery, a
closed lid). The person resumes one, discards one (after confirming: never lose data
silently), or leaves them for later (they stay and are offered again next time)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

DRAFT_ROLE = Qt.ItemDataRole.UserRole + 1


class ResumeDialog(QDialog):
    """Emits `resume_requested(draft)` and `discard_requested(draft)` (after confirmation)."""

    resume_requested = Signal(object)
    discard_requested = Signal(object)

    def __init__(self, drafts, form_titles: dict[str, str], parent=None):
        super().__init__(parent)
        self.setObjectName("resume_dialog")
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("drafts")
        self.buttons = QDialogButtonBox()
        self.resume_button = QPushButton()
        self.resume_button.setObjectName("resume")
        self.discard_button = QPushButton()
        self.discard_button.setObjectName("discard")
        self.later_button = QPushButton()
        self.later_button.setObjectName("later")
        self.buttons.addButton(self.resume_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.discard_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.buttons.addButton(self.later_button, QDialogButtonBox.ButtonRole.RejectRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.list)
        layout.addWidget(self.buttons)
        self.resume_button.clicked.connect(self._resume)
        self.discard_button.clicked.connect(self._ask_discard)
        self.later_button.clicked.connect(self.reject)
        self.list.itemActivated.connect(lambda _item: self._resume())
        self._confirm: QMessageBox | None = None
        for draft in drafts:
            item = QListWidgetItem(self._describe(draft, form_titles))
            item.setData(DRAFT_ROLE, draft)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self._retranslate()

    @staticmethod
    def _describe(draft, form_titles: dict[str, str]) -> str:
        title = form_titles.get(draft.form_id, draft.form_id)
        when = draft.updated.replace("T", " ")[:16]
        return f"{title} — {draft.commune_name or draft.commune_code} — {draft.author} — {when}"

    def current_draft(self):
        item = self.list.currentItem()
        return item.data(DRAFT_ROLE) if item is not None else None

    def _resume(self) -> None:
        draft = self.current_draft()
        if draft is not None:
            self.resume_requested.emit(draft)
            self.accept()

    def _ask_discard(self) -> None:
        draft = self.current_draft()
        if draft is None:
            return
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Discard the unsaved answers?"),
                          self.tr("The answers typed in this form since it was last saved will be "
                                  "deleted. This cannot be undone."),
                          QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel, self)
        box.setObjectName("confirm_discard")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.finished.connect(lambda result: self._discard_answered(result, draft))
        self._confirm = box
        box.open()

    def _discard_answered(self, result: int, draft) -> None:
        if result != QMessageBox.StandardButton.Discard:
            return
        self.discard_requested.emit(draft)
        self.list.takeItem(self.list.currentRow())
        if self.list.count() == 0:
            self.accept()

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Unsaved work"))
        self.intro.setText(self.tr("These forms were being filled when fieldkit last stopped. "
                                   "Their answers were kept. Resume one now?"))
        self.resume_button.setText(self.tr("&Resume"))
        self.discard_button.setText(self.tr("&Discard…"))
        self.later_button.setText(self.tr("&Later"))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
