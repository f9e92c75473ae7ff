"""Issue 9: required answers in roster rows added while filling. In the running app,
over a real data folder: the staffing form filled, a second roster row added with its
button and only its name typed. The row's questions show the red *, the progress bar
counts them, Finalize is refused naming the three missing answers, and removing the
row lets the form finalize again."""

import json
import sqlite3

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from fieldkit.ui.form_view.repeat import RepeatSection
from fieldkit.ui.form_view.texts import REQUIRED_COLOUR
from tests.helpers.shell import fill_form, type_text

ROW = "/data/roster[2]"
MISSING = [f"{ROW}/role", f"{ROW}/trainings", f"{ROW}/has_signature_cert"]


def statuses(data_dir, record_id) -> list[str]:
    with sqlite3.connect(data_dir / "fieldkit.sqlite3") as connection:
        rows = connection.execute("SELECT data FROM revisions WHERE record_id = ? ORDER BY seq", (record_id,))
        return [json.loads(data)["status"] for (data,) in rows]


def shows_required_mark(widget) -> bool:
    return f'color:{REQUIRED_COLOUR}">*</span>' in widget.label.text()


def progress_shown(view) -> tuple[int, int]:
    return view.progress.value(), view.progress.maximum()


def roster_section(view) -> RepeatSection:
    view.show_page(view.page_of("/data/roster[1]/name"))
    sections = [element for element in view.current_page.elements if isinstance(element, RepeatSection)]
    assert len(sections) == 1
    return sections[0]


def finalize(qtbot, shell) -> None:
    qtbot.mouseClick(shell.window.form_page.finalize_button, Qt.MouseButton.LeftButton)
    shell.idle()


def test_a_roster_row_added_while_filling_asks_for_its_required_answers(qtbot, start_shell, data_dir, tmp_path,
                                                                        monkeypatch):
    shell = start_shell()
    shell.enter_visit()
    shell.pick_commune("hoan kiem")
    submission = shell.open_form("commune_staffing")
    view = shell.forms.view
    fill_form(qtbot, view, tmp_path)
    full = progress_shown(view)
    assert full[0] == full[1] > 0

    section = roster_section(view)
    qtbot.mouseClick(section.add_button, Qt.MouseButton.LeftButton)
    assert len(section.blocks) == 2
    name = view.widget_for(f"{ROW}/name")
    assert view.focusWidget() is name.editor  # the new row's first question
    type_text(qtbot, name.editor, "Lê Văn Cường")
    assert submission.session.value(f"{ROW}/name") == "Lê Văn Cường"

    for path in [f"{ROW}/name", *MISSING]:
        widget = view.widget_for(path)
        assert widget.isVisibleTo(view.current_page), path
        assert shows_required_mark(widget), path
    assert progress_shown(view) == (full[0] + 1, full[1] + 4)
    assert f"{full[0] + 1} / {full[1] + 4}" in view.progress.text()  # "Đã trả lời 12 / 15 câu bắt buộc"

    finalize(qtbot, shell)
    assert view.error_list.isVisible()
    assert view.error_list.paths() == MISSING
    assert all(view.widget_for(path).error_text() for path in MISSING)  # said on the question too
    assert statuses(data_dir, submission.record_id) == []  # nothing finalized, nothing saved

    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(section.blocks[1].remove_button, Qt.MouseButton.LeftButton)
    assert len(section.blocks) == 1 and submission.session.repeat_count("/data/roster") == 1
    assert progress_shown(view) == full
    assert view.error_list.paths() == [] and not view.error_list.isVisible()

    finalized = []
    shell.forms.saved.connect(finalized.append)
    finalize(qtbot, shell)
    qtbot.waitUntil(lambda: bool(finalized), timeout=20_000)
    assert statuses(data_dir, submission.record_id) == ["finalized"]


def test_removing_an_empty_roster_row_drops_its_required_answers(qtbot, start_shell, monkeypatch):
    shell = start_shell("en")
    shell.enter_visit()
    shell.pick_commune("hoan kiem")
    submission = shell.open_form("commune_staffing")
    view = shell.forms.view
    section = roster_section(view)
    before = progress_shown(view)
    for _ in range(2):
        qtbot.mouseClick(section.add_button, Qt.MouseButton.LeftButton)
    assert progress_shown(view) == (before[0], before[1] + 8)
    assert all(shows_required_mark(view.widget_for(f"/data/roster[3]/{name}"))
               for name in ("name", "role", "trainings", "has_signature_cert"))
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args: asked.append(args) or QMessageBox.StandardButton.No)
    qtbot.mouseClick(section.blocks[1].remove_button, Qt.MouseButton.LeftButton)
    assert asked == []  # nothing typed in it (its calculations, is_trained = 0, are not answers): not asked
    assert submission.session.repeat_count("/data/roster") == 2
    assert [block.title.text() for block in section.blocks] == ["<b>Staff roster 1</b>", "<b>Staff roster 2</b>"]
    assert progress_shown(view) == (before[0], before[1] + 4)
    assert shows_required_mark(view.widget_for("/data/roster[2]/role"))
    assert view.widget_for("/data/roster[3]/role") is None
