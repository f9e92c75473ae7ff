"""Memory through a whole day's work (issue 12): the real main window, driven as a
delegation member and a coordinator would, with the resident memory (RSS) read after
each step and the peak (VmHWM) at the end. Target: under 250 MB all day.

    QT_QPA_PLATFORM=offscreen python bench/bench_memory.py [--communes 4] [--days 1] [--first-start]
        [--keep-charts] [--json]

The day: the visit dialog; for each commune, the three shipped forms opened, filled
through their widgets, saved and finalized; two print previews of the commune record
and a PDF saved through the real file dialog; a language switch there and back; the
submissions browser and each coordinator screen. `--days 2` runs the same day again in
the same process: what a second day adds is what the first one left behind. Every
summary draws its charts anew, as when its answers changed since the last one (the
worst case: the chart process runs beside the window); `--keep-charts` lets charts drawn
before be reused, as the app does.

The data folder is made the day before, by the window started and closed in another
process, as every morning but the first finds it. `--first-start` starts on an empty
folder instead: creating the database and reading the forms' files then load libraries
(sqlite-utils, numpy, openpyxl) that stay for the rest of that day.

Reads /proc/self/status (Linux); psutil, if installed, elsewhere. On Linux a thread also
samples, every 10 ms, the resident memory of this process plus that of its child
processes (the chart process, the import workers): "app" is the whole app's, the figure
to hold under 250 MB (the children's shared libraries counted again, so it errs high).
Each preview step gives the seconds from the click to the pages laid out.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
COMMUNES = ("hoan kiem", "ba dinh", "ben thanh", "ea hleo", "phu quoc", "cua nam", "dong anh", "tan lap")
FORMS = ("commune_staffing", "commune_infrastructure", "visit_minutes")
MIB = 1024 * 1024
PAUSE_MS = 300


def memory() -> dict[str, float]:
    """Resident memory now and its peak so far, in MiB; of the resident memory, how much is
    the process's own (heaps) and how much is mapped files (libraries, fonts: shared)."""
    status = Path("/proc/self/status")
    if status.exists():
        fields = dict(line.split(":", 1) for line in status.read_text().splitlines() if ":" in line)
        names = (("rss", "VmRSS"), ("peak", "VmHWM"), ("private", "RssAnon"), ("files", "RssFile"))
        return {key: round(int(fields[name].split()[0]) / 1024, 1) for key, name in names}
    import psutil  # not Linux

    info = psutil.Process().memory_info()
    return {"rss": round(info.rss / MIB, 1), "peak": round(getattr(info, "peak_wset", info.rss) / MIB, 1)}


def _resident_kib(pid: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except (OSError, ValueError):  # the child ended meanwhile
        pass
    return 0


def _children() -> list[str]:
    """This process's children that run a program of their own: one forked and not yet
    started on its program shares this process's pages (its resident memory is ours)."""
    found = []
    for task in Path("/proc/self/task").iterdir():
        with contextlib.suppress(OSError):
            found += (task / "children").read_text().split()
    ours = Path("/proc/self/cmdline").read_bytes()
    return [pid for pid in found if _command_line(pid) not in (ours, b"")]


def _command_line(pid: str) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:  # it ended meanwhile
        return b""


class AppSampler(threading.Thread):
    """The highest resident memory of this process and its children together, and of the
    children alone, sampled every 10 ms (Linux)."""

    def __init__(self) -> None:
        super().__init__(name="memory-sampler", daemon=True)
        self.app_peak_kib = self.children_peak_kib = self.window_at_app_peak_kib = 0
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.wait(0.01):
            children = sum(_resident_kib(pid) for pid in _children())
            window = _resident_kib("self")
            self.children_peak_kib = max(self.children_peak_kib, children)
            if window + children > self.app_peak_kib:
                self.app_peak_kib, self.window_at_app_peak_kib = window + children, window

    def figures(self) -> dict[str, float]:
        """The peaks so far: the app's, the children's, and the window's own at the app's peak."""
        return {"app_peak": round(self.app_peak_kib / 1024, 1),
                "children_peak": round(self.children_peak_kib / 1024, 1),
                "window_at_app_peak": round(self.window_at_app_peak_kib / 1024, 1)}


class Bot:
    """The few pytest-qt calls tests/helpers/shell.py makes, without pytest."""

    def waitUntil(self, condition, timeout: int = 5000) -> None:  # noqa: N802 (pytest-qt's name)
        from PySide6.QtTest import QTest

        deadline = time.monotonic() + timeout / 1000
        while True:
            with contextlib.suppress(AssertionError):
                result = condition()
                if result is None or result:  # None: an assertion-style condition that held
                    return
            if time.monotonic() > deadline:
                raise TimeoutError(f"waited {timeout} ms for {condition}")
            QTest.qWait(5)

    @contextlib.contextmanager
    def waitSignal(self, signal, timeout: int = 5000):  # noqa: N802
        emitted = []
        signal.connect(lambda *args: emitted.append(args))
        yield
        self.waitUntil(lambda: bool(emitted), timeout)

    @contextlib.contextmanager
    def waitActive(self, widget, timeout: int = 5000):  # noqa: N802
        yield
        self.waitUntil(widget.isActiveWindow, timeout)

    def keyClicks(self, widget, text: str) -> None:  # noqa: N802
        from PySide6.QtTest import QTest

        QTest.keyClicks(widget, text)

    def keyClick(self, widget, key, modifier=None) -> None:  # noqa: N802
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        QTest.keyClick(widget, key, modifier or Qt.KeyboardModifier.NoModifier)

    def mouseClick(self, widget, button) -> None:  # noqa: N802
        from PySide6.QtTest import QTest

        QTest.mouseClick(widget, button)


class Day:
    def __init__(self, shell, files: Path, sampler: AppSampler | None = None):
        self.shell, self.files, self.steps, self.sampler = shell, files, [], sampler

    def record(self, step: str, **figures: float) -> None:
        from PySide6.QtCore import QCoreApplication, QEvent
        from PySide6.QtTest import QTest

        self.shell.idle()
        for _round in range(3):  # what deleteLater and the garbage collector would free by now
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            QCoreApplication.processEvents()
            gc.collect()
        QTest.qWait(PAUSE_MS)  # a person reads the screen before the next step: timers run
        self.steps.append({"step": step, **memory(), **(self.sampler.figures() if self.sampler else {}), **figures})
        now = self.steps[-1]
        app = f", app {now['app_peak']:5.1f}" if "app_peak" in now else ""
        timed = f" in {now['seconds']:.2f} s" if "seconds" in now else ""
        print(f"{now['rss']:6.1f} MiB (peak {now['peak']:5.1f}{app}, own {now.get('private', 0):5.1f})  {step}{timed}",
              file=sys.stderr, flush=True)

    def fill_forms(self, commune: str) -> None:
        from PySide6.QtCore import Qt

        from tests.helpers.shell import fill_form

        shell = self.shell
        shell.pick_commune(commune)
        for form_id in FORMS:
            shell.open_form(form_id)  # a new one, or the one filled the day before
            fill_form(shell.qtbot, shell.forms.view, self.files)
            shell.save()
            finalized = []
            shell.forms.saved.connect(finalized.append)
            shell.qtbot.mouseClick(shell.window.form_page.finalize_button, Qt.MouseButton.LeftButton)
            shell.qtbot.waitUntil(lambda done=finalized: bool(done), timeout=30_000)
            self.record(f"{commune}: {form_id} filled, saved, finalized")
            shell.window.close_form_action.trigger()  # as Close form does

    def previews_and_pdf(self, commune: str) -> None:
        from PySide6.QtCore import Qt

        from tests.helpers.previews import open_preview

        shell = self.shell
        shell.pick_commune(commune)
        for number in (1, 2):
            clicked = time.perf_counter()
            preview = open_preview(shell)
            self.record(f"print preview {number} open ({preview.pages} pages)",
                        seconds=round(time.perf_counter() - clicked, 2))
            preview.close()
            self.record(f"print preview {number} closed")
        preview = open_preview(shell)
        target = self.files / f"bien-ban-{len(self.steps)}.pdf"
        _type_into_the_save_dialog(target)
        with shell.qtbot.waitSignal(preview.saved, timeout=30_000):
            shell.qtbot.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)
        preview.close()
        self.record(f"PDF saved through the file dialog ({target.stat().st_size // 1024} KiB)")

    def switch_language(self) -> None:
        from PySide6.QtGui import QAction

        for language in ("en", "vi"):
            self.shell.window.findChild(QAction, f"language_{language}").trigger()
            self.shell.qtbot.waitUntil(lambda lang=language: self.shell.window.translators.language == lang)
        self.record("language switched to English and back")

    def browse_and_coordinate(self) -> None:
        from PySide6.QtGui import QAction

        window = self.shell.window
        window.submissions_action.trigger()
        self.shell.qtbot.waitUntil(lambda: window.browser.model.rowCount() > 0, timeout=30_000)
        self.record(f"submissions browser ({window.browser.model.rowCount()} rows)")
        for name in ("import", "conflicts", "duplicates", "devices", "summaries"):
            window.findChild(QAction, f"coordinator_{name}").trigger()
            self.record(f"coordinator: {name}")
        window.show_home()


def _type_into_the_save_dialog(target: Path) -> None:
    """The real (Qt) save dialog: the file name typed, then Save, once it shows."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QFileDialog

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(20, answer)
            return
        dialog.selectFile(str(target))
        dialog.accept()

    QTimer.singleShot(0, answer)


def open_and_close(folder: Path) -> None:
    """The window started once on `folder` and closed: the database made, forms read."""
    from fieldkit.ui import app as application
    from tests.helpers.shell import Shell

    application.create_app()
    Shell(Bot(), folder).close()


def run(communes: int, days: int, *, first_start: bool, keep_charts: bool = False) -> dict:
    from PySide6.QtWidgets import QApplication

    if not keep_charts:
        with contextlib.suppress(ImportError):  # (before the chart process, nothing was kept)
            from fieldkit.reports import chart_process

            chart_process.CACHED_CHARTS = 0  # every summary's charts drawn anew

    from fieldkit.ui import app as application
    from tests.helpers.shell import Shell

    folder = Path(tempfile.mkdtemp(prefix="fieldkit-memory-"))
    if not first_start:
        subprocess.run([sys.executable, __file__, "--prepare", str(folder)], check=True, cwd=ROOT,
                       stderr=subprocess.DEVNULL)
    start = memory()
    sampler = AppSampler()
    if Path("/proc/self/task").exists():
        sampler.start()
    qt_app = QApplication.instance() or application.create_app()
    files = Path(tempfile.mkdtemp(prefix="fieldkit-memory-files-"))
    shell = Shell(Bot(), folder)
    day = Day(shell, files, sampler if sampler.is_alive() else None)
    day.steps.append({"step": "Python started", **start})
    day.record("window open")
    shell.enter_visit()
    day.record("visit entered")
    for number in range(1, days + 1):
        for commune in COMMUNES[:communes]:
            day.fill_forms(commune)
        day.previews_and_pdf(COMMUNES[0])
        day.switch_language()
        day.browse_and_coordinate()
        day.record(f"end of day {number}")
    shell.close()
    qt_app.processEvents()
    sampler.stop.set()
    peak = max(step["peak"] for step in day.steps)
    app_peak = max([step.get("app_peak", 0) for step in day.steps] + [peak])
    return {"first_start": first_start, "keep_charts": keep_charts, "steps": day.steps,
            "peak_mib": peak, "peak_mb": round(peak * MIB / 1e6, 1),
            "app_peak_mib": app_peak, "app_peak_mb": round(app_peak * MIB / 1e6, 1),
            "end_rss_mib": day.steps[-1]["rss"], "target_mb": 250,
            "preview_seconds": [step["seconds"] for step in day.steps if "seconds" in step],
            "heavy_modules": sorted(name for name in ("matplotlib", "numpy", "pydantic", "sqlite_utils", "openpyxl")
                                    if name in sys.modules)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--communes", type=int, default=4)
    parser.add_argument("--days", type=int, default=1)
    parser.add_argument("--first-start", action="store_true", help="start on an empty data folder")
    parser.add_argument("--keep-charts", action="store_true", help="reuse charts drawn before, as the app does")
    parser.add_argument("--json", action="store_true", help="every step as JSON on stdout")
    parser.add_argument("--prepare", metavar="DATA_DIR", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.prepare:
        open_and_close(Path(arguments.prepare))
        return
    result = run(arguments.communes, arguments.days, first_start=arguments.first_start,
                 keep_charts=arguments.keep_charts)
    if arguments.json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
    else:
        print(json.dumps({key: value for key, value in result.items() if key != "steps"}, indent=2))


if __name__ == "__main__":
    main()
