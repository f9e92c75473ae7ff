"""The commune view's "Print summary": the working-visit record of the picked commune,
built off the GUI thread, previewed page by page and saved as a PDF (only the file
dialog is patched); read back, it holds the commune and its figures."""

import pypdf
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from fieldkit.ui.commune_forms import COLUMN_STATUS
from tests.helpers.pdf_text import page_count, pdf_text, title
from tests.helpers.previews import open_preview


def test_print_summary_previews_then_saves_the_pdf(start_shell, surveyed, tmp_path, monkeypatch):
    shell = start_shell()
    shell.enter_visit()
    shell.pick_commune("hoan kiem")
    preview = open_preview(shell)
    assert preview.preview.pageCount() == preview.pages
    assert "Phường Hoàn Kiếm" in preview.windowTitle()

    asked = []

    def save_dialog(parent, caption, suggested, name_filter):
        asked.append(suggested)
        return str(tmp_path / "bien-ban"), name_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    with shell.qtbot.waitSignal(preview.saved, timeout=20_000) as saved:
        shell.qtbot.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)
    target = tmp_path / "bien-ban.pdf"
    assert saved.args == [target]
    assert asked[0].endswith(".pdf") and "Phường Hoàn Kiếm" in asked[0]
    text = pdf_text(target)
    assert "Phường Hoàn Kiếm" in text
    assert "Đoàn công tác Bộ Khoa học và Công nghệ" in text  # the visit's delegation
    for figure in ("137", "23"):
        assert f" {figure} " in f" {text} "
    assert page_count(target) == preview.pages
    assert "Phường Hoàn Kiếm" in title(target)
    assert f"Trang {preview.pages}/{preview.pages}" in text
    assert "Đã lưu" in preview.status.text()
    shell.idle()  # nothing left in flight when the window is closed


def test_no_summary_for_a_commune_without_submissions(start_shell, surveyed):
    shell = start_shell()
    shell.enter_visit()
    shell.pick_commune("ba dinh")
    shell.idle()
    assert not shell.window.commune_forms.summary_button.isEnabled()
    shell.pick_commune("hoan kiem")
    shell.qtbot.waitUntil(shell.window.commune_forms.summary_button.isEnabled)
    shell.idle()


def test_saving_to_a_missing_folder_says_so_and_writes_nothing(start_shell, surveyed, tmp_path, monkeypatch):
    shell = start_shell()
    shell.enter_visit()
    shell.pick_commune("hoan kiem")
    preview = open_preview(shell)
    target = tmp_path / "gone" / "bien-ban.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *arguments: (str(target), ""))
    shell.qtbot.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)
    shell.qtbot.waitUntil(lambda: preview.findChild(object, "fault_message") is not None, timeout=20_000)
    box = preview.findChild(object, "fault_message")
    assert str(target) in box.informativeText() and "không tồn tại" in box.informativeText()
    assert not target.parent.exists()
    assert preview.save_button.isEnabled()
    box.close()
    shell.idle()


def status_of(window, form_id: str) -> str:
    panel = window.commune_forms
    return panel.proxy.index(panel.row_for(form_id), COLUMN_STATUS).data()


def test_an_edited_finalized_form_is_listed_as_both_and_prints_as_finalized(start_shell, surveyed, tmp_path,
                                                                             monkeypatch):
    shell = start_shell()
    shell.enter_visit()
    shell.pick_commune("hoan kiem")
    assert status_of(shell.window, "commune_staffing") == "Đã hoàn tất"
    shell.open_form("commune_staffing")
    editor = shell.forms.view.widget_for("/data/total_staff").editor
    editor.setFocus()
    shell.qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    shell.qtbot.keyClicks(editor, "999")  # a correction under way, saved as a draft
    shell.save()
    shell.forms.close()
    shell.qtbot.waitUntil(lambda: status_of(shell.window, "commune_staffing") == "Đã hoàn tất · đang sửa")
    table = shell.window.commune_forms.table
    assert table.columnWidth(COLUMN_STATUS) > table.fontMetrics().horizontalAdvance("Đã hoàn tất · đang sửa")

    preview = open_preview(shell)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *arguments: (str(tmp_path / "bien-ban.pdf"), ""))
    with shell.qtbot.waitSignal(preview.saved, timeout=20_000):
        shell.qtbot.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)
    first_page = " ".join(pypdf.PdfReader(str(tmp_path / "bien-ban.pdf")).pages[0].extract_text().split())
    assert "Phiên bản số liệu được dùng" in first_page
    assert "Đã hoàn tất lúc" in first_page and "Bản nháp sửa sau đó (chưa hoàn tất) không được dùng." in first_page
    text = pdf_text(tmp_path / "bien-ban.pdf")
    assert " 137 " in f" {text} " and "999" not in text  # the finalized figure, not the draft's
    shell.idle()
