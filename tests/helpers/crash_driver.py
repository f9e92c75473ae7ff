"""The app as a person uses it, typing until it is killed: the child of the crash test.

    python -m tests.helpers.crash_driver --data-dir D   (from the repo root: tests/helpers/children.py)

Starts the real main window (offscreen) on D. First run: fills the visit context, picks
Phường Hoàn Kiếm and opens commune_staffing; later runs accept the resume dialog. Then
it types TEXT into the training-needs notes, one key every few milliseconds, continuing
where the working copy stopped. It prints "typed N" after each keystroke reached the
form, and "kept N" once the working copy holding the first N characters is on disk. The
test kills it with SIGKILL at a random moment.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

NOTES = "/data/training_needs_notes"
TEXT = ("Cán bộ cần được bồi dưỡng thêm về an toàn thông tin, chữ ký số và phần mềm một cửa điện tử. " * 40)
KEY_INTERVAL_MS = 4


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


class Driver:
    def __init__(self, data_dir: Path):
        from PySide6.QtCore import QTimer

        from fieldkit.ui import app as application
        from fieldkit.ui.main_window import MainWindow

        self.qt_app = application.create_app()
        translators = application.Translators(self.qt_app)
        translators.install("vi")
        self.window = MainWindow(data_dir, translators, application.settings(data_dir))
        self.window.show()
        self.window.start()
        self.timer = QTimer()
        self.timer.setInterval(50)
        self.timer.timeout.connect(self.step)
        self.timer.start()
        self.typing = False
        self.opening = False

    def step(self) -> None:
        """Move the app on, as a person would, until the form is open; then type."""
        from PySide6.QtWidgets import QDialog

        window = self.window
        naming = window.findChild(QDialog, "device_name_dialog")
        if naming is not None and naming.isVisible():
            naming.accept()  # the name the laptop came with
        elif window.visit_dialog is not None and window.visit_dialog.isVisible():
            window.visit_dialog.delegation.setText("Đoàn kiểm tra")
            window.visit_dialog.at_keyboard.setCurrentText("Nguyễn Thu Hà")
            window.visit_dialog.accept()
        elif window.resume_dialog is not None and window.resume_dialog.isVisible():
            self.opening = True  # the resumed form is on its way: open nothing else
            window.resume_dialog.resume_button.click()
        elif window.forms.view is not None and not self.typing:
            self.start_typing()
        elif window.drafts_checked and window.forms.submission is None and not self.opening:
            self.open_form()

    def open_form(self) -> None:
        window = self.window
        if window.commune_forms.commune is None:
            window.picker.search_box.setText("hoan kiem")
            window.picker.commune_picked.emit(window.picker.visible_communes()[0])
        elif window.commune_forms.row_for("commune_staffing") >= 0:
            self.opening = True
            window.commune_forms.select_form("commune_staffing")
            window.commune_forms.open_button.click()

    def start_typing(self) -> None:
        from PySide6.QtCore import QTimer
        from PySide6.QtGui import QTextCursor

        self.typing = True
        self.timer.stop()
        view, session = self.window.forms.view, self.window.forms.submission.session
        if not session.value("/data/total_staff"):
            # an answer before the notes, so a resumed copy starts from a typical state
            view.focus_path("/data/total_staff")
            self.type_into(view.widget_for("/data/total_staff").editor, "0")
        view.focus_path(NOTES)
        self.editor = view.widget_for(NOTES).editor
        self.editor.moveCursor(QTextCursor.MoveOperation.End)
        self.position = len(session.value(NOTES))
        self.autosaves = []  # each keystroke's autosave, completed by the store's writer thread once on disk
        self.window.forms.submission.watch_autosaves(self.autosaves.append)
        say(f"start {self.position}")
        self.keys = QTimer()
        self.keys.setInterval(KEY_INTERVAL_MS)
        self.keys.timeout.connect(self.type_next)
        self.keys.start()

    def type_next(self) -> None:
        if self.position >= len(TEXT):
            self.keys.stop()
            say("done")
            return
        self.type_into(self.editor, TEXT[self.position])
        self.position += 1
        count = self.position
        say(f"typed {count}")
        if self.autosaves:  # this keystroke's
            latest = self.autosaves[-1]
            self.autosaves.clear()
            latest.add_done_callback(lambda done: done.exception() is None and say(f"kept {count}"))

    @staticmethod
    def type_into(widget, text: str) -> None:
        from PySide6.QtCore import QEvent, Qt
        from PySide6.QtGui import QKeyEvent
        from PySide6.QtWidgets import QApplication

        for char in text:  # key events carrying their text, as an input method sends them
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", required=True)
    arguments = parser.parse_args()
    driver = Driver(Path(arguments.data_dir))
    driver.qt_app.exec()


if __name__ == "__main__":
    main()
