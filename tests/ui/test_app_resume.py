"""On start, working copies not saved as a revision are offered: resume, or discard
after a confirmation; "Later" keeps them. Nothing typed is ever lost silently."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.helpers.shell import type_text


def type_without_saving(qtbot, shell, text="Phạm Quốc Huy", total_staff=None):
    shell.enter_visit()
    shell.pick_commune("hoan kiem")
    submission = shell.open_form("commune_staffing")
    view = shell.forms.view
    if total_staff is not None:
        view.focus_path("/data/total_staff")
        type_text(qtbot, view.widget_for("/data/total_staff").editor, total_staff)
    view.focus_path("/data/roster[1]/name")
    type_text(qtbot, view.widget_for("/data/roster[1]/name").editor, text)
    shell.idle()  # the working copy is written as the person types
    shell.close()  # as if the lid closed for good: no Save
    return submission


def resume_dialog(qtbot, shell):
    qtbot.waitUntil(lambda: shell.window.resume_dialog is not None and shell.window.resume_dialog.isVisible(),
                    timeout=20_000)
    return shell.window.resume_dialog


def test_a_working_copy_with_non_relevant_questions_resumes_whole(tmp_path):
    """Without widgets: the working copy keeps non-relevant questions too, so the resumed
    session has every node (a FormView over a partial one would miss questions)."""
    from fieldkit.services import SurveyService

    with SurveyService.open(tmp_path / "data") as service:
        service.catalog()
        submission = service.open_submission(form_id="commune_staffing", commune_code="00070")
        autosaves = []
        submission.watch_autosaves(autosaves.append)
        submission.set("/data/roster[1]/name", "Phạm Quốc Huy")
        autosaves[-1].result(timeout=10)
        resumed = service.resume(service.pending_drafts()[0].draft_id)
        assert resumed.session.value("/data/roster[1]/name") == "Phạm Quốc Huy"
        assert resumed.session.is_relevant("/data/roster_over_total") is False


def test_restart_resumes_a_form_with_non_relevant_questions(qtbot, start_shell):
    type_without_saving(qtbot, start_shell())  # the roster note is not relevant here
    shell = start_shell()
    dialog = resume_dialog(qtbot, shell)
    qtbot.mouseClick(dialog.resume_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shell.forms.view is not None, timeout=20_000)
    assert shell.forms.submission.session.value("/data/roster[1]/name") == "Phạm Quốc Huy"
    assert shell.forms.view.widget_for("/data/roster[1]/name").editor.text() == "Phạm Quốc Huy"


def test_restart_offers_the_working_copy_and_resumes_it(qtbot, start_shell):
    type_without_saving(qtbot, start_shell(), total_staff="0")
    shell = start_shell()
    dialog = resume_dialog(qtbot, shell)
    assert dialog.list.count() == 1
    assert "Phường Hoàn Kiếm" in dialog.list.item(0).text()
    qtbot.mouseClick(dialog.resume_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shell.forms.submission is not None, timeout=20_000)
    assert shell.forms.submission.session.value("/data/roster[1]/name") == "Phạm Quốc Huy"
    assert shell.window.pages.currentWidget() is shell.window.form_page
    revision = shell.save()
    assert revision.answers["/data/roster[1]/name"] == "Phạm Quốc Huy"
    assert shell.service.pending_drafts() == []


def test_discard_asks_first_and_later_keeps_it(qtbot, start_shell):
    type_without_saving(qtbot, start_shell(), total_staff="0")
    shell = start_shell()
    dialog = resume_dialog(qtbot, shell)
    qtbot.mouseClick(dialog.discard_button, Qt.MouseButton.LeftButton)
    confirm = dialog.findChild(QMessageBox, "confirm_discard")
    qtbot.waitUntil(confirm.isVisible)
    confirm.button(QMessageBox.StandardButton.Cancel).click()  # changed their mind
    assert dialog.list.count() == 1 and len(shell.service.pending_drafts()) == 1
    qtbot.mouseClick(dialog.later_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert len(shell.service.pending_drafts()) == 1  # still there for the next start
    shell.close()

    shell = start_shell()
    dialog = resume_dialog(qtbot, shell)
    qtbot.mouseClick(dialog.discard_button, Qt.MouseButton.LeftButton)
    confirm = dialog.findChild(QMessageBox, "confirm_discard")
    qtbot.waitUntil(confirm.isVisible)
    confirm.button(QMessageBox.StandardButton.Discard).click()
    qtbot.waitUntil(lambda: shell.service.pending_drafts() == [], timeout=10_000)
    assert not dialog.isVisible()
    assert QApplication.instance() is not None
