"""Building a summary off the GUI thread, then showing it: the preview, the print dialog
or a PDF file. The commune view and the coordinator's summaries panel both use it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from fieldkit.reports.errors import ReportError
from fieldkit.ui import errors, labels, tasks

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrintDialog

    from fieldkit.ui.reports.preview import PreviewDialog

PREVIEW, PRINT, SAVE_PDF = "preview", "print", "save_pdf"


class SummaryRunner(QObject):
    """`busy(bool)` while a summary is being built; `message(str)` for a status line."""

    busy = Signal(bool)
    message = Signal(str)
    saved = Signal(object)  # the path of a PDF written

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.window = parent
        self.reports = None
        self.preview: PreviewDialog | None = None
        self.print_dialog: QPrintDialog | None = None
        self.printer = None  # the print dialog's: it must outlive the dialog
        self.refusal: QMessageBox | None = None

    def set_service(self, survey) -> None:
        from fieldkit.reports.service import ReportService

        self.reports = ReportService(survey)

    # drafts: the latest saved version of each submission instead of the last finalized one
    def commune(self, code: str, action: str = PREVIEW, *, drafts: bool = False) -> None:
        self._build(action, "commune_summary", code, drafts=drafts)

    def province(self, code: str, action: str = PREVIEW, *, drafts: bool = False) -> None:
        self._build(action, "province_summary", code, drafts=drafts)

    def national(self, action: str = PREVIEW, *, drafts: bool = False) -> None:
        self._build(action, "national_summary", drafts=drafts)

    def form(self, form_id: str, province: str | None = None, action: str = PREVIEW, *, drafts: bool = False) -> None:
        self._build(action, "form_summary", form_id, province=province, drafts=drafts)

    def _build(self, action: str, method: str, *args, **keywords) -> None:
        if self.reports is None:
            return
        self.busy.emit(True)
        self.message.emit(self.tr("Preparing the summary…"))
        task = tasks.run(getattr(self.reports, method), *args, lang=labels.ui_language(), **keywords,
                         description=method)
        task.then(lambda document: self._show(document, action), self._failed)
        task.finished.connect(lambda: self.busy.emit(False))

    def _show(self, document, action: str) -> None:
        # Qt's print support and the renderer load with the first summary, not at start-up.
        from fieldkit.ui.reports.preview import PreviewDialog, new_printer, open_print_dialog

        self.message.emit("")
        if action == PREVIEW:
            self.preview = PreviewDialog(document, self.window)
            self.preview.saved.connect(self.saved)
            self.preview.open()
        elif action == PRINT:
            if self.print_dialog is not None:
                self.print_dialog.deleteLater()  # the last summary's, and with it its printer
            self.printer = new_printer(document)
            self.print_dialog = open_print_dialog(self.window, document, self.printer)
        else:
            self._save(document)

    def _save(self, document) -> None:
        from fieldkit.ui.reports.preview import ask_pdf_path, save_document

        path = ask_pdf_path(self.window, document)
        if path is None:
            return
        task = save_document(self.window, document, path)
        task.succeeded.connect(lambda saved: self.message.emit(self.tr("Saved {path}").format(path=saved)))
        task.succeeded.connect(self.saved)

    def _failed(self, error: BaseException) -> None:
        self.message.emit("")
        if isinstance(error, ReportError):  # nothing to summarise yet: not a fault
            self.refusal = QMessageBox(QMessageBox.Icon.Information, self.tr("No summary"),
                                       error.text(labels.ui_language()), QMessageBox.StandardButton.Ok, self.window)
            self.refusal.setObjectName("summary_refused")
            self.refusal.open()
            return
        errors.show_error(self.window, self.tr("The summary could not be made."), error)
