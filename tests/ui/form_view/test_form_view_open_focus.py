"""Opening a form in the application puts the keyboard cursor in its first question:
typing answers it and Page Down turns the page at once, with no Tab first."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


def test_a_form_opened_from_the_forms_table_takes_the_keyboard(qtbot, vietnamese, start_shell):
    shell = start_shell()
    shell.enter_visit()
    shell.pick_commune("hoan kiem")
    shell.activate()  # offscreen, the closed visit dialog does not hand activation back
    panel = shell.window.commune_forms
    qtbot.waitUntil(lambda: panel.row_for("commune_infrastructure") >= 0)
    panel.select_form("commune_infrastructure")
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)  # Enter on the form's row opens it
    qtbot.waitUntil(lambda: shell.forms.view is not None and shell.forms.view.isVisible(), timeout=30_000)
    shell.idle()
    view = shell.forms.view
    first = view.widget_for("/data/province")
    assert QApplication.focusWidget() is first.combo
    assert view.window().testAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange)  # its focus mark shows
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageDown)
    assert view.current_index == 1
    assert QApplication.focusWidget() is view.widget_for("/data/respondents[1]/respondent_name").editor
