"""Export the submissions: format, which ones (form, province, days, status), codes or
labels, where to; a progress bar while it runs on a worker, then what was written.
The export itself is fieldkit.reports.export: atomic, the store only read."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
)

from fieldkit.services.types import Status
from fieldkit.ui import errors, labels, tasks
from fieldkit.ui.reports.choices import Choices, fill_forms, fill_provinces, read_choices
from fieldkit.ui.reports.preview import save_folder

FORMATS = ("xlsx", "csv", "sqlite", "geojson", "json")
SUFFIXES = {"xlsx": ".xlsx", "csv": "", "sqlite": ".sqlite", "geojson": ".geojson", "json": ".json"}
STATUSES = (Status.DRAFT, Status.FINALIZED, Status.HAS_ERRORS)


def default_name(format: str, today: dt.date | None = None) -> str:
    return f"fieldkit-{(today or dt.date.today()).isoformat()}{SUFFIXES[format]}"


def with_suffix(path: str, format: str) -> str:
    """The destination given the format's suffix (a CSV export is a folder: none)."""
    if not path:
        return path
    target = Path(path)
    if target.suffix.lower() in set(SUFFIXES.values()) - {""}:
        target = target.with_suffix("")
    return str(target.with_name(target.name + SUFFIXES[format]))


def _day(check: QCheckBox, edit: QDateEdit) -> str | None:
    return edit.date().toString("yyyy-MM-dd") if check.isChecked() else None


class ExportDialog(QDialog):
    exported = Signal(object)  # the ExportResult

    def __init__(self, survey, parent=None):
        super().__init__(parent)
        self.setObjectName("export_dialog")
        self.survey = survey
        self.running = False
        self.result = None
        self.choices: Choices | None = None
        self._make_fields()
        self.outcome = QLabel()
        self.outcome.setObjectName("export_result")
        self.outcome.setWordWrap(True)
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.setObjectName("export_start")
        self.export_button.clicked.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        self.relay = tasks.Progress(self)
        self.relay.progressed.connect(self._progressed, Qt.ConnectionType.QueuedConnection)
        self.field_labels = [QLabel() for _label in range(6)]
        self._lay_out()
        for format in FORMATS:
            self.format_box.addItem("", format)
        self.format_box.currentIndexChanged.connect(self._format_changed)
        self.destination.setText(str(self._folder() / default_name(self.format_box.currentData())))
        self._retranslate()
        tasks.run(read_choices, survey).then(self._choices_read, self._read_failed)

    def _make_fields(self) -> None:
        self.format_box, self.form_box, self.province_box, self.status_box = (QComboBox() for _box in range(4))
        for box, name in ((self.format_box, "export_format"), (self.form_box, "export_form"),
                          (self.province_box, "export_province"), (self.status_box, "export_status")):
            box.setObjectName(name)
        self.from_check, self.to_check = QCheckBox(), QCheckBox()
        self.from_date, self.to_date = QDateEdit(QDate.currentDate()), QDateEdit(QDate.currentDate())
        for edit in (self.from_date, self.to_date):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
        self.from_check.toggled.connect(self.from_date.setEnabled)
        self.to_check.toggled.connect(self.to_date.setEnabled)
        self.labels_check = QCheckBox()
        self.labels_check.setObjectName("export_labels")
        self.destination = QLineEdit()
        self.destination.setObjectName("export_destination")
        self.browse_button = QPushButton()
        self.browse_button.clicked.connect(self.choose_destination)
        self.progress = QProgressBar()
        self.progress.setObjectName("export_progress")

    def _lay_out(self) -> None:
        dates = QHBoxLayout()
        for widget in (self.from_check, self.from_date, self.to_check, self.to_date):
            dates.addWidget(widget)
        dates.addStretch()
        destination = QHBoxLayout()
        destination.addWidget(self.destination, 1)
        destination.addWidget(self.browse_button)
        fields = QFormLayout()
        rows = (self.format_box, self.form_box, self.province_box, dates, self.status_box, destination)
        for label, field in zip(self.field_labels, rows, strict=True):
            fields.addRow(label, field)
        fields.addRow("", self.labels_check)
        layout = QVBoxLayout(self)
        layout.addLayout(fields)
        layout.addWidget(self.progress)
        layout.addWidget(self.outcome)
        layout.addWidget(self.buttons)

    @staticmethod
    def _folder() -> Path:
        return save_folder()

    # -- choices ---------------------------------------------------------------------------------

    def _choices_read(self, choices: Choices) -> None:
        self.choices = choices
        self._fill_choices()

    def _fill_choices(self) -> None:
        fill_forms(self.form_box, self.choices.forms, everything=self.tr("All forms"))
        fill_provinces(self.province_box, self.choices.provinces, everything=self.tr("All provinces"))

    def _read_failed(self, error: BaseException) -> None:
        errors.show_error(self, self.tr("Could not read the provinces and forms."), error)

    def _format_changed(self) -> None:
        self.destination.setText(with_suffix(self.destination.text().strip(), self.format_box.currentData()))

    def choose_destination(self) -> None:
        format = self.format_box.currentData()
        name_filter = (self.tr("A new folder for the CSV files (*)") if format == "csv"
                       else f"{self.format_box.currentText()} (*{SUFFIXES[format]})")
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Export to"), self.destination.text(), name_filter)
        if path:
            self.destination.setText(with_suffix(path, format))

    # -- running -----------------------------------------------------------------------------------

    def filters(self) -> dict:
        """The export's keyword arguments, as the form shows them."""
        return {"format": self.format_box.currentData(), "out": Path(self.destination.text().strip()),
                "form_id": self.form_box.currentData(), "province": self.province_box.currentData(),
                "date_from": _day(self.from_check, self.from_date), "date_to": _day(self.to_check, self.to_date),
                "status": self.status_box.currentData(), "labels": self.labels_check.isChecked(),
                "lang": labels.ui_language()}

    def start(self) -> None:
        from fieldkit.reports.export import export_submissions

        if self.running:
            return
        if not self.destination.text().strip():
            self._show_problem(self.tr("Choose where to write the export."))
            return
        self._set_running(True)
        self.progress.setRange(0, 0)  # busy until the first count arrives
        self.outcome.setText(self.tr("Exporting…"))
        task = tasks.run(export_submissions, self.survey, **self.filters(), progress=self.relay,
                         description="export")
        task.then(self._finished, self._failed)
        task.finished.connect(lambda: self._set_running(False))

    def _progressed(self, values: tuple) -> None:
        done, total = values
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done if total else 1)

    def _finished(self, result) -> None:
        self.result = result
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.outcome.setStyleSheet("")
        self.outcome.setText(self.tr("Exported {count} submissions to {path}").format(
            count=result.submissions, path=result.path) + "\n" + ", ".join(
            f"{name}: {count}" for name, count in result.rows.items()))
        self.exported.emit(result)

    def _failed(self, error: BaseException) -> None:
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        if errors.is_store_error(error):  # a refusal or a write fault: said in the dialog, nothing written
            self._show_problem(errors.message(error))
        else:
            self.outcome.setText(self.tr("The export stopped."))
            errors.show_error(self, self.tr("The export stopped."), error)

    def _show_problem(self, text: str) -> None:
        self.outcome.setStyleSheet("color: #c62828")
        self.outcome.setText(text)

    def _set_running(self, running: bool) -> None:
        self.running = running
        self.export_button.setEnabled(not running)
        self.browse_button.setEnabled(not running)

    def reject(self) -> None:
        if not self.running:  # closing mid-way would hide the result; the export finishes first
            super().reject()

    # -- language ----------------------------------------------------------------------------------

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Export data"))
        names = (self.tr("Excel workbook (.xlsx)"), self.tr("CSV files in a folder"), self.tr("SQLite database"),
                 self.tr("GeoJSON (map points)"), self.tr("JSON"))
        for index, name in enumerate(names):
            self.format_box.setItemText(index, name)
        texts = (self.tr("Format:"), self.tr("Form:"), self.tr("Province:"), self.tr("Last changed:"),
                 self.tr("Status:"), self.tr("Write to:"))
        for label, text in zip(self.field_labels, texts, strict=True):
            label.setText(text)
        self.from_check.setText(self.tr("from"))
        self.to_check.setText(self.tr("to"))
        self.labels_check.setText(self.tr("Choice labels instead of codes"))
        self.browse_button.setText(self.tr("&Choose…"))
        self.export_button.setText(self.tr("&Export"))
        current = self.status_box.currentIndex()
        self.status_box.clear()
        self.status_box.addItem(self.tr("Any status"), None)
        for status in STATUSES:
            self.status_box.addItem(labels.status_text(status), status)
        self.status_box.setCurrentIndex(max(current, 0))
        if self.choices is not None:
            self._fill_choices()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
