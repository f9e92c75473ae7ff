"""Alt+letter that is no shortcut types nothing.

On X11 a key press with Alt still carries its text (Alt+I carries "i"), and Qt's text
fields insert any printable text whose modifiers are not Ctrl: when no shortcut claims
Alt+I, the answer gets an "i", which is then autosaved. Shortcuts and mnemonics are
matched before the key press is delivered, so a key press with Alt that reaches a text
field is one nobody wanted: the guard drops it.

The guard watches only the widget that has the keyboard focus (it moves with the focus),
not every event of the application: a Python filter on the whole application would run
for every paint and layout event of every widget.
"""

from __future__ import annotations

import sys

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QLineEdit, QPlainTextEdit, QTextEdit, QWidget


def is_alt_text(event: QKeyEvent) -> bool:
    """Alt with a printable text. Ctrl+Alt is AltGr on Windows keyboards ("@", "€"),
    and X11's AltGr is no Alt at all: both still type."""
    modifiers = event.modifiers()
    text = event.text()
    return (bool(modifiers & Qt.KeyboardModifier.AltModifier)
            and not modifiers & Qt.KeyboardModifier.ControlModifier
            and bool(text) and text.isprintable())


def takes_text(widget: QWidget) -> bool:
    if isinstance(widget, QComboBox):
        return widget.isEditable()
    return isinstance(widget, (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox))


class AltTextGuard(QObject):
    """Drops key presses with Alt (not AltGr) in the text field that has the focus."""

    def __init__(self, app: QApplication):
        super().__init__(app)
        self.setObjectName("alt_text_guard")
        self._watched: QWidget | None = None
        app.focusChanged.connect(self._focus_changed)
        self._focus_changed(None, app.focusWidget())

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if self._watched is not None and shiboken6.isValid(self._watched):
            self._watched.removeEventFilter(self)
        self._watched = new if new is not None and takes_text(new) else None
        if self._watched is not None:
            self._watched.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        return event.type() == QEvent.Type.KeyPress and is_alt_text(event)


def install_alt_text_guard(app: QApplication, *, platform: str = sys.platform) -> AltTextGuard | None:
    """Once per application. Not on macOS: there Option is Qt's Alt, Option+letter types
    letters (é, ø, and marks of some Vietnamese layouts), and there are no mnemonics."""
    if platform == "darwin":
        return None
    return app.findChild(AltTextGuard, "alt_text_guard") or AltTextGuard(app)
