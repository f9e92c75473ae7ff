"""A dropdown chooses as people type: without accents and across the spaces between
words ("ha noi" chooses Thành phố Hà Nội). Qt's own type-ahead only took a label's
first letters with their accents, and its Space opened the list, so the shipped forms'
province could not be typed past "Thành". Only key events, where the focus is."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.helpers.shell import type_text

FORM = """
| survey |
| | type             | name     | label::Tiếng Việt (vi) |
| | select_one where | province | Tỉnh, thành phố        |
| | text             | notes    | Ghi chú                |
| choices |
| | list_name | name | label::Tiếng Việt (vi) |
| | where     | 22   | Tỉnh Quảng Ninh        |
| | where     | 38   | Tỉnh Thanh Hóa         |
| | where     | 01   | Thành phố Hà Nội       |
| | where     | 31   | Thành phố Hải Phòng    |
| | where     | 42   | Tỉnh Hà Tĩnh           |
| | where     | 48   | Thành phố Đà Nẵng      |
| | where     | 66   | Tỉnh Đắk Lắk           |
| | where     | 79   | Thành phố Hồ Chí Minh  |
| | where     | 92   | Thành phố Cần Thơ      |
| settings |
| | form_id  | default_language |
| | dropdown | Tiếng Việt (vi)  |
"""


def focused():
    return QApplication.focusWidget()


def test_typing_without_accents_across_words_chooses(make_form, open_view, qtbot):
    view, target = open_view(make_form(FORM))
    combo = view.widget_for("/data/province").combo
    assert focused() is combo  # the form's first question has the cursor
    qtbot.keyClicks(focused(), "ha noi")  # the Space goes on with the search, not to the list
    assert target.session.value("/data/province") == "01"
    assert combo.currentText() == "Thành phố Hà Nội" and not combo.view().isVisible()
    qtbot.keyClick(focused(), Qt.Key.Key_Return)  # and Enter moves on
    assert focused() is view.widget_for("/data/notes").editor


def test_the_first_letters_win_then_any_word(make_form, open_view, qtbot):
    view, target = open_view(make_form(FORM))
    qtbot.keyClicks(focused(), "dak")  # "Đắk Lắk" begins no label: found inside one
    assert target.session.value("/data/province") == "66"


def test_typing_with_accents_as_an_input_method_sends_them(make_form, open_view, qtbot):
    view, target = open_view(make_form(FORM))
    type_text(qtbot, focused(), "Thành phố Hải")
    assert target.session.value("/data/province") == "31"


def test_the_arrows_still_step_through_the_list(make_form, open_view, qtbot):
    view, target = open_view(make_form(FORM))
    qtbot.keyClick(focused(), Qt.Key.Key_Down)
    qtbot.keyClick(focused(), Qt.Key.Key_Down)
    assert target.session.value("/data/province") == "38"
