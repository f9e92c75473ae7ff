"""select_one as radio buttons or a dropdown, select_multiple as check boxes.

Long lists and the "autocomplete" / "search" appearances use the searchable list of
`fieldkit.ui.form_view.widgets.search`; `fieldkit.ui.form_view.registry` decides.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
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
from fieldkit.ui.form_view.widgets.base import ClearButton, QuestionWidget
from fieldkit.ui.form_view.widgets.choices import ChoiceSource


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
        self.group = QButtonGroup(self.box)
        self.group.setExclusive(self.exclusive)
        self.group.buttonToggled.connect(self._toggled)
        self.buttons: list[QAbstractButton] = []
        self._add_buttons()
        self.clear_button = None
        if self.exclusive:
            self.clear_button = ClearButton(self.box)
            self.clear_button.clicked.connect(lambda: self.commit(""))
            row = QHBoxLayout()
            row.addWidget(self.clear_button)
            row.addStretch(1)
            column.addLayout(row)
        return self.box

    def _add_buttons(self) -> None:
        for value, label in self.source.choices:
            button = self.button_class(label.replace("&", "&&"), self.box)  # "&" is not a shortcut
            button.setProperty("choice_value", value)
            self.group.addButton(button)
            self.button_column.addWidget(button)
            self.buttons.append(button)

    def choices_changed(self) -> None:
        for button in self.buttons:
            self.group.removeButton(button)
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
        self.group.setExclusive(False)  # an exclusive group cannot uncheck its last button
        for button in self.buttons:
            wanted = button.property("choice_value") in chosen
            if button.isChecked() != wanted:
                button.setChecked(wanted)
        self.group.setExclusive(self.exclusive)

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
    button_class = QRadioButton
    exclusive = True

    def answer_from_buttons(self, button: QAbstractButton, checked: bool) -> str:
        return button.property("choice_value") if checked else self.session.value(self.path)


class CheckboxSelect(_ButtonsSelect):
    button_class = QCheckBox
    exclusive = False

    def answer_from_buttons(self, button: QAbstractButton, checked: bool) -> str:
        return " ".join(b.property("choice_value") for b in self.buttons if b.isChecked())


class DropdownSelect(SelectWidget):
    def build_editor(self) -> QWidget:
        combo = QComboBox(self)
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
