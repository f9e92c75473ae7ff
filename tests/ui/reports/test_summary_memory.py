"""A day of summaries does not pile up memory: a closed preview goes with its printer and
pages, and neither a PDF nor a preview leaves its paint device behind (PySide hands a
device to C++ when a document is laid out for it, and nothing there deletes it)."""

import gc

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QPdfWriter
from PySide6.QtPrintSupport import QPrinter

from fieldkit.reports.document import Document
from fieldkit.ui import printing
from tests.helpers.previews import open_preview


def table(rows: int) -> Document:
    body = "".join(f"<tr><td>Xã Nghĩa Đô {index}</td><td>{index * 7}</td></tr>" for index in range(rows))
    return Document(title="Biên bản", html=f"<table border='1'>{body}</table>")


def alive(kind) -> list:
    gc.collect()
    return [found for found in gc.get_objects() if isinstance(found, kind) and shiboken6.isValid(found)]


def test_a_pdf_leaves_no_writer_behind(qapp):
    before = len(alive(QPdfWriter))
    for _ in range(3):
        data, pages = printing.render_pdf(table(40))
        assert data.startswith(b"%PDF") and pages > 0
    assert len(alive(QPdfWriter)) == before


def test_a_closed_preview_goes_with_its_printer_and_pages(start_shell, surveyed):
    shell = start_shell()
    shell.enter_visit()
    shell.pick_commune("hoan kiem")
    before = len(alive(QPrinter))
    for _ in range(3):
        preview = open_preview(shell)
        printer = preview.printer
        shell.qtbot.mouseClick(preview.close_button, Qt.MouseButton.LeftButton)
        shell.qtbot.waitUntil(lambda shown=preview, used=printer: not shiboken6.isValid(shown)
                              and not shiboken6.isValid(used))
        assert shell.window.summaries.preview is None
    assert len(alive(QPrinter)) == before
    shell.idle()


def test_a_preview_writing_a_pdf_stays_until_it_is_written(start_shell, surveyed, tmp_path, monkeypatch):
    """Its status line and its messages hear how the saving went: closed meanwhile, it
    waits for the file to be written before it goes."""
    from PySide6.QtWidgets import QFileDialog

    shell = start_shell()
    shell.enter_visit()
    shell.pick_commune("hoan kiem")
    preview = open_preview(shell)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *arguments: (str(tmp_path / "bien-ban.pdf"), ""))
    with shell.qtbot.waitSignal(preview.saved, timeout=20_000):
        shell.qtbot.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)
        preview.close()  # at once, while the worker writes
        assert shiboken6.isValid(preview)
    shell.qtbot.waitUntil(lambda: not shiboken6.isValid(preview))
    assert (tmp_path / "bien-ban.pdf").stat().st_size > 0
    shell.idle()


def test_closing_a_form_gives_its_memory_back(start_shell, monkeypatch):
    """glibc keeps what the closed form view freed; it is handed back to the system."""
    from fieldkit.ui import memory

    released = []
    monkeypatch.setattr(memory, "release_freed_memory", lambda: released.append(True))
    shell = start_shell()
    shell.enter_visit()
    shell.pick_commune("hoan kiem")
    shell.open_form("commune_staffing")
    view = shell.forms.view
    shell.window.close_form_action.trigger()
    shell.qtbot.waitUntil(lambda: not shiboken6.isValid(view) and bool(released))
    shell.idle()
