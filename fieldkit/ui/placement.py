"""Where the main window opens: inside the usable part of the screen (the taskbar
excluded), and maximised on the delegation's laptops.

On a 1366×768 screen with a taskbar (about 1366×728 usable) a 1100×720 window and its
title bar reached 12 px below the usable area on the first start.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect, QSize
from PySide6.QtWidgets import QWidget

SMALL_SCREEN = QSize(1366, 768)  # at most this usable: the window takes it all
TITLE_BAR = 40  # room for the window manager's frame, unknown before the window is shown


def show_on_screen(window: QWidget, saved_geometry: QByteArray | None = None, *,
                   available: QRect | None = None) -> None:
    """Show `window` where it was left (`saved_geometry`), made to fit `available` (the
    screen's available geometry); on a screen of 1366×768 or less, maximised."""
    if available is None:
        available = window.screen().availableGeometry()
    if saved_geometry is not None:
        window.restoreGeometry(saved_geometry)
    if is_small(available):
        window.showMaximized()
        return
    if not window.isMaximized():
        window.setGeometry(inside(window.geometry(), available))
    window.show()


def is_small(available: QRect) -> bool:
    return available.width() <= SMALL_SCREEN.width() and available.height() <= SMALL_SCREEN.height()


def inside(wanted: QRect, available: QRect) -> QRect:
    """`wanted` (a window's geometry, without its frame) made to fit in `available` with
    a title bar above it: smaller if need be, moved in if it reaches past an edge (a
    window saved on a larger screen, or a first start)."""
    usable = available.adjusted(0, TITLE_BAR, 0, 0)
    placed = QRect(wanted.topLeft(), wanted.size().boundedTo(usable.size()))
    if not usable.contains(placed):
        placed.moveCenter(usable.center())
    return placed
