"""What every question widget shares: label, hint, inline message, refresh from the
session, commit to the binding, and the keys that move between questions."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from fieldkit.forms.model import Question
from fieldkit.ui.form_view.binding import FormBinding, settable
from fieldkit.ui.form_view.texts import ERROR_STYLE, HINT_STYLE, label_html, plain_to_html, translate

NAVIGATION_KEYS = {Qt.Key.Key_Return: "next", Qt.Key.Key_Enter: "next",
                   Qt.Key.Key_PageDown: "next_page", Qt.Key.Key_PageUp: "previous_page"}


class KeyWatcher(QObject):
    """Enter moves to the next question; Page Up / Page Down change page even when the
    editor would use those keys itself (a spin box steps, a text box scrolls)."""

    def __init__(self, owner: QuestionWidget, *, enter: bool = True):
        super().__init__(owner)
        self.owner = owner
        self.enter = enter

    def eventFilter(self, watched, event) -> bool:
        if event.type() != QEvent.Type.KeyPress:
            return False
        action = NAVIGATION_KEYS.get(event.key())
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if action is None or modifiers != Qt.KeyboardModifier.NoModifier:
            return False
        if action == "next" and not self.enter:
            return False
        self.owner.navigate.emit(action)
        return True


def show_focus_marks(widget: QWidget) -> None:
    """Styles draw the focus mark of a radio button or a check box only in a window where
    the keyboard moved the focus (Tab), and Qt forgets that whenever a program moves
    it: after the view's own keyboard moves (Enter, the page keys, opening a form),
    say so again."""
    widget.window().setAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange, True)
    focused = widget.window().focusWidget()
    if focused is not None:
        focused.update()


class ClearButton(QPushButton):
    """Takes an answer back: radio buttons, dates and sliders cannot be emptied otherwise.

    Flat, so that it does not weigh as much as the answers; but a flat button shows no
    focus mark, so it takes the frame of a plain button while it has the focus."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(translate("FormView", "Clear"), parent)
        self.setToolTip(translate("FormView", "Remove this answer"))
        self.setFlat(True)

    def focusInEvent(self, event) -> None:
        self.setFlat(False)
        super().focusInEvent(event)

    def focusOutEvent(self, event) -> None:
        self.setFlat(True)
        super().focusOutEvent(event)


class QuestionWidget(QWidget):
    """Label, hint, the editor a subclass builds, and an inline message.

    Subclasses implement `build_editor()` (returns the editor widget) and
    `show_value(text)` (puts the session's answer in the editor), and call
    `self.commit(value)` when the person changes the answer.
    """

    navigate = Signal(str)  # "next", "next_page", "previous_page"
    enter_moves_on = True

    def __init__(self, binding: FormBinding, question: Question, path: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.binding, self.question, self.path = binding, question, path
        self._showing = False
        self._shown = {"label": None, "hint": None, "error": None}
        self.setObjectName(f"question:{path}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.setSpacing(2)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.hint_label = QLabel(self)
        self.hint_label.setWordWrap(True)
        self.hint_label.setTextFormat(Qt.TextFormat.RichText)  # plain_to_html: `"` is &quot;
        self.hint_label.setStyleSheet(HINT_STYLE)
        self.hint_label.hide()
        layout.addWidget(self.label)
        layout.addWidget(self.hint_label)
        self.editor = self.build_editor()
        if self.editor is not None:
            layout.addWidget(self.editor)
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setTextFormat(Qt.TextFormat.RichText)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setObjectName("inline-error")
        self.error_label.hide()
        layout.addWidget(self.error_label)
        self._watcher = KeyWatcher(self, enter=self.enter_moves_on)
        for widget in self.key_widgets():
            widget.installEventFilter(self._watcher)

    # -- for subclasses ----------------------------------------------------------------

    def build_editor(self) -> QWidget | None:
        raise NotImplementedError

    def show_value(self, text: str) -> None:
        raise NotImplementedError

    def key_widgets(self) -> list[QWidget]:
        """The widgets that take keyboard focus, in Tab order."""
        return [self.editor] if self.editor is not None else []

    def named_widgets(self) -> list[QWidget]:
        """The widgets a screen reader should announce with the question's label:
        the main editor, not the Clear button or a radio button (which have their
        own names)."""
        return self.key_widgets()[:1]

    def set_readonly(self, readonly: bool) -> None:
        for widget in self.key_widgets():
            widget.setEnabled(not readonly)

    def commit(self, value) -> None:
        if not self._showing:
            self.binding.commit(self.path, value)

    def refresh_texts(self) -> None:
        """Labels of choices and the like changed with the form language."""

    # -- refresh -----------------------------------------------------------------------

    @property
    def session(self):
        return self.binding.session

    def is_relevant(self) -> bool:
        return self.binding.relevant(self.path)

    def refresh(self) -> None:
        """Bring label, required marker, state, answer and message in line with the
        session. Called after every answer change on the page: it only touches what
        differs, so the editor being typed in keeps its focus and cursor."""
        session = self.session
        required = session.is_required(self.path)
        label = session.label(self.path)
        self._set_text("label", self.label, label_html(label, required))
        hint = session.hint(self.path)
        self._set_text("hint", self.hint_label, plain_to_html(hint) if hint else "")
        self.set_readonly(not settable(session, self.path))
        self._showing = True
        try:
            self.show_value(session.value(self.path))
        finally:
            self._showing = False
        self.refresh_error()
        self._describe(label, required)

    def refresh_error(self) -> None:
        # A control with no bind (XLSForm's `trigger`) has nothing to check, and
        # FormSession.error() expects a bind.
        error = self.session.error(self.path) if self.question.path in self.session.form.binds else None
        if error and error[0] == "required" and not self.binding.shows_required(self.path):
            error = None
        message = error[1] if error else ""
        self._set_text("error", self.error_label, plain_to_html(message) if message else "")
        for widget in self.key_widgets():
            widget.setAccessibleDescription(message)

    def error_text(self) -> str:
        return self.error_label.text() if self.error_label.isVisibleTo(self) else ""

    def _set_text(self, key: str, label: QLabel, text: str) -> None:
        if self._shown[key] == text:
            return
        self._shown[key] = text
        label.setText(text)
        label.setVisible(bool(text) or key == "label")

    def _describe(self, label: str, required: bool) -> None:
        name = label + (translate("FormView", " (required)") if required else "")
        for widget in self.named_widgets():
            if widget.accessibleName() != name:
                widget.setAccessibleName(name)

    def focus_editor(self) -> bool:
        """Put the keyboard focus in the question's first editor; False if it has none
        that takes focus (a note, a read-only answer)."""
        for widget in self.key_widgets():
            if widget.isEnabled() and widget.isVisibleTo(self) and widget.focusPolicy() != Qt.FocusPolicy.NoFocus:
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return False
