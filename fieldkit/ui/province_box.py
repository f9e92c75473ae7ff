"""The picker's province box: a list to choose from that can also be searched as people
type, without accents ("ha noi" finds Thành phố Hà Nội, "dak" Tỉnh Đắk Lắk), like the commune
search beside it.

A plain combo box only jumps to the item whose text starts with the letters typed, and
every province starts with "Thành phố" or "Tỉnh": "ha noi" chose Hưng Yên. Here the box is
editable, a completer lists the provinces whose folded names contain what was typed, and
Enter takes the first of them; what is typed never becomes an item.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QCompleter

from fieldkit.communes import Province, search_key

SEARCH_ROLE = Qt.ItemDataRole.UserRole + 10  # the item's folded name, what typing is compared with


class FoldingCompleter(QCompleter):
    """Compares the folded text typed with the items' folded names, shows their names."""

    def splitPath(self, path: str) -> list[str]:
        return [search_key(path)]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        return index.data(Qt.ItemDataRole.DisplayRole) or ""


class ProvinceBox(QComboBox):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = FoldingCompleter(self.model(), self)
        completer.setCompletionRole(SEARCH_ROLE)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        self.lineEdit().returnPressed.connect(self._choose_typed)
        self.lineEdit().editingFinished.connect(self._show_current)

    def set_provinces(self, all_text: str, provinces: Sequence[Province]) -> None:
        """"All provinces" then the provinces; the chosen one stays chosen (no signal)."""
        current = self.currentData()
        self.blockSignals(True)
        self.clear()
        self.addItem(all_text, None)
        for province in provinces:
            self.addItem(province.name, province.code)
            self.setItemData(self.count() - 1, search_key(f"{province.name} {province.name_en}"), SEARCH_ROLE)
        self.set_all_text(all_text)
        self.setCurrentIndex(max(self.findData(current), 0) if current else 0)
        self.blockSignals(False)

    def set_all_text(self, text: str) -> None:
        if self.count():
            self.setItemText(0, text)
            self.setItemData(0, search_key(text), SEARCH_ROLE)
            self._show_current()

    def first_match(self, typed: str) -> int:
        """The first item whose folded name contains what was typed, or -1."""
        wanted = search_key(typed)
        return next((row for row in range(self.count()) if wanted in (self.itemData(row, SEARCH_ROLE) or "")), -1)

    def _choose_typed(self) -> None:
        typed = self.lineEdit().text()
        row = self.first_match(typed) if typed != self.itemText(self.currentIndex()) else -1
        if row >= 0:
            self.setCurrentIndex(row)
        self._show_current()

    def _show_current(self) -> None:
        """What was typed and not chosen goes: the box shows the province that filters."""
        shown = self.itemText(self.currentIndex()) if self.currentIndex() >= 0 else ""
        if self.lineEdit().text() != shown:
            self.lineEdit().setText(shown)
