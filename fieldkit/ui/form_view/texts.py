"""Small text helpers shared by the form view's widgets.

Every user-visible string of the view goes through Qt's translation with the context
"FormView": write `translate("FormView", "English text")` in full, so that
pyside6-lupdate finds it (it does not see through wrapper functions).
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate

REQUIRED_COLOUR = "#c62828"
ERROR_STYLE = "color: #b71c1c;"
HINT_STYLE = "color: palette(mid);"


def plain_to_html(text: str) -> str:
    """Form text shown as rich text: escaped, line breaks kept. Form labels are data,
    never markup: a `<` in a label must show as `<`."""
    return html.escape(text).replace("\n", "<br>")


def label_html(text: str, required: bool) -> str:
    marker = f' <span style="color:{REQUIRED_COLOUR}">*</span>' if required else ""
    return plain_to_html(text) + marker
