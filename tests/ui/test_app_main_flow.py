"""The main flow through the real widgets and a real SurveyService: visit context →
commune → its forms → the form → Save → Finalize; the stored revision is checked in
the SQLite file itself."""

import json
import sqlite3

from PySide6.QtCore import Qt

from shell_helpers import VISIT, type_text


def stored_revisions(data_dir, record_id):
    with sqlite3.connect(data_dir / "fieldkit.sqlite3") as connection:
        connection.row_factory = sqlite3.Row
        return connection.execute("SELECT * FROM revisions WHERE record_id = ?", (record_id,)).fetchall()


def revision_data(row) -> dict:
    return json.loads(row["data"])


def editor_of(view, path):
    widget = view.widget_for(path)
    assert widget is not None, path
    view.focus_path(path)
    return widget.editor


def test_visit_pick_open_type_save_finalize(qtbot, start_shell, data_dir):
    shell = start_shell()
    shell.enter_visit()
    commune = shell.pick_commune("hoan kiem")
    assert commune.name == "Phường Hoàn Kiếm"
    submission = shell.open_form("commune_staffing")
    view = shell.forms.view
    session = submission.session
    assert session.value("/data/commune") == commune.code  # preset from the picked commune

    type_text(qtbot, editor_of(view, "/data/total_staff"), "12")
    type_text(qtbot, editor_of(view, "/data/one_stop_staff"), "4")
    type_text(qtbot, editor_of(view, "/data/it_staff"), "2")
    type_text(qtbot, editor_of(view, "/data/roster[1]/name"), "Lê Thị Hồng")
    assert session.value("/data/roster[1]/name") == "Lê Thị Hồng"

    revision = shell.save()
    rows = stored_revisions(data_dir, submission.record_id)
    assert [row["rev_id"] for row in rows] == [revision["rev_id"]]
    answers = revision_data(rows[0])["answers"]
    assert answers["/data/total_staff"] == "12"
    assert answers["/data/one_stop_staff"] == "4"
    assert answers["/data/roster[1]/name"] == "Lê Thị Hồng"
    assert revision_data(rows[0])["status"] == "draft"
    assert rows[0]["author"] == VISIT["at_keyboard"]

    # Finalize with errors left: they are listed, nothing is stored.
    qtbot.mouseClick(shell.window.form_page.finalize_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.error_list.isVisible())
    assert len(stored_revisions(data_dir, submission.record_id)) == 1
    assert view.error_list.count() == len(session.errors()) > 0
