"""The keyboard alone, for tests that walk the app as a person who avoids the touchpad:
every key goes to the widget that has the keyboard focus, as a real key would.

`Keys` presses and types where the focus is and Tabs to a target, failing with what it
could not reach. `answer` sends the keys that answer one question, chosen by the
question's widget (the test decides *what* to answer from the form; the way in is keys
only). `FormWalk` goes through a form page by page: Tab or Enter to each question,
its keys, "Add…" for another row, Page Down to the next page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from fieldkit.communes import search_key

NO_MODIFIER = Qt.KeyboardModifier.NoModifier
TAB_LIMIT = 40  # presses of Tab before a target counts as out of the keyboard's reach


class KeyboardCannot(AssertionError):
    """The keyboard cannot reach or answer something: a bug in the app, named."""


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def describe(widget: QWidget | None) -> str:
    if widget is None:
        return "nothing"
    name = widget.objectName() or widget.accessibleName() or getattr(widget, "text", lambda: "")()
    owner = question_of(widget)
    where = f" in {owner.path}" if owner is not None else ""
    return f"{type(widget).__name__}{f' {name!r}' if name else ''}{where}"


def question_of(widget: QWidget | None):
    """The question widget holding `widget`, or None."""
    from fieldkit.ui.form_view.widgets.base import QuestionWidget

    while widget is not None and not isinstance(widget, QuestionWidget):
        widget = widget.parentWidget()
    return widget


class Keys:
    """Keys pressed where the keyboard focus is."""

    def __init__(self, qtbot):
        self.qtbot = qtbot

    def target(self) -> QWidget:
        widget = focused()
        if widget is None:
            raise KeyboardCannot("the keyboard focus is nowhere: no widget would get the key")
        return widget

    def press(self, key: Qt.Key, modifiers: Qt.KeyboardModifier = NO_MODIFIER, times: int = 1) -> None:
        for _ in range(times):
            self.qtbot.keyClick(self.target(), key, modifiers)

    def type(self, text: str) -> None:
        """Key by key; letters beyond ASCII arrive as key events carrying their text, as a
        Vietnamese input method (Unikey, Telex) delivers them."""
        for char in text:
            if char == "\n":
                self.press(Qt.Key.Key_Return)
            elif char.isascii():
                self.qtbot.keyClicks(self.target(), char)
            else:
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    QApplication.sendEvent(self.target(), QKeyEvent(kind, 0, NO_MODIFIER, char))

    def reactivate(self, window: QWidget) -> None:
        """Offscreen, a closed dialog does not hand activation back to the window under it
        (a window manager does): do its part, so that keys reach the window again."""
        if QApplication.activeWindow() is not window:
            with self.qtbot.waitActive(window):
                window.activateWindow()

    def tab_to(self, reached: Callable[[QWidget], bool], what: str, *, limit: int = TAB_LIMIT,
               key: Qt.Key = Qt.Key.Key_Tab) -> int:
        """Tab until `reached(focused widget)`; the number of presses. Fails naming `what`
        and where the focus went."""
        seen: list[str] = []
        for presses in range(limit + 1):
            widget = focused()
            if widget is not None and reached(widget):
                return presses
            seen.append(describe(widget))
            if presses < limit:
                self.press(key)
        trail = " → ".join(dict.fromkeys(seen))
        raise KeyboardCannot(f"cannot reach {what} by {key.name.removeprefix('Key_')} within {limit} presses "
                             f"(the focus went: {trail})")


# -- answering one question ------------------------------------------------------------------


def answer(keys: Keys, widget, value: str, *, files: dict[str, str] | None = None) -> None:
    """Send the keys that give the question of `widget` the answer `value` (as stored:
    a choice's value, "yes no", an ISO date, "lat lon", a file name). The focus must be
    in the question; it stays there (moving on is the walk's business)."""
    kind = type(widget).__name__
    how = _ANSWERERS.get(kind)
    if how is None:
        raise KeyboardCannot(f"no keys known for {kind} at {widget.path}")
    if question_of(focused()) is not widget:
        raise KeyboardCannot(f"{widget.path}: the focus is on {describe(focused())}, not in the question")
    how(keys, widget, value, files or {})


def _replace_text(keys: Keys, widget, value: str, _files) -> None:
    keys.press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # typing replaces what is there
    keys.type(value)


def _radio(keys: Keys, widget, value: str, _files) -> None:
    """One Tab stop (the chosen button, else the first); the arrows move, Space chooses."""
    wanted = _button_index(widget, value)
    position = _focused_button(widget)
    step = Qt.Key.Key_Down if wanted > position else Qt.Key.Key_Up
    keys.press(step, times=abs(wanted - position))
    if not widget.buttons[wanted].isChecked():
        keys.press(Qt.Key.Key_Space)


def _checkboxes(keys: Keys, widget, value: str, _files) -> None:
    """Every box a Tab stop; the arrows move between boxes; Space ticks."""
    wanted = {_button_index(widget, choice) for choice in value.split()}
    keys.press(Qt.Key.Key_Up, times=len(widget.buttons))  # to the first box (the arrows stop there)
    for position, button in enumerate(widget.buttons):
        if focused() is not button:
            raise KeyboardCannot(f"{widget.path}: the arrows do not reach choice {position + 1} "
                                 f"(the focus is on {describe(focused())})")
        if button.isChecked() != (position in wanted):
            keys.press(Qt.Key.Key_Space)
        if position + 1 < len(widget.buttons):
            keys.press(Qt.Key.Key_Down)


def _dropdown(keys: Keys, widget, value: str, _files) -> None:
    """Typing a choice's name without accents chooses it: as many letters as it takes."""
    label = widget.source.label_of(value)
    if label is None:
        raise KeyboardCannot(f"{widget.path}: no choice {value!r}")
    for letter in search_key(label):
        keys.type(letter)
        if widget.combo.currentData() == value:
            return
    raise KeyboardCannot(f"{widget.path}: typing {search_key(label)!r} chose {widget.combo.currentText()!r}, "
                         f"not {label!r}")


def _searchable(keys: Keys, widget, value: str, _files) -> None:
    """The label typed without accents filters the list; Down into it to the row; Enter
    picks (and moves on)."""
    if focused() is not widget.filter:
        keys.tab_to(lambda w: w is widget.filter, f"the search box of {widget.path}", key=Qt.Key.Key_Backtab)
    label = widget.source.label_of(value)
    if label is None:
        raise KeyboardCannot(f"{widget.path}: no choice {value!r}")
    keys.press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    keys.type(search_key(label))
    row = widget.model.row_of(value)
    if row is None:
        raise KeyboardCannot(f"{widget.path}: typing {search_key(label)!r} does not show {label!r}")
    if row > 0:
        keys.press(Qt.Key.Key_Down)  # into the list, on its first row
        keys.press(Qt.Key.Key_Down, times=row)
    keys.press(Qt.Key.Key_Return)


def _date(keys: Keys, widget, value: str, _files) -> None:
    """Day, month and year typed as the box shows them (dd/MM/yyyy)."""
    day = dt.date.fromisoformat(value)
    keys.type(day.strftime("%d/%m/%Y"))


def _geopoint(keys: Keys, widget, value: str, _files) -> None:
    """Latitude, Tab, longitude (and altitude, accuracy)."""
    for position, part in enumerate(value.split()):
        box = widget.parts[position]
        if focused() is not box:
            keys.tab_to(lambda w, box=box: w is box, f"box {position + 1} of {widget.path}", limit=4)
        keys.type(part)


def _attachment(keys: Keys, widget, value: str, files) -> None:
    """Space on "Choose file…"; in the file dialog, the file's path typed, Enter."""
    path = files.get(value)
    if path is None:
        raise KeyboardCannot(f"{widget.path}: the test has no file {value!r} to choose")
    if focused() is not widget.choose_button:
        keys.tab_to(lambda w: w is widget.choose_button, f"the Choose button of {widget.path}", limit=4)
    problems: list[str] = []
    in_file_dialog(keys, lambda: (keys.type(path), keys.press(Qt.Key.Key_Return)), problems)
    keys.press(Qt.Key.Key_Space)  # returns once the dialog is closed
    if problems:
        raise KeyboardCannot(f"{widget.path}: {problems[0]}")
    keys.reactivate(widget.window())


def in_file_dialog(keys: Keys, typing: Callable[[], object], problems: list[str], *, tries: int = 100) -> None:
    """`typing` once a file dialog has the keyboard focus. The dialog runs its own event
    loop, so this waits on timers; if no dialog comes, Escape closes whatever modal
    window has come instead, and `problems` says so."""
    from PySide6.QtWidgets import QFileDialog

    def look(left: int) -> None:
        dialog, focus = QApplication.activeModalWidget(), focused()
        if isinstance(dialog, QFileDialog) and focus is not None and focus.window() is dialog:
            typing()
            if dialog.isVisible():
                problems.append(f"the file dialog stayed open after Enter (focus on {describe(focused())})")
                keys.press(Qt.Key.Key_Escape)
        elif left:
            QTimer.singleShot(50, lambda: look(left - 1))
        else:
            problems.append(f"no file dialog with the focus came (modal: {describe(dialog)}, focus: {describe(focus)})")
            if dialog is not None:
                keys.press(Qt.Key.Key_Escape)

    QTimer.singleShot(0, lambda: look(tries))


_ANSWERERS = {
    "TextWidget": _replace_text, "IntegerWidget": _replace_text, "DecimalWidget": _replace_text,
    "MultilineWidget": _replace_text, "RadioSelect": _radio, "CheckboxSelect": _checkboxes,
    "DropdownSelect": _dropdown, "SearchableSelect": _searchable, "DateWidget": _date,
    "GeopointWidget": _geopoint, "AttachmentWidget": _attachment,
}
# Enter moves on from these; elsewhere Tab does (a multi-line box takes Enter as a new
# line, a searchable list's Enter already picked and moved on).
LEAVE_BY_TAB = {"MultilineWidget"}
LEFT_ALREADY = {"SearchableSelect"}


def _button_index(widget, value: str) -> int:
    for position, button in enumerate(widget.buttons):
        if button.property("choice_value") == value:
            return position
    raise KeyboardCannot(f"{widget.path}: no choice {value!r}")


def _focused_button(widget) -> int:
    for position, button in enumerate(widget.buttons):
        if button is focused():
            return position
    raise KeyboardCannot(f"{widget.path}: the focus is on {describe(focused())}, not on a choice")


# -- a whole form ----------------------------------------------------------------------------


@dataclass
class FormWalk:
    """Goes through the open form as a person would: on each page, Tab (or Enter from
    the question before) to every question `plan` answers, its keys, then Page Down.

    `plan(path, question, session)` gives the stored answer to send, or None to leave the
    question as it is; `rows(repeat_path)` how many rows a repeat should have (more are
    added with Enter on its "Add…" button)."""

    keys: Keys
    view: object
    plan: Callable[[str, object, object], str | None]
    rows: Callable[[str], int] = lambda _path: 1
    files: dict[str, str] = field(default_factory=dict)
    sent: dict[str, str] = field(default_factory=dict)  # path -> the answer the keys were for
    answered: dict[str, str] = field(default_factory=dict)  # path -> the session's answer after them
    kinds: dict[str, str] = field(default_factory=dict)  # path answered -> its widget class
    shown: set[str] = field(default_factory=set)  # widget classes of every question shown on the way
    tabs_to_add: dict[str, list[int]] = field(default_factory=dict)  # repeat -> Tabs to its Add, per row added

    def run(self) -> dict[str, str]:
        while True:
            self.fill_page()
            if not self.view.next_button.isEnabled():  # the last page
                return self.answered
            self.next_page()

    def fill_page(self) -> None:
        for _step in range(200):
            widget = self.next_question()
            if widget is not None:
                self.answer_question(widget)
                continue
            section = self.short_repeat()
            if section is None:
                return
            self.add_row(section)
        raise KeyboardCannot(f"page {self.view.current_index}: still answering after 200 steps")

    def next_question(self):
        page, session = self.view.current_page, self.view.session
        self.shown.update(type(widget).__name__ for widget in page.visible_questions())
        for widget in page.visible_questions():
            if widget.path in self.answered or not widget.isEnabled():
                continue
            value = self.plan(widget.path, widget.question, session)
            if value is not None:
                return widget
        return None

    def answer_question(self, widget) -> None:
        path, session = widget.path, self.view.session
        self.keys.tab_to(lambda focus: question_of(focus) is widget, path)
        value = self.plan(path, widget.question, session)
        answer(self.keys, widget, value, files=self.files)
        self.sent[path] = value
        self.kinds[path] = type(widget).__name__
        self.answered[path] = session.value(path)
        error = session.error(path)
        if not session.value(path) or error is not None:
            raise KeyboardCannot(f"{path}: the keys for {value!r} left {session.value(path)!r} "
                                 f"({error[1] if error else 'no error'})")
        kind = type(widget).__name__
        if kind in LEAVE_BY_TAB:
            self.keys.press(Qt.Key.Key_Tab)
        elif kind not in LEFT_ALREADY:
            self.keys.press(Qt.Key.Key_Return)

    def short_repeat(self):
        from fieldkit.ui.form_view.repeat import RepeatSection

        for section in self.view.current_page.findChildren(RepeatSection):
            if section.add_button is not None and section.isVisible() and len(section.blocks) < self.rows(section.path):
                return section
        return None

    def add_row(self, section) -> None:
        before = len(section.blocks)
        presses = self.keys.tab_to(lambda focus: focus is section.add_button, f"the Add button of {section.path}")
        self.tabs_to_add.setdefault(section.path, []).append(presses)
        self.keys.press(Qt.Key.Key_Return)
        if len(section.blocks) != before + 1:
            raise KeyboardCannot(f"Enter on {describe(section.add_button)} did not add a row to {section.path}")
        if question_of(focused()) not in list(section.blocks[-1].question_widgets()):
            raise KeyboardCannot(f"{section.path}: the new row {before + 1} does not have the cursor "
                                 f"({describe(focused())})")

    def next_page(self) -> None:
        before = self.view.current_index
        self.keys.press(Qt.Key.Key_PageDown)
        if self.view.current_index == before:
            raise KeyboardCannot(f"Page Down on {describe(focused())} did not leave page {before} "
                                 f"({self.view.current_page.title()!r})")
        if question_of(focused()) is None:
            raise KeyboardCannot(f"page {self.view.current_page.title()!r}: the cursor is not in a question "
                                 f"({describe(focused())})")
