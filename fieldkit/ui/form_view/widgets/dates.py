"""Date, time and date-time questions: Qt's editors, able to stay unanswered.

A QDateTimeEdit always holds a value, but an untouched date must stay unanswered. The
editors here keep their minimum as "no answer" and show it blank (Qt's special value
text); the first digit typed or the first arrow step starts from now, and a Clear
button goes back to no answer.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit, QHBoxLayout, QTimeEdit, QWidget

from fieldkit.ui.form_view.widgets.base import ClearButton, QuestionWidget

_SEPARATORS = "/-.: "


class _Optional:
    """Mixin for QDateTimeEdit and its subclasses: the minimum means unanswered."""

    def setup_empty(self) -> None:
        self.setSpecialValueText(" ")
        self.setCalendarPopup(isinstance(self, (QDateEdit, QDateTimeEdit)) and not isinstance(self, QTimeEdit))
        self.set_empty()

    def is_empty(self) -> bool:
        return self.dateTime() == self.minimumDateTime()

    def set_empty(self) -> None:
        self.setDateTime(self.minimumDateTime())

    def _wake(self) -> None:
        now = QDateTime.currentDateTime()
        minute = QTime(now.time().hour(), now.time().minute())
        if isinstance(self, QTimeEdit):
            self.setTime(minute)
        else:
            self.setDateTime(QDateTime(now.date(), minute))
        self.setCurrentSectionIndex(0)
        self.setSelectedSection(self.sectionAt(0))

    def keyPressEvent(self, event) -> None:
        text = event.text()
        if self.is_empty() and text[:1].isdigit():
            self._wake()
        elif text and text in _SEPARATORS and self._just_passed(text):
            return  # "03/" : Qt already moved past the "/" after two digits
        super().keyPressEvent(event)

    def _just_passed(self, separator: str) -> bool:
        line = self.lineEdit()
        position = line.cursorPosition()
        return position > 0 and line.text()[position - 1] == separator

    def stepBy(self, steps: int) -> None:
        if self.is_empty():
            self._wake()
            return
        super().stepBy(steps)


class OptionalDateEdit(_Optional, QDateEdit):
    pass


class OptionalTimeEdit(_Optional, QTimeEdit):
    pass


class OptionalDateTimeEdit(_Optional, QDateTimeEdit):
    pass


class _TemporalWidget(QuestionWidget):
    editor_class = OptionalDateEdit
    display_format = "dd/MM/yyyy"

    def build_editor(self) -> QWidget:
        box = QWidget(self)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        self.edit = self.editor_class(box)
        self.edit.setDisplayFormat(self.display_format)
        self.edit.setup_empty()
        self.edit.dateTimeChanged.connect(self._edited)
        self.clear_button = ClearButton(box)
        self.clear_button.clicked.connect(self._clear)
        row.addWidget(self.edit)
        row.addWidget(self.clear_button)
        row.addStretch(1)
        return box

    def key_widgets(self) -> list[QWidget]:
        return [self.edit, self.clear_button]

    def _edited(self, value: QDateTime) -> None:
        if self._showing:
            return
        if self.edit.is_empty() and isinstance(self.edit, QTimeEdit):
            # Midnight is a real time, yet the time editor's minimum is 00:00: keep
            # the answer one millisecond past it, which the display never shows.
            self.edit.setTime(QTime(0, 0, 0, 1))
            return
        self.commit("" if self.edit.is_empty() else self.to_answer(value))

    def _clear(self) -> None:
        self._showing = True
        self.edit.set_empty()
        self._showing = False
        self.commit("")
        self.edit.setFocus()

    def show_value(self, text: str) -> None:
        current = "" if self.edit.is_empty() else self.to_answer(self.edit.dateTime())
        if current == text:
            return
        parsed = self.parse(text) if text else None
        if parsed is None:
            self.edit.set_empty()
        else:
            self.edit.setDateTime(parsed)

    def refresh(self) -> None:
        super().refresh()
        self.clear_button.setEnabled(self.edit.isEnabled() and not self.edit.is_empty())


class DateWidget(_TemporalWidget):
    def to_answer(self, value: QDateTime) -> str:
        return value.date().toString("yyyy-MM-dd")

    def parse(self, text: str) -> QDateTime | None:
        date = QDate.fromString(text[:10], "yyyy-MM-dd")
        return QDateTime(date, QTime(0, 0)) if date.isValid() else None


class TimeWidget(_TemporalWidget):
    editor_class = OptionalTimeEdit
    display_format = "HH:mm"

    def to_answer(self, value: QDateTime) -> str:
        time = value.time()
        return _with_offset(dt.datetime.combine(dt.date.today(), dt.time(time.hour(), time.minute())))[11:]

    def parse(self, text: str) -> QDateTime | None:
        time = QTime.fromString(text[:5], "HH:mm")
        if not time.isValid():
            return None
        if time == QTime(0, 0):
            time = QTime(0, 0, 0, 1)
        return QDateTime(self.edit.minimumDate(), time)


class DateTimeWidget(_TemporalWidget):
    editor_class = OptionalDateTimeEdit
    display_format = "dd/MM/yyyy HH:mm"

    def to_answer(self, value: QDateTime) -> str:
        date, time = value.date(), value.time()
        return _with_offset(dt.datetime(date.year(), date.month(), date.day(), time.hour(), time.minute()))

    def parse(self, text: str) -> QDateTime | None:
        try:
            moment = dt.datetime.fromisoformat(text)
        except ValueError:
            return None
        if moment.tzinfo is not None:
            moment = moment.astimezone()  # shown in this laptop's time zone
        return QDateTime(QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute))


def _with_offset(local: dt.datetime) -> str:
    """ODK's form of a local moment: 2026-11-26T09:30:00.000+07:00."""
    return local.astimezone().isoformat(timespec="milliseconds")

