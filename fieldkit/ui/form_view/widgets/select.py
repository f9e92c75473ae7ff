"""select_one as radio buttons or a dropdown, select_multiple as check boxes.

Long lists and the "autocomplete" / "search" appearances use the searchable list of
`fieldkit.ui.form_view.widgets.search`; `fieldkit.ui.form_view.registry` decides.

Keys: a radio group is one Tab stop (on its chosen button, else its first), the arrows
move and choose within it; each check box is a Tab stop of its own and the arrows move
between the boxes of a question; Space ticks. Enter moves on to the next question.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from fieldkit.ui.form_view.binding import settable
from fieldkit.ui.form_view.texts import translate
from fieldkit.ui.form_view.widgets.base import ClearButton, QuestionWidget, show_focus_marks
from fieldkit.ui.form_view.widgets.choices import ChoiceSource
from fieldkit.ui.form_view.widgets.type_ahead import TypeAheadCombo


class SelectWidget(QuestionWidget):
    """A question whose editor shows the session's choices, rebuilt when they change."""

    widgets_changed = Signal()  # buttons were replaced: the page redoes its Tab order

    def __init__(self, binding, question, path, parent=None, *, source: ChoiceSource | None = None):
        if source is None:
            source = ChoiceSource(binding.session, question, path)
            source.reload(force=True)
        self.source = source
        super().__init__(binding, question, path, parent)

    def refresh(self) -> None:
        if self.source.reload():
            self.choices_changed()
        super().refresh()

    def refresh_texts(self) -> None:
        if self.source.reload(force=True):
            self.choices_changed()

    def choices_changed(self) -> None:
        raise NotImplementedError


class _ButtonsSelect(SelectWidget):
    """One button per choice in a column, and a Clear button."""

    def build_editor(self) -> QWidget:
        self.box = QWidget(self)
        column = QVBoxLayout(self.box)
        column.setContentsMargins(12, 0, 0, 0)
        column.setSpacing(2)
        self.button_column = QVBoxLayout()
        self.button_column.setSpacing(2)
        column.addLayout(self.button_column)
        self.buttons: list[QAbstractButton] = []
        self._add_buttons()
        self.clear_button = None
        if self.exclusive:
            self.clear_button = ClearButton(self.box)
            self.clear_button.clicked.connect(self._clear)
            row = QHBoxLayout()
            row.addWidget(self.clear_button)
            row.addStretch(1)
            column.addLayout(row)
        return self.box

    def _add_buttons(self) -> None:
        for value, label in self.source.choices:
            button = self.button_class(label.replace("&", "&&"), self.box)  # "&" is not a shortcut
            button.setProperty("choice_value", value)
            self.join(button)
            self.button_column.addWidget(button)
            self.buttons.append(button)

    def join(self, button: QAbstractButton) -> None:
        """Wire a new choice button."""
        raise NotImplementedError

    def _clear(self) -> None:
        had_focus = self.clear_button.hasFocus()
        self.commit("")
        if had_focus and self.focus_editor():  # the button is disabled now: stay in the question
            show_focus_marks(self)

    def choices_changed(self) -> None:
        for button in self.buttons:
            if button.group() is not None:
                button.group().removeButton(button)
            self.button_column.removeWidget(button)
            button.setParent(None)
            button.deleteLater()
        self.buttons = []
        self._add_buttons()
        for widget in self.key_widgets():
            widget.installEventFilter(self._watcher)
        self.widgets_changed.emit()

    def key_widgets(self) -> list[QWidget]:
        extra = [self.clear_button] if self.clear_button is not None else []
        return [*self.buttons, *extra]

    def named_widgets(self) -> list[QWidget]:
        return [self.box]  # the group; each button is named by its choice

    def _toggled(self, button: QAbstractButton, checked: bool) -> None:
        if not self._showing:
            self.commit(self.answer_from_buttons(button, checked))

    def show_value(self, text: str) -> None:
        chosen = set(text.split())
        for button in self.buttons:
            wanted = button.property("choice_value") in chosen
            if button.isChecked() != wanted:
                button.setChecked(wanted)

    def refresh(self) -> None:
        super().refresh()
        if self.clear_button is not None:
            answered = bool(self.session.value(self.path))
            self.clear_button.setEnabled(answered and settable(self.session, self.path))

    def choose(self, value: str) -> None:
        """Click the button of `value` (for keyboard-less callers and tests)."""
        for button in self.buttons:
            if button.property("choice_value") == value:
                button.click()
                return
        raise KeyError(value)


class RadioSelect(_ButtonsSelect):
    """Qt's exclusive button group gives the arrows (they move and choose) and keeps one
    button of the group in the Tab chain."""

    button_class = QRadioButton
    exclusive = True

    def build_editor(self) -> QWidget:
        self.group = QButtonGroup(self)
        self.group.buttonToggled.connect(self._toggled)
        return super().build_editor()

    def join(self, button: QAbstractButton) -> None:
        self.group.addButton(button)

    def answer_from_buttons(self, button: QAbstractButton, checked: bool) -> str:
        return button.property("choice_value") if checked else self.session.value(self.path)

    def show_value(self, text: str) -> None:
        self.group.setExclusive(False)  # an exclusive group cannot uncheck its last button
        super().show_value(text)
        self.group.setExclusive(True)
        if not any(button.hasFocus() for button in self.buttons):
            self._tab_stop_on(self.group.checkedButton() or next(iter(self.buttons), None))

    def _tab_stop_on(self, stop: QAbstractButton | None) -> None:
        """Tab enters the group on `stop` (as Qt does for the button last focused): on the
        chosen answer of a resumed form rather than on the first button."""
        for button in self.buttons:
            policy = button.focusPolicy()
            wanted = policy | Qt.FocusPolicy.TabFocus if button is stop else policy & ~Qt.FocusPolicy.TabFocus
            if wanted != policy:
                button.setFocusPolicy(wanted)

    def focus_editor(self) -> bool:
        stop = self.group.checkedButton()
        if stop is not None and stop.isEnabled():
            stop.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        return super().focus_editor()


class CheckboxSelect(_ButtonsSelect):
    """Check boxes outside any QButtonGroup: in one, Qt keeps a single box in the Tab
    chain and its arrows skip the others, so only the first box could be reached."""

    button_class = QCheckBox
    exclusive = False

    def build_editor(self) -> QWidget:
        self._arrows = ArrowKeys(self)
        return super().build_editor()

    def join(self, button: QAbstractButton) -> None:
        button.toggled.connect(lambda checked, source=button: self._toggled(source, checked))
        button.installEventFilter(self._arrows)

    def answer_from_buttons(self, button: QAbstractButton, checked: bool) -> str:
        return " ".join(b.property("choice_value") for b in self.buttons if b.isChecked())


ARROW_STEPS = {Qt.Key.Key_Up: -1, Qt.Key.Key_Left: -1, Qt.Key.Key_Down: 1, Qt.Key.Key_Right: 1}


class ArrowKeys(QObject):
    """The arrows move between the check boxes of one question, as in a radio group;
    they stop at the first and the last box."""

    def __init__(self, owner: CheckboxSelect):
        super().__init__(owner)
        self.owner = owner

    def eventFilter(self, watched, event) -> bool:
        if event.type() != QEvent.Type.KeyPress or event.key() not in ARROW_STEPS:
            return False
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        buttons = [button for button in self.owner.buttons if button.isEnabled() and button.isVisibleTo(self.owner)]
        if watched in buttons:
            position = buttons.index(watched) + ARROW_STEPS[event.key()]
            if 0 <= position < len(buttons):
                buttons[position].setFocus(Qt.FocusReason.OtherFocusReason)
                show_focus_marks(buttons[position])
        return True


class DropdownSelect(SelectWidget):
    def build_editor(self) -> QWidget:
        combo = TypeAheadCombo(self)
        combo.setPlaceholderText(translate("FormView", "Choose…"))
        combo.setMinimumContentsLength(24)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.activated.connect(lambda index: self.commit(self.source.choices[index][0]))
        self.clear_button = ClearButton(self)
        self.clear_button.clicked.connect(lambda: self.commit(""))
        box = QWidget(self)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(combo)
        row.addWidget(self.clear_button)
        row.addStretch(1)
        self.combo = combo
        self._fill()
        return box

    def key_widgets(self) -> list[QWidget]:
        return [self.combo, self.clear_button]

    def _fill(self) -> None:
        self._showing = True
        self.combo.clear()
        for value, label in self.source.choices:
            self.combo.addItem(label, value)
        self.combo.setCurrentIndex(-1)
        self._showing = False

    def choices_changed(self) -> None:
        self._fill()

    def show_value(self, text: str) -> None:
        index = self.combo.findData(text) if text else -1
        if self.combo.currentIndex() != index:
            self.combo.setCurrentIndex(index)

    def refresh(self) -> None:
        super().refresh()
        answered = bool(self.session.value(self.path))
        self.clear_button.setEnabled(answered and settable(self.session, self.path))

    def choose(self, value: str) -> None:
        index = self.combo.findData(value)
        if index < 0:
            raise KeyError(value)
        self.combo.setCurrentIndex(index)
        self.combo.activated.emit(index)
