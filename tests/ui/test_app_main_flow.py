"""The main flow through the real widgets and a real SurveyService: visit context →
commune → its forms → the form → Save → Finalize; the stored revision is checked in
the SQLite file itself."""

import json
import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.helpers.shell import VISIT, fill_form, type_text


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


def test_visit_pick_open_type_save_finalize(qtbot, start_shell, data_dir, tmp_path):
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
    assert [row["rev_id"] for row in rows] == [revision.rev_id]
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

    # Clicking an error puts the cursor in its question.
    path = view.error_list.paths()[0]
    item = view.error_list.item(0)
    qtbot.mouseClick(view.error_list.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.error_list.visualItemRect(item).center())
    widget = view.widget_for(path)
    assert widget.isAncestorOf(QApplication.focusWidget()) or widget.hasFocus()

    # The rest answered, Finalize stores a finalized revision whose parent is the draft.
    fill_form(qtbot, view, tmp_path)
    finalized = []
    shell.forms.saved.connect(finalized.append)
    qtbot.mouseClick(shell.window.form_page.finalize_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(finalized), timeout=20_000)
    rows = stored_revisions(data_dir, submission.record_id)
    assert [revision_data(row)["status"] for row in rows] == ["draft", "finalized"]
    assert json.loads(rows[1]["parents"]) == [revision.rev_id]
    assert shell.window.form_page.info_banner.isVisible()  # "finalized; changes make a new revision"

    # Editing the finalized submission makes a new revision with the finalized one as parent.
    editor = editor_of(view, "/data/total_staff")
    editor.selectAll()
    type_text(qtbot, editor, "13")
    edited = shell.save()
    rows = stored_revisions(data_dir, submission.record_id)
    assert len(rows) == 3 and edited.parents == (finalized[0].rev_id,)
    assert revision_data(rows[2])["answers"]["/data/total_staff"] == "13"
    audit = shell.service.store.audit_log(submission.record_id)
    assert [entry["author"] for entry in audit][-3:] == [VISIT["at_keyboard"]] * 3


def test_visit_context_is_editable_and_shown(qtbot, start_shell):
    shell = start_shell()
    shell.enter_visit()
    assert VISIT["at_keyboard"] in shell.window.visit_label.text()
    shell.window.visit_action.trigger()
    qtbot.waitUntil(lambda: shell.window.visit_dialog.isVisible())
    dialog = shell.window.visit_dialog
    assert dialog.delegation.text() == VISIT["delegation"]
    dialog.at_keyboard.setCurrentText("Nguyễn Văn An")
    dialog.accept()
    qtbot.waitUntil(lambda: "Nguyễn Văn An" in shell.window.visit_label.text())
    assert shell.service.store.setting("visit")["at_keyboard"] == "Nguyễn Văn An"


def test_visit_dialog_needs_a_delegation_and_an_author(qtbot):
    from PySide6.QtWidgets import QDialogButtonBox

    from fieldkit.ui.visit_dialog import VisitDialog

    dialog = VisitDialog()
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.delegation.setText("Đoàn 1")
    dialog.members.setPlainText("Nguyễn Văn An\n  Trần  Thị Bình \n\n")
    assert dialog.at_keyboard.count() == 2 and not ok.isEnabled()
    dialog.at_keyboard.setCurrentIndex(1)
    assert ok.isEnabled()
    assert dialog.values() == {"delegation": "Đoàn 1", "members": ["Nguyễn Văn An", "Trần Thị Bình"],
                               "at_keyboard": "Trần Thị Bình"}


LONG_DELEGATION = "Đoàn kiểm tra liên ngành Bộ Khoa học và Công nghệ tại tỉnh Đắk Lắk và tỉnh Lâm Đồng"


def shows_whole_text(line_edit) -> bool:
    """The text fits in the box, beside its 2-pixel margins: no part scrolled out of sight."""
    return line_edit.fontMetrics().horizontalAdvance(line_edit.text()) + 4 <= line_edit.contentsRect().width()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_visit_dialog_shows_a_long_delegation_name_whole(qtbot, qapp, lang):
    from fieldkit.services.types import VisitContext
    from fieldkit.ui.translators import Translators
    from fieldkit.ui.visit_dialog import VisitDialog

    Translators(qapp).install(lang)
    dialog = VisitDialog(VisitContext(LONG_DELEGATION, ["Nguyễn Văn An"], "Nguyễn Văn An"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert shows_whole_text(dialog.delegation)
    dialog.delegation.clear()
    type_text(qtbot, dialog.delegation, LONG_DELEGATION + " (đợt 2)")  # typed longer still
    qtbot.waitUntil(lambda: shows_whole_text(dialog.delegation))  # the dialog grows
    available = dialog.screen().availableGeometry()
    assert available.contains(dialog.frameGeometry())
    Translators(qapp).install("en")  # the source language, which later tests read
