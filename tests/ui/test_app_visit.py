"""The visit entered at the start: the visit minutes take its delegation and members
(asked once, not twice), and no save is credited to the laptop's host name because the
visit dialog was cancelled."""

import sqlite3

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.helpers.shell import VISIT, type_text

DELEGATION = "/data/delegation_name"


def participants(session) -> list[tuple[str, str]]:
    rows = session.repeat_count("/data/participants")
    return [(session.value(f"/data/participants[{row}]/participant_name"),
             session.value(f"/data/participants[{row}]/participant_role")) for row in range(1, rows + 1)]


def authors(data_dir) -> list[str]:
    with sqlite3.connect(data_dir / "fieldkit.sqlite3") as connection:
        return [row[0] for row in connection.execute("SELECT author FROM revisions")]


def test_new_visit_minutes_start_with_the_visit_and_can_be_changed(qtbot, start_shell):
    shell = start_shell()
    shell.enter_visit()
    shell.pick_commune("hoan kiem")
    submission = shell.open_form("visit_minutes")
    session = submission.session
    assert session.value(DELEGATION) == VISIT["delegation"]
    assert participants(session) == [("Nguyễn Văn An", "delegation"), ("Trần Thị Bình", "delegation")]
    assert not submission.dirty  # nothing typed yet: nothing to keep or resume
    view = shell.forms.view
    editor = view.widget_for(DELEGATION).editor
    view.focus_path(DELEGATION)
    editor.selectAll()
    type_text(qtbot, editor, "Đoàn 5")
    assert session.value(DELEGATION) == "Đoàn 5"
    saved = shell.save()
    assert saved.data["answers"][DELEGATION] == "Đoàn 5"


def test_a_saved_submission_keeps_its_own_answers(qtbot, start_shell):
    shell = start_shell()
    shell.enter_visit()
    shell.pick_commune("hoan kiem")
    submission = shell.open_form("visit_minutes")
    submission.session.set(DELEGATION, "Đoàn 5")
    record_id = shell.save().record_id
    shell.service.set_visit(delegation="Đoàn 7", members=["Lê Văn Cường"], at_keyboard="Lê Văn Cường").result()
    shell.window.forms.close()
    reopened = shell.open_form("visit_minutes")  # its latest record
    assert reopened.record_id == record_id
    assert reopened.session.value(DELEGATION) == "Đoàn 5"
    assert [name for name, _side in participants(reopened.session)] == ["Nguyễn Văn An", "Trần Thị Bình"]


def test_other_forms_take_nothing_from_the_visit(qtbot, start_shell):
    shell = start_shell()
    shell.enter_visit()
    shell.pick_commune("hoan kiem")
    submission = shell.open_form("commune_staffing")
    assert VISIT["delegation"] not in submission.session.answers().values()


def test_with_the_visit_dialog_cancelled_a_form_asks_for_the_visit_first(qtbot, start_shell, data_dir):
    shell = start_shell()
    window = shell.window
    qtbot.waitUntil(lambda: window.visit_dialog is not None and window.visit_dialog.isVisible())
    qtbot.keyClick(window.visit_dialog, Qt.Key.Key_Escape)  # cancelled at the start
    qtbot.waitUntil(lambda: not window.visit_dialog.isVisible())
    shell.pick_commune("hoan kiem")
    panel = window.commune_forms
    panel.select_form("commune_staffing")

    qtbot.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.visit_dialog.isVisible())  # asked again, not opened
    assert shell.forms.submission is None
    qtbot.keyClick(window.visit_dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("Chưa mở biểu mẫu: mỗi lần lưu"))
    shell.idle()
    assert shell.forms.submission is None

    qtbot.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.visit_dialog.isVisible())
    dialog = window.visit_dialog
    type_text(qtbot, dialog.delegation, "Đoàn 5")
    dialog.at_keyboard.setFocus()
    type_text(qtbot, dialog.at_keyboard, "Lê Văn Cường")
    qtbot.keyClick(dialog.at_keyboard, Qt.Key.Key_Return)  # OK
    qtbot.waitUntil(lambda: shell.forms.view is not None, timeout=30_000)  # then the form opens
    shell.idle()
    shell.forms.submission.set("/data/total_staff", "12")
    window.activateWindow()  # offscreen, a closed dialog does not hand the keyboard back by itself
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    shell.save()
    assert authors(data_dir) == ["Lê Văn Cường"]
