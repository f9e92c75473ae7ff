"""Integer and decimal boxes refuse letters as they are typed, say why, and keep what
is on its way to a number ("-", "2.", "2,"); a decimal comma is a decimal point."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

FORM = """
| survey |
| | type    | name  | label::English (en) | constraint | constraint_message::English (en) |
| | integer | staff | Staff               | . >= 0     | Cannot be negative               |
| | decimal | share | Share               |            |                                  |
| settings |
| | form_id | default_language |
| | numbers | English (en)     |
"""

DIGITS_ONLY = "Only digits can be typed here, with a minus sign in front if needed."
NUMBER_ONLY = ("Only a number can be typed here: digits, one decimal comma or point, a minus sign in front "
               "if needed; for example 2,5 or 2.5.")


def test_letters_typed_in_an_integer_are_refused_with_a_message(make_form, open_view, qtbot):
    view, target = open_view(make_form(FORM))
    widget = view.widget_for("/data/staff")
    qtbot.keyClicks(widget.editor, "1x")
    assert widget.editor.text() == "1"
    assert target.session.value("/data/staff") == "1"
    assert widget.error_text() == DIGITS_ONLY
    qtbot.keyClicks(widget.editor, "2")  # the next key that is taken clears the message
    assert (widget.editor.text(), widget.error_text()) == ("12", "")
    qtbot.keyClicks(widget.editor, ".5")  # no decimals in a whole number: not silently 12
    assert widget.editor.text() == "125"
    assert target.session.value("/data/staff") == "125"


def test_what_is_on_its_way_to_a_number_stays(make_form, open_view, qtbot):
    view, target = open_view(make_form(FORM))
    staff, share = view.widget_for("/data/staff"), view.widget_for("/data/share")
    qtbot.keyClicks(staff.editor, "-")
    assert staff.editor.text() == "-"
    qtbot.keyClick(staff.editor, Qt.Key.Key_Backspace)
    assert staff.editor.text() == "" and target.session.value("/data/staff") == ""
    qtbot.keyClicks(share.editor, "2.")
    assert share.editor.text() == "2." and share.error_text() == ""
    assert target.session.value("/data/share") == "2.0"
    qtbot.keyClicks(share.editor, "5")
    assert target.session.value("/data/share") == "2.5"


def test_a_constraint_still_speaks_for_what_the_box_allows(make_form, open_view, qtbot):
    view, target = open_view(make_form(FORM))
    widget = view.widget_for("/data/staff")
    qtbot.keyClicks(widget.editor, "-5")
    assert widget.error_text() == "Cannot be negative"
    assert target.session.value("/data/staff") == "-5"


def test_decimal_comma_while_typing_and_letters_refused(make_form, open_view, qtbot):
    view, target = open_view(make_form(FORM))
    widget = view.widget_for("/data/share")
    qtbot.keyClicks(widget.editor, "2,")
    assert (widget.editor.text(), widget.error_text()) == ("2,", "")
    assert target.session.value("/data/share") == "2.0"
    qtbot.keyClicks(widget.editor, "5")
    assert (widget.editor.text(), target.session.value("/data/share")) == ("2,5", "2.5")
    qtbot.keyClicks(widget.editor, ",e")  # a second separator, a letter
    assert widget.editor.text() == "2,5"
    assert widget.error_text() == NUMBER_ONLY
    assert target.session.value("/data/share") == "2.5"


def test_pasted_text_with_letters_is_refused_whole(make_form, open_view, qtbot):
    view, target = open_view(make_form(FORM))
    widget = view.widget_for("/data/staff")
    QApplication.clipboard().setText("12 người")
    widget.editor.setFocus()
    qtbot.keyClick(widget.editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert widget.editor.text() == ""
    assert widget.error_text() == DIGITS_ONLY
    assert target.session.value("/data/staff") == ""


def test_an_answer_stored_with_letters_can_still_be_mended(make_form, open_view, qtbot):
    """Typed before the box refused letters (or imported): the person can delete them,
    and type digits around them, but not add more letters."""
    view, target = open_view(make_form(FORM))
    target.set("/data/staff", "12a")
    view.refresh()
    widget = view.widget_for("/data/staff")
    assert widget.editor.text() == "12a"
    widget.editor.setFocus()
    qtbot.keyClick(widget.editor, Qt.Key.Key_Home)
    qtbot.keyClick(widget.editor, Qt.Key.Key_Delete)  # "2a": still a letter, but not a new one
    qtbot.keyClicks(widget.editor, "b")
    assert widget.editor.text() == "2a"
    qtbot.keyClick(widget.editor, Qt.Key.Key_End)
    qtbot.keyClick(widget.editor, Qt.Key.Key_Backspace)
    assert target.session.value("/data/staff") == "2"


def test_refusal_message_in_vietnamese(make_form, open_view, qtbot, vietnamese):
    view, _target = open_view(make_form(FORM))
    staff, share = view.widget_for("/data/staff"), view.widget_for("/data/share")
    qtbot.keyClicks(staff.editor, "a")
    assert staff.error_text() == "Ô này chỉ nhận chữ số, có thể có dấu trừ ở đầu."
    qtbot.keyClicks(share.editor, "a")
    assert share.error_text() == ("Ô này chỉ nhận số: chữ số, một dấu phẩy (hoặc dấu chấm) thập phân, "
                                  "có thể có dấu trừ ở đầu; ví dụ 2,5 hoặc 2.5.")
