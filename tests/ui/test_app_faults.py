"""Faults under the running app: a medium turned read-only, a full disk, a database
another program locks, a damaged file, a bug. Each gives a clear message; nothing typed
is lost; the app keeps running and the same Save works once the cause is gone."""

import logging
import sqlite3

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from fieldkit.ui import errors
from fieldkit.ui.form_view.repeat import RepeatSection
from tests.helpers.shell import type_text


def writer_pragma(shell, statement):
    shell.service.store.writer.call(lambda connection: connection.execute(statement), transaction=False)


def fault_box():
    box = errors._open_messages.get("fault_message")
    return box if box is not None and box.isVisible() else None


def dismiss(qtbot):
    box = fault_box()
    if box is not None:
        box.button(QMessageBox.StandardButton.Ok).click()
        qtbot.waitUntil(lambda: fault_box() is None)


def open_staffing(qtbot, shell):
    shell.enter_visit()
    shell.pick_commune("hoan kiem")
    shell.open_form("commune_staffing")
    view = shell.forms.view
    view.focus_path("/data/total_staff")
    type_text(qtbot, view.widget_for("/data/total_staff").editor, "9")
    shell.idle()
    return view


def type_into(qtbot, view, path, text):
    view.focus_path(path)
    type_text(qtbot, view.widget_for(path).editor, text)


def saved_answers(shell):
    shell.activate()
    return shell.save().answers


def test_a_medium_turned_read_only(qtbot, start_shell):
    shell = start_shell("en")
    view = open_staffing(qtbot, shell)
    writer_pragma(shell, "PRAGMA query_only = 1")  # what SQLite says on a read-only stick

    type_into(qtbot, view, "/data/roster[1]/name", "Đỗ Minh Châu")
    qtbot.waitUntil(lambda: fault_box() is not None, timeout=10_000)
    assert "read-only" in fault_box().informativeText()
    page = shell.window.form_page
    assert page.fault_banner.isVisible() and "read-only" in page.fault_banner.text()
    dismiss(qtbot)

    shell.window.save_action.trigger()  # Save fails the same way; the form stays open
    qtbot.waitUntil(lambda: fault_box() is not None and page.save_button.isEnabled(), timeout=10_000)
    dismiss(qtbot)
    assert shell.forms.view is view
    assert view.widget_for("/data/roster[1]/name").editor.text() == "Đỗ Minh Châu"

    writer_pragma(shell, "PRAGMA query_only = 0")  # the stick is writable again
    answers = saved_answers(shell)
    assert answers["/data/roster[1]/name"] == "Đỗ Minh Châu" and answers["/data/total_staff"] == "9"
    assert not page.fault_banner.isVisible()


def test_an_autosave_fault_reaches_the_person_and_the_next_autosave_clears_it(qtbot, start_shell):
    """A roster row added with its button autosaves as typing does: the fault comes back
    through that autosave's Future to the dialog and the banner, and the first autosave
    that works again takes the banner away."""
    shell = start_shell("en")
    view = open_staffing(qtbot, shell)
    page = shell.window.form_page
    writer_pragma(shell, "PRAGMA query_only = 1")

    view.show_page(view.page_of("/data/roster[1]/name"))
    [roster] = [element for element in view.current_page.elements if isinstance(element, RepeatSection)]
    qtbot.mouseClick(roster.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: fault_box() is not None, timeout=10_000)
    assert fault_box().text() == "Your last answers could not be kept on the disk."
    assert "read-only" in fault_box().informativeText()
    assert page.fault_banner.isVisible()
    assert page.fault_banner.text().startswith("Your answers could not be written to the disk.")
    assert "read-only" in page.fault_banner.text()
    dismiss(qtbot)
    assert shell.forms.submission.session.repeat_count("/data/roster") == 2  # the row stays on screen

    writer_pragma(shell, "PRAGMA query_only = 0")
    type_into(qtbot, view, "/data/roster[2]/name", "Vũ Thị Mai")
    qtbot.waitUntil(lambda: not page.fault_banner.isVisible(), timeout=10_000)
    shell.idle()
    assert fault_box() is None
    assert "Vũ Thị Mai" in shell.service.store.draft(shell.forms.submission.draft_id)["instance_xml"]


def test_a_full_disk(qtbot, start_shell):
    shell = start_shell("en")
    view = open_staffing(qtbot, shell)
    writer_pragma(shell, "PRAGMA max_page_count = 1")  # the file cannot grow: a full disk to SQLite

    note = "Cần đào tạo thêm về chữ ký số. " * 400  # bigger than the free pages
    view.focus_path("/data/training_needs_notes")
    view.widget_for("/data/training_needs_notes").editor.setPlainText(note)
    qtbot.waitUntil(lambda: fault_box() is not None, timeout=10_000)
    assert "disk is full" in fault_box().informativeText()
    dismiss(qtbot)
    assert shell.forms.submission.session.value("/data/training_needs_notes") == note

    writer_pragma(shell, "PRAGMA max_page_count = 1073741823")  # space freed
    assert saved_answers(shell)["/data/training_needs_notes"] == note


def test_a_database_locked_by_another_program(qtbot, start_shell, data_dir):
    shell = start_shell("en")
    view = open_staffing(qtbot, shell)
    other = sqlite3.connect(data_dir / "fieldkit.sqlite3", isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        type_into(qtbot, view, "/data/it_staff", "3")
        shell.window.save_action.trigger()
        qtbot.waitUntil(lambda: fault_box() is not None, timeout=20_000)  # after SQLite's busy timeout
        assert "another program" in fault_box().informativeText()
        dismiss(qtbot)
    finally:
        other.execute("ROLLBACK")
        other.close()
    qtbot.waitUntil(lambda: shell.window.form_page.save_button.isEnabled(), timeout=20_000)
    shell.idle()
    assert saved_answers(shell)["/data/it_staff"] == "3"


def test_a_damaged_database_says_so_and_the_app_keeps_running(qtbot, data_dir):
    from fieldkit.ui import app as application
    from fieldkit.ui.main_window import MainWindow

    data_dir.mkdir(parents=True)
    (data_dir / "fieldkit.sqlite3").write_bytes(b"not a database at all " * 500)
    translators = application.Translators(QApplication.instance())
    translators.install("en")
    window = MainWindow(data_dir, translators, application.settings(data_dir))
    qtbot.addWidget(window)
    window.show()
    window.start()
    qtbot.waitUntil(lambda: fault_box() is not None, timeout=20_000)
    assert "damaged" in fault_box().informativeText()
    assert "damaged" in window.loading.text()
    assert (data_dir / "fieldkit.sqlite3").read_bytes() == b"not a database at all " * 500
    dismiss(qtbot)
    assert window.isVisible() and window.service is None
    window.shutdown()


@pytest.mark.qt_no_exception_capture
def test_an_unexpected_error_shows_the_crash_dialog_and_writes_the_log(qtbot, tmp_path, monkeypatch):
    from fieldkit.ui import app as application

    root = logging.getLogger()
    handlers = list(root.handlers)
    monkeypatch.setattr("sys.excepthook", __import__("sys").excepthook)
    log_path = application.setup_logging(tmp_path / "data")
    application.install_excepthook(log_path)
    try:
        def broken_slot():
            raise RuntimeError("bug in a slot")

        QTimer.singleShot(0, broken_slot)
        qtbot.waitUntil(lambda: errors._open_messages.get("crash_dialog") is not None, timeout=5000)
        dialog = errors._open_messages["crash_dialog"]
        assert dialog.isVisible()
        assert str(log_path) in dialog.informativeText()
        assert "RuntimeError: bug in a slot" in dialog.detailedText()
        assert log_path == tmp_path / "data" / "logs" / "fieldkit.log"
        for handler in root.handlers:
            handler.flush()
        logged = log_path.read_text(encoding="utf-8")
        assert "Traceback" in logged and "RuntimeError: bug in a slot" in logged
        dialog.button(QMessageBox.StandardButton.Ok).click()
        ran = []
        QTimer.singleShot(0, lambda: ran.append(True))  # the event loop carries on
        qtbot.waitUntil(lambda: ran == [True])
    finally:
        for handler in root.handlers[:]:
            if handler not in handlers:
                root.removeHandler(handler)
                handler.close()
        import threading

        threading.excepthook = threading.__excepthook__
