"""The commune picker: a province combo, a type-ahead box and the list of communes.

All 3,321 communes sit in one list model, recently picked ones first, then in official
code order. The proxy filters them as the person types, comparing folded keys
(`fieldkit.communes.search_key`: "hoan kiem" finds "Phường Hoàn Kiếm"). The proxy
does not sort: the model's order is the display order, which keeps a keystroke to a
single pass over precomputed ASCII strings.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QListView, QPushButton, QVBoxLayout, QWidget

from fieldkit.communes import Commune, Province, join_syllables, joined_key, search_key
from fieldkit.communes.picker_rows import Row
from fieldkit.ui.province_box import ProvinceBox
from fieldkit.ui.proxies import rows_filter_change

COLUMN_NAME = 0
FIND_COMMUNE_KEYS = "Ctrl+F"  # the window's "Find a commune": back to the search box from anywhere
CODE_ROLE = Qt.ItemDataRole.UserRole + 1
PROVINCE_ROLE = Qt.ItemDataRole.UserRole + 2
RECENT_ROLE = Qt.ItemDataRole.UserRole + 3
COMMUNE_ROLE = Qt.ItemDataRole.UserRole + 4


class CommuneListModel(QAbstractListModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.generation = 0
        self._set([])
        self._bold = QFont()
        self._bold.setBold(True)

    def set_rows(self, rows: list[Row]) -> None:
        self.beginResetModel()
        self._set(rows)
        self.endResetModel()

    def _set(self, rows: list[Row]) -> None:
        self._rows = rows
        # Parallel plain lists: what the filter reads, without touching Row objects.
        self.keys = [row.key for row in rows]
        self.joined_keys = [join_syllables(row.key) for row in rows]  # keys are folded already
        self.provinces = [row.commune.province_code for row in rows]
        self.generation += 1

    def move_to_front(self, code: str) -> None:
        """A commune just picked becomes the first recent one (keys are reused)."""
        found = next((row for row in self._rows if row.commune.code == code), None)
        if found is None:
            return
        self.beginResetModel()
        self._set([Row(found.commune, found.key, True)] + [row for row in self._rows if row is not found])
        self.endResetModel()

    def row_at(self, row: int) -> Row:
        return self._rows[row]

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        commune = row.commune
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{commune.name} — {commune.province_name}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{commune.name}, {commune.province_name} ({commune.code})"
        if role == Qt.ItemDataRole.FontRole and row.recent:
            return self._bold
        return {CODE_ROLE: commune.code, PROVINCE_ROLE: commune.province_code,
                RECENT_ROLE: row.recent, COMMUNE_ROLE: commune}.get(role)


class CommuneFilterProxy(QSortFilterProxyModel):
    """Province and typed words: every typed word must occur in the row's key, so
    "hoan kiem ha noi" works and so does a code prefix "0007".

    The decision for all rows is made in one pass in `set_filter` (comprehensions over
    plain strings); `filterAcceptsRow`, which Qt calls once per row, only reads it.
    Typing forward narrows the previous result, so only rows still shown are tested.
    The change is announced as a reset: when most rows come or go, one "start over" to
    the view is far cheaper than thousands of row-removed notifications."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._province: str | None = None
        self._words: list[str] = []
        self._joined = ""
        self._shown: list[int] | None = None  # source rows shown; None: not decided yet
        self._accepted = bytearray()
        self._generation = -1
        self._source: CommuneListModel | None = None

    def setSourceModel(self, model) -> None:
        self._source = model  # kept in Python: filterAcceptsRow must not cross into Qt
        super().setSourceModel(model)

    def set_filter(self, text: str, province: str | None) -> None:
        words, joined = search_key(text).split(), joined_key(text)
        if words == self._words and province == self._province and self._shown is not None:
            return
        narrowing = (province == self._province and self._generation == self._source.generation
                     and self._shown is not None and _narrows(self._words, words) and self._joined in joined)
        with rows_filter_change(self):
            self._words, self._joined, self._province = words, joined, province
            self._decide(self._shown if narrowing else None)

    def _decide(self, candidates: list[int] | None) -> None:
        model = self._source
        keys = model.keys
        if candidates is None:
            candidates = range(len(keys))
        if self._province is not None:
            provinces, wanted = model.provinces, self._province
            candidates = [row for row in candidates if provinces[row] == wanted]
        words, joined, joined_keys = self._words, self._joined, model.joined_keys
        # every word typed is in the row's key, or the words run together are ("ea hleo",
        # "eahleo" for Ea H'Leo)
        candidates = [row for row in candidates
                      if all(word in keys[row] for word in words) or joined in joined_keys[row]]
        self._shown = list(candidates)
        self._accepted = bytearray(len(keys))
        for row in self._shown:
            self._accepted[row] = 1
        self._generation = model.generation

    def count_in_any_province(self) -> int:
        """How many rows the typed words match, whatever the province (one pass, asked
        only when the chosen province has none)."""
        words, joined = self._words, self._joined
        first = words[0] if words else ""
        # one substring test decides most rows (1 ms for 3,321 rows, 5 ms with all() first)
        return len([1 for key, together in zip(self._source.keys, self._source.joined_keys, strict=True)
                    if joined in together or (first in key and all(word in key for word in words))])

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:
        if self._generation != self._source.generation:  # the rows were replaced
            self._decide(None)
        return self._accepted[source_row] == 1


def _narrows(old: list[str], new: list[str]) -> bool:
    """True when every row matching `new` also matched `old` (the person typed on)."""
    return all(any(word_old in word_new for word_new in new) for word_old in old)


class CommunePicker(QWidget):
    """Emits `commune_picked(commune)` on Enter, click or double-click of a commune, and
    `commune_entered` after it when that was Enter in the search box."""

    commune_picked = Signal(object)
    commune_entered = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = CommuneListModel(self)
        self.proxy = CommuneFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.title = QLabel()
        self.province_box = ProvinceBox()
        self.province_box.setObjectName("province_box")
        self.search_box = QLineEdit()
        self.search_box.setObjectName("commune_search")
        self.search_box.setClearButtonEnabled(True)
        self.list_view = QListView()
        self.list_view.setObjectName("commune_list")
        self.list_view.setModel(self.proxy)
        self.list_view.setUniformItemSizes(True)  # 3,321 rows: no per-row size queries
        # Lay out in batches between events: a keystroke paints the first screenful at
        # once instead of laying out every row first (8 ms -> 2 ms per keystroke here).
        self.list_view.setLayoutMode(QListView.LayoutMode.Batched)
        self.list_view.setBatchSize(200)
        self.count_label = QLabel()
        self.count_label.setObjectName("commune_count")
        self.count_label.setWordWrap(True)
        self.all_provinces_button = QPushButton()
        self.all_provinces_button.setObjectName("all_provinces")
        self.all_provinces_button.hide()
        self._lay_out()
        self._provinces: list[Province] = []
        self._hidden_elsewhere = 0  # communes the typed words match in other provinces only
        self.province_box.currentIndexChanged.connect(self._refilter)
        self.search_box.textChanged.connect(self._refilter)
        self.search_box.returnPressed.connect(self._pick_first)
        self.list_view.activated.connect(self._pick)
        self.list_view.clicked.connect(self._pick)
        self.all_provinces_button.clicked.connect(self.search_all_provinces)
        self._retranslate()

    def _lay_out(self) -> None:
        below = QHBoxLayout()
        below.addWidget(self.count_label, 1)
        below.addWidget(self.all_provinces_button)
        layout = QVBoxLayout(self)
        for widget in (self.title, self.province_box, self.search_box, self.list_view):
            layout.addWidget(widget)
        layout.addLayout(below)

    def set_data(self, provinces: Sequence[Province], rows: list[Row]) -> None:
        self._provinces = list(provinces)
        self.province_box.set_provinces(self.tr("All provinces"), self._provinces)
        self.model.set_rows(rows)
        self._refilter()

    def province_code(self) -> str | None:
        return self.province_box.currentData() if self.province_box.count() else None

    def visible_communes(self) -> list[Commune]:
        return [self.proxy.index(row, COLUMN_NAME).data(COMMUNE_ROLE) for row in range(self.proxy.rowCount())]

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def search_all_provinces(self) -> None:
        """Drop the province filter, keep what was typed, and go on typing."""
        self.province_box.setCurrentIndex(0)
        self.search_box.setFocus(Qt.FocusReason.OtherFocusReason)

    def _refilter(self, *_args) -> None:
        self.proxy.set_filter(self.search_box.text(), self.province_code())
        shown = self.proxy.rowCount()
        filtered_out = not shown and self.province_code() is not None and search_key(self.search_box.text())
        self._hidden_elsewhere = self.proxy.count_in_any_province() if filtered_out else 0
        self._update_count()
        if shown:
            self.list_view.setCurrentIndex(self.proxy.index(0, COLUMN_NAME))

    def _pick_first(self) -> None:
        if self._hidden_elsewhere:  # nothing here, some elsewhere: Enter shows them
            self.search_all_provinces()
            return
        index = self.list_view.currentIndex()
        if not index.isValid() and self.proxy.rowCount():
            index = self.proxy.index(0, COLUMN_NAME)
        if index.isValid():
            self._pick(index)
            self.commune_entered.emit()

    def _pick(self, index: QModelIndex | QPersistentModelIndex) -> None:
        commune = index.data(COMMUNE_ROLE)
        if commune is not None:
            self.commune_picked.emit(commune)

    def _update_count(self) -> None:
        self.all_provinces_button.setVisible(bool(self._hidden_elsewhere))
        if self._hidden_elsewhere:
            self.count_label.setText(self.tr("None in {province}; {count} in other provinces: press Enter to "
                                             "see them.").format(province=self.province_box.currentText(),
                                                                 count=self._hidden_elsewhere))
            return
        self.count_label.setText(self.tr("{shown} of {total} communes").format(
            shown=self.proxy.rowCount(), total=self.model.rowCount()))

    def _retranslate(self) -> None:
        self.title.setText(self.tr("Commune"))
        shortcut = QKeySequence(FIND_COMMUNE_KEYS).toString(QKeySequence.SequenceFormat.NativeText)
        self.search_box.setPlaceholderText(self.tr("Type a commune name, with or without accents ({shortcut})")
                                           .format(shortcut=shortcut))
        self.province_box.set_all_text(self.tr("All provinces"))
        self.all_provinces_button.setText(self.tr("&Search all provinces"))
        self._update_count()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
