"""Notes, acknowledge / trigger, range and rank questions."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from fieldkit.ui.form_view.texts import translate
from fieldkit.ui.form_view.widgets.base import ClearButton, QuestionWidget


class NoteWidget(QuestionWidget):
    """Text only: the label, with its `<output>`s rendered by the session."""

    def build_editor(self) -> None:
        return None

    def show_value(self, text: str) -> None:
        pass

    def refresh_error(self) -> None:
        pass  # a note has no answer to be wrong


class AcknowledgeWidget(QuestionWidget):
    """acknowledge (XLSForm `acknowledge` and `trigger`): a box that answers "OK"."""

    def build_editor(self) -> QWidget:
        box = QCheckBox(translate("FormView", "OK"), self)
        box.toggled.connect(lambda checked: self.commit("OK" if checked else ""))
        return box

    def show_value(self, text: str) -> None:
        if self.editor.isChecked() != bool(text):
            self.editor.setChecked(bool(text))


def _number(text: str | None, default: str) -> Decimal:
    try:
        return Decimal(text if text not in (None, "") else default)
    except InvalidOperation:
        return Decimal(default)


class RangeWidget(QuestionWidget):
    """A slider over the range's start, end and step, with the value beside it."""

    def build_editor(self) -> QWidget:
        parameters = self.question.range or {}
        self.start = _number(parameters.get("start"), "1")
        self.step = _number(parameters.get("step"), "1") or Decimal(1)
        end = _number(parameters.get("end"), "10")
        box = QWidget(self)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        self.slider = QSlider(Qt.Orientation.Horizontal, box)
        self.slider.setRange(0, max(int((end - self.start) / self.step), 0))
        self.slider.setPageStep(1)
        self.slider.valueChanged.connect(lambda position: self.commit(self.answer_at(position)))
        self.slider.sliderPressed.connect(lambda: self.commit(self.answer_at(self.slider.value())))
        self.value_label = QLabel(box)
        self.value_label.setMinimumWidth(80)
        self.clear_button = ClearButton(box)
        self.clear_button.clicked.connect(lambda: self.commit(""))
        row.addWidget(self.slider, 1)
        row.addWidget(self.value_label)
        row.addWidget(self.clear_button)
        return box

    def key_widgets(self) -> list[QWidget]:
        return [self.slider, self.clear_button]

    def answer_at(self, position: int) -> str:
        value = self.start + self.step * position
        return str(int(value)) if value == value.to_integral_value() else str(value.normalize())

    def show_value(self, text: str) -> None:
        if not text:
            self.value_label.setText(translate("FormView", "Not answered yet"))
            self.slider.setValue(0)
            return
        self.value_label.setText(text)
        position = int((_number(text, str(self.start)) - self.start) / self.step)
        if self.slider.value() != position:
            self.slider.setValue(position)

    def refresh(self) -> None:
        super().refresh()
        self.clear_button.setEnabled(self.slider.isEnabled() and bool(self.session.value(self.path)))


class RankWidget(QuestionWidget):
    """rank: the choices in order of preference; Move up / Move down reorder them.
    Unanswered until the person moves something (or accepts the order with "Keep")."""

    def build_editor(self) -> QWidget:
        from fieldkit.ui.form_view.widgets.choices import ChoiceSource

        self.source = ChoiceSource(self.binding.session, self.question, self.path)
        self.source.reload(force=True)
        box = QWidget(self)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget(box)
        buttons = QVBoxLayout()
        self.up_button = QPushButton(translate("FormView", "Move up"), box)
        self.down_button = QPushButton(translate("FormView", "Move down"), box)
        self.keep_button = QPushButton(translate("FormView", "Keep this order"), box)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(1))
        self.keep_button.clicked.connect(lambda: self.commit(self._order()))
        for button in (self.up_button, self.down_button, self.keep_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        row.addWidget(self.list, 1)
        row.addLayout(buttons)
        return box

    def key_widgets(self) -> list[QWidget]:
        return [self.list, self.up_button, self.down_button, self.keep_button]

    def _order(self) -> str:
        return " ".join(self.list.item(row).data(Qt.ItemDataRole.UserRole) for row in range(self.list.count()))

    def _move(self, offset: int) -> None:
        row = self.list.currentRow()
        target = row + offset
        if row < 0 or not 0 <= target < self.list.count():
            return
        self.list.insertItem(target, self.list.takeItem(row))
        self.list.setCurrentRow(target)
        self.commit(self._order())

    def refresh(self) -> None:
        if self.source.reload():
            self.list.clear()
        super().refresh()

    def refresh_texts(self) -> None:
        self.source.reload(force=True)
        self.list.clear()  # refilled, with the new labels, by the refresh that follows

    def show_value(self, text: str) -> None:
        labels = dict(self.source.choices)
        order = [value for value in text.split() if value in labels]
        order += [value for value, _ in self.source.choices if value not in order]
        if self.list.count() and self._order() == " ".join(order):
            return
        self.list.clear()
        for value in order:
            item = QListWidgetItem(labels[value])
            item.setData(Qt.ItemDataRole.UserRole, value)
            self.list.addItem(item)
