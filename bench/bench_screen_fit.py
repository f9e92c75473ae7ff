"""What fitting every window to the screen costs a keystroke (issue 12, item 1).

fieldkit.ui.screen_fit watches every event of the application (an application event
filter, in Python) for the few that show a window. This measures, offscreen:
- the events the filter sees per keystroke, in bench_form_view's two keystroke
  benchmarks (a text question; the 3,321-commune search list);
- the cost of one event sent with and without the filter (best of 5 × 20,000);
- those keystroke benchmarks without and with the filter, alternating (medians of
  the medians of `--rounds` rounds).

Run: QT_QPA_PLATFORM=offscreen python bench/bench_screen_fit.py  (prints JSON)
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import statistics
import sys
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))

import bench_form_view  # noqa: E402
from PySide6.QtCore import QEvent, QObject  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from fieldkit.ui import screen_fit  # noqa: E402


class CountingFitter(screen_fit._ScreenFitter):
    """The application's filter, counting the events it sees."""

    seen = 0

    def eventFilter(self, watched, event) -> bool:
        self.seen += 1
        return super().eventFilter(watched, event)


class Fitting:
    """A filter installed for the life of the `with` block, as the main window installs
    it (owned by a widget, dropped with it): the application's, or one that counts."""

    def __init__(self, app: QApplication, *, counting: bool = False):
        self.app, self.counting = app, counting

    def __enter__(self) -> CountingFitter | None:
        self.owner = QWidget()
        if not self.counting:
            screen_fit.keep_windows_on_screen(self.owner)
            return None
        fitter = CountingFitter(self.owner)
        self.app.installEventFilter(fitter)
        return fitter

    def __exit__(self, *_exc) -> None:
        self.owner.deleteLater()
        self.app.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


def one_event_us(app: QApplication) -> float:
    target = QObject()
    best = []
    for _ in range(5):
        start = time.perf_counter()
        for _ in range(20_000):
            app.sendEvent(target, QEvent(QEvent.Type.User))
        best.append((time.perf_counter() - start) / 20_000 * 1e6)
    return round(min(best), 2)


def keystrokes(workdir: pathlib.Path) -> dict:
    return {"text": bench_form_view.text_keystrokes()["median_ms"],
            "search": bench_form_view.filter_keystrokes(workdir)["median_ms"]}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=4)
    rounds = parser.parse_args().rounds
    app = QApplication.instance() or QApplication(sys.argv[:1])
    report: dict = {}
    with tempfile.TemporaryDirectory() as work:
        os.environ.setdefault("FIELDKIT_CACHE_DIR", str(pathlib.Path(work) / "cache"))
        workdir = pathlib.Path(work)
        with Fitting(app, counting=True) as fitting:
            report["events_per_text_keystroke"] = _per_keystroke(fitting, bench_form_view.text_keystrokes)
            report["events_per_search_keystroke"] = _per_keystroke(
                fitting, lambda: bench_form_view.filter_keystrokes(workdir))
        report["one_event_without_filter_us"] = one_event_us(app)
        with Fitting(app):
            report["one_event_with_filter_us"] = one_event_us(app)
        runs: dict[str, list[dict]] = {"without": [], "with": []}
        for _ in range(rounds):
            runs["without"].append(keystrokes(workdir))
            with Fitting(app):
                runs["with"].append(keystrokes(workdir))
        for mode, results in runs.items():
            for kind in ("text", "search"):
                report[f"{kind}_keystroke_median_ms_{mode}"] = round(
                    statistics.median(result[kind] for result in results), 2)
    print(json.dumps(report, indent=2))


def _per_keystroke(fitting: CountingFitter, run) -> float:
    fitting.seen = 0
    samples = run()["samples"]
    return round(fitting.seen / samples, 1)


if __name__ == "__main__":
    main()
