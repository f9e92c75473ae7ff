"""Labels, hints and messages are text: quote marks, ampersands and angle brackets in a
form show as written (issue 12: hints showed `&quot;Khác&quot;`)."""

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtGui import QTextDocument

FORM = """
| survey |
| | type        | name  | label                | hint                             | constraint | constraint_message          | appearance |
| | begin group | about | About                |                                  |            |                             | field-list |
| | text        | notes | Say "why" & <how>    | Required when "Other" is chosen. |            |                             |            |
| | integer     | staff | Staff                |                                  | . >= 0     | Not "negative" & not < 0    |            |
| | end group   |       |                      |                                  |            |                             |            |
| settings |
| | form_id |
| | marks   |
"""


def shown(label):
    """The text a person reads in `label`, as Qt decides between rich and plain text."""
    document = QTextDocument()
    rich = label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(label.text()))
    if rich:
        document.setHtml(label.text())
    else:
        document.setPlainText(label.text())
    return document.toPlainText()


def test_hints_labels_and_messages_show_quote_marks_as_written(make_form, open_view, qtbot):
    view, _target = open_view(make_form(FORM, name="marks.md"))
    notes = view.widget_for("/data/about/notes")
    assert shown(notes.label) == 'Say "why" & <how>'
    assert shown(notes.hint_label) == 'Required when "Other" is chosen.'
    staff = view.widget_for("/data/about/staff")
    qtbot.keyClicks(staff.editor, "-3")
    assert shown(staff.error_label) == 'Not "negative" & not < 0'

