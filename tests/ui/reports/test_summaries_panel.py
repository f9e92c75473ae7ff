"""The coordinator's Summaries tab: a province, the country or one form, previewed or
saved as PDF (only the file dialog is patched) with the figures of the data; a province
with no submission is told plainly."""

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from fieldkit.ui.reports.summaries import PREVIEW, SAVE_PDF
from fieldkit.ui.reports.summaries_panel import KIND_FORM, KIND_NATIONAL, KIND_PROVINCE
from tests.helpers.pdf_text import pdf_text


@pytest.fixture
def panel(start_shell, surveyed):
    shell = start_shell()
    shell.enter_visit()
    window = shell.window
    window.findChild(object, "coordinator_summaries").trigger()
    found = window.coordinator.summaries
    shell.qtbot.waitUntil(lambda: window.pages.currentWidget() is window.coordinator and found.isVisible())
    shell.qtbot.waitUntil(lambda: found.action_buttons[PREVIEW].isEnabled(), timeout=20_000)
    found.shell = shell
    yield found
    shell.idle()


def ask(panel, kind: int, *, province=None, form=None) -> None:
    panel.kind_buttons[kind].setChecked(True)
    if province is not None:
        panel.province_box.setCurrentIndex(panel.province_box.findData(province))
    if form is not None:
        panel.form_box.setCurrentIndex(panel.form_box.findData(form))


def save_pdf(panel, target, monkeypatch) -> str:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *arguments: (str(target), ""))
    with panel.shell.qtbot.waitSignal(panel.runner.saved, timeout=60_000):
        panel.shell.qtbot.mouseClick(panel.action_buttons[SAVE_PDF], Qt.MouseButton.LeftButton)
    return pdf_text(target)


def test_province_preview_then_pdf(panel, tmp_path, monkeypatch):
    ask(panel, KIND_PROVINCE, province="01")
    assert panel.province_box.itemData(0) is not None  # no "All provinces" for a province summary
    panel.shell.qtbot.mouseClick(panel.action_buttons[PREVIEW], Qt.MouseButton.LeftButton)
    panel.shell.qtbot.waitUntil(lambda: panel.runner.preview is not None and panel.runner.preview.pages > 0,
                                timeout=30_000)
    assert "Hà Nội".upper() in panel.runner.preview.windowTitle().upper()
    panel.runner.preview.close()
    text = save_pdf(panel, tmp_path / "ha-noi.pdf", monkeypatch)
    assert "THÀNH PHỐ HÀ NỘI" in text.upper()
    assert re.search(r"Tổng số cán bộ, công chức, viên chức của xã 1 137 137 137 137\b", text)


def test_national_and_form_summaries(panel, tmp_path, monkeypatch):
    ask(panel, KIND_NATIONAL)
    assert not panel.province_box.isEnabled()
    assert re.search(r"Thành phố Hà Nội 126 1\b", save_pdf(panel, tmp_path / "toan-quoc.pdf", monkeypatch))
    ask(panel, KIND_FORM, form="commune_staffing")
    assert panel.province_box.itemData(0) is None  # "All provinces" offered, first
    panel.province_box.setCurrentIndex(0)
    text = save_pdf(panel, tmp_path / "nhan-luc.pdf", monkeypatch)
    assert "Khảo sát nhân lực cấp xã" in text and "Phường Hoàn Kiếm" in text
    assert re.search(r"\b1 23 23 23 23\b", text)


def test_a_province_without_submissions_is_told_plainly(panel):
    ask(panel, KIND_PROVINCE, province="79")
    panel.shell.qtbot.mouseClick(panel.action_buttons[PREVIEW], Qt.MouseButton.LeftButton)
    panel.shell.qtbot.waitUntil(lambda: panel.runner.refusal is not None and panel.runner.refusal.isVisible(),
                                timeout=30_000)
    assert "Hồ Chí Minh" in panel.runner.refusal.text()
    assert panel.runner.preview is None
    panel.runner.refusal.close()
    assert panel.action_buttons[PREVIEW].isEnabled()


def test_print_goes_through_the_print_dialog(panel, tmp_path, monkeypatch):
    from PySide6.QtPrintSupport import QPrinter

    from fieldkit.ui.reports import preview, summaries
    from fieldkit.ui.reports.preview import new_printer

    def file_printer(document):  # a file stands in for the paper
        printer = new_printer(document)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "printed.pdf"))
        return printer

    monkeypatch.setattr(preview, "new_printer", file_printer)
    ask(panel, KIND_PROVINCE, province="01")
    panel.shell.qtbot.mouseClick(panel.action_buttons[summaries.PRINT], Qt.MouseButton.LeftButton)
    panel.shell.qtbot.waitUntil(lambda: panel.runner.print_dialog is not None
                                and panel.runner.print_dialog.isVisible(), timeout=30_000)
    panel.runner.print_dialog.accept()
    assert re.search(r"Tổng số cán bộ, công chức, viên chức của xã 1 137 137 137 137\b",
                     pdf_text(tmp_path / "printed.pdf"))


def test_a_draft_saved_on_a_finalized_survey_counts_only_when_drafts_are_asked_for(panel, tmp_path, monkeypatch):
    survey = panel.survey
    [finalized] = survey.submissions(form_id="commune_staffing")
    correction = survey.open_submission(record_id=finalized.record_id)
    correction.set_many({"/data/total_staff": "999"}, autosave=False)
    correction.save().result()  # someone is correcting it: saved, not finalized again
    ask(panel, KIND_PROVINCE, province="01")
    assert not panel.drafts_box.isChecked()
    text = save_pdf(panel, tmp_path / "finalized.pdf", monkeypatch)
    assert "Phiên bản: bản hoàn tất gần nhất của mỗi phiếu" in text
    assert re.search(r"Tổng số cán bộ, công chức, viên chức của xã 1 137 137 137 137\b", text)
    assert "999" not in text and "bản nháp, chưa hoàn tất" not in text

    panel.drafts_box.setFocus()
    panel.shell.qtbot.keyClick(panel.drafts_box, Qt.Key.Key_Space)
    assert panel.drafts_box.isChecked()
    text = save_pdf(panel, tmp_path / "drafts.pdf", monkeypatch)
    assert "Phiên bản: bản lưu mới nhất của mỗi phiếu, kể cả bản nháp" in text
    assert "1 trong số 1 phiếu được dùng là bản nháp, chưa hoàn tất" in text
    assert re.search(r"Tổng số cán bộ, công chức, viên chức của xã 1 999 999 999 999\b", text)
