"""Driving the application shell like a person, for tests/ui/test_app_*.py."""

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtGui import QColor, QImage, QKeyEvent
from PySide6.QtWidgets import QApplication

VISIT = {"delegation": "Đoàn công tác Bộ Khoa học và Công nghệ", "members": ["Nguyễn Văn An", "Trần Thị Bình"],
         "at_keyboard": "Trần Thị Bình"}


class Shell:
    """One running main window and what a test does with it."""

    def __init__(self, qtbot, data_dir: Path, lang: str = "vi", *, named: bool = True):
        from fieldkit.store.identity import save_device_name, saved_device_name
        from fieldkit.ui import app as application
        from fieldkit.ui.main_window import MainWindow

        self.qtbot, self.data_dir = qtbot, data_dir
        if named and saved_device_name(data_dir) is None:  # else the first start asks for it first
            save_device_name(data_dir, "Laptop 1 — Đoàn 1")
        qt_app = QApplication.instance()
        self.translators = application.Translators(qt_app)
        self.translators.install(lang)
        # Not qtbot.addWidget: pytest-qt would close and delete the window before the
        # start_shell fixture's teardown, whose close() still needs it (see close()).
        self.window = MainWindow(data_dir, self.translators, application.settings(data_dir))
        with qtbot.waitSignal(self.window.ready, timeout=30_000):
            self.window.show()
            self.activate()
            self.window.start()
        qtbot.waitUntil(lambda: bool(self.window.catalog), timeout=60_000)

    def activate(self) -> None:
        """Shortcuts (Ctrl+S) need the active window; offscreen, closing a dialog does
        not hand activation back by itself."""
        if QApplication.activeWindow() is not self.window:
            with self.qtbot.waitActive(self.window):
                self.window.activateWindow()

    @property
    def service(self):
        return self.window.service

    @property
    def forms(self):
        return self.window.forms

    def idle(self, timeout: int = 20_000) -> None:
        """Every background task delivered."""
        from fieldkit.ui import tasks

        self.qtbot.waitUntil(lambda: not tasks.busy(), timeout=timeout)

    def enter_visit(self, visit: dict = VISIT) -> None:
        self.qtbot.waitUntil(lambda: self.window.visit_dialog is not None and self.window.visit_dialog.isVisible())
        dialog = self.window.visit_dialog
        dialog.delegation.setText(visit["delegation"])
        dialog.members.setPlainText("\n".join(visit["members"]))
        dialog.at_keyboard.setCurrentText(visit["at_keyboard"])
        dialog.accept()
        self.qtbot.waitUntil(lambda: self.service.visit.at_keyboard == visit["at_keyboard"])
        self.idle()

    def pick_commune(self, typed: str, province: str | None = None):
        picker = self.window.picker
        if province is not None:
            picker.province_box.setCurrentIndex(picker.province_box.findData(province))
        picker.search_box.clear()
        self.qtbot.keyClicks(picker.search_box, typed)
        self.qtbot.keyClick(picker.search_box, Qt.Key.Key_Return)
        commune = picker.visible_communes()[0]
        self.qtbot.waitUntil(lambda: self.window.commune_forms.commune is commune
                             and self.window.commune_forms.model.rowCount() > 0)
        return commune

    def open_form(self, form_id: str, *, new: bool = False):
        panel = self.window.commune_forms
        self.qtbot.waitUntil(lambda: panel.row_for(form_id) >= 0)
        panel.select_form(form_id)
        button = panel.new_button if new else panel.open_button
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        self.qtbot.waitUntil(lambda: self.forms.submission is not None and self.forms.view is not None
                             and self.forms.submission.form.id == form_id, timeout=30_000)
        self.idle()
        return self.forms.submission

    def save(self):
        """Ctrl+S in the window; the saved revision."""
        saved = []
        self.forms.saved.connect(saved.append)
        self.activate()
        target = QApplication.focusWidget() or self.window  # where the person is typing
        self.qtbot.keyClick(target, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        self.qtbot.waitUntil(lambda: bool(saved), timeout=20_000)
        self.idle()
        return saved[0]

    def close(self) -> None:
        self.idle()
        self.window.close()
        self.window.shutdown()
        self.window.deleteLater()


def type_text(qtbot, widget, text: str) -> None:
    """Key by key. QTest knows only ASCII keys, so other letters arrive as key events
    carrying their text, as a Vietnamese input method (Unikey, Telex) delivers them."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))




# -- filling a whole form through its widgets ---------------------------------------------

TEXT_ANSWER = "Ghi chú: đường truyền ổn định"


def answer_for(session, path: str, question) -> str | None:
    """A valid answer for the shipped forms' constraints: counts of 1 fit every bound
    (≤ total, ≥ 1, ≤ 744, ≤ 100), today fits "not in the future" and "not before the visit"."""
    kind = question.type
    if kind in ("integer", "decimal"):
        return "1"
    if kind == "date":
        return dt.date.today().isoformat()
    if kind == "geopoint":
        return "21.0285 105.8542"
    if kind == "image":
        return "photo.png"
    if kind in ("select_one", "select_multiple"):
        choices = [value for value, _label in session.choices(path) if value not in ("none", "other")]
        return choices[0] if choices else None
    return TEXT_ANSWER


def fill_widget(qtbot, view, path: str, answer: str, files: Path) -> None:
    """Answer one question the way a person would, with its own widget."""
    widget = view.widget_for(path)
    assert widget is not None, f"no widget for {path}"
    view.focus_path(path)
    name = type(widget).__name__
    if name in ("TextWidget", "IntegerWidget", "DecimalWidget", "MultilineWidget"):
        widget.editor.setFocus()
        type_text(qtbot, widget.editor, answer)
    elif name in ("RadioSelect", "CheckboxSelect", "SearchableSelect", "SearchableMultiSelect"):
        widget.choose(answer)
    elif name == "DropdownSelect":
        index = widget.combo.findData(answer)
        widget.combo.setCurrentIndex(index)
        widget.combo.activated.emit(index)
    elif name == "DateWidget":
        widget.edit.setDate(QDate.fromString(answer, "yyyy-MM-dd"))
    elif name == "GeopointWidget":
        latitude, longitude = answer.split()
        type_text(qtbot, widget.parts[0], latitude)
        type_text(qtbot, widget.parts[1], longitude)
    elif name == "AttachmentWidget":
        image = QImage(8, 8, QImage.Format.Format_RGB32)
        image.fill(QColor("#2e7d32"))
        image.save(str(files / answer))
        widget.attach(str(files / answer))
    else:
        raise AssertionError(f"no way to fill {name} at {path}")


def fill_form(qtbot, view, files: Path, max_rounds: int = 8) -> dict[str, str]:
    """Answer every shown, unanswered question until the form has no errors (answers
    reveal questions, so it goes round). Returns what was answered, by path."""
    session = view.session
    answered: dict[str, str] = {}
    for _round in range(max_rounds):
        pending = [(path, question) for path, question in session.visible_questions()
                   if not session.value(path) and not session.is_readonly(path)
                   and question.kind != "none" and question.type not in ("note", "calculate")
                   and path not in answered]
        for path, question in pending:
            answer = answer_for(session, path, question)
            if answer is None:
                continue
            fill_widget(qtbot, view, path, answer, files)
            answered[path] = session.value(path)
        if not session.errors():
            break
    assert session.errors() == [], session.errors()
    return answered
