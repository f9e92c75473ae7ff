"""Issue 9: a form with no language columns (a plain `label` column) in the window, with
the app in Vietnamese and in English. The form is added as a person adds one, with
`fieldkit submit FORM.md` (which also saves a first draft for the commune); the window
opens that draft, shows the form's own labels whatever the app's language, and saves
what is typed. The command line's side is tests/test_cli_plain_labels.py."""

import json
import sqlite3

import pytest
from PySide6.QtCore import Qt

from fieldkit.cli import main
from fieldkit.ui.form_view.texts import REQUIRED_COLOUR
from tests.helpers.plain_labels import PLAIN_FORM, REQUIRED_MESSAGE
from tests.helpers.shell import type_text

TITLE = "Biểu mẫu không ngôn ngữ"
PROGRESS = {"vi": "Đã trả lời 1 / 3 câu bắt buộc", "en": "1 / 3 required answered"}


@pytest.fixture
def added(data_dir, tmp_path, monkeypatch, capsys):
    """added(lang): the form added to the data folder by `fieldkit submit`, with a draft
    for Phường Hoàn Kiếm (00070) answering the office; its record id."""

    def add(lang):
        form = tmp_path / "plain_labels.md"
        form.write_text(PLAIN_FORM, encoding="utf-8")
        answers = tmp_path / "answers.json"
        answers.write_text(json.dumps({"/data/office": "UBND phường"}, ensure_ascii=False), encoding="utf-8")
        monkeypatch.setenv("FIELDKIT_LANG", lang)
        status = main(["--data-dir", str(data_dir), "submit", str(form), "--answers", str(answers),
                       "--commune", "00070"])
        out, err = capsys.readouterr()
        assert (status, err) == (0, ""), out + err
        return out.split()[-1]

    return add


def open_plain_form(shell, added, lang):
    record_id = added(lang)
    shell_ = shell(lang)
    shell_.enter_visit()
    shell_.pick_commune("hoan kiem")
    submission = shell_.open_form("plain_labels")
    assert submission.record_id == record_id
    return shell_, submission


def stored_answers(data_dir, record_id) -> list[dict]:
    with sqlite3.connect(data_dir / "fieldkit.sqlite3") as connection:
        rows = connection.execute("SELECT data FROM revisions WHERE record_id = ? ORDER BY seq", (record_id,))
        return [json.loads(data)["answers"] for (data,) in rows]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_open_fill_and_save_a_form_without_language_columns(qtbot, start_shell, added, data_dir, lang):
    shell, submission = open_plain_form(start_shell, added, lang)
    view = shell.forms.view
    assert TITLE in shell.window.form_page.title.text()
    assert not view.language_box.isVisible()  # one language: nothing to switch
    office = view.widget_for("/data/office")
    assert office.label.text().startswith("Tên cơ quan")
    assert f'color:{REQUIRED_COLOUR}">*</span>' in office.label.text()
    assert office.editor.text() == "UBND phường"  # the draft saved by the command line
    assert view.progress.text() == PROGRESS[lang]  # the app's own words in the app's language
    staff = view.widget_for("/data/staff")
    view.focus_path("/data/staff")
    type_text(qtbot, staff.editor, "12")
    view.widget_for("/data/wifi").choose("yes")
    assert [label for _value, label in submission.session.choices("/data/wifi")] == ["Có", "Không"]
    room = view.widget_for("/data/room[1]/room_name")
    view.focus_path(room.path)
    type_text(qtbot, room.editor, "Bộ phận một cửa")
    revision = shell.save()
    saved = stored_answers(data_dir, submission.record_id)[-1]
    assert revision.record_id == submission.record_id
    assert {path: saved[path] for path in ("/data/office", "/data/staff", "/data/wifi", "/data/room[1]/room_name")} \
        == {"/data/office": "UBND phường", "/data/staff": "12", "/data/wifi": "yes",
            "/data/room[1]/room_name": "Bộ phận một cửa"}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_finalize_refused_in_the_app_language(qtbot, start_shell, added, lang):
    shell, submission = open_plain_form(start_shell, added, lang)
    view = shell.forms.view
    qtbot.mouseClick(shell.window.form_page.finalize_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(view.error_list.isVisible)
    assert view.error_list.paths() == ["/data/staff", "/data/room[1]/room_name"]
    assert view.widget_for("/data/staff").error_text() == REQUIRED_MESSAGE[lang]
