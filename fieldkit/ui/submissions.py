"""The submissions browser: every record on this laptop, filtered, sorted, searched.

Rows come from `service.submissions()` (read off the GUI thread); filtering, sorting and
the search box work on the rows in memory, so they answer at once. A row whose commune
and form also have another record is marked as a possible duplicate visit.
"""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QEvent, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QStyle, QTableView, QVBoxLayout, QWidget

from fieldkit.communes import search_key
from fieldkit.ui import labels
from fieldkit.ui.proxies import rows_filter_change
from fieldkit.ui.tables import make_table

(COLUMN_COMMUNE, COLUMN_PROVINCE, COLUMN_FORM, COLUMN_STATUS, COLUMN_AUTHOR, COLUMN_UPDATED,
 COLUMN_CONFLICTS, COLUMN_RECEIVED) = range(8)
COLUMNS = 8
NOT_RECEIVED = "not_received"  # the status filter's entry for this device's submissions no coordinator holds
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2


class SubmissionsModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list = []
        self._keys: list[str] = []
        self._duplicates: Counter = Counter()
        self._sort_keys: list[list] = []

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        # What the search box compares: every visible text of the row, folded.
        self._keys = [search_key(" ".join((row.commune_name, row.province_name, row.form_title,
                                           row.author, row.commune_code, row.record_id))) for row in self._rows]
        # a visit the coordinator reviewed (kept as its own, or marked a duplicate) warns no more
        self._duplicates = Counter((row.commune_code, row.form_id) for row in self._rows
                                   if not row.deleted and not row.duplicate_reviewed)
        self._sort_keys = [self._sort_key(row) for row in self._rows]  # sorting compares these only
        self.endResetModel()

    def row_at(self, row: int):
        return self._rows[row]

    def key_at(self, row: int) -> str:
        return self._keys[row]

    def is_duplicate(self, row) -> bool:
        return not row.duplicate_reviewed and self._duplicates[(row.commune_code, row.form_id)] > 1

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else COLUMNS

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Commune"), self.tr("Province"), self.tr("Form"), self.tr("Status"), self.tr("Author"),
                self.tr("Updated"), self.tr("Conflicts"), self.tr("Received by coordinator"))[section]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], index.column()
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == SORT_ROLE:
            return self._sort_keys[index.row()][column]
        if role == Qt.ItemDataRole.ForegroundRole and column == COLUMN_STATUS:
            return labels.status_colour(row.status)
        if column == COLUMN_COMMUNE and self.is_duplicate(row):
            return self._duplicate_mark(role)
        if column == COLUMN_RECEIVED and role == Qt.ItemDataRole.ToolTipRole:
            return received_tooltip(row.received)
        return None

    def _display(self, row, column: int) -> str | int:
        if column == COLUMN_RECEIVED:
            return received_text(row.received)
        return (row.commune_name, row.province_name, row.form_title, labels.status_text(row.status),
                row.author, row.updated.replace("T", " ")[:16], row.conflicts)[column]

    def _sort_key(self, row) -> list:
        keys: list = [row.conflicts if column == COLUMN_CONFLICTS else search_key(str(self._display(row, column)))
                      for column in range(COLUMNS)]
        # by the receipt's time: others' submissions, then not yet received, then the earliest received
        received = row.received
        keys[COLUMN_RECEIVED] = "" if received is None else f"1{received.at}" if received.by else "0"
        return keys

    def _duplicate_mark(self, role):
        if role == Qt.ItemDataRole.DecorationRole:
            return self.parent().style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Possible duplicate visit: this commune has another submission of this form.")
        return None


def received_text(received) -> str:
    """"Điều phối Lai Châu · 14:05 06/12", "not yet", or nothing for another device's submission."""
    if received is None:
        return ""
    if not received.by:
        return QCoreApplication.translate("SubmissionsModel", "not yet")
    return f"{received.by} · {received.at[11:16]} {received.at[8:10]}/{received.at[5:7]}"


def received_tooltip(received) -> str | None:
    if received is None:
        return None
    if not received.by:
        return QCoreApplication.translate("SubmissionsModel", "No coordinator's receipt holds the latest version "
                                          "of this submission yet: it goes with the next sync.")
    return QCoreApplication.translate("SubmissionsModel", "Received by {coordinator} at {time}").format(
        coordinator=received.by, time=f"{received.at[11:16]} {received.at[8:10]}/{received.at[5:7]}/{received.at[:4]}")


class SubmissionsProxy(QSortFilterProxyModel):
    """Form, province and status filters (exact), and search words (all must occur)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self._form_id = self._province = self._status = None
        self._words: list[str] = []

    def set_filters(self, *, form_id=None, province=None, status=None, text: str = "") -> None:
        with rows_filter_change(self):
            self._form_id, self._province, self._status = form_id, province, status
            self._words = search_key(text).split()

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:
        model = self.sourceModel()
        row = model.row_at(source_row)
        if self._form_id is not None and row.form_id != self._form_id:
            return False
        if self._province is not None and row.province_name != self._province:
            return False
        if self._status == NOT_RECEIVED:
            if row.received is None or row.received.by:
                return False
        elif self._status is not None and row.status != self._status:
            return False
        key = model.key_at(source_row)
        return all(word in key for word in self._words)


class SubmissionsBrowser(QWidget):
    """Emits `open_requested(row)` on double-click or Enter."""

    open_requested = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = SubmissionsModel(self)
        self.proxy = SubmissionsProxy(self)
        self.proxy.setSourceModel(self.model)
        self.search_box = QLineEdit()
        self.search_box.setObjectName("submission_search")
        self.search_box.setClearButtonEnabled(True)
        self.form_box, self.province_box, self.status_box = QComboBox(), QComboBox(), QComboBox()
        for name, box in (("form_filter", self.form_box), ("province_filter", self.province_box),
                          ("status_filter", self.status_box)):
            box.setObjectName(name)
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)  # whole names
            box.currentIndexChanged.connect(self._refilter)
        self.table = self._make_table()
        self._fitted_rows = 0  # how many rows the columns' widths were last fitted to
        self.count_label = QLabel()
        filters = QHBoxLayout()
        for widget in (self.search_box, self.form_box, self.province_box, self.status_box):
            filters.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table)
        layout.addWidget(self.count_label)
        self.search_box.textChanged.connect(self._refilter)
        self.table.activated.connect(self._open)
        self._retranslate()

    def _make_table(self) -> QTableView:
        table = make_table("submissions_table", self.proxy)
        table.setTabKeyNavigation(False)  # rows are not edited: Tab leaves the table
        table.sortByColumn(COLUMN_UPDATED, Qt.SortOrder.DescendingOrder)
        table.setColumnHidden(COLUMN_RECEIVED, True)  # until a drop box is set up (show_received)
        return table

    def set_rows(self, rows: list) -> None:
        self.model.set_rows(rows)  # a reset: Qt fits the columns to the rows then shown
        self._fitted_rows = -1
        self._fill_box(self.form_box, sorted({(row.form_title, row.form_id) for row in rows}))
        self._fill_box(self.province_box, sorted({(row.province_name, row.province_name) for row in rows}))
        self._fill_box(self.status_box, self._status_items())
        self._refilter()

    def _fill_box(self, box: QComboBox, items) -> None:
        current = box.currentData()
        box.blockSignals(True)
        box.clear()
        box.addItem(self._all_text(box), None)
        for text, value in items:
            box.addItem(text, value)
        box.setCurrentIndex(max(box.findData(current), 0) if current is not None else 0)
        box.blockSignals(False)

    def _status_items(self) -> list[tuple[str, str]]:
        items = [(labels.status_text(status), status) for status in labels.STATUSES[1:]]
        if not self.table.isColumnHidden(COLUMN_RECEIVED):
            items.append((self.tr("Not received yet"), NOT_RECEIVED))
        return items

    def show_received(self, shown: bool) -> None:
        """The received column and its filter: only where a drop box is set up (without
        one no receipt can come, and every row would say "not yet")."""
        if shown == self.table.isColumnHidden(COLUMN_RECEIVED):
            self.table.setColumnHidden(COLUMN_RECEIVED, not shown)
            self._fill_box(self.status_box, self._status_items())
            self._refilter()

    def _all_text(self, box: QComboBox) -> str:
        return {self.form_box: self.tr("All forms"), self.province_box: self.tr("All provinces"),
                self.status_box: self.tr("All statuses")}[box]

    def visible_rows(self) -> list:
        return [self.proxy.index(row, 0).data(ROW_ROLE) for row in range(self.proxy.rowCount())]

    def _refilter(self, *_args) -> None:
        self.proxy.set_filters(form_id=self.form_box.currentData(), province=self.province_box.currentData(),
                               status=self.status_box.currentData(), text=self.search_box.text())
        self._fit_columns()
        self._update_count()

    def _fit_columns(self) -> None:
        """Qt fits the columns to their contents when the rows are replaced, not when a
        filter shows more of them: rows read while a search showed none left the columns
        as narrow as their titles, and so they stayed once the search was cleared."""
        shown = self.proxy.rowCount()
        if self._fitted_rows < 0:  # just replaced: Qt fits them to what is shown now
            self._fitted_rows = shown
        elif shown > self._fitted_rows:
            self.table.horizontalHeader().resizeSections()
            self._fitted_rows = shown

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_requested.emit(self.proxy.index(index.row(), 0).data(ROW_ROLE))

    def _update_count(self) -> None:
        duplicates = sum(1 for row in self.visible_rows() if self.model.is_duplicate(row))
        text = self.tr("{shown} of {total} submissions").format(shown=self.proxy.rowCount(),
                                                                total=self.model.rowCount())
        if duplicates:
            warning = self.tr("{count} possible duplicate visits (marked with a warning sign)")
            text += " — " + warning.format(count=duplicates)
        self.count_label.setText(text)

    def _retranslate(self) -> None:
        self.search_box.setPlaceholderText(self.tr("Search commune, form, author…"))
        for box in (self.form_box, self.province_box, self.status_box):
            if box.count():
                box.setItemText(0, self._all_text(box))
        for position, (text, _status) in enumerate(self._status_items(), start=1):
            if position < self.status_box.count():
                self.status_box.setItemText(position, text)
        self._update_count()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMNS - 1)
        super().changeEvent(event)
