"""Searchable choice lists: a filter box over a list, for long lists (the 3,321
communes) and the "autocomplete" / "search" appearances.

Typing filters without accents or case ("hoan kiem" finds "Phường Hoàn Kiếm"); Down
goes from the box into the list; Enter picks the highlighted choice and moves on; a
click picks too. For select_multiple the rows have check boxes (Space toggles).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QLabel, QLineEdit, QListView, QVBoxLayout, QWidget

from fieldkit.ui.form_view.binding import settable
from fieldkit.ui.form_view.texts import HINT_STYLE, translate
from fieldkit.ui.form_view.widgets.base import ClearButton
from fieldkit.ui.form_view.widgets.choices import ChoiceListModel
from fieldkit.ui.form_view.widgets.select import SelectWidget

VISIBLE_ROWS = 8


class _SearchKeys(QObject):
    """Enter and the arrow keys between the filter box and the list."""

    def __init__(self, owner: SearchableSelect):
        super().__init__(owner)
        self.owner = owner

    def eventFilter(self, watched, event) -> bool:
        if event.type() != QEvent.Type.KeyPress:
            return False
        key, owner = event.key(), self.owner
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and event.modifiers() in (
                Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier):
            owner.pick_current()
            owner.navigate.emit("next")
            return True
        if watched is owner.filter and key == Qt.Key.Key_Down and owner.model.rowCount():
            owner.highlight(max(owner.list.currentIndex().row(), 0))
            owner.list.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        if watched is owner.list and key == Qt.Key.Key_Up and owner.list.currentIndex().row() <= 0:
            owner.filter.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        return False


class SearchableSelect(SelectWidget):
    enter_moves_on = False  # Enter picks first, see _SearchKeys
    multiple = False

    def build_editor(self) -> QWidget:
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        self.answer_label = QLabel(box)
        self.answer_label.setWordWrap(True)
        self.answer_label.setTextFormat(Qt.TextFormat.PlainText)
        self.clear_button = ClearButton(box)
        self.clear_button.clicked.connect(lambda: self.commit(""))
        top = QHBoxLayout()
        top.addWidget(self.answer_label, 1)
        top.addWidget(self.clear_button)
        column.addLayout(top)
        self.filter = QLineEdit(box)
        self.filter.setPlaceholderText(translate("FormView", "Type to search"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textEdited.connect(self.search)
        column.addWidget(self.filter)
        self.model = ChoiceListModel(box, checkable=self.multiple)
        self.model.set_choices(self.source.choices)
        self.model.toggled.connect(self._toggled)
        self.list = QListView(box)
        self.list.setModel(self.model)
        self.list.setUniformItemSizes(True)  # lets the view skip measuring 3,321 rows
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setMinimumHeight(self.list.sizeHintForRow(0) * 4 if self.model.rowCount() else 80)
        self.list.setMaximumHeight(max(self.list.sizeHintForRow(0), 20) * VISIBLE_ROWS + 6)
        if not self.multiple:
            self.list.clicked.connect(lambda index: self.commit(self.model.value_at(index.row())))
        column.addWidget(self.list)
        self.count_label = QLabel(box)
        self.count_label.setStyleSheet(HINT_STYLE)
        column.addWidget(self.count_label)
        keys = _SearchKeys(self)
        self.filter.installEventFilter(keys)
        self.list.installEventFilter(keys)
        self._update_count()
        return box

    def key_widgets(self) -> list[QWidget]:
        return [self.filter, self.list, self.clear_button]

    def named_widgets(self) -> list[QWidget]:
        return [self.filter, self.list]

    # -- searching ---------------------------------------------------------------------

    def search(self, text: str) -> None:
        self.model.set_query(text)
        if self.model.rowCount():
            self.highlight(0)
        self._update_count()

    def highlight(self, row: int) -> None:
        index = self.model.index(row)
        self.list.setCurrentIndex(index)
        self.list.scrollTo(index)

    def _update_count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total()
        if total == 0:
            text = translate("FormView", "No choices yet: answer the questions above first.")
        elif shown == total:
            text = translate("FormView", "{total} choices").format(total=total)
        else:
            text = translate("FormView", "{shown} of {total} choices").format(shown=shown, total=total)
        self.count_label.setText(text)

    def pick_current(self) -> None:
        row = self.list.currentIndex().row()
        if row < 0 and self.model.rowCount():
            row = 0
        if row < 0:
            return
        if self.multiple:
            index = self.model.index(row)
            checked = self.model.data(index, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
            self.model.setData(index, Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked,
                               Qt.ItemDataRole.CheckStateRole)
        else:
            self.commit(self.model.value_at(row))

    def choose(self, value: str) -> None:
        """Pick `value` as a click would (for callers without a pointer, and tests)."""
        row = self.model.row_of(value)
        if row is None:
            raise KeyError(value)
        self.highlight(row)
        self.pick_current()

    def _toggled(self, value: str, checked: bool) -> None:
        chosen = set(self.session.value(self.path).split())
        (chosen.add if checked else chosen.discard)(value)
        self.commit(" ".join(v for v, _ in self.source.choices if v in chosen))

    # -- showing -----------------------------------------------------------------------

    def choices_changed(self) -> None:
        self.model.set_choices(self.source.choices)
        self._update_count()

    def show_value(self, text: str) -> None:
        if self.multiple:
            self.model.set_checked(set(text.split()))
            labels = [self.source.label_of(v) or v for v in text.split()]
            shown = ", ".join(labels)
        else:
            shown = self.source.label_of(text) or text
            row = self.model.row_of(text) if text else None
            if row is not None and self.list.currentIndex().row() != row and not self.filter.hasFocus():
                self.highlight(row)
        self.answer_label.setText(
            translate("FormView", "Answer: {answer}").format(answer=shown) if text
            else translate("FormView", "Not answered yet"))

    def refresh(self) -> None:
        super().refresh()
        answered = bool(self.session.value(self.path))
        self.clear_button.setEnabled(answered and settable(self.session, self.path))


class SearchableMultiSelect(SearchableSelect):
    multiple = True
