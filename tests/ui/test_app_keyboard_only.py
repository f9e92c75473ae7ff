"""Each shipped form from the first start to Finalize with the keyboard alone.

After the window is up, every step is a key event sent where the keyboard focus is (no
setText, no mouse, no slot called, no setFocus): the device's name and the visit at the
first start, Ctrl+F and an accent-free commune name, Tab to the forms table, the arrows
to the form, Enter to open it, every page's questions, Page Down, Ctrl+Shift+F. The test
reads the form to decide what to answer; tests/helpers/keyboard.py sends the keys, and
says which question the keyboard could not reach or answer.

The question types of the shipped forms, and the keys that answer them:
- text (TextWidget): typed, with Vietnamese letters as an input method sends them;
- text, multiline (MultilineWidget): typed, Enter for a new line, Tab to leave;
- integer (IntegerWidget), decimal (DecimalWidget): typed ("2,5" with a decimal comma);
- date (DateWidget): day, month, year typed as shown, dd/mm/yyyy;
- select_one of up to 8 choices (RadioSelect): one Tab stop, arrows, Space;
- select_one of 9 to 60 choices, or minimal (DropdownSelect): the choice's first letters;
- select_one autocomplete (SearchableSelect): typed without accents, arrows, Enter;
- select_multiple (CheckboxSelect): each box a Tab stop, arrows between boxes, Space;
- geopoint (GeopointWidget): latitude, Tab, longitude;
- image (AttachmentWidget): Space on "Choose file…", the path typed in the file dialog, Enter;
- note (NoteWidget): shown when the roster outnumbers the staff; the keys pass over it;
- repeats: a row added with Enter on "Add…", the cursor in its first question;
- calculate and hidden: not shown, computed (checked in the stored revision).
"""

import datetime as dt
import json
import re
import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QDialog

from tests.helpers.keyboard import FormWalk, Keys, focused
from tests.helpers.shell import VISIT

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
TODAY = dt.date.today()

PICKED = {"province": "01", "commune": "00070"}  # Thành phố Hà Nội, Phường Hoàn Kiếm ("hoan kiem")
PEOPLE = ["Phạm Thu Hà", "Lê Quang Vinh", "Đỗ Minh Tuấn"]
NOTES = "Đường truyền chập chờn khi mưa\nĐã báo nhà mạng"
NUMBERS = {"total_staff": "1", "one_stop_staff": "1", "it_staff": "1",  # 2 roster rows > 1: the note shows
           "computers": "12", "computers_old": "5", "scanners": "2", "printers": "4", "signature_tokens": "3",
           "videoconf_count": "1", "outages_per_month": "3", "hamlets_no_signal": "2", "procedures_total": "120",
           "procedures_configured": "85"}
DECIMALS = {"tsl_bandwidth": ("2,5", "2.5"), "outage_hours": ("4,5", "4.5"),
            "records_digitised_pct": ("80", "80.0"), "records_online_pct": ("45,5", "45.5")}
WIDGETS = {
    "commune_infrastructure": {"DropdownSelect", "SearchableSelect", "DateWidget", "TextWidget", "RadioSelect",
                               "DecimalWidget", "IntegerWidget", "CheckboxSelect", "MultilineWidget",
                               "AttachmentWidget", "GeopointWidget"},
    "commune_staffing": {"DropdownSelect", "SearchableSelect", "DateWidget", "IntegerWidget", "TextWidget",
                         "RadioSelect", "CheckboxSelect", "MultilineWidget", "NoteWidget"},
    "visit_minutes": {"DropdownSelect", "SearchableSelect", "DateWidget", "TextWidget", "RadioSelect",
                      "MultilineWidget"},
}
ROWS = {"/data/respondents": 2, "/data/photos": 1, "/data/roster": 2,
        "/data/participants": 3, "/data/issues": 2, "/data/recommendations": 1}


def row_of(path: str) -> int:
    found = re.findall(r"\[(\d+)\]", path)
    return int(found[-1]) if found else 1


def choose(path: str, question, session) -> str:
    """"yes" where offered (it shows the questions that follow up on it), else a choice
    past the first, never "none" beside others."""
    values = [value for value, _label in session.choices(path)]
    if question.type == "select_multiple":
        picked = [value for value in values if value not in ("none", "other")][::2][:2]
        return " ".join(picked + (["other"] if "other" in values else []))
    if "yes" in values:
        return "yes"
    return values[min(row_of(path), len(values) - 1)]


def planned(path: str, question, session) -> str | None:
    """What to answer at `path`, as typed; None keeps the answer there (the visit's
    delegation and members, prefilled)."""
    name, kind = question.name, question.type
    if kind == "note":
        return None
    if name in PICKED:
        return PICKED[name]  # the commune picked in the search, chosen again by keys
    if kind == "date":  # the visit's date is today unless changed: the day before
        return (TODAY + dt.timedelta(days=30) if name == "deadline" else TODAY - dt.timedelta(days=1)).isoformat()
    if session.value(path):
        return None
    if kind in ("select_one", "select_multiple"):
        return choose(path, question, session)
    if kind == "integer":
        return NUMBERS[name]
    if kind == "decimal":
        return DECIMALS[name][0]
    if kind == "geopoint":
        return "21.0285 105.8542"
    if kind == "image":
        return "photo.png"
    if name.endswith("name") or name == "name":
        return PEOPLE[row_of(path) - 1]
    if "multiline" in (question.appearance or ""):
        return NOTES
    return f"Ghi chú {name} {row_of(path)}: ổn định"


def stored(typed: str) -> str:
    return next((kept for entered, kept in DECIMALS.values() if entered == typed), typed)


def revisions(data_dir, record_id):
    with sqlite3.connect(data_dir / "fieldkit.sqlite3") as connection:
        connection.row_factory = sqlite3.Row
        rows = connection.execute("SELECT * FROM revisions WHERE record_id = ? ORDER BY seq", (record_id,))
        return [dict(row, data=json.loads(row["data"])) for row in rows]


def first_start(keys: Keys, shell) -> None:
    """The device's name, then the visit: typed, Tab between the fields, Enter."""
    window, qtbot = shell.window, shell.qtbot
    qtbot.waitUntil(lambda: _shown(window.findChild(QDialog, "device_name_dialog")))
    keys.type("Laptop 7 — Đoàn 2")  # replaces the host's name, selected
    keys.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _shown(window.visit_dialog))
    dialog = window.visit_dialog
    keys.tab_to(lambda widget: widget is dialog.delegation, "the delegation box", limit=3)
    keys.type(VISIT["delegation"])
    keys.press(Qt.Key.Key_Tab)
    keys.type("\n".join(VISIT["members"]))
    keys.press(Qt.Key.Key_Tab)
    keys.type(VISIT["at_keyboard"])
    keys.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: shell.service.visit.at_keyboard == VISIT["at_keyboard"])
    shell.idle()
    assert (shell.service.visit.delegation, shell.service.visit.members) == (VISIT["delegation"], VISIT["members"])
    assert "Laptop 7 — Đoàn 2" in window.statusBar().currentMessage()  # the device's new name, saved


def _shown(dialog) -> bool:
    return dialog is not None and dialog.isVisible() and focused() is not None and focused().window() is dialog


def open_by_keyboard(keys: Keys, shell, typed: str, form_id: str):
    """Ctrl+F, the commune typed without accents, Enter; Tab to its forms, the arrows to
    the form, Enter."""
    window, qtbot = shell.window, shell.qtbot
    shell.activate()  # offscreen, a closed dialog does not hand activation back (a window manager would)
    keys.press(Qt.Key.Key_F, CTRL)
    assert focused() is window.picker.search_box
    keys.type(typed)
    keys.press(Qt.Key.Key_Return)
    panel = window.commune_forms
    qtbot.waitUntil(lambda: panel.model.rowCount() == 3)
    keys.tab_to(lambda widget: widget is panel.table, "the forms table", limit=5)
    wanted = panel.row_for(form_id)
    step = Qt.Key.Key_Down if wanted > panel.table.currentIndex().row() else Qt.Key.Key_Up
    keys.press(step, times=abs(wanted - panel.table.currentIndex().row()))
    keys.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: shell.forms.view is not None and shell.forms.view.isVisible(), timeout=30_000)
    shell.idle()
    assert shell.forms.submission.form.id == form_id
    return shell.forms.submission


def finalize_by_keyboard(keys: Keys, shell):
    finalized = []
    shell.forms.saved.connect(finalized.append)
    keys.press(Qt.Key.Key_F, CTRL | SHIFT)
    shell.qtbot.waitUntil(lambda: bool(finalized), timeout=20_000)
    shell.idle()
    return finalized[0]


def a_photo(folder) -> str:
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    image.fill(QColor("#2e7d32"))
    path = folder / "photo.png"
    image.save(str(path))
    return str(path)


# The file dialog's completer pops up its list of matching files as the path is typed:
# offscreen, Qt says it cannot raise the list or grab the keyboard for it (this mark
# replaces the directory's, hence its propagateSizeHints again).
@pytest.mark.qt_log_ignore("does not support propagateSizeHints", "does not support raise",
                           "does not support grabbing the keyboard")
@pytest.mark.parametrize(("form_id", "lang"), [
    ("commune_infrastructure", "vi"), ("commune_staffing", "vi"), ("visit_minutes", "vi"),
    ("commune_staffing", "en"),
])
def test_a_shipped_form_from_the_commune_search_to_finalize_by_keyboard(qtbot, start_shell, data_dir, tmp_path,
                                                                       form_id, lang):
    shell = start_shell(lang, named=False)
    keys = Keys(qtbot)
    first_start(keys, shell)
    submission = open_by_keyboard(keys, shell, "hoan kiem", form_id)
    view = shell.forms.view
    walk = FormWalk(keys, view, planned, rows=lambda path: ROWS.get(path, 1),
                    files={"photo.png": a_photo(tmp_path)})
    walk.run()
    assert view.session.errors() == []
    assert walk.shown == WIDGETS[form_id]
    assert set(walk.kinds.values()) == WIDGETS[form_id] - {"NoteWidget"}  # every one answered by keys
    # Rows were added, and Enter in a row's last question went on to "Add…" without a Tab
    # (the visit's members' rows end in their side, prefilled, which the walk tabs past)
    assert walk.tabs_to_add
    assert all(not any(tabs) for path, tabs in walk.tabs_to_add.items() if path != "/data/participants")
    revision = finalize_by_keyboard(keys, shell)

    kept = revisions(data_dir, submission.record_id)
    assert kept[-1]["rev_id"] == revision.rev_id and kept[-1]["data"]["status"] == "finalized"
    assert kept[-1]["author"] == VISIT["at_keyboard"]
    answers = kept[-1]["data"]["answers"]
    assert {path: answers.get(path) for path in walk.sent} == {path: stored(value) for path, value in walk.sent.items()}


def test_page_down_on_the_form_buttons_turns_the_page(qtbot, start_shell):
    """Tab from a page's last question lands on Close, Save, Finalize: Page Down and Page
    Up there still turn the form's page, and the cursor goes into its first question."""
    shell = start_shell()
    shell.enter_visit()
    shell.pick_commune("hoan kiem")
    shell.open_form("commune_infrastructure")
    shell.activate()
    keys, view, page = Keys(qtbot), shell.forms.view, shell.window.form_page
    keys.tab_to(lambda widget: widget is page.close_button, "Close form")
    keys.press(Qt.Key.Key_PageDown)
    assert view.current_index == 1
    assert focused() is view.current_page.visible_questions()[0].key_widgets()[0]
    keys.tab_to(lambda widget: widget is page.save_button, "Save")
    keys.press(Qt.Key.Key_PageUp)
    assert view.current_index == 0


def test_the_button_pressed_keeps_the_focus_through_the_save(qtbot, start_shell):
    """Space on Save: the buttons wait while it is written, and the focus comes back to
    Save, not to the form-language box at the top (where Page Up changes the language)."""
    shell = start_shell()
    shell.enter_visit()
    shell.pick_commune("hoan kiem")
    shell.open_form("commune_staffing")
    shell.activate()
    keys, page = Keys(qtbot), shell.window.form_page
    saved = []
    shell.forms.saved.connect(saved.append)
    keys.tab_to(lambda widget: widget is page.save_button, "Save")
    keys.press(Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: bool(saved), timeout=20_000)
    shell.idle()
    assert focused() is page.save_button
    assert shell.window.testAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange)  # with its focus frame
    keys.press(Qt.Key.Key_PageDown)  # and the page keys still turn the form's page
    assert shell.forms.view.current_index == 1
