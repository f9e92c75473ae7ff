"""The window opened on the demo data (`fieldkit demo`), as a newcomer opens it: no
question to answer first, and every screen has something to show: a commune's
finalized forms, the submissions, the conflicts, the duplicate visits, the devices and
a province summary with its charts."""

from PySide6.QtCore import Qt

from fieldkit.demo.scenario import build_demo
from fieldkit.ui import labels
from fieldkit.ui.commune_forms import COLUMN_STATUS
from fieldkit.ui.coordinator import TAB_CONFLICTS, TAB_DEVICES, TAB_DUPLICATES
from fieldkit.ui.reports.summaries import PREVIEW
from fieldkit.ui.reports.summaries_panel import KIND_PROVINCE


def test_every_screen_of_the_window_has_content_on_the_demo(start_shell, tmp_path):
    made = build_demo(tmp_path / "demo")
    shell = start_shell("en", made.folder)
    window, qtbot = shell.window, shell.qtbot
    shell.idle()
    assert window.visit_dialog is None  # the demo's visit is entered: nothing is asked first

    shell.pick_commune("muong te", province="12")
    forms = window.commune_forms
    assert forms.commune.name == "Xã Mường Tè"
    statuses = {forms.model.index(row, COLUMN_STATUS).data() for row in range(forms.model.rowCount())}
    assert forms.model.rowCount() == 3 and statuses == {labels.status_text("finalized")} == {"Finalized"}

    window.show_submissions()
    qtbot.waitUntil(lambda: window.browser.model.rowCount() == 115, timeout=20_000)

    coordinator = window.coordinator
    coordinator.show_tab(TAB_CONFLICTS)
    qtbot.waitUntil(lambda: coordinator.conflicts.list_model.rowCount() == 2, timeout=20_000)
    kinds = {coordinator.conflicts.list_proxy.index(row, 2).data() for row in range(2)}
    assert kinds == {"hard", "soft"}
    coordinator.show_tab(TAB_DUPLICATES)
    qtbot.waitUntil(lambda: coordinator.duplicates.model.rowCount() == 2, timeout=20_000)
    coordinator.show_tab(TAB_DEVICES)
    qtbot.waitUntil(lambda: coordinator.devices.model.rowCount() == 3, timeout=20_000)

    window.findChild(object, "coordinator_summaries").trigger()
    summaries = coordinator.summaries
    qtbot.waitUntil(lambda: summaries.action_buttons[PREVIEW].isEnabled(), timeout=20_000)
    summaries.kind_buttons[KIND_PROVINCE].setChecked(True)
    summaries.province_box.setCurrentIndex(summaries.province_box.findData("12"))
    qtbot.mouseClick(summaries.action_buttons[PREVIEW], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: summaries.runner.preview is not None and summaries.runner.preview.pages > 1,
                    timeout=60_000)
    assert "LAI CHÂU" in summaries.runner.preview.windowTitle().upper()
    summaries.runner.preview.close()
