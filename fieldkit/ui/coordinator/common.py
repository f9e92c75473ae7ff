"""What the coordinator screens share: a table model over plain rows, table views,
times and fingerprints shown the same way everywhere, and the question asked before an
action that changes records."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QDateTime, QLocale, QModelIndex, QObject, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QMessageBox, QTableView, QWidget

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
# Highlights readable on light and dark palettes: the text on them is forced dark.
DIFFERENT_BACKGROUND, HARD_BACKGROUND, DARK_TEXT = QColor("#ffe9a8"), QColor("#f7c6c6"), QColor("#1a1a1a")

translate = QCoreApplication.translate


def hlc_text(hlc: str | None) -> str:
    """A hybrid-logical-clock stamp ("000001764130000000.000000") as local date and time."""
    try:
        milliseconds = int(str(hlc).split(".")[0])
    except ValueError:
        return str(hlc or "")
    return QDateTime.fromMSecsSinceEpoch(milliseconds).toLocalTime().toString("yyyy-MM-dd HH:mm")


def short_fingerprint(fingerprint: str) -> str:
    """The first eight digits in two groups: enough to tell devices apart on a screen."""
    digits = fingerprint.upper()
    return f"{digits[:4]} {digits[4:8]}" if len(digits) >= 8 else digits


def device_text(name: str, fingerprint_or_site: str) -> str:
    return f"{name or '—'} ({short_fingerprint(fingerprint_or_site)})"


def count_text(count: int, one: str, many: str) -> str:
    """"1 bundle", "3 bundles": English says the two apart; Vietnamese translates both alike.
    `one` and `many` are translated texts holding {count}."""
    return (one if count == 1 else many).format(count=count)


def size_text(size: int) -> str:
    """A size in bytes as people read it, in the interface's language: "740 bytes",
    "39 kB", "1.4 MB", "256 MB" (one decimal below ten of a unit, none above)."""
    value, unit = float(size), 0
    while value >= 1024 and unit < 4:
        value, unit = value / 1024, unit + 1
    precision = 1 if unit and value < 10 else 0
    return QLocale().formattedDataSize(size, precision, QLocale.DataSizeFormat.DataSizeTraditionalFormat)


def fingerprint_font(point_size: int = 16) -> QFont:
    """Monospace and large, so two people can read it aloud across a table."""
    font = QFont("monospace")
    font.setStyleHint(QFont.StyleHint.Monospace)
    font.setPointSize(point_size)
    return font


class RowsModel(QAbstractTableModel):
    """A read-only table of plain rows. Subclasses give `COLUMNS`, `headers()` and
    `display(row, column)`; `sort_value` defaults to the display text."""

    COLUMNS = 0

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list = []

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list:
        return list(self._rows)

    def row_at(self, row: int):
        return self._rows[row]

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else self.COLUMNS

    def headers(self) -> tuple:
        raise NotImplementedError

    def display(self, row, column: int):
        raise NotImplementedError

    def sort_value(self, row, column: int):
        value = self.display(row, column)
        return value if isinstance(value, int) else str(value).casefold()

    def decorate(self, row, column: int, role):
        """Other roles (colours, tool tips) for a subclass to add."""
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, index.column())
        if role == ROW_ROLE:
            return row
        if role == SORT_ROLE:
            return self.sort_value(row, index.column())
        return self.decorate(row, index.column(), role)

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(self.COLUMNS - 1, 0))


def selected_row(table: QTableView):
    """The row object under the table's current selection (through any proxy), or None."""
    indexes = table.selectionModel().selectedRows() if table.selectionModel() else []
    return indexes[0].data(ROW_ROLE) if indexes else None


def confirm(parent: QWidget, *, name: str, title: str, text: str, detail: str, action: str,
            on_yes: Callable[[], None]) -> QMessageBox:
    """Ask before acting (window-modal): `action` is the button that acts, Cancel the
    default, so Enter or Escape changes nothing. The box, for tests to answer."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.Cancel, parent)
    box.setObjectName(name)
    box.setInformativeText(detail)
    box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.setEscapeButton(QMessageBox.StandardButton.Cancel)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.buttonClicked.connect(
        lambda button: on_yes() if box.buttonRole(button) == QMessageBox.ButtonRole.AcceptRole else None)
    box.open()
    return box
