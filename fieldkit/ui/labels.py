"""Words shared by several views: submission statuses, in the interface language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

NOT_STARTED, DRAFT, FINALIZED, HAS_ERRORS = "not_started", "draft", "finalized", "has_errors"
STATUSES = (NOT_STARTED, DRAFT, FINALIZED, HAS_ERRORS)

# Muted colours that stay readable on light and dark palettes alike.
_COLOURS = {DRAFT: "#b26a00", FINALIZED: "#2e7d32", HAS_ERRORS: "#c62828"}


def status_text(status: str) -> str:
    texts = {
        NOT_STARTED: QCoreApplication.translate("Status", "Not started"),
        DRAFT: QCoreApplication.translate("Status", "Draft"),
        FINALIZED: QCoreApplication.translate("Status", "Finalized"),
        HAS_ERRORS: QCoreApplication.translate("Status", "Has errors"),
    }
    return texts.get(status, status)


def status_colour(status: str) -> QColor | None:
    colour = _COLOURS.get(status)
    return QColor(colour) if colour else None


def ui_language() -> str:
    """The interface language ("vi" or "en"), for form titles and store messages."""
    app = QCoreApplication.instance()
    return app.property("fieldkit_language") or "vi" if app is not None else "vi"
