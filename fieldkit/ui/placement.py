"""Where the main window opens: maximised on the delegation's laptops.

On a 1366×768 screen with a taskbar (about 1366×728 usable) a 1100×720 window and its
title bar reached 12 px below the usable area on the first start, and a person then
works in a window smaller than the screen. On a larger screen the window opens where it
was left; `fieldkit.ui.screen_fit` keeps it (and every dialog) inside the usable area.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect, QSize
from PySide6.QtWidgets import QWidget

SMALL_SCREEN = QSize(1366, 768)  # at most this usable: the window takes it all


def show_on_screen(window: QWidget, saved_geometry: QByteArray | None = None, *,
                   available: QRect | None = None) -> None:
    """Show `window` where it was left (`saved_geometry`); on a screen whose available
    geometry (`available`, the window's screen's by default) is 1366×768 or less,
    maximised."""
    if available is None:
        available = window.screen().availableGeometry()
    if saved_geometry is not None:
        window.restoreGeometry(saved_geometry)
    if is_small(available):
        window.showMaximized()
    else:
        window.show()


def is_small(available: QRect) -> bool:
    return available.width() <= SMALL_SCREEN.width() and available.height() <= SMALL_SCREEN.height()
