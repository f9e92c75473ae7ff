"""Integer and decimal questions: a line edit the session validates as the person
types. No Qt validator: it would silently refuse keys, where the session's message
says what is expected, in the form's language."""

from __future__ import annotations

import math
import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from fieldkit.ui.form_view.widgets.text import TextWidget

# "2,5" as Vietnamese (and most of Europe) write 2.5: one comma between digits.
_DECIMAL_COMMA = re.compile(r"\s*([+-]?\d*),(\d+)\s*")


class IntegerWidget(TextWidget):
    def build_editor(self) -> QWidget:
        editor = super().build_editor()
        editor.setInputMethodHints(Qt.InputMethodHint.ImhFormattedNumbersOnly)
        editor.setMaximumWidth(240)
        return editor

    def to_answer(self, text: str) -> str:
        return text.strip()

    def show_value(self, text: str) -> None:
        """The session stores numbers as ODK does ("12" typed into a decimal is 12.0):
        what is being typed stays as typed while it means the stored number, or the
        next key would land after the ".0"."""
        if not same_number(self.to_answer(self.editor.text()), text):
            super().show_value(text)


class DecimalWidget(IntegerWidget):
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
