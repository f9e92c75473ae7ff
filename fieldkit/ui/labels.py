"""Words shared by several views: submission statuses, in the interface language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from fieldkit.services.types import Status

STATUSES = tuple(Status)

# Muted colours that stay readable on light and dark palettes alike.
_COLOURS = {Status.DRAFT: "#b26a00", Status.FINALIZED: "#2e7d32", Status.HAS_ERRORS: "#c62828"}


def status_text(status: str) -> str:
    texts = {
        Status.NOT_STARTED: QCoreApplication.translate("Status", "Not started"),
        Status.DRAFT: QCoreApplication.translate("Status", "Draft"),
        Status.FINALIZED: QCoreApplication.translate("Status", "Finalized"),
        Status.HAS_ERRORS: QCoreApplication.translate("Status", "Has errors"),
    }
    return texts.get(status, status)


def status_colour(status: str) -> QColor | None:
    colour = _COLOURS.get(status)
    return QColor(colour) if colour else None


def ui_language() -> str:
    """The interface language ("vi" or "en"), for form titles and store messages."""
    app = QCoreApplication.instance()
    return app.property("fieldkit_language") or "vi" if app is not None else "vi"
