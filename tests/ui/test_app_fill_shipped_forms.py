"""Each shipped form filled end to end through its widgets in the running app, saved,
finalized; the stored revisions hold exactly the answers on screen."""

import json
import sqlite3

import pytest
from PySide6.QtCore import Qt

from tests.helpers.shell import fill_form

SHIPPED = ["commune_infrastructure", "commune_staffing", "visit_minutes"]


def revisions(data_dir, record_id):
    with sqlite3.connect(data_dir / "fieldkit.sqlite3") as connection:
        connection.row_factory = sqlite3.Row
        rows = connection.execute("SELECT * FROM revisions WHERE record_id = ? ORDER BY seq", (record_id,))
        return [dict(row, data=json.loads(row["data"]), parents=json.loads(row["parents"])) for row in rows]


@pytest.mark.parametrize("form_id", SHIPPED)
def test_fill_each_shipped_form_through_the_widgets(qtbot, start_shell, data_dir, tmp_path, form_id):
    shell = start_shell()
    shell.enter_visit()
    shell.pick_commune("hoan kiem")
    submission = shell.open_form(form_id)
    view = shell.forms.view
    answered = fill_form(qtbot, view, tmp_path)
    assert answered, "the form asked nothing"
    draft = shell.save()
    on_screen = submission.session.answers()
    stored = revisions(data_dir, submission.record_id)
    assert [rev["rev_id"] for rev in stored] == [draft.rev_id]
    assert stored[0]["data"]["answers"] == on_screen
    for path, value in answered.items():
        assert stored[0]["data"]["answers"].get(path) == value, path

    finalized = []
    shell.forms.saved.connect(finalized.append)
    qtbot.mouseClick(shell.window.form_page.finalize_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(finalized), timeout=20_000)
    stored = revisions(data_dir, submission.record_id)
    assert [rev["data"]["status"] for rev in stored] == ["draft", "finalized"]
    assert stored[1]["parents"] == [draft.rev_id]  # the finalized revision descends from the draft
    assert stored[1]["author"] == shell.service.visit.at_keyboard
    shell.idle()
    panel = shell.window.commune_forms
    qtbot.waitUntil(lambda: panel.model.data(panel.model.index(panel.row_for(form_id), 1)) ==
                    _status_text("finalized"))


def _status_text(status):
    from fieldkit.ui.labels import status_text

    return status_text(status)
