"""The coordinator's export dialog runs a real export on a worker: the progress bar ends
full, the result is shown, the file holds the data; a wrong destination is said in the
dialog and nothing is written."""

import openpyxl
import pytest
from PySide6.QtCore import Qt


@pytest.fixture
def dialog(start_shell, surveyed):
    shell = start_shell()
    shell.enter_visit()
    window = shell.window
    window.findChild(object, "coordinator_export").trigger()
    shell.qtbot.waitUntil(lambda: window.coordinator.export_dialog is not None
                          and window.coordinator.export_dialog.isVisible())
    found = window.coordinator.export_dialog
    shell.qtbot.waitUntil(lambda: found.province_box.count() > 30 and found.form_box.count() > 1)
    found.shell = shell
    yield found
    shell.idle()  # nothing left in flight when the window is closed


def choose(box, data) -> None:
    index = box.findData(data)
    assert index >= 0, data
    box.setCurrentIndex(index)


def run_export(dialog) -> None:
    with dialog.shell.qtbot.waitSignal(dialog.exported, timeout=30_000):
        dialog.shell.qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)


def test_export_to_excel_with_filters_and_labels(dialog, tmp_path):
    choose(dialog.format_box, "xlsx")
    choose(dialog.form_box, "commune_staffing")
    choose(dialog.province_box, "01")  # Hà Nội
    choose(dialog.status_box, "finalized")
    dialog.labels_check.setChecked(True)
    dialog.destination.setText(str(tmp_path / "khao-sat"))
    dialog._format_changed()  # the suffix follows the format, as when it is picked
    assert dialog.destination.text().endswith("khao-sat.xlsx")
    run_export(dialog)
    assert dialog.progress.value() == dialog.progress.maximum() > 0
    assert "Đã xuất 1 phiếu" in dialog.outcome.text()
    workbook = openpyxl.load_workbook(tmp_path / "khao-sat.xlsx", read_only=True)
    try:
        rows = list(workbook["commune_staffing"].iter_rows(values_only=True))
    finally:
        workbook.close()
    values = dict(zip(rows[0], rows[1], strict=True))
    assert len(rows) == 2
    assert (values["_commune"], values["total_staff"], values["one_stop_staff"]) == ("00070", 137, 23)
    # labels: choices and the status in words, in the window's language
    assert (values["training_needs"], values["_status"]) == ("An toàn thông tin", "đã hoàn tất")


def test_filters_that_select_nothing_still_export_an_empty_file(dialog, tmp_path):
    choose(dialog.format_box, "json")
    choose(dialog.province_box, "79")  # Hồ Chí Minh: no submission there
    dialog.destination.setText(str(tmp_path / "none.json"))
    run_export(dialog)
    assert "Đã xuất 0 phiếu" in dialog.outcome.text()
    assert (tmp_path / "none.json").read_text(encoding="utf-8").strip() in ("[\n]", "[]")


def test_a_missing_folder_is_said_in_the_dialog_and_nothing_is_written(dialog, tmp_path):
    target = tmp_path / "gone" / "out.xlsx"
    dialog.destination.setText(str(target))
    dialog.shell.qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    dialog.shell.qtbot.waitUntil(lambda: str(target.parent) in dialog.outcome.text(), timeout=20_000)
    assert "không tồn tại" in dialog.outcome.text()
    assert not target.parent.exists()
    assert dialog.export_button.isEnabled()


def test_the_date_range_selects_by_the_day_of_the_last_change(dialog, tmp_path):
    from PySide6.QtCore import QDate

    choose(dialog.format_box, "json")
    dialog.from_check.setChecked(True)
    dialog.to_check.setChecked(True)
    dialog.from_date.setDate(QDate.currentDate().addDays(-1))
    dialog.to_date.setDate(QDate.currentDate())
    dialog.destination.setText(str(tmp_path / "today.json"))
    run_export(dialog)
    assert "Đã xuất 1 phiếu" in dialog.outcome.text()
    dialog.from_date.setDate(QDate.currentDate().addDays(1))  # after the end: said, nothing written
    dialog.to_date.setDate(QDate.currentDate())
    dialog.destination.setText(str(tmp_path / "reversed.json"))
    dialog.shell.qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    dialog.shell.qtbot.waitUntil(lambda: "sau ngày kết thúc" in dialog.outcome.text(), timeout=20_000)
    assert not (tmp_path / "reversed.json").exists()
