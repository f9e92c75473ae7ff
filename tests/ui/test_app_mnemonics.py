"""Alt+letter: every menu title, button and label buddy shown at once in a window has its
own letter, one a keyboard can type, in Vietnamese and English. Two widgets sharing a
letter make Alt+letter only move the focus between them (Alt+N was both "Đóng biểu mẫu"
and "Ngôn ngữ").

A letter that is no shortcut types nothing into the field that has the cursor."""

from collections import Counter

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldkit.ui import app as application
from tests.helpers.shell import type_text


def mnemonic(text: str) -> str | None:
    """The letter after a single '&' ("Đó&ng" -> "n"); '&&' is a written ampersand."""
    position = 0
    while (position := text.find("&", position)) != -1:
        following = text[position + 1:position + 2]
        if following and following != "&":
            return following.casefold()
        position += 2
    return None


def shown_mnemonics(window: QWidget) -> list[tuple[str, str]]:
    """(letter, text) of every menu title, button, group title and label with a buddy
    that the person sees now in `window`."""
    texts = []
    if isinstance(window, QMainWindow):
        texts += [action.text() for action in window.menuBar().actions() if action.isVisible()]
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.window() is not window:
            continue
        if isinstance(widget, QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
    return [(letter, text) for text in texts if (letter := mnemonic(text)) is not None]


def menu_item_mnemonics(window: QMainWindow) -> dict[str, list[tuple[str, str]]]:
    """Inside each menu, the letters of its items (a scope of their own)."""
    return {menu_action.text(): [(letter, action.text()) for action in menu_action.menu().actions()
                                 if action.isVisible() and (letter := mnemonic(action.text())) is not None]
            for menu_action in window.menuBar().actions()}


def assert_unique_and_typeable(found: list[tuple[str, str]], where: str) -> None:
    counts = Counter(letter for letter, _text in found)
    clashes = sorted((letter, text) for letter, text in found if counts[letter] > 1)
    assert clashes == [], f"{where}: Alt+letter shared by {clashes}"
    untypeable = [text for letter, text in found if not (letter.isascii() and letter.isalnum())]
    assert untypeable == [], f"{where}: no key types the letter of {untypeable}"


def main_window_states(shell):
    """Each screen of the main window in turn: the commune list, a form, the submissions,
    the coordinator's tabs."""
    window = shell.window
    shell.pick_commune("hoan kiem")
    yield "communes"
    picker = window.picker
    picker.province_box.setCurrentIndex(picker.province_box.findData("01"))
    picker.search_box.setText("dak lak")  # none in Hà Nội: "search all provinces" shows
    assert picker.all_provinces_button.isVisible()
    yield "communes of another province"
    picker.search_all_provinces()
    shell.open_form("commune_staffing")
    yield "form"
    window.submissions_action.trigger()
    yield "submissions"
    for tab in range(window.coordinator.count()):
        window.coordinator.show_tab(tab)
        shell.idle()
        yield f"coordinator tab {window.coordinator.tabText(tab)}"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_screen_of_the_main_window_has_unique_alt_letters(qtbot, start_shell, lang):
    shell = start_shell(lang)
    shell.enter_visit()
    for state in main_window_states(shell):
        assert_unique_and_typeable(shown_mnemonics(shell.window), f"{lang}, {state}")
    for menu, found in menu_item_mnemonics(shell.window).items():
        assert_unique_and_typeable(found, f"{lang}, menu {menu}")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_visit_dialog_has_unique_alt_letters(qtbot, start_shell, lang):
    shell = start_shell(lang)
    qtbot.waitUntil(lambda: shell.window.visit_dialog is not None and shell.window.visit_dialog.isVisible())
    assert_unique_and_typeable(shown_mnemonics(shell.window.visit_dialog), f"{lang}, visit dialog")
    shell.enter_visit()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_resume_and_export_dialogs_have_unique_alt_letters(qtbot, start_shell, lang):
    from fieldkit.services.types import DraftInfo
    from fieldkit.ui.reports.export_dialog import ExportDialog
    from fieldkit.ui.resume_dialog import ResumeDialog

    shell = start_shell(lang)
    shell.enter_visit()
    draft = DraftInfo("d1", None, "commune_staffing", "1", "00070", "Phường Hoàn Kiếm", "Trần Thị Bình",
                      "2026-12-06T09:30:00")
    for dialog in (ResumeDialog([draft], {"commune_staffing": "Khảo sát nhân lực"}, shell.window),
                   ExportDialog(shell.service, shell.window)):
        dialog.show()
        qtbot.waitExposed(dialog)
        assert_unique_and_typeable(shown_mnemonics(dialog), f"{lang}, {type(dialog).__name__}")
        dialog.close()


# -- an Alt+letter that is no shortcut ---------------------------------------------------------

@pytest.fixture
def typing_window(qtbot):
    """A window with a line edit and a text box, as the application sets them up."""
    application.create_app()
    window = QDialog()
    qtbot.addWidget(window)
    window.line, window.text, window.button = QLineEdit(), QPlainTextEdit(), QPushButton("&Xoá")
    layout = QVBoxLayout(window)
    for widget in (window.line, window.text, window.button):
        layout.addWidget(widget)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_alt_and_a_letter_that_is_no_shortcut_types_nothing(qtbot, typing_window):
    """X11 gives Alt+I the text "i", and a QLineEdit inserts any printable text: the
    answer "Có" became "Cói", and was autosaved."""
    for field in (typing_window.line, typing_window.text):
        field.setFocus()
        type_text(qtbot, field, "Có")
        qtbot.keyClick(field, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)
        qtbot.keyClick(field, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
        field_text = field.text() if isinstance(field, QLineEdit) else field.toPlainText()
        assert field_text == "Có"


def test_alt_and_a_letter_that_is_a_shortcut_still_works_from_a_text_field(qtbot, typing_window):
    line = typing_window.line
    line.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is line)
    with qtbot.waitSignal(typing_window.button.clicked):
        qtbot.keyClick(line, Qt.Key.Key_X, Qt.KeyboardModifier.AltModifier)
    assert line.text() == ""


def test_altgr_and_plain_letters_still_type(qtbot, typing_window):
    """AltGr (Ctrl+Alt on Windows keyboards) writes letters such as "@"."""
    line = typing_window.line
    line.setFocus()
    qtbot.keyClicks(line, "A")
    qtbot.keyClick(line, Qt.Key.Key_At, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    qtbot.keyClicks(line, "b")
    assert line.text() == "A@b"
    assert QApplication.focusWidget() is line


def test_on_macos_option_and_a_letter_still_types(qapp):
    """Qt calls macOS's Option key Alt, and Option+letter types é, ø or a layout's marks."""
    from fieldkit.ui.alt_keys import install_alt_text_guard

    assert install_alt_text_guard(qapp, platform="darwin") is None
    assert install_alt_text_guard(qapp, platform="linux") is not None
