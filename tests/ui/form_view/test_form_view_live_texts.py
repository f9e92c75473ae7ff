"""Texts that show answers (`${...}` in a label) follow them: the navigator's page
titles, page headings and each repeat block's title, not only the questions' labels."""

import pytest

FORM = """
| survey |
| | type         | name   | label                      | calculation         |
| | integer      | n      | How many children?         |                     |
| | begin group  | family | Family of ${head}          |                     |
| | text         | head   | Head of household          |                     |
| | end group    |        |                            |                     |
| | begin repeat | child  | Child ${cname}             |                     |
| | text         | cname  | Name                       |                     |
| | end repeat   |        |                            |                     |
| | calculate    | named  |                            | count(${cname}[. != '']) |
| | note         | total  | ${named} of ${n} named     |                     |
"""


@pytest.fixture
def opened(make_form, open_view):
    return open_view(make_form(FORM))


def test_navigator_and_heading_follow_the_answers(opened, qtbot, type_text):
    view, target = opened
    titles = lambda: [view.navigator.item(row).text() for row in range(view.navigator.count())]  # noqa: E731
    assert titles()[-1] == "0 of  named"
    type_text(view.widget_for("/data/n").editor, "2")
    assert titles()[-1] == "0 of 2 named"
    view.focus_path("/data/family/head")
    type_text(view.widget_for("/data/family/head").editor, "Lò Văn Páo")
    assert titles()[1] == "Family of Lò Văn Páo"
    assert view.current_page.heading.text() == "<h2>Family of Lò Văn Páo</h2>"
    view.focus_path("/data/child[1]/cname")
    type_text(view.widget_for("/data/child[1]/cname").editor, "Mai")
    assert titles()[-1] == "1 of 2 named"


def test_repeat_block_titles_read_as_in_odk(opened, qtbot, type_text):
    """pyxform writes the repeat's own label as an absolute path (/data/child/cname),
    which the ODK XForms spec (and JavaRosa and Web Forms since) reads as XPath does:
    the first instance's. Each block's number tells the blocks apart."""
    view, target = opened
    view.focus_path("/data/child[1]/cname")
    section = view.current_page.elements[0]
    type_text(view.widget_for("/data/child[1]/cname").editor, "Mai")
    assert section.blocks[0].title.text() == "<b>Child Mai 1</b>"
    section.add()
    type_text(view.widget_for("/data/child[2]/cname").editor, "Binh")
    assert [block.title.text() for block in section.blocks] == ["<b>Child Mai 1</b>", "<b>Child Mai 2</b>"]
