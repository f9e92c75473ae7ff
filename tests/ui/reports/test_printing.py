"""The renderer: Documents to PDF files offscreen, read back with pypdf."""

import errno
import io
import os
import stat

import pypdf
import pytest

from fieldkit.reports.document import Document
from fieldkit.ui import printing
from tests.helpers.pdf_text import pdf_text


@pytest.fixture(autouse=True)
def _english(qapp):
    """Page numbers in the source language, whatever an earlier test installed."""
    with printing.language("en"):
        yield


def font_names(path) -> set[str]:
    reader = pypdf.PdfReader(str(path))
    return {str(font["/BaseFont"]).split("+")[-1].lstrip("/")
            for page in reader.pages for font in page["/Resources"]["/Font"].values()}


def table_document(rows: int, *, landscape: bool = False) -> Document:
    body = "".join(f"<tr><td>Xã Nghĩa Đô {index}</td><td>{index * 7}</td></tr>" for index in range(rows))
    html = (f"<h1>Biên bản làm việc</h1><p><b>Phường Hoàn Kiếm</b>, Hà Nội</p>"
            f"<table border='1' cellpadding='3'>{body}</table>")
    return Document(title="Biên bản — Hoàn Kiếm", html=html, landscape=landscape)


def png_bytes() -> bytes:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    figure = Figure(figsize=(4, 2))
    figure.subplots().bar(["a", "b"], [3, 5])
    stream = io.BytesIO()
    figure.savefig(stream, format="png", dpi=100)
    return stream.getvalue()


def test_pdf_holds_the_text_with_diacritics_title_and_real_bold(qapp, tmp_path):
    target = tmp_path / "bien-ban.pdf"
    printing.write_pdf(table_document(3), target)
    text = pdf_text(target)
    assert "Biên bản làm việc Phường Hoàn Kiếm" in text
    assert "Hà Nội" in text
    assert "Xã Nghĩa Đô 2 14" in text
    assert pypdf.PdfReader(str(target)).metadata.title == "Biên bản — Hoàn Kiếm"
    assert font_names(target) == {"NotoSans-Regular", "NotoSans-Bold"}


def test_long_documents_break_into_numbered_a4_pages(qapp, tmp_path):
    short, long = tmp_path / "short.pdf", tmp_path / "long.pdf"
    assert printing.write_pdf(table_document(3), short) == 1
    pages = printing.write_pdf(table_document(200), long)
    assert len(pypdf.PdfReader(str(short)).pages) == 1
    reader = pypdf.PdfReader(str(long))
    assert len(reader.pages) == pages > 3
    for number, page in enumerate(reader.pages, start=1):
        assert f"Page {number}/{pages}" in " ".join(page.extract_text().split())
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)
    # every row once, none lost at a page break
    text = pdf_text(long)
    assert all(f"Xã Nghĩa Đô {index} {index * 7}" in text for index in range(200))


def test_landscape_pages(qapp, tmp_path):
    target = tmp_path / "wide.pdf"
    printing.write_pdf(table_document(3, landscape=True), target)
    page = pypdf.PdfReader(str(target)).pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (842, 595)


def test_images_are_embedded(qapp, tmp_path):
    target = tmp_path / "chart.pdf"
    document = Document(title="t", html="<p>Biểu đồ</p><img src='chart.png' width='300'>",
                        images={"chart.png": png_bytes()})
    printing.write_pdf(document, target)
    page = pypdf.PdfReader(str(target)).pages[0]
    assert len(page.images) == 1


def test_read_only_folder_gives_a_clear_error_and_no_file(qapp, tmp_path, monkeypatch):
    folder = tmp_path / "stick"
    folder.mkdir()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    if os.access(folder, os.W_OK):  # root ignores permissions: be the read-only medium instead
        def read_only(*arguments, **keywords):
            raise OSError(errno.EROFS, "Read-only file system")

        monkeypatch.setattr(os, "open", read_only)  # where the temporary file is made
    try:
        with pytest.raises(printing.PrintError, match="read-only") as raised:
            printing.write_pdf(table_document(3), folder / "out.pdf")
        assert str(folder / "out.pdf") in str(raised.value)
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(stat.S_IRWXU)


def test_full_disk_keeps_the_previous_file_and_leaves_no_temp(qapp, tmp_path, monkeypatch):
    target = tmp_path / "out.pdf"
    target.write_bytes(b"the previous summary")

    def disk_full(descriptor):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(printing.os, "fsync", disk_full)
    with pytest.raises(printing.PrintError, match="disk is full"):
        printing.write_pdf(table_document(3), target)
    assert target.read_bytes() == b"the previous summary"
    assert [path.name for path in tmp_path.iterdir()] == ["out.pdf"]


def test_works_with_only_a_gui_application_offscreen(tmp_path):
    """The command line has no widgets: a QGuiApplication is enough."""
    import subprocess
    import sys

    target = tmp_path / "cli.pdf"
    script = ("from PySide6.QtGui import QGuiApplication\napp = QGuiApplication([])\n"
              "from fieldkit.reports.document import Document\nfrom fieldkit.ui.printing import write_pdf\n"
              f"write_pdf(Document(title='Xã Ô Diên', html='<p>Xã Ô Diên</p>'), {str(target)!r})\n")
    subprocess.run([sys.executable, "-c", script], check=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert "Xã Ô Diên" in pdf_text(target)


def test_page_numbers_in_vietnamese(qapp, tmp_path):
    with printing.language("vi"):
        printing.write_pdf(table_document(200), tmp_path / "vi.pdf")
    assert qapp.property("fieldkit_language") in (None, "en")  # the application's own language back
    reader = pypdf.PdfReader(str(tmp_path / "vi.pdf"))
    assert f"Trang 1/{len(reader.pages)}" in " ".join(reader.pages[0].extract_text().split())


def test_print_document_on_a_printer_writing_to_a_file(qapp, tmp_path):
    """What the print dialog's OK does: the printer's own page setup, the same pages."""
    from PySide6.QtPrintSupport import QPrinter

    from fieldkit.ui.reports.preview import new_printer

    document = table_document(200, landscape=True)
    printer = new_printer(document)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    pages = printing.print_document(document, printer)
    reader = pypdf.PdfReader(str(tmp_path / "printed.pdf"))
    assert len(reader.pages) == pages > 1
    assert round(float(reader.pages[0].mediabox.width)) == 842  # landscape A4 from the document
    assert "Xã Nghĩa Đô 199 1393" in pdf_text(tmp_path / "printed.pdf")


def test_the_preview_print_button_prints_what_the_dialog_accepts(qtbot, tmp_path):
    from PySide6.QtCore import Qt
    from PySide6.QtPrintSupport import QPrinter

    from fieldkit.ui.reports.preview import PreviewDialog

    preview = PreviewDialog(table_document(60))
    qtbot.addWidget(preview)
    preview.show()
    qtbot.waitUntil(lambda: preview.pages > 0)
    preview.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    preview.printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    dialog = preview.findChild(object, "print_dialog")
    qtbot.waitUntil(dialog.isVisible)
    dialog.accept()
    assert len(pypdf.PdfReader(str(tmp_path / "printed.pdf")).pages) == preview.pages


@pytest.mark.qt_log_ignore("QPainter::begin", "does not support propagateSizeHints")  # Qt notes the failure made here
def test_a_printer_that_cannot_start_is_said_not_crashed(qtbot, tmp_path):
    from PySide6.QtCore import Qt
    from PySide6.QtPrintSupport import QPrinter

    from fieldkit.ui.reports.preview import PreviewDialog

    preview = PreviewDialog(table_document(3))
    qtbot.addWidget(preview)
    preview.show()
    qtbot.waitUntil(lambda: preview.pages > 0)
    preview.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    preview.printer.setOutputFileName(str(tmp_path / "gone" / "printed.pdf"))  # cannot be opened
    qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    dialog = preview.findChild(object, "print_dialog")
    qtbot.waitUntil(dialog.isVisible)
    dialog.accept()
    qtbot.waitUntil(lambda: preview.findChild(object, "fault_message") is not None)
    box = preview.findChild(object, "fault_message")
    assert box.text() == "Could not print."
    box.close()
