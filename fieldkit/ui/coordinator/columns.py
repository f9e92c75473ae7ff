"""Columns of the coordinator's tables as wide as their contents, within the window.

Qt's ResizeToContents lets a long answer push the columns after it past the right
edge (the conflict's Result column), and a fixed width cuts names ("Trần Thị Bình" as
"Trần Thị"). Here each column takes its contents' width while the table has room; when
it has not, the widest columns give way, down to an equal share of what is left, and
only their text elides, with the whole text in the cell's tool tip.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer
from PySide6.QtWidgets import QHeaderView, QStyledItemDelegate, QStyleOptionViewItem, QTableView, QToolTip

NARROWEST = 48  # pixels: a column never gives way below this; the table scrolls instead


def shared_widths(wanted: list[int], available: int, *, narrowest: int = NARROWEST) -> list[int]:
    """Each column's width: all it wants when the sum fits `available`; else the widest
    are capped at the width that makes the sum fit (never below `narrowest`)."""
    if sum(wanted) <= available:
        return list(wanted)
    remaining, count = available, len(wanted)
    cap = narrowest
    for position, width in enumerate(sorted(wanted)):
        if width * (count - position) > remaining:
            cap = max(narrowest, remaining // (count - position))
            break
        remaining -= width
    return [min(width, cap) for width in wanted]


class ElidedTextTips(QStyledItemDelegate):
    """Cells draw as usual; a cell whose text does not fit shows it whole as a tool tip
    (before any tool tip of its own)."""

    def full_text_tip(self, index: QModelIndex) -> str | None:
        view = self.parent()
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if text is None or not isinstance(view, QTableView):
            return None
        option = QStyleOptionViewItem()
        option.initFrom(view)
        self.initStyleOption(option, index)
        if self.sizeHint(option, index).width() <= view.columnWidth(index.column()):
            return None
        own = index.data(Qt.ItemDataRole.ToolTipRole)
        return str(text) + (f"\n\n{own}" if own and own != str(text) else "")

    def helpEvent(self, event, view, option, index) -> bool:
        if event.type() == QEvent.Type.ToolTip and index.isValid():
            tip = self.full_text_tip(index)
            if tip:
                QToolTip.showText(event.globalPos(), tip, view)
                return True
        return super().helpEvent(event, view, option, index)


class ColumnFitter(QObject):
    """Keeps `table`'s columns fitted (see the module) as its rows, header texts and
    width change; contents are measured again only when the model changes."""

    def __init__(self, table: QTableView):
        super().__init__(table)
        self.table = table
        self.wanted: list[int] | None = None
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.setItemDelegate(ElidedTextTips(table))
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(0)
        self.timer.timeout.connect(self.fit)
        model = table.model()
        for signal in (model.modelReset, model.layoutChanged, model.rowsInserted, model.rowsRemoved,
                       model.dataChanged, model.headerDataChanged):
            signal.connect(self.measure_again)
        table.viewport().installEventFilter(self)

    def measure_again(self, *_args) -> None:
        self.wanted = None
        self.timer.start()

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.timer.start()
        return False

    def fit(self) -> None:
        table, header = self.table, self.table.horizontalHeader()
        columns = table.model().columnCount()
        if self.wanted is None or len(self.wanted) != columns:
            self.wanted = [max(table.sizeHintForColumn(column), header.sectionSizeHint(column))
                           for column in range(columns)]
        for column, width in enumerate(shared_widths(self.wanted, table.viewport().width())):
            header.resizeSection(column, width)


def fit_columns(table: QTableView) -> ColumnFitter:
    return ColumnFitter(table)
