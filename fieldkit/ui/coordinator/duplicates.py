"""Duplicate-visit review: live records of the same commune and form, from different
records (two laptops surveyed the same commune). The coordinator keeps both (the group
is marked reviewed) or marks one a duplicate of another; nothing is deleted or merged
(DESIGN.md §4: equal natural keys are flagged, never merged silently)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from fieldkit.ui import errors, labels, tasks
from fieldkit.ui.coordinator.common import SORT_ROLE, RowsModel, hlc_text, selected_row
from fieldkit.ui.tables import make_table

(COLUMN_GROUP, COLUMN_COMMUNE, COLUMN_FORM, COLUMN_AUTHOR, COLUMN_UPDATED, COLUMN_STATUS,
 COLUMN_RECORD) = range(7)


def load_duplicates(coordinator, survey, lang: str) -> list[dict]:
    """On a worker: one row per record of every group, with names, status and group number."""
    groups = coordinator.duplicates()
    known = {row.record_id: row for row in survey.submissions(lang=lang)} if groups else {}
    rows = []
    for number, group in enumerate(groups, start=1):
        for member in group:
            listed = known.get(member.record_id)
            rows.append({"record_id": member.record_id, "form_id": member.form_id, "commune": member.commune,
                         "author": member.author, "updated": member.updated, "group": number,
                         "commune_name": listed.commune_name if listed else member.commune,
                         "form_title": listed.form_title if listed else member.form_id,
                         "status": listed.status if listed else ""})
    return rows


class DuplicatesModel(RowsModel):
    COLUMNS = 7

    def headers(self) -> tuple:
        return (self.tr("Group"), self.tr("Commune"), self.tr("Form"), self.tr("Author"), self.tr("Updated"),
                self.tr("Status"), self.tr("Record"))

    def display(self, row: dict, column: int):
        return (row["group"], row["commune_name"], row["form_title"], row["author"], hlc_text(row["updated"]),
                labels.status_text(row["status"]), row["record_id"][:8])[column]

    def sort_value(self, row: dict, column: int):
        if column == COLUMN_UPDATED:
            return row["updated"]
        return super().sort_value(row, column)


class DuplicatesPanel(QWidget):
    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.coordinator = self.survey = None
        self.model = DuplicatesModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = make_table("duplicate_groups", self.proxy)
        self.table.sortByColumn(COLUMN_GROUP, Qt.SortOrder.AscendingOrder)
        self.summary, self.of_label = QLabel(), QLabel()
        self.original_box = QComboBox()
        self.original_box.setObjectName("duplicate_of")
        self.keep_button, self.mark_button = QPushButton(), QPushButton()
        buttons = QHBoxLayout()
        for widget in (self.keep_button, self.mark_button, self.of_label, self.original_box):
            buttons.addWidget(widget)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.keep_button.clicked.connect(self.keep_both)
        self.mark_button.clicked.connect(self.mark_duplicate)
        self._retranslate()
        self._selected()

    def set_services(self, coordinator, survey) -> None:
        self.coordinator, self.survey = coordinator, survey

    def reload(self) -> None:
        if self.coordinator is not None:
            tasks.run(load_duplicates, self.coordinator, self.survey, labels.ui_language()).then(
                self._loaded, lambda error: errors.show_error(self, self.tr("Could not read the records."), error))

    def _loaded(self, rows: list) -> None:
        self.model.set_rows(rows)
        groups = len({row["group"] for row in rows})
        self.summary.setText(self.tr("{count} groups of possible duplicate visits (same commune and form)").format(
            count=groups) if groups else self.tr("No possible duplicate visits to review."))
        self._selected()

    def group_of(self, row: dict) -> list[dict]:
        return [other for other in self.model.rows() if other["group"] == row["group"]]

    def _selected(self, *_args) -> None:
        row = selected_row(self.table)
        self.original_box.clear()
        for other in self.group_of(row) if row else []:
            if other["record_id"] != row["record_id"]:
                self.original_box.addItem(f"{other['author']} — {hlc_text(other['updated'])} — "
                                          f"{other['record_id'][:8]}", other["record_id"])
        self.keep_button.setEnabled(row is not None)
        self.mark_button.setEnabled(row is not None and self.original_box.count() > 0)

    def keep_both(self) -> None:
        """Every record of the group reviewed and kept: the group leaves the list."""
        row = selected_row(self.table)
        if row is not None:
            self._mark([(member["record_id"], None) for member in self.group_of(row)])

    def mark_duplicate(self) -> None:
        row = selected_row(self.table)
        original = self.original_box.currentData()
        if row is not None and original:
            self._mark([(row["record_id"], original)])

    def _mark(self, marks: list[tuple[str, str | None]]) -> None:
        author = self.survey.author

        def write():
            for record_id, original in marks:
                self.coordinator.mark_duplicate(record_id, duplicate_of=original, author=author)

        tasks.run(write, description="mark duplicates").then(
            lambda _result: (self.changed.emit(), self.reload()),
            lambda error: errors.show_error(self, self.tr("Could not save the review."), error))

    def _retranslate(self) -> None:
        self.keep_button.setText(self.tr("&Keep both"))
        self.keep_button.setToolTip(self.tr("Different visits: keep every record of this group"))
        self.mark_button.setText(self.tr("&Mark selected as duplicate"))
        self.of_label.setText(self.tr("of:"))
        self.model.retranslate()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
