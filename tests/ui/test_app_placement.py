"""Where the main window opens: maximised on a 1366×768 laptop (1366×728 usable with a
taskbar), and never past the usable part of a larger screen."""

from PySide6.QtCore import QRect, Qt

from fieldkit.ui.placement import TITLE_BAR, inside, show_on_screen

LAPTOP = QRect(0, 0, 1366, 728)  # 1366×768 less a 40-px taskbar
DESKTOP = QRect(0, 0, 1920, 1040)


def test_on_a_laptop_screen_the_window_starts_maximised(qtbot, start_shell):
    window = start_shell().window
    window.hide()
    show_on_screen(window, None, available=LAPTOP)
    qtbot.waitUntil(lambda: window.isVisible())
    assert window.windowState() & Qt.WindowState.WindowMaximized


def test_a_geometry_saved_on_a_laptop_is_maximised_again(qtbot, start_shell):
    window = start_shell().window
    window.setGeometry(QRect(100, 100, 900, 600))
    saved = window.saveGeometry()
    window.hide()
    show_on_screen(window, saved, available=LAPTOP)
    assert window.windowState() & Qt.WindowState.WindowMaximized


def test_on_this_screen_the_window_stays_inside_its_usable_height(qtbot, start_shell):
    """The test platform's screen (800×800) is taller than a laptop's, so the window is
    not maximised; it is placed so that it and its title bar fit the usable height.
    (It is 800 px wide: narrower than the window can be, whose minimum is about 1030 px.)"""
    window = start_shell().window
    window.hide()
    available = window.screen().availableGeometry()
    show_on_screen(window)
    assert not window.windowState() & Qt.WindowState.WindowMaximized
    assert window.geometry().top() - TITLE_BAR >= available.top()
    assert window.geometry().bottom() <= available.bottom()


def test_on_a_larger_screen_the_default_size_is_kept_and_placed_inside():
    assert inside(QRect(0, 0, 1100, 720), DESKTOP) == QRect(410, 180, 1100, 720)
    placed = inside(QRect(0, 0, 1100, 720), QRect(0, 0, 1600, 740))  # wide, not tall enough
    assert placed.height() == 740 - TITLE_BAR and placed.top() == TITLE_BAR


def test_a_window_saved_past_the_edge_comes_back_inside():
    placed = inside(QRect(1500, 900, 1100, 720), DESKTOP)
    assert DESKTOP.adjusted(0, TITLE_BAR, 0, 0).contains(placed)
    assert placed.size() == QRect(0, 0, 1100, 720).size()
