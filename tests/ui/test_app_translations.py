"""The interface in Vietnamese (default) and English: the Qt Linguist catalogue is
complete and compiled, every string of fieldkit/ui is in it, Vietnamese renders with the
shipped font, and the language menu switches at once."""

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtGui import QFontDatabase, QFontMetrics
from PySide6.QtWidgets import QApplication

from fieldkit.ui import app as application
from fieldkit.ui import fonts
from tests.helpers.linguist import linguist_tool

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "fieldkit_vi.ts"
QM = TS.with_suffix(".qm")
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def messages(path: Path):
    for context in ET.parse(path).getroot().iter("context"):
        for message in context.iter("message"):
            yield context.find("name").text, message.find("source").text, message.find("translation")


def test_every_message_is_translated_into_vietnamese():
    found = list(messages(TS))
    assert len(found) > 100
    for context, source, translation in found:
        assert translation.get("type") is None, f"{context}: {source!r} is {translation.get('type')}"
        text = translation.text or ""
        assert text.strip(), f"{context}: {source!r} has no translation"
        assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), (context, source)
        assert ("&" in source.replace("&&", "")) == ("&" in text.replace("&&", "")), (context, source)


def test_compiled_catalogue_is_up_to_date(tmp_path):
    compiled = tmp_path / "fieldkit_vi.qm"
    subprocess.run([linguist_tool("lrelease"), "-silent", str(TS), "-qm", str(compiled)], check=True)
    assert compiled.read_bytes() == QM.read_bytes(), "run pyside6-lrelease on resources/translations/fieldkit_vi.ts"


def test_every_string_of_the_interface_is_in_the_catalogue(tmp_path):
    """lupdate over fieldkit/ui into a copy of the catalogue adds nothing new."""
    copy = tmp_path / "resources" / "translations" / TS.name
    copy.parent.mkdir(parents=True)
    shutil.copy(TS, copy)
    subprocess.run([linguist_tool("lupdate"), "-silent", "-extensions", "py", "-locations", "none",
                    str(ROOT / "fieldkit" / "ui"), "-ts", str(copy)], check=True, cwd=tmp_path)
    missing = [(context, source) for context, source, translation in messages(copy)
               if translation.get("type") == "unfinished"]
    assert missing == [], ("strings not in the catalogue: run pyside6-lupdate -extensions py fieldkit/ui "
                           "-ts resources/translations/fieldkit_vi.ts, translate, then pyside6-lrelease")


def test_vietnamese_renders_with_the_shipped_font(qapp):
    family = fonts.load_fonts(qapp)
    assert family == "Noto Sans"
    assert QApplication.font().family() == "Noto Sans"
    metrics = QFontMetrics(QApplication.font())
    letters = {char for _c, _s, translation in messages(TS) for char in translation.text or ""}
    letters |= set("ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵĐ")
    missing = sorted(char for char in letters if char.isalpha() and not metrics.inFontUcs4(ord(char)))
    assert missing == []
    assert "Noto Sans" in QFontDatabase.families()


def test_vietnamese_by_default_and_the_menu_switches_to_english(qtbot, start_shell, data_dir):
    shell = start_shell()  # no --lang, no setting: Vietnamese
    window = shell.window
    assert window.windowTitle() == "Khảo sát cấp xã"  # Qt adds " — fieldkit" (the display name)
    assert window.picker.province_box.itemText(0) == "Tất cả tỉnh, thành phố"
    window.findChild(type(window.home_action), "language_en").trigger()
    qtbot.waitUntil(lambda: window.windowTitle() == "Commune surveys")
    assert window.picker.province_box.itemText(0) == "All provinces"
    assert window.save_action.text() == "&Save"
    assert application.settings(data_dir).value("language") == "en"
    window.findChild(type(window.home_action), "language_vi").trigger()
    qtbot.waitUntil(lambda: window.windowTitle() == "Khảo sát cấp xã")


def test_the_form_follows_the_interface_language(qtbot, start_shell):
    shell = start_shell("en")
    shell.enter_visit()
    shell.pick_commune("hoan kiem")
    submission = shell.open_form("commune_staffing")
    assert submission.session.lang == "English (en)"
    assert shell.window.statusBar().currentMessage() == ""  # not "Opening the form…" once it is open
    shell.window.findChild(type(shell.window.home_action), "language_vi").trigger()
    qtbot.waitUntil(lambda: submission.session.lang == "Tiếng Việt (vi)")
    assert shell.forms.view.language_box.currentData() == "Tiếng Việt (vi)"


def test_qt_standard_buttons_speak_vietnamese(qtbot):
    from PySide6.QtWidgets import QMessageBox

    translators = application.Translators(QApplication.instance())
    translators.install("vi")
    box = QMessageBox(QMessageBox.Icon.Warning, "t", "x",
                      QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QMessageBox.StandardButton.Ok).text() == "Đồng ý"
    assert box.button(QMessageBox.StandardButton.Cancel).text() == "Huỷ"
    translators.install("en")
    english = QMessageBox(QMessageBox.Icon.Warning, "t", "x", QMessageBox.StandardButton.Ok)
    qtbot.addWidget(english)
    assert english.button(QMessageBox.StandardButton.Ok).text() == "OK"
