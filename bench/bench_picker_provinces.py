"""Commune search per keystroke with a province chosen (issue 12, item 9): Thành phố Hà
Nội chosen, names of other provinces typed, so most keystrokes find nothing there and the
picker counts the matches in every province to say so. Prints JSON; figures are recorded
in BENCHMARKS.md.

    python bench/bench_picker_provinces.py [--rounds 3]

Each keystroke is timed from `setText` to the list and its message updated (events
processed), in wall-clock time and in this process's CPU time (steadier on a busy machine).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
QUERIES = ("ea hleo", "ben thanh", "dak lak", "phu quoc", "sa pa")
HA_NOI = "01"


def summary(timings: list[float]) -> dict:
    timings = sorted(timings)
    return {"median_ms": round(statistics.median(timings), 2), "p95_ms": round(timings[int(len(timings) * 0.95)], 2),
            "max_ms": round(timings[-1], 2)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    rounds = parser.parse_args().rounds
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
    picker.province_box.setCurrentIndex(picker.province_box.findData(HA_NOI))
    app.processEvents()
    wall, cpu = [], []
    for _round in range(rounds):
        for query in QUERIES:
            for count in range(1, len(query) + 1):
                started, started_cpu = time.perf_counter(), time.process_time()
                picker.search_box.setText(query[:count])
                app.processEvents()
                wall.append((time.perf_counter() - started) * 1000)
                cpu.append((time.process_time() - started_cpu) * 1000)
            picker.search_box.setText("")
            app.processEvents()
    print(json.dumps({"keystrokes": len(wall), "wall": summary(wall), "cpu": summary(cpu), "target_ms": 20},
                     indent=2))


if __name__ == "__main__":
    main()
