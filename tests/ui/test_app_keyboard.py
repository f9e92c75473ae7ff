"""The main window with the keyboard only: every screen from a menu and a shortcut, the
forms table that Tab leaves and Enter opens, the commune search reached again."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from fieldkit.ui.main_window import PAGE_FORM, PAGE_HOME, PAGE_SUBMISSIONS

CTRL = Qt.KeyboardModifier.ControlModifier


def focused():
    return QApplication.focusWidget()


def press(qtbot, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """A key where the cursor is, as a person presses it."""
    qtbot.keyClick(focused(), key, modifiers)


def test_every_action_is_in_a_menu_with_a_shortcut(start_shell):
    window = start_shell().window
    in_menus = {action for menu in (window.file_menu, window.go_menu) for action in menu.actions()}
    for action in (window.home_action, window.find_commune_action, window.form_action,
                   window.submissions_action, window.visit_action, window.save_action,
                   window.finalize_action, window.close_form_action, window.quit_action):
        assert action in in_menus, action.objectName()
        assert not action.shortcut().isEmpty(), action.objectName()
    assert [action.text() for action in window.go_menu.actions()] == [
        "&Xã, phường", "&Tìm xã, phường", "&Biểu mẫu", "&Danh sách phiếu"]


def test_submissions_and_communes_by_their_shortcuts(qtbot, start_shell):
    shell = start_shell()
    shell.enter_visit()
    shell.activate()
    window = shell.window
    press(qtbot, Qt.Key.Key_3, CTRL)
    assert window.pages.currentIndex() == PAGE_SUBMISSIONS
    assert focused() is window.browser.search_box  # the cursor comes along
    press(qtbot, Qt.Key.Key_1, CTRL)
    assert window.pages.currentIndex() == PAGE_HOME
    assert focused() is window.picker.search_box  # no commune picked yet
    shell.pick_commune("hoan kiem")
    press(qtbot, Qt.Key.Key_3, CTRL)
    press(qtbot, Qt.Key.Key_1, CTRL)
    assert focused() is window.commune_forms.table  # back to the commune's forms


def test_tab_leaves_the_forms_table_and_enter_opens_the_form(qtbot, start_shell):
    shell = start_shell()
    shell.enter_visit()
    shell.activate()
    window = shell.window
    table = window.commune_forms.table
    window.picker.focus_search()
    qtbot.keyClicks(focused(), "hoan kiem")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.commune_forms.model.rowCount() == 3)
    qtbot.waitUntil(lambda: focused() is table)  # Enter in the search took the cursor there
    press(qtbot, Qt.Key.Key_Backtab)  # the commune list
    assert focused() is window.picker.list_view
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is table
    press(qtbot, Qt.Key.Key_Tab)  # not to the next cell: on to the buttons
    assert focused() is window.commune_forms.open_button
    press(qtbot, Qt.Key.Key_Backtab)
    assert focused() is table
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: shell.forms.view is not None, timeout=30_000)
    assert window.pages.currentIndex() == PAGE_FORM
    assert shell.forms.submission.form.id == "commune_staffing"  # the second row, as in the list


def test_keypad_enter_opens_the_form_too(qtbot, start_shell):
    shell = start_shell()
    shell.enter_visit()
    shell.pick_commune("hoan kiem")
    shell.activate()
    table = shell.window.commune_forms.table
    table.setFocus()
    qtbot.waitUntil(lambda: focused() is table)
    press(qtbot, Qt.Key.Key_Enter)
    qtbot.waitUntil(lambda: shell.forms.view is not None, timeout=30_000)
    shell.idle()


def test_ctrl_f_goes_back_to_the_commune_search_from_anywhere(qtbot, start_shell):
    shell = start_shell()
    shell.enter_visit()
    shell.pick_commune("hoan kiem")
    shell.open_form("commune_staffing")
    shell.activate()
    window = shell.window
    search = window.picker.search_box
    assert "Ctrl+F" in search.placeholderText()
    press(qtbot, Qt.Key.Key_F, CTRL)
    assert window.pages.currentIndex() == PAGE_HOME
    assert focused() is search and search.selectedText() == "hoan kiem"  # typing replaces it
    qtbot.keyClicks(search, "ba dinh")
    assert window.picker.visible_communes()[0].name == "Phường Ba Đình"
    press(qtbot, Qt.Key.Key_2, CTRL)  # the form is still open
    assert window.pages.currentIndex() == PAGE_FORM


def test_ctrl_w_closes_the_form_and_the_cursor_is_back_on_the_forms(qtbot, start_shell):
    shell = start_shell()
    shell.enter_visit()
    shell.pick_commune("hoan kiem")
    shell.open_form("commune_staffing")
    shell.activate()
    press(qtbot, Qt.Key.Key_W, CTRL)
    qtbot.waitUntil(lambda: shell.forms.submission is None)
    assert shell.window.pages.currentIndex() == PAGE_HOME
    assert focused() is shell.window.commune_forms.table
    press(qtbot, Qt.Key.Key_Return)  # and opens it again
    qtbot.waitUntil(lambda: shell.forms.view is not None, timeout=30_000)
    shell.idle()


def test_enter_on_a_commune_found_puts_the_cursor_on_its_forms(qtbot, start_shell):
    """Type, Enter, and the arrows choose among its forms (no Tab through the commune
    list first); a commune chosen by another way leaves the cursor where it is."""
    shell = start_shell()
    shell.enter_visit()
    shell.activate()
    window = shell.window
    press(qtbot, Qt.Key.Key_F, CTRL)
    qtbot.keyClicks(focused(), "hoan kiem")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: focused() is window.commune_forms.table)
    assert window.commune_forms.model.rowCount() == 3
    press(qtbot, Qt.Key.Key_F, CTRL)
    qtbot.keyClicks(focused(), "ba dinh")
    shell.idle()
    assert focused() is window.picker.search_box
