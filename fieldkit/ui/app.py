"""Application setup: QApplication, the shipped font, translators, logging, the
excepthook that turns any unexpected error into a crash dialog and a log entry.

`run()` is what `fieldkit` (no subcommand) and `fieldkit gui` call.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
import threading
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from fieldkit import paths
from fieldkit.files import private_file, private_folder
from fieldkit.ui.alt_keys import install_alt_text_guard
from fieldkit.ui.fonts import load_fonts
from fieldkit.ui.placement import show_on_screen
from fieldkit.ui.translators import DEFAULT_LANGUAGE, Translators

log = logging.getLogger("fieldkit")

LOG_NAME = "fieldkit.log"


# -- logging and the excepthook ---------------------------------------------------------

def setup_logging(data_dir: Path) -> Path | None:
    """Log to `<data_dir>/logs/fieldkit.log` (rotating). None when the folder is not
    writable (read-only medium): the app still runs, logging to stderr only."""
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    log_path = data_dir / "logs" / LOG_NAME
    for handler in root.handlers:
        if getattr(handler, "baseFilename", None) == str(log_path):
            return log_path
    try:
        private_folder(log_path.parent)  # private, as the data folder
        handler = logging.handlers.RotatingFileHandler(log_path, maxBytes=1_000_000, backupCount=5,
                                                       encoding="utf-8")
        private_file(log_path)
    except OSError as error:
        logging.basicConfig()
        log.warning("cannot write the log file %s: %s", log_path, error)
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    return log_path


def install_excepthook(log_path: Path | None) -> None:
    """Unexpected exceptions (in slots, timers, background tasks): log + crash dialog.

    The app keeps running: Qt's event loop carries on after a failed slot, and the
    person's answers are already in the working copy."""
    from fieldkit.ui import errors

    def hook(exc_type, error, tb):
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, error, tb)
            return
        try:
            if errors.is_store_error(error):  # a fault that escaped its caller: not a bug
                errors.show_fault(None, QCoreApplication.translate("Errors", "A change could not be stored."),
                                  error)
                return
            log.critical("unexpected error", exc_info=(exc_type, error, tb))
            errors.show_crash(log_path, exc_type, error, tb)
        except Exception:  # the dialog itself failed: the log has the original
            log.exception("cannot show the crash dialog")

    def thread_hook(arguments):  # not the GUI thread: log only, no widgets here
        log.critical("unexpected error in thread %s", arguments.thread,
                     exc_info=(arguments.exc_type, arguments.exc_value, arguments.exc_traceback))

    sys.excepthook = hook
    threading.excepthook = thread_hook


# -- settings ---------------------------------------------------------------------------

def settings(data_dir: Path) -> QSettings:
    """The GUI's own settings (language, window geometry), in the data folder so
    `--data-dir` keeps a USB-stick install self-contained."""
    return QSettings(str(data_dir / "settings.ini"), QSettings.Format.IniFormat)


def keep_qt_settings_in_kit() -> None:
    """Qt's own settings (QFileDialog's QtProject.conf) go inside a portable kit: as INI
    files, not the Windows registry or ~/Library/Preferences, under its profile."""
    folder = paths.qt_settings_dir()
    if folder is None:
        return
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))


# -- the application --------------------------------------------------------------------

def app_icon() -> QIcon:
    """The icon in every size shipped (resources/icons, made by packaging/make_icons.py)."""
    icon = QIcon()
    for path in sorted((paths.resources_dir() / "icons").glob("fieldkit-*.png")):
        icon.addFile(str(path))
    return icon


def create_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("fieldkit")
    app.setOrganizationName("fieldkit")
    app.setApplicationDisplayName("fieldkit")
    app.setWindowIcon(app_icon())
    app.setDesktopFileName("fieldkit")  # the desktop entry's name (packaging/linux): its icon in the task bar
    load_fonts(app)
    install_alt_text_guard(app)  # Alt+letter that is no shortcut types nothing
    return app


def _inside_kit(folder: Path) -> bool:
    kit = paths.portable_kit()
    return kit is not None and folder.resolve().is_relative_to(kit.resolve())


def run(data_dir: str | os.PathLike | None = None, lang: str | None = None) -> int:
    """Open the main window and run until it closes."""
    keep_qt_settings_in_kit()
    app = create_app()
    folder = paths.data_dir(data_dir)
    log_path = setup_logging(folder)
    install_excepthook(log_path)
    log.info("fieldkit started: data in %s", folder)
    store = settings(folder)
    translators = Translators(app)
    translators.install(lang or str(store.value("language", DEFAULT_LANGUAGE)))
    from fieldkit.ui.main_window import MainWindow

    window = MainWindow(folder, translators, store, log_path=log_path, portable=_inside_kit(folder))
    show_on_screen(window, store.value("geometry"))  # maximised on a 1366×768 laptop
    window.start()
    if os.environ.get("FIELDKIT_PRINT_READY"):  # bench/bench_build.py: the same signal from source and frozen
        window.ready.connect(lambda: QTimer.singleShot(0, lambda: print(f"ready {time.time():.3f}", flush=True)))
    code = app.exec()
    window.shutdown()
    return code
