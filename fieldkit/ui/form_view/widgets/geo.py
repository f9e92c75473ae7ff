"""Geopoints typed or pasted, and traces / shapes as typed point lists.

A laptop has no GPS worth the name: the person types the coordinates read from a
phone, or pastes them ("21.0285, 105.8542" or "21.0285 105.8542", as map apps copy
them) into the latitude box, which spreads them over the boxes. The session checks
the answer; a number out of its range is named in the message ("Latitude must be
between -90 and 90 degrees (you typed 210)"), as typed, while the session names the
stored number.
"""

from __future__ import annotations

import re

from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QWidget

from fieldkit.forms.values import geopoint_range_problem
from fieldkit.ui.form_view.texts import plain_to_html, translate
from fieldkit.ui.form_view.widgets.base import QuestionWidget
from fieldkit.ui.form_view.widgets.number import same_number
from fieldkit.ui.form_view.widgets.text import MultilineWidget

_NUMBER = re.compile(r"[+-]?(?:\d+(?:[.]\d*)?|[.]\d+)")


def _same_number_or_text(typed: str, stored: str) -> bool:
    return typed == stored or same_number(typed, stored)


def parse_pasted(text: str) -> list[str] | None:
    """["21.0285", "105.8542"] from "21.0285, 105.8542" or "21.0285 105.8542"; None
    if the text is not 2 to 4 numbers. A comma between digits with no dot anywhere
    ("21,0285") is a decimal comma, not a separator."""
    text = text.strip()
    if ";" in text:
        pieces = text.split(";")
    elif "," in text and ("." in text or ", " in text):
        pieces = text.split(",")
    else:
        pieces = text.split()
    numbers = [piece.strip().replace(",", ".") for piece in pieces]
    if not 2 <= len(numbers) <= 4 or not all(_NUMBER.fullmatch(number) for number in numbers):
        return None
    return numbers


class GeopointWidget(QuestionWidget):
    def build_editor(self) -> QWidget:
        box = QWidget(self)
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        names = (translate("FormView", "Latitude"), translate("FormView", "Longitude"),
                 translate("FormView", "Altitude (m)"), translate("FormView", "Accuracy (m)"))
        self.parts: list[QLineEdit] = []
        for column, name in enumerate(names):
            grid.addWidget(QLabel(name, box), 0, column)
            edit = QLineEdit(box)
            edit.setPlaceholderText(name)
            edit.setAccessibleName(name)
            edit.textEdited.connect(lambda text, position=column: self._edited(position, text))
            grid.addWidget(edit, 1, column)
            self.parts.append(edit)
        self.parts[0].setToolTip(translate("FormView", "Type or paste coordinates, e.g. 21.0285, 105.8542"))
        return box

    def key_widgets(self) -> list[QWidget]:
        return list(self.parts)

    def named_widgets(self) -> list[QWidget]:
        return []  # each box keeps its own name (Latitude, Longitude...)

    def _edited(self, position: int, text: str) -> None:
        pasted = parse_pasted(text) if position < 2 else None
        if pasted is not None:
            # 2 to 4 numbers pasted: those the boxes hold fill them, in order
            for edit, part in zip(self.parts, pasted, strict=False):
                edit.setText(part)
        self.commit(self.compose())

    def compose(self) -> str:
        """ODK's geopoint text: "lat lon alt acc"; altitude 0 when only accuracy is given."""
        values = [edit.text().strip().replace(",", ".") for edit in self.parts]
        if not any(values):
            return ""
        latitude, longitude, altitude, accuracy = values
        parts = [latitude, longitude]
        if altitude or accuracy:
            parts.append(altitude or "0")
        if accuracy:
            parts.append(accuracy)
        return " ".join(part for part in parts if part)

    def refresh_error(self) -> None:
        super().refresh_error()
        message = self.range_message()
        if message:
            self._set_text("error", self.error_label, plain_to_html(message))
            for widget in self.key_widgets():
                widget.setAccessibleDescription(message)

    def range_message(self) -> str:
        """What is out of range among the numbers typed, or ""."""
        typed = [edit.text().strip().replace(",", ".") for edit in self.parts]
        return geopoint_range_problem(typed, self.session.message_language) or ""

    def show_value(self, text: str) -> None:
        typed, pieces = self.compose().split(), text.split()
        if len(typed) == len(pieces) and all(map(_same_number_or_text, typed, pieces)):
            return  # "21" typed is stored as 21.0: keep what is being typed
        for index, edit in enumerate(self.parts):
            edit.setText(pieces[index] if index < len(pieces) else "")


class GeoTraceWidget(MultilineWidget):
    """geotrace / geoshape: points "lat lon[ alt acc]" separated by ";", one per line
    if the person likes; the session checks each point."""

    def build_editor(self) -> QWidget:
        editor = super().build_editor()
        editor.setPlaceholderText(translate("FormView", "21.0285 105.8542; 21.0290 105.8550; …"))
        return editor

    def to_answer(self, text: str) -> str:
        return ";".join(point.strip() for point in text.replace("\n", ";").split(";") if point.strip())

    def to_display(self, answer: str) -> str:
        return answer.replace(";", ";\n")
