"""Notes, acknowledge, range, rank, hidden calculations and read-only questions."""

from PySide6.QtCore import Qt

from fieldkit.ui.form_view.widgets.misc import NoteWidget

FORM = """
| survey |
| | type            | name     | label::English (en)        | calculation     | parameters               | readonly | required |
| | integer         | staff    | Staff                      |                 |                          |          |          |
| | calculate       | double   |                            | ${staff} * 2    |                          |          |          |
| | note            | summary  | Twice: ${double}           |                 |                          |          |          |
| | acknowledge     | ack      | I have read the rules      |                 |                          |          | yes      |
| | trigger         | trig     | Tap when done              |                 |                          |          |          |
| | range           | score    | Score                      |                 | start=0 end=10 step=2    |          |          |
| | rank order      | order    | Priorities                 |                 |                          |          |          |
| | integer         | fixed    | Fixed                      |                 |                          | yes      |          |
| choices |
| | list_name | name  | label::English (en) |
| | order     | water | Water               |
| | order     | roads | Roads               |
| | order     | power | Power               |
| settings |
| | form_id | default_language |
| | misc    | English (en)     |
"""


def test_calculations_are_not_shown_and_notes_render_outputs(make_form, open_view, qtbot):
    view, target = open_view(make_form(FORM))
    assert view.widget_for("/data/double") is None
    note = view.widget_for("/data/summary")
    assert isinstance(note, NoteWidget)
    qtbot.keyClicks(view.widget_for("/data/staff").editor, "21")
    assert note.label.text() == "Twice: 42"


def test_acknowledge_and_trigger(make_form, open_view, click):
    view, target = open_view(make_form(FORM))
    click(view.widget_for("/data/ack").editor)
    assert target.session.value("/data/ack") == "OK"
    click(view.widget_for("/data/trig").editor)
    assert target.session.value("/data/trig") == "OK"
    click(view.widget_for("/data/ack").editor)
    assert target.session.value("/data/ack") == ""


def test_range_slider_by_keyboard(make_form, open_view, qtbot):
    view, target = open_view(make_form(FORM))
    widget = view.widget_for("/data/score")
    assert widget.value_label.text() == "Not answered yet"
    widget.slider.setFocus()
    qtbot.keyClick(widget.slider, Qt.Key.Key_Right)
    qtbot.keyClick(widget.slider, Qt.Key.Key_Right)
    assert target.session.value("/data/score") == "4"
    assert widget.value_label.text() == "4"
    qtbot.mouseClick(widget.clear_button, Qt.MouseButton.LeftButton)
    assert target.session.value("/data/score") == ""


def test_rank_by_moving_items(make_form, open_view, qtbot):
    view, target = open_view(make_form(FORM))
    widget = view.widget_for("/data/order")
    widget.list.setCurrentRow(2)
    qtbot.mouseClick(widget.up_button, Qt.MouseButton.LeftButton)
    assert target.session.value("/data/order") == "water power roads"


def test_readonly_questions_cannot_be_edited(make_form, open_view):
    view, _ = open_view(make_form(FORM))
    assert not view.widget_for("/data/fixed").editor.isEnabled()
