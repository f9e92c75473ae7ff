"""The form view by keyboard alone: the cursor starts in the first question and follows
page changes; every check box of a multiple choice can be reached (Tab, arrows) and
ticked (Space); a radio group is one Tab stop with the arrows inside; the focus shows.
Only key events here, sent where the keyboard focus is."""

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from fieldkit.forms import load_form
from fieldkit.ui.form_view.page import Page

FORMS = Path(__file__).resolve().parents[3] / "forms"

FORM = """
| survey |
| | type          | name     | label::English (en) |
| | note          | welcome  | Welcome             |
| | text          | intro    | Intro               |
| | select_one yn | connected| Connected?          |
| | text          | closing  | Closing             |
| | begin group   | second   | Second page         |
| | integer       | staff    | Staff               |
| | end group     |          |                     |
| choices |
| | list_name | name  | label::English (en) |
| | yn        | yes   | Yes                 |
| | yn        | no    | No                  |
| | yn        | maybe | Maybe               |
| settings |
| | form_id | default_language |
| | keys    | English (en)     |
"""


def focused():
    return QApplication.focusWidget()


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier, times: int = 1) -> None:
    """A key pressed where the keyboard focus is, as a person would."""
    for _ in range(times):
        qtbot.keyClick(focused(), key, modifier)


def type_keys(qtbot, text: str) -> None:
    qtbot.keyClicks(focused(), text)


@pytest.fixture
def keys_view(make_form, open_view):
    return open_view(make_form(FORM, name="keys.md"))


def test_opening_puts_the_cursor_in_the_first_question(keys_view, qtbot):
    view, target = keys_view
    intro = view.widget_for("/data/intro")
    assert focused() is intro.editor  # the note before it takes no answer
    type_keys(qtbot, "Hello")
    assert target.session.value("/data/intro") == "Hello"
    press(qtbot, Qt.Key.Key_PageDown)
    assert view.current_page.title() == "Second page"
    assert focused() is view.widget_for("/data/second/staff").editor
    press(qtbot, Qt.Key.Key_PageUp)
    assert focused() is intro.editor


def test_the_cursor_stays_in_the_page_when_the_interface_language_changes(keys_view, qtbot, vietnamese):
    """The pages are rebuilt in the new language, the focused question with them."""
    view, _target = keys_view  # opened in English, then the fixture switched to Vietnamese
    qtbot.waitUntil(lambda: view.next_button.text() == "Trang sau ›")
    type_keys(qtbot, "Hello")
    assert view.widget_for("/data/intro").editor.text() == "Hello"
    assert focused() is view.widget_for("/data/intro").editor  # the new box


def test_every_tab_stop_before_the_first_question_shows_where_the_cursor_is(keys_view, qtbot):
    """Shift+Tab from the first question goes to a visible control (the page's scroll
    area took a Tab stop with no mark, between the Next button and the question)."""
    view, _target = keys_view
    intro = view.widget_for("/data/intro").editor
    press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert not isinstance(focused(), Page) and focused().isVisible()
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is intro


def test_the_navigator_takes_the_cursor_into_the_page_chosen(keys_view, qtbot):
    view, _target = keys_view
    view.navigator.setFocus()
    press(qtbot, Qt.Key.Key_Down)  # the arrows browse: the focus stays in the navigator
    assert view.current_page.title() == "Second page" and focused() is view.navigator
    press(qtbot, Qt.Key.Key_Return)
    assert focused() is view.widget_for("/data/second/staff").editor


def test_a_radio_group_is_one_tab_stop_with_the_arrows_inside(keys_view, qtbot):
    view, target = keys_view
    buttons = view.widget_for("/data/connected").buttons
    clear = view.widget_for("/data/connected").clear_button
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is buttons[0]
    press(qtbot, Qt.Key.Key_Down)  # nothing chosen yet: the arrow only moves
    assert focused() is buttons[1] and target.session.value("/data/connected") == ""
    press(qtbot, Qt.Key.Key_Space)
    assert target.session.value("/data/connected") == "no"
    press(qtbot, Qt.Key.Key_Down)  # once chosen, the arrows choose as they move
    assert focused() is buttons[2] and target.session.value("/data/connected") == "maybe"
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is clear
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is view.widget_for("/data/closing").editor
    press(qtbot, Qt.Key.Key_Backtab, times=2)  # back into the group: on the chosen button
    assert focused() is buttons[2]


def test_tab_enters_a_resumed_radio_group_on_its_answer(keys_view, qtbot):
    view, target = keys_view
    target.set("/data/connected", "maybe")
    view.refresh()
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is view.widget_for("/data/connected").buttons[2]


def test_clear_shows_its_focus_and_keeps_the_cursor_in_the_question(keys_view, qtbot):
    view, target = keys_view
    widget = view.widget_for("/data/connected")
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Space)
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is widget.clear_button
    assert not widget.clear_button.isFlat()  # framed, with the style's focus mark, while focused
    press(qtbot, Qt.Key.Key_Space)
    assert target.session.value("/data/connected") == ""
    assert focused() is widget.buttons[0]  # not thrown to the next question
    assert widget.clear_button.isFlat()


def looks_focused(widget) -> bool:
    """Whether the widget, which has the keyboard focus, is drawn otherwise without it."""
    assert widget.hasFocus()
    with_focus = widget.grab().toImage()
    widget.clearFocus()
    without_focus = widget.grab().toImage()
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    return with_focus != without_focus


def test_radio_buttons_check_boxes_and_clear_show_the_focus(make_form, open_view, qtbot):
    """Styles draw the mark of a radio button or a check box only in a window where the
    keyboard moved the focus: Enter and the page keys count as much as Tab."""
    view, target = open_view(make_form(FORM.replace("select_one yn | connected", "select_multiple yn | connected")
                                       .replace("| text          | closing ", "| select_one yn | closing "),
                                       name="marks.md"))
    press(qtbot, Qt.Key.Key_Return)
    box = view.widget_for("/data/connected").buttons[0]
    assert focused() is box and looks_focused(box)
    press(qtbot, Qt.Key.Key_Return)
    radio = view.widget_for("/data/closing").buttons[0]
    assert focused() is radio and looks_focused(radio)
    press(qtbot, Qt.Key.Key_Space)
    press(qtbot, Qt.Key.Key_Tab)
    clear = view.widget_for("/data/closing").clear_button
    assert focused() is clear and looks_focused(clear)


def _services_page(qtbot, view):
    """Page Down from the first question until the page of the digital services."""
    for _ in range(len(view.pages)):
        if view.current_page.spec.group is not None and view.current_page.spec.group.name == "services":
            return
        press(qtbot, Qt.Key.Key_PageDown)
    raise AssertionError("no services page")


def test_every_box_of_a_shipped_multiple_choice_by_keyboard(open_view, qtbot):
    """"Không có lỗi", the last of six boxes, ticked with Tab and Space; then the
    first with the arrows."""
    view, target = open_view(load_form(FORMS / "commune_infrastructure.xlsx"), lang="Tiếng Việt (vi)")
    _services_page(qtbot, view)
    assert focused() is view.widget_for("/data/services/one_stop_software").editor
    press(qtbot, Qt.Key.Key_Return, times=2)  # Enter from question to question (one waits for an answer)
    boxes = view.widget_for("/data/services/db_failures").buttons
    assert focused() is boxes[0]
    press(qtbot, Qt.Key.Key_Tab, times=5)
    assert focused() is boxes[-1] and boxes[-1].text() == "Không có lỗi"
    press(qtbot, Qt.Key.Key_Space)
    assert target.session.value("/data/services/db_failures") == boxes[-1].property("choice_value")
    press(qtbot, Qt.Key.Key_Up, times=5)
    assert focused() is boxes[0]
    press(qtbot, Qt.Key.Key_Up)  # the arrows stay within the question
    assert focused() is boxes[0]
    press(qtbot, Qt.Key.Key_Space)
    press(qtbot, Qt.Key.Key_Down, times=2)
    press(qtbot, Qt.Key.Key_Space)
    assert target.session.value("/data/services/db_failures").split() == [
        boxes[index].property("choice_value") for index in (0, 2, 5)]
    press(qtbot, Qt.Key.Key_Return)  # Enter moves on from a check box
    assert focused() is view.widget_for("/data/services/records_digitised_pct").editor


ROSTER = """
| survey |
| | type         | name    | label::English (en) |
| | text         | intro   | Intro               |
| | begin repeat | people  | Person              |
| | text         | pname   | Name                |
| | text         | role    | Role                |
| | integer      | age     | Age                 |
| | end repeat   |         |                     |
| | text         | closing | Closing             |
| settings |
| | form_id | default_language |
| | roster  | English (en)     |
"""


def shown_in_page(page, widget) -> bool:
    """Whether the whole widget is inside the page's visible area."""
    top = widget.mapTo(page.viewport(), QPoint(0, 0)).y()
    return 0 <= top and top + widget.height() <= page.viewport().height()


def test_enter_after_a_roster_row_goes_to_add_then_adds_a_row_in_view(make_form, open_view, qtbot):
    view, target = open_view(make_form(ROSTER, name="roster.md"))
    view.resize(900, 330)  # a short window: the second row is below the fold
    press(qtbot, Qt.Key.Key_PageDown)
    section = view.current_page.elements[0]
    assert focused() is view.widget_for("/data/people[1]/pname").editor
    for answer in ("An", "Chair", "40"):
        type_keys(qtbot, answer)
        press(qtbot, Qt.Key.Key_Return)
    assert focused() is section.add_button  # not the next page, past the Add button
    assert section.add_button.hint.isVisible()
    assert section.add_button.hint.text() == "Enter: add a row · Tab: go on · Page Down: next page"
    bar = view.current_page.verticalScrollBar()
    height_of_one_row = bar.maximum()
    press(qtbot, Qt.Key.Key_Return)
    assert target.session.repeat_count("/data/people") == 2
    name = view.widget_for("/data/people[2]/pname").editor
    assert focused() is name
    qtbot.waitUntil(lambda: bar.maximum() > height_of_one_row)  # the new row has its place
    assert shown_in_page(view.current_page, name)
    type_keys(qtbot, "Binh")
    press(qtbot, Qt.Key.Key_Return, times=3)
    assert focused() is section.add_button
    press(qtbot, Qt.Key.Key_PageDown)  # and on, without adding a third row
    assert focused() is view.widget_for("/data/closing").editor
    assert target.session.repeat_count("/data/people") == 2
    assert target.session.value("/data/people[2]/pname") == "Binh"


TEAM = """
| survey |
| | type         | name   | label::English (en) | appearance |
| | begin group  | team   | Team                | field-list |
| | begin repeat | people | Person              |            |
| | text         | pname  | Name                |            |
| | end repeat   |        |                     |            |
| | text         | notes  | Notes               |            |
| | end group    |        |                     |            |
| settings |
| | form_id | default_language |
| | team    | English (en)     |
"""


def test_space_on_add_adds_a_row_too_and_tab_goes_on(make_form, open_view, qtbot):
    view, target = open_view(make_form(TEAM, name="team.md"))
    section = view.current_page.elements[0]
    assert focused() is view.widget_for("/data/team/people[1]/pname").editor
    press(qtbot, Qt.Key.Key_Return)
    assert focused() is section.add_button
    press(qtbot, Qt.Key.Key_Space)
    assert target.session.repeat_count("/data/team/people") == 2
    assert focused() is view.widget_for("/data/team/people[2]/pname").editor
    press(qtbot, Qt.Key.Key_Return)
    assert focused() is section.add_button
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is view.widget_for("/data/team/notes").editor
