"""A real X server for the window: Xvfb at 1366×768 on a free display number, with the
openbox window manager, as the delegation's laptops have (title bars, a close button).

Used by tools/screenshots.py and by the tests that run the app on Qt's `xcb` platform
(tests/ui/xcb). Needs the Debian packages xvfb, openbox, xdotool, wmctrl and x11-utils
(.ci/run installs them); `missing_programs()` names those that are absent.

`python -m tools.xdisplay grab OUT.png` saves the whole screen of $DISPLAY, window
manager's frames included, through Qt's xcb platform (no ImageMagick needed).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

SCREEN = (1366, 768)
PROGRAMS = {"Xvfb": "xvfb", "openbox": "openbox", "xdotool": "xdotool", "wmctrl": "wmctrl", "xprop": "x11-utils",
            "xwininfo": "x11-utils"}
REPO_ROOT = Path(__file__).resolve().parents[1]


def missing_programs() -> list[str]:
    """The Debian packages to install for the programs that are not on PATH."""
    return sorted({package for program, package in PROGRAMS.items() if shutil.which(program) is None})


class VirtualDisplay:
    """`with VirtualDisplay() as display:` Xvfb and openbox, stopped at the end;
    `display.environment()` is what a child needs to open its windows there."""

    def __init__(self, size: tuple[int, int] = SCREEN, *, timeout: float = 30.0):
        self.size, self.timeout = size, timeout
        self.name = ""
        self.processes: list[subprocess.Popen[bytes]] = []

    def __enter__(self) -> VirtualDisplay:
        read_end, write_end = os.pipe()
        width, height = self.size
        # -displayfd: Xvfb takes the first free display number and writes it when ready
        server = subprocess.Popen(["Xvfb", "-displayfd", str(write_end), "-screen", "0", f"{width}x{height}x24",
                                   "-nolisten", "tcp"], pass_fds=(write_end,), stderr=subprocess.DEVNULL)
        self.processes.append(server)
        os.close(write_end)
        with os.fdopen(read_end) as numbers:
            number = numbers.readline().strip()
        if not number:
            self.__exit__(None, None, None)
            raise RuntimeError("Xvfb did not start")
        self.name = f":{number}"
        try:
            self.processes.append(subprocess.Popen(["openbox"], env=self.environment(),
                                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
            self._wait(self._window_manager_ready, "openbox to manage the screen")
        except BaseException:  # `with` calls __exit__ only once __enter__ has returned
            self.__exit__(None, None, None)
            raise
        return self

    def __exit__(self, *_exception: object) -> None:
        for process in reversed(self.processes):
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        self.processes.clear()

    def environment(self, **extra: str) -> dict[str, str]:
        """The current environment on this display, with Qt on xcb (not Wayland, not offscreen)."""
        environment = {key: value for key, value in os.environ.items()
                       if key not in ("WAYLAND_DISPLAY", "XDG_SESSION_TYPE")}
        environment.update(DISPLAY=self.name, QT_QPA_PLATFORM="xcb", **extra)
        return environment

    def run(self, *command: str) -> str:
        """A command's output on this display ('' when it fails: a window just closed)."""
        result = subprocess.run(command, env=self.environment(), capture_output=True, text=True, timeout=30)
        return result.stdout if result.returncode == 0 else ""

    def _wait(self, ready, what: str, timeout: float | None = None) -> None:
        timeout = self.timeout if timeout is None else timeout
        deadline = time.monotonic() + timeout
        while not ready():
            if time.monotonic() > deadline:
                raise TimeoutError(f"waited {timeout:.0f} s for {what} on {self.name}")
            time.sleep(0.1)  # another process's state: nothing to wait on but the clock

    def _window_manager_ready(self) -> bool:
        return "window id" in self.run("xprop", "-root", "_NET_SUPPORTING_WM_CHECK")

    # -- the windows of a process ---------------------------------------------------

    def windows_of(self, pid: int) -> list[str]:
        """The ids of the process's visible windows, as xdotool lists them."""
        return self.run("xdotool", "search", "--onlyvisible", "--pid", str(pid)).split()

    def wait_for_window(self, pid: int, title: str, timeout: float | None = None) -> str:
        """The id of the process's visible window whose title holds `title`."""
        found: list[str] = []

        def shown() -> bool:
            found[:] = [window for window in self.windows_of(pid) if title in self.title(window)]
            return bool(found)

        self._wait(shown, f"a window titled {title!r}", timeout)
        return found[0]

    def title(self, window: str) -> str:
        return self.run("xdotool", "getwindowname", window).strip()

    def frame(self, window: str) -> tuple[int, int, int, int]:
        """(left, top, width, height) of the window with the window manager's frame."""
        info = self.run("xwininfo", "-id", window)
        left, top, width, height = (int(re.search(pattern, info).group(1)) for pattern in (
            r"Absolute upper-left X:\s+(-?\d+)", r"Absolute upper-left Y:\s+(-?\d+)",
            r"Width:\s+(\d+)", r"Height:\s+(\d+)"))
        extents = re.search(r"=\s*(\d+), (\d+), (\d+), (\d+)", self.run("xprop", "-id", window, "_NET_FRAME_EXTENTS"))
        frame_left, frame_right, frame_top, frame_bottom = (int(part) for part in extents.groups()) if extents \
            else (0, 0, 0, 0)
        return (left - frame_left, top - frame_top, width + frame_left + frame_right,
                height + frame_top + frame_bottom)

    def close(self, window: str) -> None:
        """What the frame's close button does: the window manager asks the window to
        close (WM_DELETE_WINDOW); the application decides."""
        self.run("wmctrl", "-i", "-c", window)

    def grab(self, path: Path) -> None:
        """The whole screen as a PNG, frames included."""
        subprocess.run([sys.executable, "-m", "tools.xdisplay", "grab", str(path)], cwd=REPO_ROOT,
                       env=self.environment(), check=True, timeout=60)


def grab_screen(path: str) -> None:
    from PySide6.QtGui import QGuiApplication

    application = QGuiApplication(sys.argv[:1])
    if not application.primaryScreen().grabWindow(0).save(path):
        raise SystemExit(f"cannot write {path}")


if __name__ == "__main__":
    if sys.argv[1:2] != ["grab"] or len(sys.argv) != 3:
        raise SystemExit("usage: python -m tools.xdisplay grab OUT.png")
    grab_screen(sys.argv[2])
