"""Qt's own dialogs speak the interface language: Qt ships no Vietnamese catalogue of its
own words (qtbase_vi.qm), so fieldkit ships one. With Vietnamese on, the message box's
buttons, the PDF save dialog, the print dialog and a print preview's toolbar read in
Vietnamese; the language menu switches them back to English."""

import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import PySide6
from PySide6.QtCore import QLibraryInfo, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtPrintSupport import QPrintPreviewDialog
from PySide6.QtWidgets import QAbstractButton, QApplication, QFileDialog, QGroupBox, QLabel, QMessageBox, QWidget

from tests.helpers.linguist import linguist_tool
from tests.helpers.previews import open_preview

QTBASE_TS = Path(__file__).resolve().parents[3] / "resources" / "translations" / "qtbase_vi.ts"


def qt_messages():
    for context in ET.parse(QTBASE_TS).getroot().iter("context"):
        for message in context.iter("message"):
            yield context.find("name").text, message.find("source").text, message.find("translation")


def qt_libraries_text() -> bytes:
    """Every library and plugin of the installed Qt, where its source texts are stored."""
    qt = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.LibrariesPath))
    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    files = [*qt.glob("libQt6*.so*"), *qt.glob("Qt6*.dll"), *plugins.glob("*/*.so"), *plugins.glob("*/*.dll")]
    return b"".join(path.read_bytes() for path in files if path.is_file())


def test_each_qt_text_is_translated_and_is_one_qt_itself_asks_for():
    """Qt looks its words up by exact source text and context: a text that Qt 6 no longer
    uses would translate nothing, so each one is checked against the installed Qt."""
    found = list(qt_messages())
    assert len(found) > 300
    libraries = qt_libraries_text()
    if not libraries:
        return  # a Qt built into one binary (not PySide6's wheels): nothing to look in
    stale = [(context, source) for context, source, _ in found if source.encode() + b"\0" not in libraries]
    assert stale == [], "texts Qt does not use (copy them from Qt's qtbase_*.ts of this version)"
    for context, source, translation in found:
        assert translation.get("type") is None and (translation.text or "").strip(), (context, source)
        assert ("&" in source.replace("&&", "")) == ("&" in translation.text.replace("&&", "")), (context, source)


def test_the_compiled_qt_catalogue_is_up_to_date(tmp_path):
    compiled = tmp_path / "qtbase_vi.qm"
    subprocess.run([linguist_tool("lrelease"), "-silent", str(QTBASE_TS), "-qm", str(compiled)], check=True)
    assert compiled.read_bytes() == QTBASE_TS.with_suffix(".qm").read_bytes(), (
        "run pyside6-lrelease resources/translations/qtbase_vi.ts")
    assert PySide6.__version__  # the catalogue was checked against this PySide6's Qt


def switch_language(shell, language: str) -> None:
    window = shell.window
    window.findChild(QAction, f"language_{language}").trigger()
    shell.qtbot.waitUntil(lambda: window.translators.language == language)


def message_box_buttons(parent) -> list[str]:
    """A question's buttons as a new box shows them (Qt names them when the box is made)."""
    buttons = QMessageBox.StandardButton
    box = QMessageBox(QMessageBox.Icon.Question, "?", "?", buttons.Yes | buttons.No | buttons.Cancel, parent)
    box.deleteLater()
    return [box.button(button).text() for button in (buttons.Yes, buttons.No, buttons.Cancel)]


def test_message_box_buttons_follow_the_language_menu(start_shell):
    shell = start_shell()
    assert message_box_buttons(shell.window) == ["&Có", "&Không", "Huỷ"]
    switch_language(shell, "en")
    assert message_box_buttons(shell.window) == ["&Yes", "&No", "Cancel"]
    switch_language(shell, "vi")
    assert message_box_buttons(shell.window) == ["&Có", "&Không", "Huỷ"]


def words_of(dialog) -> set[str]:
    """What a person reads in a dialog: its labels, buttons, group titles, tooltips."""
    words = {label.text() for label in dialog.findChildren(QLabel)}
    words |= {group.title() for group in dialog.findChildren(QGroupBox)}
    words |= {button.text() for button in dialog.findChildren(QAbstractButton)}
    words |= {action.text() for action in dialog.findChildren(QAction)}
    return words | {widget.toolTip() for widget in dialog.findChildren(QWidget)}


def read_modal_dialog_then_cancel(seen: list) -> None:
    """The save dialog is modal (its own event loop): read it once it shows, then close it."""
    dialog = QApplication.activeModalWidget()
    if not isinstance(dialog, QFileDialog):
        QTimer.singleShot(20, lambda: read_modal_dialog_then_cancel(seen))
        return
    seen.append((dialog.windowTitle(), words_of(dialog)))
    dialog.reject()


def test_the_pdf_save_dialog_and_the_print_dialog_speak_vietnamese(start_shell, surveyed):
    shell = start_shell()
    shell.enter_visit()
    shell.pick_commune("hoan kiem")
    preview = open_preview(shell)

    seen: list = []
    QTimer.singleShot(0, lambda: read_modal_dialog_then_cancel(seen))
    shell.qtbot.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)
    shell.qtbot.waitUntil(lambda: bool(seen))
    title, words = seen[0]
    assert title == "Lưu thành PDF"
    assert {"&Tìm trong:", "&Tên tệp:", "&Loại tệp:", "&Lưu", "Huỷ", "Thư mục cha", "Tạo thư mục mới"} <= words
    assert not {"Look in:", "File &name:", "&Save", "Cancel"} & words

    shell.qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    dialog = preview.print_dialog
    shell.qtbot.waitUntil(dialog.isVisible)
    assert {"Máy in", "&Tên:", "Phạm vi in", "Số bản:", "&In", "Huỷ", "Th&uộc tính"} <= words_of(dialog)
    assert not {"Printer", "Copies:", "&Print", "Cancel"} & words_of(dialog)
    dialog.reject()
    preview.close()
    shell.idle()


def print_preview_toolbar(parent) -> set[str]:
    dialog = QPrintPreviewDialog(parent)  # with a printer of its own
    dialog.deleteLater()
    return {action.text() for action in dialog.findChildren(QAction)}


def test_a_print_preview_toolbar_follows_the_language_menu(start_shell):
    shell = start_shell()
    toolbar = print_preview_toolbar(shell.window)
    assert {"Trang sau", "Trang trước", "Phóng to", "Thu nhỏ", "Vừa chiều rộng", "Thiết lập trang", "In"} <= toolbar
    switch_language(shell, "en")
    toolbar = print_preview_toolbar(shell.window)
    assert {"Next page", "Previous page", "Zoom in", "Zoom out", "Fit width", "Page setup", "Print"} <= toolbar
