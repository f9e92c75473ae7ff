"""What the person sees when something goes wrong.

Two kinds of trouble:
- a fault the store names (`StoreError`: disk full, read-only medium, locked or corrupt
  file, newer schema): a warning with the store's plain message; the app keeps running
  and whatever is open stays open, so the person can fix the cause and retry;
- anything else: a bug. The excepthook (fieldkit.ui.app) logs the traceback and shows
  the crash dialog with the log file's path.

Dialogs here are opened with `open()`, not `exec()`: no nested event loop, so a fault
during an autosave cannot re-enter the code that raised it, and tests are not blocked.
"""

from __future__ import annotations

import logging
import traceback

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

log = logging.getLogger(__name__)

# Dialogs currently shown: the same fault repeated by every autosave shows one dialog.
_open_messages: dict[str, QMessageBox] = {}


def is_store_error(error: BaseException) -> bool:
    """StoreError without importing the store at GUI start-up (it loads SQLite & co)."""
    return any(cls.__name__ == "StoreError" for cls in type(error).__mro__)


def message(error: BaseException) -> str:
    """The error's message in the interface language (StoreError knows both)."""
    from fieldkit.ui.labels import ui_language

    text = getattr(error, "text", None)
    return text(ui_language()) if callable(text) else str(error)


# Each string is written out in a QCoreApplication.translate("Errors", ...) call of its
# own: pyside6-lupdate finds translatable text only in such calls, not through wrappers.
translate = QCoreApplication.translate


def _message_box(parent: QWidget | None, key: str, icon, title: str, text: str,
                 informative: str = "", details: str = "") -> QMessageBox:
    existing = _open_messages.get(key)
    if existing is not None and existing.isVisible():
        existing.setInformativeText(informative)
        return existing
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName(key)
    box.setInformativeText(informative)
    if details:
        box.setDetailedText(details)
    box.finished.connect(lambda _result: _open_messages.pop(key, None))
    _open_messages[key] = box
    box.open()
    return box


def show_fault(parent: QWidget | None, action: str, error: BaseException) -> QMessageBox:
    """A store fault while doing `action` (already translated, e.g. "Could not save.")."""
    log.warning("%s %s", action, error)
    return _message_box(
        parent, "fault_message", QMessageBox.Icon.Warning, translate("Errors", "fieldkit: problem with the data"),
        action, f"{message(error)}\n\n" + translate("Errors", "Nothing has been lost: what you entered is still open. "
                                     "Fix the problem, then try again."))


def show_error(parent: QWidget | None, action: str, error: BaseException) -> QMessageBox:
    """A failed operation: a store fault gets the fault message, anything else is a bug."""
    if is_store_error(error) or isinstance(error, OSError):
        return show_fault(parent, action, error)
    import sys

    sys.excepthook(type(error), error, error.__traceback__)
    return _open_messages.get("crash_dialog")


def show_crash(log_path, exc_type, error, tb) -> QMessageBox | None:
    """The crash dialog: what happened, where the log is. Called by the excepthook."""
    if QApplication.instance() is None:
        return None
    where = str(log_path) if log_path else translate("Errors", "(no log file: the data folder is not writable)")
    details = "".join(traceback.format_exception(exc_type, error, tb))
    return _message_box(
        QApplication.activeWindow(), "crash_dialog", QMessageBox.Icon.Critical,
        translate("Errors", "fieldkit: unexpected error"),
        translate("Errors", "Something unexpected went wrong. Your answers are saved as you type, so "
            "nothing should be lost; fieldkit keeps running."),
        translate("Errors", "Please send this file to the team that supports fieldkit:") + f"\n{where}",
        details)
