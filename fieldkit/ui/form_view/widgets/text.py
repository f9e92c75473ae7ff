"""Text questions: one line, or several lines (appearance "multiline").

Both commit on every edit, so the services' autosave sees each keystroke."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from fieldkit.ui.form_view.widgets.base import QuestionWidget


class TextWidget(QuestionWidget):
    def build_editor(self) -> QWidget:
        editor = QLineEdit(self)
        editor.setClearButtonEnabled(True)
        # textChanged would also fire when the session's answer is shown; textEdited
        # fires only for the person's edits (typing, paste, the clear button).
        editor.textEdited.connect(lambda text: self.commit(self.to_answer(text)))
        return editor

    def to_answer(self, text: str) -> str:
        return text

    def show_value(self, text: str) -> None:
        if self.to_answer(self.editor.text()) != text:
            self.editor.setText(text)


class MultilineWidget(QuestionWidget):
    enter_moves_on = False  # Enter starts a new line; Tab leaves the box

    def build_editor(self) -> QWidget:
        editor = QPlainTextEdit(self)
        editor.setTabChangesFocus(True)
        editor.setMinimumHeight(72)
        editor.setMaximumHeight(160)
        editor.textChanged.connect(lambda: self.commit(self.to_answer(self.editor.toPlainText())))
        return editor

    def to_answer(self, text: str) -> str:
        return text

    def show_value(self, text: str) -> None:
        if self.to_answer(self.editor.toPlainText()) != text:
            self.editor.setPlainText(self.to_display(text))

    def to_display(self, answer: str) -> str:
        return answer
