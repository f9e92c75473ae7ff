"""The forms of the picked commune, each with its status: not started, draft,
finalized, has errors. Double-click or Open opens it (its latest record if there is one);
"New submission" starts another record, after a duplicate-visit warning."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from fieldkit.services.listing import FINALIZED_EDITED
from fieldkit.services.types import Received, Status
from fieldkit.ui import labels
from fieldkit.ui.submissions import received_tooltip

COLUMN_TITLE, COLUMN_STATUS = range(2)
ROW_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class FormRow:
    entry: object  # FormEntry
    status: str
    record_id: str | None
    received: Received | None = None  # of its record, when this device made it (SurveyService.received_marks)


class CommuneFormsModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[FormRow] = []

    def set_rows(self, rows: list[FormRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def has_submissions(self) -> bool:
        return any(row.record_id for row in self._rows)

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 2

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Form"), self.tr("Status"))[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == COLUMN_TITLE:
                return row.entry.title_in(labels.ui_language())
            return self._status_text(row)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == COLUMN_STATUS:
            return received_tooltip(row.received)
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == COLUMN_STATUS:
            return labels.status_colour(Status.FINALIZED if row.status == FINALIZED_EDITED else row.status)
        return None


    def _status_text(self, row: FormRow) -> str:
        if row.status == FINALIZED_EDITED:  # the summaries print the finalized version: say both
            text = self.tr("Finalized · being edited")
        else:
            text = labels.status_text(row.status)
        if row.received is None:
            return text
        # kept short: the column fits its contents; the tooltip says by whom and when
        return text + " · " + (self.tr("received") if row.received.by else self.tr("not received yet"))


class CommuneForms(QWidget):
    """Emits `open_requested(entry, record_id or None, new: bool)`; `summary_requested()`
    for the commune's working-visit record (biên bản)."""

    open_requested = Signal(object, object, bool)
    summary_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.commune = None
        self.model = CommuneFormsModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.title = QLabel()
        self.title.setObjectName("commune_title")
        self.table = QTableView()
        self.table.setObjectName("commune_forms")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # rows are not edited: Tab goes on to the buttons
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(COLUMN_TITLE, QHeaderView.ResizeMode.Stretch)
        # "Đã hoàn tất · đang sửa" is read whole, not cut to "Đã hoàn tất · …"
        self.table.horizontalHeader().setSectionResizeMode(COLUMN_STATUS, QHeaderView.ResizeMode.ResizeToContents)
        self.open_button = QPushButton()
        self.open_button.setObjectName("open_form")
        self.new_button = QPushButton()
        self.new_button.setObjectName("new_submission")
        self.summary_button = QPushButton()
        self.summary_button.setObjectName("print_summary")
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary_button)
        buttons.addStretch()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.table.activated.connect(lambda index: self._open(index, new=False))
        self.open_button.clicked.connect(lambda: self._open(self.table.currentIndex(), new=False))
        self.new_button.clicked.connect(lambda: self._open(self.table.currentIndex(), new=True))
        self.summary_button.clicked.connect(self.summary_requested)
        self.table.selectionModel().currentChanged.connect(self._update_buttons)
        self._retranslate()
        self._update_buttons()

    def show_commune(self, commune, rows: list[FormRow]) -> None:
        """Show a commune's forms; a refresh of the same commune keeps the selected form."""
        index = self.table.currentIndex()
        same = self.commune is not None and commune.code == self.commune.code and index.isValid()
        selected = self.proxy.index(index.row(), COLUMN_TITLE).data(ROW_ROLE).entry.form_id if same else None
        self.commune = commune
        self.model.set_rows(rows)
        if rows:
            self.table.selectRow(max(self.row_for(selected), 0) if selected else 0)
        self._retranslate()
        self._update_buttons()

    def row_for(self, form_id: str) -> int:
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, COLUMN_TITLE).data(ROW_ROLE).entry.form_id == form_id:
                return row
        return -1

    def select_form(self, form_id: str) -> None:
        self.table.selectRow(self.row_for(form_id))

    def _open(self, index: QModelIndex, *, new: bool) -> None:
        if not index.isValid():
            return
        row = self.proxy.index(index.row(), COLUMN_TITLE).data(ROW_ROLE)
        self.open_requested.emit(row.entry, None if new else row.record_id, new)

    def _update_buttons(self, *_args) -> None:
        index = self.table.currentIndex()
        row = self.proxy.index(index.row(), COLUMN_TITLE).data(ROW_ROLE) if index.isValid() else None
        self.open_button.setEnabled(row is not None)
        self.new_button.setEnabled(row is not None and row.record_id is not None)
        self.summary_button.setEnabled(self.model.has_submissions())

    def _retranslate(self) -> None:
        if self.commune is None:
            self.title.setText(self.tr("Pick a commune to see its forms."))
        else:
            self.title.setText(self.tr("Forms of {commune}, {province}").format(
                commune=self.commune.name, province=self.commune.province_name))
        self.open_button.setText(self.tr("&Open"))
        self.new_button.setText(self.tr("&New submission"))
        self.new_button.setToolTip(self.tr("Start another submission of this form for this commune"))
        self.summary_button.setText(self.tr("&Print summary…"))
        self.summary_button.setToolTip(self.tr("The working-visit record of this commune: preview, print, "
                                               "save as PDF"))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 1)
            self.model.dataChanged.emit(self.model.index(0, 0), self.model.index(self.model.rowCount() - 1, 1))
        super().changeEvent(event)
