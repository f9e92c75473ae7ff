"""The frozen app on a desktop: `dist/fieldkit/fieldkit` opens its window on Qt's xcb
platform under a real X server with a window manager, at 1366×768, with its icon, and
closes cleanly from the window manager's close button (as tests/ui/xcb does from source)."""

import os
import subprocess
import time
from pathlib import Path

from fieldkit.services import SurveyService


def data_folder_with_a_visit(folder: Path) -> Path:
    """Past the first start's visit dialog, so that the main window is the one to close."""
    with SurveyService.open(folder) as service:
        service.set_visit(delegation="Đoàn 5", members=["Trần Thị Bình"], at_keyboard="Trần Thị Bình").result()
    return folder


def test_the_frozen_window_opens_on_xcb_with_its_icon_and_closes_cleanly(frozen_app, virtual_display, tmp_path):
    data = data_folder_with_a_visit(tmp_path / "data")
    app = subprocess.Popen([frozen_app, "--data-dir", data, "--lang", "en"], env=virtual_display.environment(),
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        window = virtual_display.wait_for_window(app.pid, "Commune surveys", timeout=120)
        left, top, width, height = virtual_display.frame(window)
        icon = virtual_display.run("xprop", "-id", window, "_NET_WM_ICON")
        virtual_display.close(window)
        stdout, stderr = app.communicate(timeout=60)
    finally:
        app.kill()
    assert (app.returncode, stdout) == (0, ""), stderr
    assert 0 <= left and 0 <= top and left + width <= 1366 and top + height <= 768, (left, top, width, height)
    assert width >= 1300 and height >= 700, (width, height)  # maximised on the laptop's screen
    assert "Icon (16 x 16)" in icon and "Icon (128 x 128)" in icon, icon[:200]  # Qt sends up to 128 px


def test_the_frozen_window_says_when_it_is_usable_when_asked(frozen_app, tmp_path):
    """FIELDKIT_PRINT_READY: the line bench/bench_build.py times the start to, from
    source and frozen alike."""
    environment = {**os.environ, "FIELDKIT_PRINT_READY": "1"}  # offscreen, as the tests' Qt
    app = subprocess.Popen([frozen_app, "--data-dir", tmp_path / "data"], env=environment, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True)
    started = time.time()
    try:
        line = app.stdout.readline()
    finally:
        app.terminate()
        _stdout, stderr = app.communicate(timeout=60)
    word, _space, moment = line.partition(" ")
    assert word == "ready", stderr
    assert started < float(moment) < time.time()
