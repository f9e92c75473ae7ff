"""A closed dropdown that chooses as people type, as the other lists of the app do:
without accents, across the spaces between words.

Qt's own type-ahead only matches a label's first letters with their accents, and its
Space opens the list, so "Thành phố Hà Nội" could not be typed past "Thành": the first
Space showed the list, and "ha noi" found nothing. Here what is typed within a second
of the last letter adds up, is folded like the commune search ("ha noi"), and chooses
the first choice whose folded label starts with it, else the first that holds it. Space
still opens the list when nothing is being typed.
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, Qt
from PySide6.QtWidgets import QApplication, QComboBox

from fieldkit.communes import search_key

PAUSE_MS = 1000  # a longer pause starts a new search (Qt's own interval, 400 ms, is short for two words)
_TYPING_MODIFIERS = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier


class TypeAheadCombo(QComboBox):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._typed = ""
        self._since = QElapsedTimer()

    def keyPressEvent(self, event) -> None:
        text = event.text()
        typing = bool(text) and text.isprintable() and not event.modifiers() & ~_TYPING_MODIFIERS
        if not typing or (text.isspace() and not self._searching()):
            self._typed = ""
            super().keyPressEvent(event)
            return
        self._typed = (self._typed if self._searching() else "") + text
        self._since.restart()
        row = self.first_match(self._typed)
        if row >= 0 and row != self.currentIndex():
            self.setCurrentIndex(row)
            self.activated.emit(row)  # as Qt's own type-ahead does: the person chose it
        event.accept()

    def _searching(self) -> bool:
        interval = max(PAUSE_MS, QApplication.keyboardInputInterval())
        return bool(self._typed) and self._since.isValid() and self._since.elapsed() < interval

    def first_match(self, typed: str) -> int:
        """The first item whose folded label starts with the folded `typed`, else the first
        that holds it; -1 if none does."""
        wanted = search_key(typed)
        if not wanted:
            return -1
        labels = [search_key(self.itemText(row)) for row in range(self.count())]
        starting = next((row for row, label in enumerate(labels) if label.startswith(wanted)), -1)
        return starting if starting >= 0 else next((row for row, label in enumerate(labels) if wanted in label), -1)
