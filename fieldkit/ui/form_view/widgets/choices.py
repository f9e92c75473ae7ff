"""Choice lists of select questions: loading them from the session only when they can
have changed, and the list model behind the searchable lists."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt, Signal

from fieldkit.communes import search_key
from fieldkit.forms.errors import FormError

ValueRole = Qt.ItemDataRole.UserRole + 1


class ChoiceSource:
    """The choices of one select, re-read from the session only when the session
    language or an answer its choice filter reads has changed: reading the 3,321
    communes takes ~30 ms, too much for every keystroke elsewhere on the page."""

    def __init__(self, session, question, path: str):
        self.session, self.question, self.path = session, question, path
        self.references: set[str] | None = set()
        itemset = session.compiled.itemsets.get(question.path)
        if itemset is not None:
            self.references = itemset[0].references(question.path)
        self._key: object = None
        self.choices: list[tuple[str, str]] = []

    def reload(self, force: bool = False) -> bool:
        """Re-read the choices if they may have changed; True if they did."""
        key = self._current_key()
        if not force and key is not None and key == self._key:
            return False
        self._key = key
        try:
            fresh = self.session.choices(self.path)
        except FormError:  # the question's node is absent (see FormBinding.relevant)
            fresh = []
        changed = fresh != self.choices
        self.choices = fresh
        return changed

    def _current_key(self):
        if self.references is None:
            return None  # the filter may read anything: always re-read
        nodes_at = self.session.instance.nodes_at
        values = tuple(tuple(node.string_value() for node in nodes_at(ref)) for ref in sorted(self.references))
        return (self.session.lang, values)

    def label_of(self, value: str) -> str | None:
        for choice_value, label in self.choices:
            if choice_value == value:
                return label
        return None


class ChoiceListModel(QStringListModel):
    """(value, label) rows, filtered by a search text without accents or case.

    A QStringListModel (a QAbstractListModel kept in C++) holding the labels of the
    matching rows: the view asks rowCount() thousands of times per relayout, which
    costs 30-40 ms per keystroke over the 3,321 communes when each call goes into
    Python (a Python model, or a QSortFilterProxyModel with a Python filter). The
    filtering itself is one comprehension over keys folded once per list (~1 ms).
    """

    toggled = Signal(str, bool)  # value, checked (checkable lists)

    def __init__(self, parent=None, *, checkable: bool = False):
        super().__init__(parent)
        self.checkable = checkable
        self._choices: list[tuple[str, str]] = []
        self._keys: list[str] = []
        self._shown: list[int] = []
        self._query = ""
        self._checked: set[str] = set()

    def set_choices(self, choices: list[tuple[str, str]]) -> None:
        self._choices = list(choices)
        # The value goes in the key too ("00070" finds its commune), after a tab so
        # that a search never matches across the label's end.
        self._keys = [f"{search_key(label)}\t{value.casefold()}" for value, label in self._choices]
        self._show(self._matching())

    def set_query(self, text: str) -> None:
        """Show the choices whose folded label (or value) contains the folded text, as
        ODK's autocomplete does: "so 7" finds "Đường số 7" and "số 70", not "số 17"."""
        query = search_key(text)
        if query == self._query:
            return
        self._query = query
        self._show(self._matching())

    def _matching(self) -> list[int]:
        query = self._query
        if not query:
            return list(range(len(self._keys)))
        return [index for index, key in enumerate(self._keys) if query in key]

    def _show(self, shown: list[int]) -> None:
        self._shown = shown
        self.setStringList([self._choices[index][1] for index in shown])

    def total(self) -> int:
        return len(self._choices)

    def set_checked(self, values: set[str]) -> None:
        if values != self._checked:
            self._checked = set(values)
            if self._shown:
                self.dataChanged.emit(self.index(0), self.index(len(self._shown) - 1), [Qt.ItemDataRole.CheckStateRole])

    def row_of(self, value: str) -> int | None:
        for row, index in enumerate(self._shown):
            if self._choices[index][0] == value:
                return row
        return None

    def value_at(self, row: int) -> str:
        return self._choices[self._shown[row]][0]

    # -- item data ---------------------------------------------------------------------

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole):
        if role == ValueRole and index.isValid():
            return self.value_at(index.row())
        if role == Qt.ItemDataRole.CheckStateRole and self.checkable and index.isValid():
            checked = self.value_at(index.row()) in self._checked
            return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            role = Qt.ItemDataRole.DisplayRole
        return super().data(index, role)

    def setData(self, index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not (self.checkable and index.isValid() and role == Qt.ItemDataRole.CheckStateRole):
            return False  # the labels are the form's: never edited here
        choice = self.value_at(index.row())
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        (self._checked.add if checked else self._checked.discard)(choice)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.toggled.emit(choice, checked)
        return True

    def flags(self, index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.checkable:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags
