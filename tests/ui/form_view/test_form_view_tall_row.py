"""A roster row taller than the page: Enter on "Add…" adds one and its first question,
which has the cursor, is in view (Qt centred the row, which left the name box above the
top edge at 1366×768: the person typed into a box they could not see)."""

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

TALL_ROSTER = """
| survey |
| | type          | name   | label::English (en) |
| | begin repeat  | people | Person              |
| | text          | pname  | Name                |
| | select_one r  | role   | Role                |
| | select_one r  | rank   | Rank                |
| | integer       | age    | Age                 |
| | end repeat    |        |                     |
| choices |
| | list_name | name | label::English (en) |
| | r         | a    | First choice        |
| | r         | b    | Second choice       |
| | r         | c    | Third choice        |
| | r         | d    | Fourth choice       |
| | r         | e    | Fifth choice        |
| | r         | f    | Sixth choice        |
| settings |
| | form_id | default_language |
| | tall    | English (en)     |
"""


def focused():
    return QApplication.focusWidget()


def in_view(page, widget) -> bool:
    top = widget.mapTo(page.viewport(), QPoint(0, 0)).y()
    return 0 <= top and top + widget.height() <= page.viewport().height()


def test_the_first_question_of_a_tall_new_row_is_in_view(make_form, open_view, qtbot):
    view, target = open_view(make_form(TALL_ROSTER, name="tall.md"))
    view.resize(900, 420)  # a row is taller than the page
    page = view.current_page
    block = page.elements[0].blocks[0]
    assert block.height() > page.viewport().height()
    qtbot.keyClicks(focused(), "An")
    for _question in range(4):  # name, role, rank, age: Enter goes on to "Add…"
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert focused() is page.elements[0].add_button
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    name = view.widget_for("/data/people[2]/pname").editor
    assert focused() is name
    assert in_view(page, name)
    qtbot.keyClicks(focused(), "Binh")
    assert target.session.value("/data/people[2]/pname") == "Binh"
