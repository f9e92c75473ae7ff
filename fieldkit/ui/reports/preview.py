"""A summary on screen as it will print: page by page, zoom, print, save as PDF.

Laying out pages paints with Qt, so it happens on the GUI thread (a summary takes a
fraction of a second); writing the PDF file goes to a worker (fieldkit.ui.tasks), so a
slow USB stick never freezes the window.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QStandardPaths, Qt, Signal
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import QDialog, QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from fieldkit import paths
from fieldkit.reports.document import Document
from fieldkit.ui import errors, memory, printing, tasks

# Written out in translate("PdfSave", ...) calls so pyside6-lupdate finds them.
translate = QCoreApplication.translate


def new_printer(document: Document) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(printing.page_layout(document))
    printer.setDocName(document.title)
    return printer


def suggested_file_name(title: str) -> str:
    """The title as a file name: what file systems refuse replaced, diacritics kept."""
    name = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "-", title).strip(" .-") or "fieldkit"
    return f"{name}.pdf"


def save_folder() -> Path:
    """Where a save dialog starts: the kit's documents/ in a portable kit (made when
    missing), else the person's Documents."""
    kit_documents = paths.kit_documents_dir()
    if kit_documents is not None:
        try:
            kit_documents.mkdir(exist_ok=True)
            return kit_documents
        except OSError:  # a read-only stick: the dialog says so when the file is written
            return kit_documents.parent
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or Path.home())


def ask_pdf_path(parent: QWidget, document: Document) -> Path | None:
    """The file the person picks for the PDF (None: cancelled); ".pdf" added if missing."""
    folder = save_folder()
    path, _filter = QFileDialog.getSaveFileName(
        parent, translate("PdfSave", "Save as PDF"), str(folder / suggested_file_name(document.title)),
        translate("PdfSave", "PDF files (*.pdf)"))
    if not path:
        return None
    return Path(path if path.lower().endswith(".pdf") else f"{path}.pdf")


def open_print_dialog(parent: QWidget, document: Document, printer: QPrinter) -> QPrintDialog:
    """The system's print dialog, window-modal without a nested event loop; OK prints.
    The caller keeps the dialog and the printer: the dialog only points at the printer."""
    dialog = QPrintDialog(printer, parent)
    dialog.setObjectName("print_dialog")
    printing.release_with(dialog, printer)
    dialog.accepted.connect(lambda: print_or_say_why(parent, document, printer))
    # QPrintDialog.open() in PySide6 wants a receiver and a slot: show it window-modal instead.
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.show()
    return dialog


def print_or_say_why(parent: QWidget, document: Document, printer: QPrinter) -> None:
    try:
        printing.print_document(document, printer)
    except printing.PrintError as error:  # no printer, or it went away: said, not a crash
        errors.show_fault(parent, translate("PdfSave", "Could not print."), error)


def save_document(parent: QWidget, document: Document, path: Path) -> tasks.Task:
    """Render now, write on a worker; the task succeeds with the path, or fails with a
    PrintError (shown to the person here, so callers only update their status)."""
    data, _pages = printing.render_pdf(document)
    task = tasks.run(printing.save_pdf, data, path, description="save_pdf")
    task.failed.connect(lambda error: errors.show_fault(
        parent, translate("PdfSave", "The PDF could not be saved."), error))
    task.finished.connect(memory.release_soon)  # the PDF's pages, laid out at 300 dpi
    return task


class PreviewDialog(QDialog):
    """Emits `saved(path)` when a PDF has been written."""

    saved = Signal(object)

    def __init__(self, document: Document, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("summary_preview")
        self.document = document
        self.pages = 0
        self.print_dialog: QPrintDialog | None = None
        self.printer = new_printer(document)
        printing.release_with(self, self.printer)  # with its pages, once this dialog is deleted
        self.preview = QPrintPreviewWidget(self.printer, self)
        self.preview.setObjectName("preview_pages")
        self.preview.paintRequested.connect(self._paint)
        self.status = QLabel()
        self.status.setObjectName("preview_status")
        self.print_button, self.save_button, self.close_button = QPushButton(), QPushButton(), QPushButton()
        self.print_button.setObjectName("preview_print")
        self.save_button.setObjectName("preview_save_pdf")
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self.save_pdf)
        self.close_button.clicked.connect(self.close)
        self._lay_out()
        self._retranslate()
        self.resize(900, 1000)  # a page and a half, where the screen has room (fieldkit.ui.screen_fit)

    def _lay_out(self) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        for button in (self.print_button, self.save_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview, 1)
        layout.addLayout(buttons)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.preview.fitToWidth()

    def _paint(self, printer: QPrinter) -> None:
        self.pages = printing.print_document(self.document, printer)
        self.status.setText(self.tr("{pages} pages").format(pages=self.pages))

    def print_document(self) -> None:
        if self.print_dialog is None:
            self.print_dialog = open_print_dialog(self, self.document, self.printer)
        else:
            self.print_dialog.show()

    def save_pdf(self) -> None:
        path = ask_pdf_path(self, self.document)
        if path is None:
            return
        self.save_button.setEnabled(False)
        self.status.setText(self.tr("Saving {path}…").format(path=path))
        task = save_document(self, self.document, path)
        task.succeeded.connect(self._saved)
        task.failed.connect(lambda _error: self.status.setText(self.tr("The PDF was not saved.")))
        task.finished.connect(lambda: self.save_button.setEnabled(True))

    def _saved(self, path: Path) -> None:
        self.status.setText(self.tr("Saved {path}").format(path=path))
        self.saved.emit(path)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Print preview: {title}").format(title=self.document.title))
        self.print_button.setText(self.tr("&Print…"))
        self.save_button.setText(self.tr("Save as P&DF…"))
        self.close_button.setText(self.tr("&Close"))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
