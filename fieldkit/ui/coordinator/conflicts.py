"""Conflict review: the records in conflict; two of their heads side by side, field by
field, with who, when and which device made each; take left, take right or edit each
field; "Resolve" makes the resolution revision (parents: every head) via the service."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from fieldkit.services.conflicts import field_rows, labelled_conflicts, resolution
from fieldkit.ui import errors, labels, tasks
from fieldkit.ui.coordinator.columns import fit_columns
from fieldkit.ui.coordinator.common import (
    DARK_TEXT,
    DIFFERENT_BACKGROUND,
    HARD_BACKGROUND,
    ROW_ROLE,
    SORT_ROLE,
    RowsModel,
    confirm,
    count_text,
    device_text,
    hlc_text,
    selected_row,
)
from fieldkit.ui.proxies import rows_filter_change
from fieldkit.ui.tables import make_table

COLUMN_COMMUNE, COLUMN_FORM, COLUMN_KIND, COLUMN_HEADS, COLUMN_FIELDS = range(5)
FIELD_LABEL, FIELD_LEFT, FIELD_RIGHT, FIELD_RESULT = range(4)


class ConflictListModel(RowsModel):
    COLUMNS = 5

    def headers(self) -> tuple:
        return (self.tr("Commune"), self.tr("Form"), self.tr("Kind"), self.tr("Versions"),
                self.tr("Changed on both sides"))

    def display(self, conflict: dict, column: int):
        if column == COLUMN_KIND:
            return self.tr("hard") if conflict["kind"] == "hard" else self.tr("soft")
        if column == COLUMN_HEADS:
            return len(conflict["heads"])
        if column == COLUMN_FIELDS:
            names = [conflict["labels"].get(path, path) for path in conflict["fields"]]
            return ", ".join(names) + (self.tr(" (deleted on one side)") if conflict["delete"] else "")
        return conflict["commune_name"] if column == COLUMN_COMMUNE else conflict["form_title"]


class FieldsModel(RowsModel):
    """The side-by-side rows; the Result column is editable."""

    COLUMNS = 4

    def headers(self) -> tuple:
        return self.tr("Field"), self.tr("Left"), self.tr("Right"), self.tr("Result")

    def display(self, row, column: int):
        return (row.label, row.left, row.right, row.result)[column]

    def decorate(self, row, column: int, role):
        if role == Qt.ItemDataRole.BackgroundRole and row.different:
            return HARD_BACKGROUND if row.hard else DIFFERENT_BACKGROUND
        if role == Qt.ItemDataRole.ForegroundRole and row.different:
            return DARK_TEXT
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = row.path
            if row.hard:
                tip += "\n" + self.tr("Changed on both sides since their common version: choose.")
            return tip
        if role == Qt.ItemDataRole.EditRole and column == FIELD_RESULT:
            return row.result
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if index.isValid() and role == Qt.ItemDataRole.DisplayRole and index.column() == FIELD_LABEL:
            row = self.row_at(index.row())
            return f"⚠ {row.label}" if row.hard else row.label
        return super().data(index, role)

    def flags(self, index):
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsEditable if index.column() == FIELD_RESULT else flags

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != FIELD_RESULT:
            return False
        self.choose(index.row(), "edited", str(value))
        return True

    def choose(self, row_number: int, origin: str, value: str | None = None) -> None:
        row = self.row_at(row_number)
        row.origin = origin
        row.result = value if origin == "edited" else getattr(row, origin)
        self.dataChanged.emit(self.index(row_number, 0), self.index(row_number, self.COLUMNS - 1))


class DifferencesProxy(QSortFilterProxyModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.only_different = False

    def set_only_different(self, only: bool) -> None:
        with rows_filter_change(self):
            self.only_different = only

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:
        return not self.only_different or self.sourceModel().row_at(source_row).different


class ConflictPanel(QWidget):
    resolved = Signal(str)  # record id
    message = Signal(str)  # for the status bar

    def __init__(self, parent=None):
        super().__init__(parent)
        self.coordinator = self.survey = None
        self.conflict: dict | None = None
        self.list_model = ConflictListModel(self)
        self.list_proxy = QSortFilterProxyModel(self)
        self.list_proxy.setSourceModel(self.list_model)
        self.list_proxy.setSortRole(SORT_ROLE)
        self.list = make_table("conflict_list", self.list_proxy)
        fit_columns(self.list)
        self.fields = FieldsModel(self)
        self.fields_proxy = DifferencesProxy(self)
        self.fields_proxy.setSourceModel(self.fields)
        self.field_table = make_table("conflict_fields", self.fields_proxy, sortable=False)
        fit_columns(self.field_table)
        self.field_table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                         | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.left_box, self.right_box = QComboBox(), QComboBox()
        self.left_header, self.right_header = QLabel(), QLabel()
        self.only_different = QCheckBox()
        self.empty_label = QLabel()
        self.notice = QLabel()  # what the last resolution did, until the next one
        self.notice.setObjectName("conflict_notice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.confirm: QMessageBox | None = None
        self.buttons = {name: QPushButton() for name in ("left", "right", "edit", "all_left", "all_right", "resolve")}
        self._layout()
        self._connect()
        self._retranslate()
        self.show_conflict(None)

    def _layout(self) -> None:
        sides = QGridLayout()
        for column, (box, header) in enumerate(((self.left_box, self.left_header),
                                                (self.right_box, self.right_header))):
            header.setWordWrap(True)
            sides.addWidget(box, 0, column)
            sides.addWidget(header, 1, column)
        buttons = QHBoxLayout()
        buttons.addWidget(self.only_different)
        buttons.addStretch()
        for button in self.buttons.values():
            buttons.addWidget(button)
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.addLayout(sides)
        detail_layout.addWidget(self.field_table)
        detail_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.list)
        splitter.addWidget(detail)
        splitter.setSizes([160, 480])
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addWidget(self.empty_label)
        layout.addWidget(splitter)

    def _connect(self) -> None:
        self.list.selectionModel().selectionChanged.connect(lambda *_: self.show_conflict(selected_row(self.list)))
        self.left_box.currentIndexChanged.connect(self._compare)
        self.right_box.currentIndexChanged.connect(self._compare)
        self.only_different.toggled.connect(self.fields_proxy.set_only_different)
        self.buttons["left"].clicked.connect(lambda: self.take_selected("left"))
        self.buttons["right"].clicked.connect(lambda: self.take_selected("right"))
        self.buttons["all_left"].clicked.connect(lambda: self.take_all("left"))
        self.buttons["all_right"].clicked.connect(lambda: self.take_all("right"))
        self.buttons["edit"].clicked.connect(self.edit_selected)
        self.buttons["resolve"].clicked.connect(self.ask_resolve)

    def set_services(self, coordinator, survey) -> None:
        self.coordinator, self.survey = coordinator, survey

    # -- the list ------------------------------------------------------------------------------

    def reload(self) -> None:
        if self.coordinator is not None:
            tasks.run(labelled_conflicts, self.coordinator, self.survey, labels.ui_language()).then(
                self._loaded, lambda error: errors.show_error(self, self.tr("Could not read the conflicts."), error))

    def _loaded(self, conflicts: list) -> None:
        current = self.conflict["record_id"] if self.conflict else None
        self.list_model.set_rows(conflicts)
        self.empty_label.setText(self.tr("No conflicts: every record has one current version.") if not conflicts
                                 else count_text(len(conflicts), self.tr("{count} record in conflict"),
                                                 self.tr("{count} records in conflict")))
        shown = [self.list_proxy.index(row, 0).data(ROW_ROLE)["record_id"] for row in range(self.list_proxy.rowCount())]
        match = shown.index(current) if current in shown else 0 if conflicts else None  # keep the reviewer's place
        if match is None:
            self.show_conflict(None)
        else:
            self.list.selectRow(match)

    # -- one conflict, side by side -------------------------------------------------------------

    def show_conflict(self, conflict: dict | None) -> None:
        self.conflict = conflict
        heads = conflict["heads"] if conflict else []
        for box, default in ((self.left_box, 0), (self.right_box, len(heads) - 1)):
            box.blockSignals(True)
            box.clear()
            for number, head in enumerate(heads, start=1):
                box.addItem(self.tr("Version {number}: {device}").format(
                    number=number, device=device_text(head.get("device", ""), head["site_id"])), head["rev_id"])
            box.setCurrentIndex(max(default, 0))
            box.setVisible(len(heads) > 2)  # two heads: nothing to choose
            box.blockSignals(False)
        self._compare()

    def sides(self) -> tuple[dict | None, dict | None]:
        heads = {head["rev_id"]: head for head in (self.conflict or {}).get("heads", [])}
        return heads.get(self.left_box.currentData()), heads.get(self.right_box.currentData())

    def _compare(self, *_args) -> None:
        left, right = self.sides()
        self.fields.set_rows(field_rows(self.conflict, left, right) if left and right else [])
        self._show_headers()
        for button in self.buttons.values():
            button.setEnabled(bool(left and right) and left is not right)

    def _show_headers(self) -> None:
        left, right = self.sides()
        self.left_header.setText(self._header(left, self.tr("Left")))
        self.right_header.setText(self._header(right, self.tr("Right")))

    def _header(self, head: dict | None, side: str) -> str:
        if head is None:
            return ""
        text = self.tr("{side}: {author}, {time}, device {device}").format(
            side=side, author=head["author"] or "—", time=hlc_text(head["hlc"]),
            device=device_text(head.get("device", ""), head["site_id"]))
        if head["rev_id"] == self.conflict["winner"]:
            text += " — " + self.tr("shown now")
        return text + (" — " + self.tr("DELETED") if head["deleted"] else "")

    def take_selected(self, side: str) -> None:
        for index in self.field_table.selectionModel().selectedRows():
            self.fields.choose(self.fields_proxy.mapToSource(index).row(), side)

    def take_all(self, side: str) -> None:
        for row in range(self.fields.rowCount()):
            self.fields.choose(row, side)

    def edit_selected(self) -> None:
        rows = self.field_table.selectionModel().selectedRows()
        if rows:
            self.field_table.edit(rows[0].siblingAtColumn(FIELD_RESULT))

    def ask_resolve(self) -> None:
        """Resolve, once the reviewer confirms: a new version cannot be taken back here."""
        left, right = self.sides()
        if self.coordinator is None or not (left and right):
            return
        conflict = self.conflict
        self.confirm = confirm(
            self, name="resolve_confirmation", title=self.tr("Resolve the conflict"),
            text=self.tr("Save the Result column as the new version of “{form}” for {commune}?").format(
                form=conflict["form_title"], commune=conflict["commune_name"]),
            detail=self.tr("The versions in conflict stay in the record's history, but this cannot be undone "
                           "here: to change an answer afterwards, edit the record."),
            action=self.tr("&Resolve"), on_yes=self.resolve)

    def resolve(self) -> None:
        left, right = self.sides()
        if self.coordinator is None or not (left and right):
            return
        plan = resolution(self.fields.rows(), left, right)
        conflict = self.conflict
        self.buttons["resolve"].setEnabled(False)
        tasks.run(self.coordinator.resolve, conflict["record_id"], author=self.survey.author, **plan).then(
            lambda _revision: self._resolved(conflict),
            lambda error: errors.show_error(self, self.tr("Could not resolve the conflict."), error))

    def _resolved(self, conflict: dict) -> None:
        text = self.tr("Resolved: “{form}” for {commune} has one version again. The versions in conflict "
                       "stay in its history; there is no undo.").format(
            form=conflict["form_title"], commune=conflict["commune_name"])
        self.notice.setText(text)
        self.notice.show()
        self.message.emit(self.tr("Conflict resolved: {commune}.").format(commune=conflict["commune_name"]))
        self.resolved.emit(conflict["record_id"])
        self.reload()

    # -- language ------------------------------------------------------------------------------

    def _retranslate(self) -> None:
        texts = {"left": self.tr("Take &left"), "right": self.tr("Take &right"), "edit": self.tr("&Edit…"),
                 "all_left": self.tr("All from left"), "all_right": self.tr("All from right"),
                 "resolve": self.tr("Re&solve")}
        for name, text in texts.items():
            self.buttons[name].setText(text)
        self.buttons["resolve"].setToolTip(self.tr("Save the Result column as the record's new version"))
        self.only_different.setText(self.tr("Only fields that differ"))
        self.list_model.retranslate()
        self.fields.retranslate()
        if self.conflict is not None:
            self._show_headers()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
