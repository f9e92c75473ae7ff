"""Every window and dialog fits the screen it opens on.

The delegation's laptops have 1366×768 screens with a taskbar: about 1366×728 usable.
A window taller than that hides its buttons below the bottom edge. `fit_to_screen`
shrinks a top-level window, its frame included, to the available area of its screen
and moves it inside; `keep_windows_on_screen` does it for every window and dialog the
application shows, Qt's own (print, save, message boxes) included.

Dialogs are then placed by Qt (centred over their parent, kept on the screen) with the
size they are given here: the fitting happens as the window is about to be shown,
before QDialog places it and before the window system maps it, so nothing jumps.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMargins, QObject, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QApplication, QDialog, QWidget

# A window manager draws its frame once the window is on screen; until then the frame
# of a window already shown is the best guess, else this: a title bar and thin borders.
GUESSED_FRAME = QMargins(4, 32, 4, 4)
FITTED_TYPES = (Qt.WindowType.Window, Qt.WindowType.Dialog)


def fit_to_screen(window: QWidget) -> None:
    """Shrink `window` to the available geometry of its screen (frame included) and,
    unless Qt places it (a dialog not moved yet), move it inside that area."""
    if window.windowState() & (Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen):
        return  # the window system gives it the available area already
    screen = _screen_of(window)
    if screen is None:
        return
    available = screen.availableGeometry()
    frame = frame_margins(window)
    room = QSize(available.width() - frame.left() - frame.right(),
                 available.height() - frame.top() - frame.bottom())
    size = window.size().boundedTo(room).expandedTo(window.minimumSize())
    if size != window.size():
        window.resize(size)
    if isinstance(window, QDialog) and not window.testAttribute(Qt.WidgetAttribute.WA_Moved):
        return  # QDialog centres it over its parent, inside the screen, as it shows
    outer = QRect(window.pos(), QSize(size.width() + frame.left() + frame.right(),
                                      size.height() + frame.top() + frame.bottom()))
    inside = moved_inside(outer, available)
    if inside.topLeft() != outer.topLeft():
        window.move(inside.topLeft())


def moved_inside(outer: QRect, area: QRect) -> QRect:
    """`outer` moved the least that puts it inside `area` (its top-left corner inside
    when it is larger)."""
    x = max(area.left(), min(outer.left(), area.right() + 1 - outer.width()))
    y = max(area.top(), min(outer.top(), area.bottom() + 1 - outer.height()))
    return QRect(QPoint(x, y), outer.size())


def frame_margins(window: QWidget) -> QMargins:
    """The frame the window system draws around `window`: its own once known, else
    that of a window already shown, else a guess."""
    if window.windowFlags() & Qt.WindowType.FramelessWindowHint:
        return QMargins()
    shown = [window, *(other for other in QApplication.topLevelWidgets() if other.isVisible())]
    for candidate in shown:
        margins = _known_frame(candidate)
        if not margins.isNull():
            return margins
    return GUESSED_FRAME


def _known_frame(window: QWidget) -> QMargins:
    inner, outer = window.geometry(), window.frameGeometry()
    return QMargins(inner.left() - outer.left(), inner.top() - outer.top(),
                    outer.right() - inner.right(), outer.bottom() - inner.bottom())


def _screen_of(window: QWidget) -> QScreen | None:
    parent = window.parentWidget()
    screen = (parent.window().screen() if parent is not None else None) or window.screen()
    return screen or QGuiApplication.primaryScreen()


class _ScreenFitter(QObject):
    """Fits each top-level window as it is about to show. An application event filter
    sees every event: the test of the event type comes first and is all most pay."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow()
                and watched.windowType() in FITTED_TYPES):
            fit_to_screen(watched)
        return False


def keep_windows_on_screen(owner: QObject) -> None:
    """From now on, every window and dialog the application shows fits its screen.
    The filter lives as long as `owner` (the main window): Qt drops it with it."""
    application = QApplication.instance()
    if application is None or owner.findChild(_ScreenFitter) is not None:
        return
    fitter = _ScreenFitter(owner)
    fitter.setObjectName("screen_fitter")
    application.installEventFilter(fitter)
