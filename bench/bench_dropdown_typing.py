"""A keystroke in a dropdown question (issue 12, keyboard walk): the shipped forms'
34 provinces, "ha noi" typed 50 times, each keystroke timed from the key to the choice
made. Prints JSON; figures are recorded in BENCHMARKS.md.

    python bench/bench_dropdown_typing.py [--qt]

--qt times Qt's own combo box instead (which cannot type "ha noi": "thanh" is typed
there, as it is in the default run for the comparison, beside "ha noi").
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
FORMS = Path(__file__).resolve().parents[1] / "forms"


def timed(combo, typed: str, rounds: int = 50) -> dict:
    from PySide6.QtTest import QTest

    timings = []
    for _ in range(rounds):
        combo.setCurrentIndex(-1)
        if hasattr(combo, "_since"):
            combo._since.invalidate()  # a new search, as after a pause
        for letter in typed:
            start = time.perf_counter()
            QTest.keyClick(combo, letter)
            timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    return {"typed": typed, "keystrokes": len(timings), "median_ms": round(statistics.median(timings), 3),
            "p95_ms": round(timings[int(len(timings) * 0.95)], 3), "max_ms": round(timings[-1], 3)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--qt", action="store_true", help="Qt's own QComboBox")
    qt_only = parser.parse_args().qt
    from PySide6.QtWidgets import QApplication, QComboBox

    from fieldkit.forms import load_form
    from fieldkit.ui.form_view.widgets.type_ahead import TypeAheadCombo

    app = QApplication.instance() or QApplication([])
    combo = QComboBox() if qt_only else TypeAheadCombo()
    for value, label in load_form(FORMS / "commune_staffing.xlsx").new_session().choices("/data/province"):
        combo.addItem(label, value)
    combo.show()
    results = [timed(combo, "thanh")] + ([] if qt_only else [timed(combo, "ha noi")])
    print(json.dumps({"combo": type(combo).__name__, "results": results}, indent=1))
    app.processEvents()


if __name__ == "__main__":
    main()
