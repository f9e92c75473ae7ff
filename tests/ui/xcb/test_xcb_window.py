"""The README's command on a desktop: `fieldkit` opens its window on Qt's xcb platform
under a real X server with a window manager, at 1366×768, and closes cleanly from the
window manager's close button."""

import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

from fieldkit.services import SurveyService

REPO_ROOT = Path(__file__).resolve().parents[3]


def data_folder_with_a_visit(folder: Path) -> Path:
    """Past the first start's visit dialog, so that the main window is the one to close."""
    with SurveyService.open(folder) as service:
        service.set_visit(delegation="Đoàn 5", members=["Trần Thị Bình"], at_keyboard="Trần Thị Bình").result()
    return folder


def test_the_window_opens_on_xcb_fits_the_screen_and_closes_cleanly(virtual_display, tmp_path):
    data = data_folder_with_a_visit(tmp_path / "data")
    virtual_display.grab(tmp_path / "empty.png")  # the screen before the window
    app = subprocess.Popen([sys.executable, "-m", "fieldkit.cli", "--data-dir", str(data), "--lang", "en"],
                           cwd=REPO_ROOT, env=virtual_display.environment(), stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True)
    try:
        window = virtual_display.wait_for_window(app.pid, "Commune surveys", timeout=120)
        left, top, width, height = virtual_display.frame(window)
        virtual_display.grab(tmp_path / "screen.png")
        virtual_display.close(window)
        stdout, stderr = app.communicate(timeout=60)
    finally:
        app.kill()
    assert (app.returncode, stdout) == (0, ""), stderr
    assert 0 <= left and 0 <= top and left + width <= 1366 and top + height <= 768, (left, top, width, height)
    screen = QImage(str(tmp_path / "screen.png"))
    assert (screen.width(), screen.height()) == (1366, 768)
    empty = QImage(str(tmp_path / "empty.png"))  # maximised at 1366×768, the window covers every corner
    assert screen.pixelColor(left + width // 2, top + height // 2) != empty.pixelColor(left + width // 2,
                                                                                   top + height // 2)  # drawn
