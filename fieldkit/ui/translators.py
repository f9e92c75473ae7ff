"""The window's and the renderer's language: the app's Qt Linguist catalogue and Qt's
own, installed on the running application (QCoreApplication is enough: no widgets)."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from fieldkit.paths import resources_dir

log = logging.getLogger("fieldkit")

LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"


class Translators:
    """The app's catalogue (resources/translations/fieldkit_<lang>.qm) and Qt's own
    (qtbase_<lang>.qm: standard buttons, the file, print and message dialogs, context
    menus). Qt ships no Vietnamese qtbase, so fieldkit ships one beside its own catalogue;
    for another language Qt's is used. English is the source language: no catalogue."""

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
        for name, folders in _catalogues(language):
            translator = QTranslator(self.app)
            if any(translator.load(name, str(folder)) for folder in folders):
                self.app.installTranslator(translator)
                Translators._installed.append(translator)
            else:
                log.warning("translation %s not found in %s", name, ", ".join(map(str, folders)))
        self.language = language
        self.app.setProperty("fieldkit_language", language)  # read by labels.ui_language()
        QLocale.setDefault(QLocale(QLocale.Language.Vietnamese if language == "vi" else QLocale.Language.English))
        # installTranslator posts LanguageChange to every widget; they retranslate.
        return language


def _catalogues(language: str) -> list[tuple[str, list[Path]]]:
    """Each catalogue of `language` and the folders to look for it in, first found wins."""
    if language == "en":
        return []
    ours = resources_dir() / "translations"
    qt_folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    return [(f"fieldkit_{language}", [ours]), (f"qtbase_{language}", [ours, qt_folder])]
