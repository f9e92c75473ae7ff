"""Duplicate-visit review: live records of the same commune and form, from different
records (two laptops surveyed the same commune). The coordinator keeps both (the group
is marked reviewed) or marks one a duplicate of another, after a question, and can undo
it right after; nothing is deleted or merged (DESIGN.md §4: equal natural keys are
flagged, never merged silently)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from fieldkit.ui import errors, labels, tasks
from fieldkit.ui.coordinator.columns import fit_columns
from fieldkit.ui.coordinator.common import SORT_ROLE, RowsModel, confirm, hlc_text, selected_row
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


def visit_text(row: dict) -> str:
    """Who made the record, when it last changed, and its id's start: tells visits apart."""
    return QCoreApplication.translate("DuplicatesPanel", "{author} ({time}, record {record})").format(
        author=row["author"] or "—", time=hlc_text(row["updated"]), record=row["record_id"][:8])


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
    message = Signal(str)  # for the status bar

    def __init__(self, parent=None):
        super().__init__(parent)
        self.coordinator = self.survey = None
        self.model = DuplicatesModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = make_table("duplicate_groups", self.proxy)
        fit_columns(self.table)
        self.table.sortByColumn(COLUMN_GROUP, Qt.SortOrder.AscendingOrder)
        self.summary, self.of_label = QLabel(), QLabel()
        self.notice = QLabel()  # what the last review did, with its undo
        self.notice.setObjectName("duplicate_notice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.undo_button = QPushButton()
        self.undo_button.setObjectName("undo_duplicate_review")
        self.undo_button.hide()
        self.undo: tuple[list[str], dict] | None = None  # the records last marked, and a row of their group
        self.confirm: QMessageBox | None = None
        self.original_box = QComboBox()
        self.original_box.setObjectName("duplicate_of")
        self.original_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.keep_button, self.mark_button = QPushButton(), QPushButton()
        self._layout()
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.keep_button.clicked.connect(self.ask_keep_both)
        self.mark_button.clicked.connect(self.ask_mark_duplicate)
        self.undo_button.clicked.connect(self.undo_last)
        self._retranslate()
        self._selected()

    def _layout(self) -> None:
        notice = QHBoxLayout()
        notice.addWidget(self.notice, 1)
        notice.addWidget(self.undo_button)
        buttons = QHBoxLayout()
        for widget in (self.keep_button, self.mark_button, self.of_label, self.original_box):
            buttons.addWidget(widget)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(notice)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def set_services(self, coordinator, survey) -> None:
        self.coordinator, self.survey = coordinator, survey

    def reload(self) -> None:
        if self.coordinator is not None:
            tasks.run(load_duplicates, self.coordinator, self.survey, labels.ui_language()).then(
                self._loaded, lambda error: errors.show_error(self, self.tr("Could not read the records."), error))

    def _loaded(self, rows: list) -> None:
        self.model.set_rows(rows)
        groups = len({row["group"] for row in rows})
        if not groups:
            text = self.tr("No possible duplicate visits to review.")
        elif groups == 1:
            text = self.tr("1 group of possible duplicate visits (same commune and form)")
        else:
            text = self.tr("{count} groups of possible duplicate visits (same commune and form)").format(count=groups)
        self.summary.setText(text)
        self._selected()

    def group_of(self, row: dict) -> list[dict]:
        return [other for other in self.model.rows() if other["group"] == row["group"]]

    def _selected(self, *_args) -> None:
        row = selected_row(self.table)
        self.original_box.clear()
        for other in self.group_of(row) if row else []:
            if other["record_id"] != row["record_id"]:
                self.original_box.addItem(visit_text(other), other["record_id"])
        self.keep_button.setEnabled(row is not None)
        self.mark_button.setEnabled(row is not None and self.original_box.count() > 0)

    # -- asking, then marking --------------------------------------------------------------

    def ask_keep_both(self) -> None:
        """Every record of the group reviewed and kept (after a question): the group leaves the list."""
        row = selected_row(self.table)
        if row is None:
            return
        group = self.group_of(row)
        self.confirm = confirm(
            self, name="keep_confirmation", title=self.tr("Keep both visits"),
            text=self.tr("Keep the {count} visits of “{form}” to {commune} as separate visits?").format(
                count=len(group), form=row["form_title"], commune=row["commune_name"]),
            detail=self.tr("They leave this list and all count in the summaries; nothing is deleted. You can "
                           "undo this right after."),
            action=self.tr("&Keep them"),
            on_yes=lambda: self._mark([(member["record_id"], None) for member in group], row, self.tr(
                "Kept the {count} visits of “{form}” to {commune} as separate visits.").format(
                count=len(group), form=row["form_title"], commune=row["commune_name"])))

    def ask_mark_duplicate(self) -> None:
        row = selected_row(self.table)
        original = next((other for other in self.model.rows()
                         if other["record_id"] == self.original_box.currentData()), None)
        if row is None or original is None:
            return
        self.confirm = confirm(
            self, name="duplicate_confirmation", title=self.tr("Mark as duplicate"),
            text=self.tr("Mark the visit by {visit} to {commune} as a duplicate of the visit by {original}?").format(
                visit=visit_text(row), commune=row["commune_name"], original=visit_text(original)),
            detail=self.tr("The duplicate is kept, but left out of summaries and exports. You can undo this "
                           "right after."),
            action=self.tr("&Mark as duplicate"),
            on_yes=lambda: self._mark([(row["record_id"], original["record_id"])], row, self.tr(
                "Marked the visit by {visit} to {commune} as a duplicate: it is left out of summaries and "
                "exports.").format(visit=visit_text(row), commune=row["commune_name"])))

    def _mark(self, marks: list[tuple[str, str | None]], row: dict, done: str) -> None:
        author = self.survey.author

        def write():
            for record_id, original in marks:
                self.coordinator.mark_duplicate(record_id, duplicate_of=original, author=author)

        tasks.run(write, description="mark duplicates").then(
            lambda _result: self._reviewed(done, row, [record_id for record_id, _original in marks]),
            lambda error: errors.show_error(self, self.tr("Could not save the review."), error))

    def _reviewed(self, text: str, row: dict, marked: list[str] | None) -> None:
        """Say what was done (whole here, short in the status bar); `marked`: what Undo takes back."""
        self.undo = (marked, row) if marked else None
        self.notice.setText(text)
        self.notice.show()
        self.undo_button.setVisible(self.undo is not None)
        short = self.tr("Review saved: {commune}.") if marked else self.tr("Review undone: {commune}.")
        self.message.emit(short.format(commune=row["commune_name"]))
        self.changed.emit()
        self.reload()

    def undo_last(self) -> None:
        if self.undo is None:
            return
        record_ids, row = self.undo
        tasks.run(self.coordinator.unmark_duplicates, record_ids).then(
            lambda _result: self._reviewed(self.tr("Undone: the visits of “{form}” to {commune} are to review "
                                                   "again.").format(form=row["form_title"],
                                                                    commune=row["commune_name"]), row, None),
            lambda error: errors.show_error(self, self.tr("Could not undo the review."), error))

    def _retranslate(self) -> None:
        self.keep_button.setText(self.tr("&Keep both"))
        self.keep_button.setToolTip(self.tr("Different visits: keep every record of this group"))
        self.mark_button.setText(self.tr("&Mark selected as duplicate"))
        self.undo_button.setText(self.tr("&Undo"))
        self.of_label.setText(self.tr("of:"))
        self.model.retranslate()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
