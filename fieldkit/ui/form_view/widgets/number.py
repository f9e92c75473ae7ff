"""Integer and decimal questions: a line edit that takes only what can make a number.

A letter typed (or pasted) is refused at once, with a message under the box saying what
the box takes; what can still become a number stays while it is typed ("-", "2.", an
empty box) and the session says what is wrong with it, in the form's language, as it
does for a constraint ("-5" against ". >= 0"). A decimal takes a decimal comma, as
Vietnamese write it: "2,5" is stored as 2.5 and stays "2,5" in the box.
"""

from __future__ import annotations

import math
import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QWidget

from fieldkit.ui.form_view.texts import plain_to_html, translate
from fieldkit.ui.form_view.widgets.text import TextWidget

# "2,5" as Vietnamese (and most of Europe) write 2.5: one comma, digits around it.
_DECIMAL_COMMA = re.compile(r"\s*([+-]?\d*),(\d*)\s*")
_INTEGER_SHAPE = re.compile(r"\s*-?\d*\s*")
_DECIMAL_SHAPE = re.compile(r"\s*-?\d*(?:[.,]\d*)?\s*")


class NumberValidator(QValidator):
    """Accepts the texts on the way to a number: digits, a leading minus and, in a
    decimal, one decimal point or comma. An answer stored before (or imported) that
    holds other characters can still be edited: an edit may keep them, not add more."""

    def __init__(self, parent: QWidget, *, decimal: bool):
        super().__init__(parent)
        self.shape = _DECIMAL_SHAPE if decimal else _INTEGER_SHAPE
        self.allowed = set("0123456789- " + (".," if decimal else ""))
        self.current = ""  # the box's text before the edit being checked

    def validate(self, text: str, position: int):
        if self.shape.fullmatch(text):
            return QValidator.State.Acceptable, text, position
        strays = sum(char not in self.allowed for char in text)
        if strays and strays <= sum(char not in self.allowed for char in self.current):
            return QValidator.State.Intermediate, text, position
        return QValidator.State.Invalid, text, position


class IntegerWidget(TextWidget):
    decimal = False

    def build_editor(self) -> QWidget:
        editor = super().build_editor()
        editor.setInputMethodHints(Qt.InputMethodHint.ImhFormattedNumbersOnly)
        editor.setMaximumWidth(240)
        self.validator = NumberValidator(editor, decimal=self.decimal)
        editor.setValidator(self.validator)
        editor.textChanged.connect(self._remember)
        editor.inputRejected.connect(self._refused)
        editor.editingFinished.connect(self._forget_refusal)
        self.refusal = ""
        return editor

    def refusal_text(self) -> str:
        return translate("FormView", "Only digits can be typed here, with a minus sign in front if needed.")

    def to_answer(self, text: str) -> str:
        return text.strip()

    def show_value(self, text: str) -> None:
        """The session stores numbers as ODK does ("12" typed into a decimal is 12.0):
        what is being typed stays as typed while it means the stored number, or the
        next key would land after the ".0"."""
        if not same_number(self.to_answer(self.editor.text()), text):
            super().show_value(text)

    def commit(self, value) -> None:
        refused, self.refusal = self.refusal, ""
        super().commit(value)
        if refused:
            self.refresh_error()

    def refresh_error(self) -> None:
        super().refresh_error()
        if self.refusal:  # the key just refused first: the person is waiting for it
            self._set_text("error", self.error_label, plain_to_html(self.refusal))
            self.editor.setAccessibleDescription(self.refusal)

    def _remember(self, text: str) -> None:
        self.validator.current = text

    def _refused(self) -> None:
        self.refusal = self.refusal_text()
        self.refresh_error()

    def _forget_refusal(self) -> None:
        if self.refusal:
            self.refusal = ""
            self.refresh_error()


class DecimalWidget(IntegerWidget):
    decimal = True

    def refusal_text(self) -> str:
        return translate("FormView", "Only a number can be typed here: digits, one decimal comma or point, "
                                     "a minus sign in front if needed; for example 2,5 or 2.5.")

    def to_answer(self, text: str) -> str:
        match = _DECIMAL_COMMA.fullmatch(text)
        if match:
            return f"{match.group(1)}.{match.group(2)}"
        return text.strip()


def same_number(typed: str, stored: str) -> bool:
    """Whether `typed` and `stored` are the same finite number ("12" and "12.0")."""
    try:
        first, second = float(typed), float(stored)
    except ValueError:
        return False
    return first == second and math.isfinite(first)
