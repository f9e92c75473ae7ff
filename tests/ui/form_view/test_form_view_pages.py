"""Pages and the navigator, keys, progress, language, errors and repeats."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

FORM = """
| survey |
| | type         | name    | label::English (en) | label::Tiếng Việt (vi) | required | relevant      | appearance | repeat_count |
| | text         | intro   | Intro               | Giới thiệu             | yes      |               |            |              |
| | integer      | count   | Count               | Số lượng               |          |               |            |              |
| | begin group  | staff   | Staff               | Cán bộ                 |          |               | field-list |              |
| | text         | head    | Head                | Trưởng                 | yes      |               |            |              |
| | text         | deputy  | Deputy              | Phó                    |          | ${count} > 1  |            |              |
| | end group    |         |                     |                        |          |               |            |              |
| | begin repeat | people  | People              | Người                  |          |               |            |              |
| | text         | pname   | Name                | Tên                    | yes      |               |            |              |
| | integer      | age     | Age                 | Tuổi                   |          |               |            |              |
| | end repeat   |         |                     |                        |          |               |            |              |
| | begin repeat | fixed   | Fixed               | Cố định                |          |               |            | ${count}     |
| | text         | fname   | Fixed name          | Tên cố định            |          |               |            |              |
| | end repeat   |         |                     |                        |          |               |            |              |
| | begin group  | extra   | Extra               | Thêm                   |          | ${count} > 5  | field-list |              |
| | text         | more    | More                | Thêm nữa               |          |               |            |              |
| | end group    |         |                     |                        |          |               |            |              |
| | text         | closing | Closing             | Kết thúc               |          |               |            |              |
| settings |
| | form_id | default_language |
| | pages   | English (en)     |
"""


@pytest.fixture
def opened(make_form, open_view):
    return open_view(make_form(FORM))


def _titles(view):
    return [view.navigator.item(row).text() for row in range(view.navigator.count())]


def _enabled(view):
    return [bool(view.navigator.item(row).flags() & Qt.ItemFlag.ItemIsEnabled) for row in range(view.navigator.count())]


def test_pages_and_navigator(opened, qtbot):
    view, target = opened
    assert _titles(view) == ["Intro", "Staff", "People", "Fixed", "Extra", "Closing"]
    assert _enabled(view) == [True, True, True, True, False, True]
    qtbot.keyClicks(view.widget_for("/data/count").editor, "6")
    assert _enabled(view)[4]
    view.navigator.setCurrentRow(5)
    assert view.current_index == 5


def test_page_keys_skip_pages_not_relevant(opened, qtbot):
    view, target = opened
    editor = view.widget_for("/data/intro").editor
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_PageDown)
    assert view.current_index == 1
    assert view.focusWidget() is view.widget_for("/data/staff/head").editor
    view.show_page(3)
    view.navigator.setFocus()
    qtbot.keyClick(view.navigator, Qt.Key.Key_PageDown)
    assert view.current_index == 5  # "Extra" is not relevant
    qtbot.keyClick(view.focusWidget(), Qt.Key.Key_PageUp)
    assert view.current_index == 3


def test_enter_moves_to_the_next_question_then_page(opened, qtbot):
    view, target = opened
    intro = view.widget_for("/data/intro").editor
    intro.setFocus()
    qtbot.keyClicks(intro, "Hello")
    qtbot.keyClick(intro, Qt.Key.Key_Return)
    count = view.widget_for("/data/count").editor
    assert view.focusWidget() is count
    qtbot.keyClicks(count, "2")
    qtbot.keyClick(count, Qt.Key.Key_Return)
    assert view.current_index == 1
    head = view.widget_for("/data/staff/head").editor
    assert view.focusWidget() is head
    qtbot.keyClick(head, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert view.focusWidget() is view.widget_for("/data/staff/deputy").editor  # relevant: count is 2


def test_tab_follows_the_questions(opened, qtbot):
    view, target = opened
    intro = view.widget_for("/data/intro").editor
    intro.setFocus()
    qtbot.keyClick(intro, Qt.Key.Key_Tab)
    assert view.focusWidget() is view.widget_for("/data/count").editor


def test_ctrl_s_asks_to_save_and_finalize_button(opened, qtbot):
    view, target = opened
    editor = view.widget_for("/data/intro").editor
    editor.setFocus()
    with qtbot.waitSignal(view.save_requested, timeout=1000):
        qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    with qtbot.waitSignal(view.finalize_requested, timeout=1000):
        qtbot.mouseClick(view.finalize_button, Qt.MouseButton.LeftButton)


def test_relevance_shows_and_hides_without_rebuilding(opened, qtbot):
    view, target = opened
    view.show_page(1)
    deputy = view.widget_for("/data/staff/deputy")
    assert not deputy.isVisibleTo(view)
    target.set("/data/count", "3")
    view.refresh()
    assert deputy.isVisibleTo(view)
    assert view.widget_for("/data/staff/deputy") is deputy


def test_progress_counts_relevant_required_answers(opened, qtbot, type_text):
    view, target = opened
    assert view.progress_counts() == (0, 3)  # intro, head, the first person's name
    assert view.progress.text() == "0 / 3 required answered"
    type_text(view.widget_for("/data/intro").editor, "Xin chào")
    assert view.progress_counts() == (1, 3)
    assert view.progress.text() == "1 / 3 required answered"


def test_language_switch(opened, qtbot):
    view, target = opened
    intro = view.widget_for("/data/intro")
    index = view.language_box.findData("Tiếng Việt (vi)")
    view.language_box.setCurrentIndex(index)
    assert target.session.lang == "Tiếng Việt (vi)"
    assert intro.label.text().startswith("Giới thiệu")
    assert _titles(view)[:3] == ["Giới thiệu", "Cán bộ", "Người"]
    qtbot.keyClicks(intro.editor, "a")
    qtbot.keyClick(intro.editor, Qt.Key.Key_Backspace)
    assert intro.error_text() == "Câu hỏi này bắt buộc phải trả lời."


def test_errors_are_listed_and_lead_to_the_field(opened, qtbot, type_text):
    view, target = opened
    view.show_errors()
    assert view.error_list.paths() == ["/data/intro", "/data/staff/head", "/data/people[1]/pname"]
    assert view.error_list.item(1).text() == "Staff › Head: This answer is required."
    assert view.error_list.item(2).text() == "Name (People 1): This answer is required."
    assert view.widget_for("/data/intro").error_text() == "This answer is required."
    item = view.error_list.item(2)
    qtbot.mouseClick(view.error_list.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.error_list.visualItemRect(item).center())
    assert view.current_index == 2
    name = view.widget_for("/data/people[1]/pname").editor
    assert view.focusWidget() is name
    type_text(name, "Trần Văn Bình")
    assert view.error_list.paths() == ["/data/intro", "/data/staff/head"]


def test_repeat_add_duplicate_remove(opened, qtbot, monkeypatch):
    view, target = opened
    view.show_page(2)
    section = view.current_page.elements[0]
    assert len(section.blocks) == 1
    qtbot.keyClicks(view.widget_for("/data/people[1]/pname").editor, "An")
    qtbot.mouseClick(section.add_button, Qt.MouseButton.LeftButton)
    assert target.session.repeat_count("/data/people") == 2
    second = view.widget_for("/data/people[2]/pname").editor
    assert view.focusWidget() is second
    qtbot.keyClicks(second, "Binh")
    qtbot.keyClicks(view.widget_for("/data/people[2]/age").editor, "40")
    qtbot.mouseClick(section.blocks[1].duplicate_button, Qt.MouseButton.LeftButton)
    assert target.session.value("/data/people[3]/pname") == "Binh"
    assert target.session.value("/data/people[3]/age") == "40"
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(section.blocks[0].remove_button, Qt.MouseButton.LeftButton)
    assert target.session.repeat_count("/data/people") == 2
    assert [w.editor.text() for w in view.current_page.question_widgets()] == ["Binh", "40", "Binh", "40"]
    assert [block.title.text() for block in section.blocks] == ["<b>People 1</b>", "<b>People 2</b>"]


def test_removing_asks_first_when_there_are_answers(opened, qtbot, monkeypatch):
    view, target = opened
    view.show_page(2)
    section = view.current_page.elements[0]
    qtbot.keyClicks(view.widget_for("/data/people[1]/pname").editor, "An")
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.No)
    qtbot.mouseClick(section.blocks[0].remove_button, Qt.MouseButton.LeftButton)
    assert target.session.repeat_count("/data/people") == 1


def test_counted_repeat_follows_its_count(opened, qtbot):
    view, target = opened
    qtbot.keyClicks(view.widget_for("/data/count").editor, "3")
    view.show_page(3)
    section = view.current_page.elements[0]
    assert section.add_button is None and section.blocks[0].remove_button is None
    assert len(section.blocks) == 3
    target.set("/data/count", "2")
    view.refresh()
    assert len(section.blocks) == 2


def test_new_repeat_blocks_join_the_tab_order(opened, qtbot):
    view, target = opened
    view.show_page(2)
    section = view.current_page.elements[0]
    qtbot.mouseClick(section.add_button, Qt.MouseButton.LeftButton)
    age = view.widget_for("/data/people[1]/age").editor
    age.setFocus()
    qtbot.keyClick(age, Qt.Key.Key_Tab)
    assert view.focusWidget() is section.blocks[1].duplicate_button


def test_application_language_change_rebuilds_pages_keeping_answers(opened, qtbot):
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    view, target = opened
    qtbot.keyClicks(view.widget_for("/data/intro").editor, "kept")
    view.show_page(2)
    QApplication.sendEvent(view, QEvent(QEvent.Type.LanguageChange))
    assert view.current_index == 2
    assert view.previous_button.text() == "‹ Previous"
    view.show_page(0)
    assert view.widget_for("/data/intro").editor.text() == "kept"


def test_a_submission_loaded_without_its_hidden_nodes_opens(open_view):
    from fieldkit.forms import load_form
    from fieldkit.ui.form_view import FormView

    form = load_form("forms/commune_staffing.xlsx")
    saved = form.new_session().to_xml()  # leaves out the note that is not relevant
    view, target = open_view(form)
    target.session.from_xml(saved)
    reopened = FormView(target)
    reopened.deleteLater()
    for index in range(len(reopened.pages)):
        reopened.show_page(index)
    assert reopened.widget_for("/data/roster_over_total").isHidden()
