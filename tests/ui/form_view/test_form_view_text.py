"""Text and number questions: typed answers reach the session on every keystroke;
the session's messages show under the field, in the form's language."""

from PySide6.QtCore import Qt

FORM = """
| survey |
| | type    | name   | label::English (en) | label::Tiếng Việt (vi) | required | constraint | constraint_message::English (en) | constraint_message::Tiếng Việt (vi) | appearance |
| | text    | name   | Name                | Tên                    | yes      |            |                                  |                                     |            |
| | text    | notes  | Notes               | Ghi chú                |          |            |                                  |                                     | multiline  |
| | integer | staff  | Staff               | Số cán bộ              |          | . >= 0     | Cannot be negative               | Không được âm                       |            |
| | decimal | share  | Share               | Tỷ lệ                  |          | . <= 100   | At most 100                      | Tối đa 100                          |            |
| settings |
| | form_id | default_language |
| | texts   | English (en)     |
"""


def test_typing_commits_every_keystroke(make_form, open_view, qtbot, type_text):
    view, target = open_view(make_form(FORM))
    widget = view.widget_for("/data/name")
    type_text(widget.editor, "Lê Thị Hà")
    assert target.session.value("/data/name") == "Lê Thị Hà"
    sets = [call for call in target.calls if call[:2] == ("set", "/data/name")]
    assert len(sets) == len("Lê Thị Hà")


def test_cursor_and_focus_survive_refreshes(make_form, open_view, qtbot):
    view, target = open_view(make_form(FORM))
    editor = view.widget_for("/data/name").editor
    editor.setFocus()
    qtbot.keyClicks(editor, "abcdef")
    qtbot.keyClick(editor, Qt.Key.Key_Left)
    qtbot.keyClick(editor, Qt.Key.Key_Left)
    qtbot.keyClicks(editor, "X")
    assert editor.text() == "abcdXef"
    assert editor.cursorPosition() == 5
    assert editor.hasFocus()


def test_multiline_keeps_new_lines(make_form, open_view, qtbot):
    view, target = open_view(make_form(FORM))
    editor = view.widget_for("/data/notes").editor
    editor.setFocus()
    qtbot.keyClicks(editor, "one")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "two")
    assert target.session.value("/data/notes") == "one\ntwo"


def test_numbers_are_checked_as_typed_in_the_session_language(make_form, open_view, qtbot):
    view, target = open_view(make_form(FORM))
    widget = view.widget_for("/data/staff")
    qtbot.keyClicks(widget.editor, "-3")
    assert widget.error_text() == "Cannot be negative"
    assert widget.editor.accessibleDescription() == "Cannot be negative"
    view.set_language("Tiếng Việt (vi)")
    assert widget.error_text() == "Không được âm"
    widget.editor.clear()
    qtbot.keyClicks(widget.editor, "-")  # on its way to a number: the box keeps it, the session says why not yet
    assert widget.error_text() == "Cần nhập một số nguyên."
    qtbot.keyClick(widget.editor, Qt.Key.Key_Backspace)
    qtbot.keyClicks(widget.editor, "1")
    assert widget.error_text() == ""
    assert target.session.value("/data/staff") == "1"


def test_decimal_comma_is_a_decimal_point(make_form, open_view, qtbot):
    view, target = open_view(make_form(FORM))
    widget = view.widget_for("/data/share")
    qtbot.keyClicks(widget.editor, "12,5")
    assert target.session.value("/data/share") == "12.5"
    assert widget.editor.text() == "12,5"  # what was typed stays as typed
    assert widget.error_text() == ""


def test_a_whole_number_typed_into_a_decimal_stays_as_typed(make_form, open_view, qtbot):
    view, target = open_view(make_form(FORM))
    widget = view.widget_for("/data/share")
    qtbot.keyClicks(widget.editor, "12")
    assert target.session.value("/data/share") == "12.0"  # a double, as ODK stores it
    assert widget.editor.text() == "12"  # not "12.0" under the cursor: the next key follows the 2
    qtbot.keyClicks(widget.editor, "5")
    assert (widget.editor.text(), target.session.value("/data/share")) == ("125", "125.0")


def test_required_message_waits_until_the_question_is_touched(make_form, open_view, qtbot):
    view, target = open_view(make_form(FORM))
    widget = view.widget_for("/data/name")
    assert "*" in widget.label.text()
    assert widget.error_text() == ""
    qtbot.keyClicks(widget.editor, "a")
    qtbot.keyClick(widget.editor, Qt.Key.Key_Backspace)
    assert widget.error_text() == "This answer is required."


PROGRESS_FORM = """
| survey |
| | type    | name  | label | required | constraint |
| | integer | staff | Staff | yes      | . >= 0     |
| | decimal | share | Share | yes      |            |
| settings |
| | form_id  |
| | progress |
"""


def test_an_answer_with_an_error_does_not_count_as_answered(make_form, open_view, qtbot):
    view, _target = open_view(make_form(PROGRESS_FORM, name="progress.md"))
    staff, share = view.widget_for("/data/staff"), view.widget_for("/data/share")
    qtbot.keyClicks(staff.editor, "-5")
    qtbot.keyClicks(share.editor, "-")  # letters are refused as typed; a lone minus sign is no number yet
    assert staff.error_text() and share.error_text()
    assert view.progress_counts() == (0, 2)
    staff.editor.clear()
    qtbot.keyClicks(staff.editor, "5")
    assert view.progress_counts() == (1, 2)
    assert view.progress.format() == "1 / 2 required answered"
