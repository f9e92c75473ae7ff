"""Application setup: QApplication, the shipped font, translators, logging, the
excepthook that turns any unexpected error into a crash dialog and a log entry.

`run()` is what `fieldkit` (no subcommand) and `fieldkit gui` call.
"""

from __future__ import annotations

import functools
import logging
import logging.handlers
import os
import sys
import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from fieldkit import paths
from fieldkit.paths import resources_dir
from fieldkit.store.private import private_file, private_folder

log = logging.getLogger("fieldkit")

LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"
FONT_FILES = ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf")
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


# -- language ---------------------------------------------------------------------------

class Translators:
    """The app's catalogue (resources/translations/fieldkit_<lang>.qm) and Qt's own
    (qtbase_<lang>.qm, for standard buttons) when PySide6 ships it. English is the
    source language: no catalogue needed."""

    # One application per process: whichever Translators installed a catalogue, the next
    # install replaces it (a second window, or a test's, must not stack languages).
    _installed: list[QTranslator] = []

    def __init__(self, app: QCoreApplication):
        self.app = app
        self.language = DEFAULT_LANGUAGE

    def install(self, language: str) -> str:
        language = language if language in LANGUAGES else DEFAULT_LANGUAGE
        for translator in Translators._installed:
            self.app.removeTranslator(translator)
        Translators._installed.clear()
        sources = [(f"fieldkit_{language}", resources_dir() / "translations"),
                   (f"qtbase_{language}", Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)))]
        for name, folder in sources if language != "en" else []:
            translator = QTranslator(self.app)
            if translator.load(name, str(folder)):
                self.app.installTranslator(translator)
                Translators._installed.append(translator)
            elif name.startswith("fieldkit"):
                log.warning("translation %s not found in %s", name, folder)
        self.language = language
        self.app.setProperty("fieldkit_language", language)  # read by labels.ui_language()
        QLocale.setDefault(QLocale(QLocale.Language.Vietnamese if language == "vi" else QLocale.Language.English))
        # installTranslator posts LanguageChange to every widget; they retranslate.
        return language


def settings(data_dir: Path) -> QSettings:
    """The GUI's own settings (language, window geometry), in the data folder so
    `--data-dir` keeps a USB-stick install self-contained."""
    return QSettings(str(data_dir / "settings.ini"), QSettings.Format.IniFormat)


# -- the application --------------------------------------------------------------------

@functools.cache
def shipped_font_family() -> str | None:
    """Register the shipped Noto Sans, Regular and Bold (so bold text uses the real bold
    face, on screen and in PDFs); its family name, None if it could not be loaded."""
    family = None
    for name in FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(resources_dir() / "fonts" / name))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        family = family or (families[0] if families else None)
    return family


def load_fonts(app: QApplication) -> str | None:
    """Noto Sans as the app font: full Vietnamese coverage whatever the system has."""
    family = shipped_font_family()
    if family is None:
        log.warning("the shipped font could not be loaded; using the system font")
        return None
    font = QFont(family)
    font.setPointSizeF(max(app.font().pointSizeF(), 10.0))
    app.setFont(font)
    return family


def create_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("fieldkit")
    app.setOrganizationName("fieldkit")
    app.setApplicationDisplayName("fieldkit")
    load_fonts(app)
    return app


def run(data_dir: str | os.PathLike | None = None, lang: str | None = None) -> int:
    """Open the main window and run until it closes."""
    app = create_app()
    folder = paths.data_dir(data_dir)
    log_path = setup_logging(folder)
    install_excepthook(log_path)
    log.info("fieldkit started: data in %s", folder)
    store = settings(folder)
    translators = Translators(app)
    translators.install(lang or str(store.value("language", DEFAULT_LANGUAGE)))
    from fieldkit.ui.main_window import MainWindow

    window = MainWindow(folder, translators, store, log_path=log_path)
    geometry = store.value("geometry")
    if geometry is not None:
        window.restoreGeometry(geometry)
    window.show()
    window.start()
    code = app.exec()
    window.shutdown()
    return code
