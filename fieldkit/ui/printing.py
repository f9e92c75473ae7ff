"""The one renderer of summaries: a `Document` laid out on A4 pages with the shipped
Noto Sans, for PDF files, the printer and the print preview alike.

Needs a QGuiApplication only (the command line starts one offscreen); no widgets.
A PDF is built in memory and then written atomically, so a full disk, a read-only folder
or a pulled USB stick never leaves a partial file behind.
"""

from __future__ import annotations

import errno
import os
import sys
from contextlib import contextmanager
from pathlib import Path

import shiboken6
from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QMarginsF,
    QObject,
    QRectF,
    QSizeF,
    Qt,
    QTimer,
    QUrl,
)
from PySide6.QtGui import (
    QFont,
    QGuiApplication,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from fieldkit.files import atomic_write
from fieldkit.reports.document import Document
from fieldkit.ui.fonts import font_family
from fieldkit.ui.translators import Translators

MARGINS_MM = QMarginsF(18, 15, 15, 15)  # left a little wider: summaries get stapled
BODY_POINT_SIZE = 10.0
FOOTER_POINT_SIZE = 8.0
PDF_RESOLUTION = 300  # dots per inch of the layout: ample for text, keeps chart images sharp


# The application made for the command line, kept for the life of the process.
_application: QGuiApplication | None = None


class PrintError(Exception):
    """A PDF that could not be written; the message says where and what to do."""

    def __init__(self, message: str, *, path: Path):
        super().__init__(message)
        self.path = path


# Each string is written out in a translate("Printing", ...) call so pyside6-lupdate finds it.
translate = QCoreApplication.translate


def ensure_application() -> QGuiApplication:
    """The running application (the window, tests), else a QGuiApplication for the
    command line: offscreen when there is no display to talk to."""
    global _application
    application = QGuiApplication.instance()
    if application is None:
        if not _has_display():
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        application = _application = QGuiApplication(sys.argv[:1])
    return application


def _has_display() -> bool:
    if sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


@contextmanager
def language(lang: str):
    """Qt's catalogue in `lang` while rendering (page numbers, errors); a shared
    application (the window, tests) gets its own language back afterwards."""
    application = QGuiApplication.instance()
    previous = application.property("fieldkit_language")
    Translators(application).install(lang)
    try:
        yield
    finally:
        if previous != lang:
            Translators(application).install(previous or "en")


def page_layout(document: Document) -> QPageLayout:
    orientation = QPageLayout.Orientation.Landscape if document.landscape else QPageLayout.Orientation.Portrait
    return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), orientation, MARGINS_MM, QPageLayout.Unit.Millimeter)


def _text_document(document: Document, device: QPagedPaintDevice) -> QTextDocument:
    text = QTextDocument()
    text.setDefaultFont(_font(BODY_POINT_SIZE))
    text.setDocumentMargin(0)  # the page margins are the margins
    text.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, document.title)
    for name, data in document.images.items():
        text.addResource(QTextDocument.ResourceType.ImageResource.value, QUrl(name), QImage.fromData(data))
    # Laid out for the device itself, so point sizes and images scale to its resolution.
    # PySide hands the device to C++ here, so Python never frees it: see `release`.
    text.documentLayout().setPaintDevice(device)
    text.setHtml(document.html)
    return text


def _font(point_size: float) -> QFont:
    font = QFont(font_family())
    font.setPointSizeF(point_size)
    return font


def _footer_text(page: int, pages: int) -> str:
    return translate("Printing", "Page {page}/{pages}").format(page=page, pages=pages)


def _paint_pages(text: QTextDocument, painter: QPainter, device: QPagedPaintDevice) -> int:
    area = device.pageLayout().paintRectPixels(device.logicalDpiY())
    footer_font = _font(FOOTER_POINT_SIZE)
    footer_height = 2.5 * FOOTER_POINT_SIZE * device.logicalDpiY() / 72
    body = QSizeF(area.width(), area.height() - footer_height)
    text.setPageSize(body)
    pages = text.pageCount()
    for index in range(pages):
        if index:
            device.newPage()
        painter.save()
        painter.translate(0, -index * body.height())
        text.drawContents(painter, QRectF(0, index * body.height(), body.width(), body.height()))
        painter.restore()
        painter.setFont(QFont(footer_font, device))
        footer = QRectF(0, body.height(), body.width(), footer_height)
        painter.drawText(footer, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom),
                         _footer_text(index + 1, pages))
    return pages


def print_document(document: Document, printer: QPagedPaintDevice) -> int:
    """Lay the document out on the printer's pages as they are set up (the print dialog
    or the preview may have changed them) and paint it. Returns the page count."""
    text = _text_document(document, printer)
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError(translate("Printing", "The printer could not be started."), path=Path(document.title))
    try:
        return _paint_pages(text, painter, printer)
    finally:
        painter.end()


def render_pdf(document: Document) -> tuple[bytes, int]:
    """The document as a PDF in memory, and its page count. Paints with Qt: call it where
    the QGuiApplication lives (the GUI thread); `save_pdf` may then run on a worker."""
    buffer = QBuffer()
    buffer.setData(QByteArray())
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_RESOLUTION)
    writer.setPageLayout(page_layout(document))
    writer.setTitle(document.title)
    writer.setCreator("fieldkit")
    try:
        pages = print_document(document, writer)
    finally:
        release(writer)
    buffer.close()
    return bytes(buffer.data().data()), pages


def release(device: QPagedPaintDevice) -> None:
    """Free a printer or PDF writer that has been printed on. Laying a document out for
    it hands it to C++ (`setPaintDevice`), and nothing there deletes it: a preview's
    printer would keep all its pages, about 9 MB a preview, for the rest of the day."""
    if shiboken6.isValid(device):
        shiboken6.delete(device)


def release_with(owner: QObject, device: QPagedPaintDevice) -> None:
    """Free `device` once `owner` (the dialog that shows or prints it) is deleted, after
    its children are gone too: they may still point at the device while they go."""
    owner.destroyed.connect(lambda *_args: QTimer.singleShot(0, lambda: release(device)))


def write_pdf(document: Document, path: str | os.PathLike) -> int:
    """Write the document as a PDF at `path`, atomically; returns the page count.
    On failure raises PrintError and leaves no partial file."""
    data, pages = render_pdf(document)
    save_pdf(data, path)
    return pages


def save_pdf(data: bytes, path: str | os.PathLike) -> Path:
    """Write PDF bytes at `path`: a temp file beside it, fsync, then rename over it."""
    target = Path(path)
    try:
        atomic_write(target, data)
    except OSError as error:
        raise PrintError(_write_error_message(target, error), path=target) from error
    return target


def _write_error_message(target: Path, error: OSError) -> str:
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        text = translate("Printing", "The disk is full: {path} could not be written. "
                                     "Free some space or choose another place.")
    elif error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        text = translate("Printing", "{path} cannot be written: the folder is read-only or you may not "
                                     "write there. Choose another folder.")
    elif error.errno == errno.ENOENT:
        text = translate("Printing", "{path} cannot be written: the folder does not exist (a removed USB drive?).")
    else:
        text = translate("Printing", "{path} could not be written ({detail}).")
    return text.format(path=target, detail=error.strerror or error)
