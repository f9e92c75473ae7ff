"""The shipped Noto Sans: full Vietnamese coverage whatever the system has, for the
window and the PDF renderer alike. Needs a QGuiApplication; no widgets."""

from __future__ import annotations

import functools
import logging

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from fieldkit.paths import resources_dir

log = logging.getLogger("fieldkit")

FONT_FILES = ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf")


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


def font_family() -> str:
    """The shipped Noto Sans (Regular and Bold registered), else Qt's default family."""
    return shipped_font_family() or QFont().defaultFamily()


def load_fonts(app: QGuiApplication) -> str | None:
    """Noto Sans as the app font: full Vietnamese coverage whatever the system has."""
    family = shipped_font_family()
    if family is None:
        log.warning("the shipped font could not be loaded; using the system font")
        return None
    font = QFont(family)
    font.setPointSizeF(max(app.font().pointSizeF(), 10.0))
    app.setFont(font)
    return family
