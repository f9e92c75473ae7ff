"""Where the main window opens: maximised on a 1366×768 laptop (1366×728 usable with a
taskbar); on a larger screen where it was left, inside the usable area."""

from PySide6.QtCore import QRect, Qt

from fieldkit.ui.placement import is_small, show_on_screen

LAPTOP = QRect(0, 0, 1366, 728)  # 1366×768 less a 40-px taskbar
DESKTOP = QRect(0, 0, 1920, 1040)


def maximised(window) -> bool:
    return bool(window.windowState() & Qt.WindowState.WindowMaximized)


def test_on_a_laptop_screen_the_window_starts_maximised(qtbot, start_shell):
    window = start_shell().window
    window.hide()
    show_on_screen(window, None, available=LAPTOP)
    qtbot.waitUntil(window.isVisible)
    assert maximised(window)


def test_a_geometry_saved_on_a_laptop_is_maximised_again(qtbot, start_shell):
    window = start_shell().window
    window.setGeometry(QRect(100, 100, 900, 600))
    saved = window.saveGeometry()
    window.hide()
    show_on_screen(window, saved, available=LAPTOP)
    assert maximised(window)


def test_on_a_larger_screen_it_opens_where_it_was_left(qtbot, start_shell):
    window = start_shell().window
    window.setGeometry(QRect(30, 60, 1100, 700))
    saved = window.saveGeometry()
    window.hide()
    show_on_screen(window, saved, available=DESKTOP)
    assert not maximised(window)
    assert window.geometry().height() == 700  # (the test screen is narrower than 1100)


def test_this_screen_by_its_available_geometry(qtbot, start_shell):
    """The test platform's screen, read as the application reads it: the window fits its
    usable height whether maximised or not."""
    window = start_shell().window
    window.hide()
    available = window.screen().availableGeometry()
    show_on_screen(window)
    qtbot.waitUntil(window.isVisible)
    assert maximised(window) == is_small(available)
    assert available.top() <= window.frameGeometry().top()
    assert window.frameGeometry().bottom() <= available.bottom()


def test_small_means_at_most_1366_by_768():
    assert is_small(QRect(0, 0, 1366, 768)) and is_small(LAPTOP) and is_small(QRect(0, 0, 1280, 720))
    assert not is_small(DESKTOP) and not is_small(QRect(0, 0, 1440, 900))
