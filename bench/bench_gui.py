"""GUI benchmarks (issue 3): cold start to a usable main window; commune search per
keystroke. Prints JSON; figures are recorded in BENCHMARKS.md.

    python bench/bench_gui.py [--runs 7]

Cold start: a new Python process per run (`--child`), timed from just before the parent
starts it to the moment the main window is shown, its commune list filled (the service
open, the picker usable) and the event loop idle. The first run uses a fresh data folder
and cache folder (creates the database and the device key, builds the picker's commune
cache); the others reopen them, as a person does every morning. Widgets render offscreen.

Search: the picker with all 3,321 communes; each keystroke of a few typed names (and
backspaces) is timed from `setText` to the list updated (filter + view, events processed).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
QUERIES = ("hoan kiem", "phuong ba dinh", "xa tan lap", "dak lak", "ea h'leo", "00070")


def child(data_dir: str) -> None:
    """One cold start; prints seconds since the process began when the window is usable."""
    from PySide6.QtCore import QTimer

    from fieldkit.ui import app as application

    qt_app = application.create_app()
    folder = Path(data_dir)
    log_path = application.setup_logging(folder)
    application.install_excepthook(log_path)
    translators = application.Translators(qt_app)
    translators.install("vi")
    from fieldkit.ui.main_window import MainWindow

    window = MainWindow(folder, translators, application.settings(folder), log_path=log_path)
    window.show()
    window.start()

    def usable() -> None:  # the next idle turn of the event loop after `ready`
        print(json.dumps({"usable_at": time.time(), "communes": window.picker.model.rowCount()}), flush=True)
        QTimer.singleShot(0, qt_app.quit)

    window.ready.connect(lambda: QTimer.singleShot(0, usable))
    QTimer.singleShot(60_000, qt_app.quit)
    qt_app.exec()
    window.shutdown()


def cold_starts(runs: int) -> dict:
    folder = tempfile.mkdtemp(prefix="fieldkit-bench-")
    cache = tempfile.mkdtemp(prefix="fieldkit-bench-cache-")  # the first run builds the picker cache
    times = []
    for _ in range(runs):
        started = time.time()
        environment = {**os.environ, "FIELDKIT_DATA_DIR": folder, "FIELDKIT_CACHE_DIR": cache}
        output = subprocess.run([sys.executable, __file__, "--child", folder], capture_output=True, text=True,
                                check=True, cwd=ROOT, env=environment).stdout
        result = json.loads(output.strip().splitlines()[-1])
        assert result["communes"] == 3321, result
        times.append(result["usable_at"] - started)
    later = times[1:] or times
    return {"first_run_s": round(times[0], 3), "median_s": round(statistics.median(later), 3),
            "max_s": round(max(later), 3), "runs": len(times), "target_s": 1.5}


def search_per_keystroke() -> dict:
    from PySide6.QtWidgets import QApplication

    from fieldkit.communes import CommuneDirectory
    from fieldkit.communes.picker_rows import make_rows
    from fieldkit.ui.commune_picker import CommunePicker

    app = QApplication.instance() or QApplication([])
    directory = CommuneDirectory()
    provinces = directory.provinces()
    communes = [commune for province in provinces for commune in directory.in_province(province.code)]
    picker = CommunePicker()
    picker.resize(400, 700)
    picker.show()
    picker.set_data(provinces, make_rows(communes, communes[:10]))
    app.processEvents()
    timings = []
    for query in QUERIES:
        steps = [query[:n] for n in range(1, len(query) + 1)] + [query[:n] for n in range(len(query) - 1, -1, -1)]
        for text in steps:
            started = time.perf_counter()
            picker.search_box.setText(text)
            app.processEvents()
            timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    return {"rows": picker.model.rowCount(), "keystrokes": len(timings),
            "median_ms": round(statistics.median(timings), 2),
            "p95_ms": round(timings[int(len(timings) * 0.95)], 2), "max_ms": round(timings[-1], 2),
            "target_ms": 20}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--child", metavar="DATA_DIR")
    arguments = parser.parse_args()
    if arguments.child:
        child(arguments.child)
        return
    print(json.dumps({"cold_start": cold_starts(arguments.runs), "commune_search": search_per_keystroke()},
                     indent=2))


if __name__ == "__main__":
    main()
