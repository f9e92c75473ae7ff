"""Names and titles in one language at a time: place names are shown as written in both
languages (the package has no English names, and the forms show Vietnamese commune
names), and a form's title is the one of the language chosen, not "Vietnamese / English"."""

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel

from fieldkit.ui.reports.summaries_panel import KIND_PROVINCE


def items(box) -> list[str]:
    return [box.itemText(index) for index in range(box.count())]


def test_english_shows_provinces_as_the_commune_picker_does(start_shell):
    shell = start_shell("en")
    shell.enter_visit()
    window = shell.window
    picker_provinces = items(window.picker.province_box)
    assert "Thành phố Hà Nội" in picker_provinces
    window.findChild(QAction, "coordinator_summaries").trigger()
    panel = window.coordinator.summaries
    shell.qtbot.waitUntil(lambda: panel.province_box.findData("01") >= 0, timeout=20_000)
    panel.kind_buttons[KIND_PROVINCE].setChecked(True)
    summary_provinces = items(panel.province_box)
    assert summary_provinces[panel.province_box.findData("01")] == "Thành phố Hà Nội"
    assert not [name for name in summary_provinces if "(city)" in name or "(province)" in name]
    assert set(summary_provinces) <= set(picker_provinces)
    shell.idle()


def test_the_form_title_is_in_the_chosen_language(qtbot, start_shell):
    shell = start_shell("en")
    shell.enter_visit()
    shell.pick_commune("hoan kiem")
    shell.open_form("commune_staffing")
    title = shell.forms.view.findChild(QLabel, "form-title")
    assert title.text() == "Commune staffing survey"
    assert shell.forms.page.title.text().startswith("Commune staffing survey — Phường Hoàn Kiếm")
    shell.window.findChild(QAction, "language_vi").trigger()
    qtbot.waitUntil(lambda: title.text() == "Khảo sát nhân lực cấp xã")
    assert shell.forms.page.title.text().startswith("Khảo sát nhân lực cấp xã — Phường Hoàn Kiếm")
    assert "/" not in title.text()
