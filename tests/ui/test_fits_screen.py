"""Every window and dialog fits a 1366×768 laptop screen with a taskbar (1366×728
available) and shows its buttons: the print previews opened at 900×1000, their page
count and buttons 230 px below the bottom edge.

Qt's offscreen platform reads its screens from a JSON file given with the platform
("offscreen:configfile=…"), once, when the application starts; the suite runs on the
default 800×800 screen. So the one test here runs the cases below (the functions named
case_…) in a pytest of their own, on a 1366×728 screen: the offscreen platform has no
taskbar, so its screen is the available area itself.

Each case opens windows and dialogs as a person does, then checks every window shown:
its frame inside the available geometry, and its buttons whole, on the screen and not
covered. Buttons in a scroll area are left out: scrolling brings them into view."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QMessageBox,
    QPushButton,
    QWidget,
)

from fieldkit.ui import errors
from fieldkit.ui.reports.summaries import PREVIEW

REPO_ROOT = Path(__file__).resolve().parents[2]
LAPTOP_SCREEN = {
    "windowFrameMargins": True,
    "screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 728,
                 "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1.0}],
}


def test_every_window_and_dialog_fits_a_1366x728_screen(tmp_path):
    config = tmp_path / "laptop-screen.json"
    config.write_text(json.dumps(LAPTOP_SCREEN), encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-o", "python_functions=case_", __file__],
        cwd=REPO_ROOT, env={**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"},
        capture_output=True, text=True, timeout=1200)
    assert run.returncode == 0, f"{run.stdout[-8000:]}\n{run.stderr[-4000:]}"
    assert " passed" in run.stdout and "skipped" not in run.stdout, run.stdout[-2000:]


# -- the cases, on the laptop's screen ------------------------------------------------------

LAPTOP_AVAILABLE = QRect(0, 0, 1366, 728)
HOAN_KIEM = "00070"
STAFFING = {"/data/total_staff": "137", "/data/one_stop_staff": "23", "/data/it_staff": "4",
            "/data/roster[1]/name": "Nguyễn Thị Lan", "/data/roster[1]/role": "it_officer",
            "/data/roster[1]/trainings": "digital_transformation telecommunications",
            "/data/roster[1]/has_signature_cert": "yes", "/data/training_needs": "information_security"}


# -- the checks ----------------------------------------------------------------------------

def shown_windows() -> list[QWidget]:
    return [window for window in QApplication.topLevelWidgets() if window.isVisible()
            and window.windowType() in (Qt.WindowType.Window, Qt.WindowType.Dialog)]


def in_scroll_area(widget: QWidget, window: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def buttons_of(window: QWidget) -> list[QWidget]:
    found = window.findChildren(QPushButton) + window.findChildren(QDialogButtonBox)
    return [button for button in found
            if button.window() is window and button.isVisible() and not in_scroll_area(button, window)]


def assert_on_screen(widget: QWidget) -> None:
    """The whole widget is inside its window and on the screen, and not covered."""
    window, available = widget.window(), widget.screen().availableGeometry()
    on_screen = QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())
    where = f"{type(widget).__name__} {widget.objectName()!r} in {window.windowTitle()!r} at {on_screen}"
    assert not widget.visibleRegion().isEmpty(), f"{where}: hidden"
    assert window.geometry().contains(on_screen), f"{where}: outside its window {window.geometry()}"
    assert available.contains(on_screen), f"{where}: off the screen's available {available}"


def assert_fits(window: QWidget) -> None:
    available = window.screen().availableGeometry()
    assert available == LAPTOP_AVAILABLE, "not run on the laptop's screen: see the runner above"
    assert available.contains(window.frameGeometry()), (
        f"{window.windowTitle()!r} ({window.objectName()}): its frame {window.frameGeometry()} "
        f"is outside the available {available}")
    for button in buttons_of(window):
        assert_on_screen(button)


def assert_every_window_fits() -> list[str]:
    """Checks every window shown; their object names, for the case to say which."""
    windows = shown_windows()
    for window in windows:
        assert_fits(window)
    return [window.objectName() for window in windows]


# -- the data ------------------------------------------------------------------------------

@pytest.fixture
def surveyed(data_dir) -> Path:
    """Phường Hoàn Kiếm's staffing survey, finalized: there is something to summarise."""
    from fieldkit.services import SurveyService

    with SurveyService.open(data_dir) as survey:
        survey.catalog()
        submission = survey.open_submission(form_id="commune_staffing", commune_code=HOAN_KIEM)
        submission.set_many(STAFFING, autosave=False)
        submission.finalize().result()
    return data_dir


def wait_shown(qtbot, find, timeout: int = 30_000):
    qtbot.waitUntil(lambda: find() is not None and find().isVisible(), timeout=timeout)
    return find()


# -- the cases ------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["vi", "en"])
def case_the_visit_dialog_and_every_page_of_the_main_window(qtbot, start_shell, surveyed, lang):
    shell = start_shell(lang)
    window = shell.window
    wait_shown(qtbot, lambda: window.visit_dialog)
    assert sorted(assert_every_window_fits()) == ["main_window", "visit_dialog"]
    shell.enter_visit()
    shell.pick_commune("hoan kiem")
    assert_every_window_fits()
    shell.open_form("commune_infrastructure")
    window.finalize_action.trigger()
    wait_shown(qtbot, lambda: shell.forms.view.error_list)
    assert_every_window_fits()
    window.submissions_action.trigger()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.browser)
    assert_every_window_fits()
    for action in window.coordinator.menu_actions[:5]:  # import, conflicts, duplicates, devices, summaries
        action.trigger()
        qtbot.waitUntil(lambda: window.pages.currentWidget() is window.coordinator)
        shell.idle()
        assert_every_window_fits()


def case_the_print_previews_their_print_dialog_and_the_export_dialog(qtbot, start_shell, surveyed):
    shell = start_shell()
    window = shell.window
    shell.enter_visit()
    shell.pick_commune("hoan kiem")
    qtbot.waitUntil(window.commune_forms.summary_button.isEnabled)
    qtbot.mouseClick(window.commune_forms.summary_button, Qt.MouseButton.LeftButton)
    preview = wait_shown(qtbot, lambda: window.summaries.preview)
    qtbot.waitUntil(lambda: preview.pages > 0)
    assert "summary_preview" in assert_every_window_fits()
    for shown in (preview.status, preview.print_button, preview.save_button, preview.close_button):
        assert_on_screen(shown)  # the page count and In…, Lưu thành PDF…, Đóng
    qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    wait_shown(qtbot, lambda: preview.print_dialog)
    assert "print_dialog" in assert_every_window_fits()
    preview.print_dialog.reject()
    preview.close()

    window.findChild(object, "coordinator_summaries").trigger()
    panel = window.coordinator.summaries
    qtbot.waitUntil(lambda: panel.action_buttons[PREVIEW].isEnabled(), timeout=20_000)
    panel.province_box.setCurrentIndex(panel.province_box.findData("01"))  # Hà Nội
    qtbot.mouseClick(panel.action_buttons[PREVIEW], Qt.MouseButton.LeftButton)
    province = wait_shown(qtbot, lambda: panel.runner.preview if panel.runner.preview is not preview else None)
    qtbot.waitUntil(lambda: province.pages > 0, timeout=30_000)
    assert "summary_preview" in assert_every_window_fits()
    for shown in (province.status, province.print_button, province.save_button, province.close_button):
        assert_on_screen(shown)
    province.close()

    window.findChild(object, "coordinator_export").trigger()
    export = wait_shown(qtbot, lambda: window.coordinator.export_dialog)
    qtbot.waitUntil(lambda: export.province_box.count() > 30)
    assert "export_dialog" in assert_every_window_fits()
    export.reject()
    shell.idle()


def case_the_resume_dialog_and_its_confirmation(qtbot, start_shell, data_dir):
    from fieldkit.services import SurveyService

    with SurveyService.open(data_dir) as survey:  # typed, never saved: a working copy is left
        survey.catalog()
        submission = survey.open_submission(form_id="commune_staffing", commune_code=HOAN_KIEM)
        autosaves = []
        submission.watch_autosaves(autosaves.append)
        submission.set("/data/roster[1]/name", "Phạm Quốc Huy")
        autosaves[-1].result(timeout=10)
    shell = start_shell()
    shell.enter_visit()  # then the working copy is offered
    dialog = wait_shown(qtbot, lambda: shell.window.resume_dialog, timeout=20_000)
    assert "resume_dialog" in assert_every_window_fits()
    qtbot.mouseClick(dialog.discard_button, Qt.MouseButton.LeftButton)
    confirm = wait_shown(qtbot, lambda: dialog.findChild(QWidget, "confirm_discard"))
    assert "confirm_discard" in assert_every_window_fits()
    confirm.reject()
    dialog.reject()


def case_message_boxes_and_a_file_dialog(qtbot, start_shell, surveyed):
    shell = start_shell()
    window = shell.window
    shell.enter_visit()
    shell.pick_commune("hoan kiem")
    forms = window.commune_forms
    qtbot.waitUntil(lambda: forms.row_for("commune_staffing") >= 0)
    forms.select_form("commune_staffing")
    qtbot.mouseClick(forms.new_button, Qt.MouseButton.LeftButton)  # Hoàn Kiếm has one already
    question = wait_shown(qtbot, lambda: window.findChild(QWidget, "confirm_duplicate"))
    assert "confirm_duplicate" in assert_every_window_fits()
    question.reject()

    fault = errors.show_fault(window, "Không lưu được.", OSError(28, "No space left on device"))
    assert "fault_message" in assert_every_window_fits()
    fault.close()
    try:
        raise RuntimeError("một lỗi rất dài " * 40)
    except RuntimeError as error:
        crash = errors.show_crash(Path("/tmp/fieldkit.log"), RuntimeError, error, error.__traceback__)
    wait_shown(qtbot, lambda: crash)
    details = next(button for button in crash.buttons()
                   if crash.buttonRole(button) == QMessageBox.ButtonRole.ActionRole)
    qtbot.mouseClick(details, Qt.MouseButton.LeftButton)  # "Show Details…": the traceback, taller
    assert "crash_dialog" in assert_every_window_fits()
    crash.close()

    window.findChild(object, "coordinator_import").trigger()
    window.coordinator.import_panel.choose_files()
    files = wait_shown(qtbot, lambda: window.coordinator.import_panel.findChild(QFileDialog))
    assert files in shown_windows()
    assert_every_window_fits()
    files.reject()


def case_a_window_too_big_and_partly_off_the_screen_is_brought_onto_it(qtbot):
    from fieldkit.ui.screen_fit import keep_windows_on_screen

    owner = QWidget()
    qtbot.addWidget(owner)
    keep_windows_on_screen(owner)
    window = QWidget()
    qtbot.addWidget(window)
    window.setGeometry(700, 500, 900, 1000)  # as saved on a bigger screen
    window.show()
    qtbot.waitExposed(window)
    assert_fits(window)
    # Offscreen draws a 2 px frame: as tall as the screen allows, moved the least to fit.
    assert window.frameGeometry() == QRect(1366 - 904, 0, 904, 728)


def case_the_device_name_question_and_the_coordinators_confirmations(qtbot, start_shell, tmp_path):
    from tests.helpers.coordinator_world import build_world

    world = build_world(tmp_path / "laptops")
    shell = start_shell(named=False)  # a first start: the device's name is asked before the visit
    window = shell.window
    dialog = wait_shown(qtbot, lambda: window.findChild(QWidget, "device_name_dialog"))
    assert sorted(assert_every_window_fits()) == ["device_name_dialog", "main_window"]
    dialog.accept()
    shell.enter_visit()
    page = window.coordinator
    for name in ("may-lan", "may-minh"):
        page.coordinator.trust(world.fingerprints[name])
    page.coordinator.import_paths([world.copy(tmp_path / "stick", "lan-2", "minh")])
    page.menu_actions[1].trigger()  # conflicts
    qtbot.waitUntil(lambda: page.conflicts.fields.rowCount() > 0)
    page.conflicts.buttons["resolve"].click()
    wait_shown(qtbot, lambda: page.conflicts.confirm)
    assert "resolve_confirmation" in assert_every_window_fits()
    page.conflicts.confirm.reject()
    page.menu_actions[2].trigger()  # duplicate visits
    qtbot.waitUntil(lambda: page.duplicates.model.rowCount() == 2)
    page.duplicates.table.selectRow(0)
    page.duplicates.mark_button.click()
    wait_shown(qtbot, lambda: page.duplicates.confirm)
    assert "duplicate_confirmation" in assert_every_window_fits()
    page.duplicates.confirm.reject()
