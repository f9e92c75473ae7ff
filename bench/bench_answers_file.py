"""`fieldkit submit --answers` with long rosters: the work must grow with the rows, not
with their square (3,000 rows once took 101 s).

Run: python bench/bench_answers_file.py [--rows 300,1000,3000,10000]
(prints JSON; figures go into BENCHMARKS.md, section "Form engine: real forms as ODK")

Each run is a fresh process on a fresh data folder: the shipped staffing form, every
roster row with its four answers (name, role, trainings, signature certificate), saved
as a draft revision. Time is the whole command, start-up included.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import subprocess
import sys
import tempfile
import time


def answers(rows: int) -> dict[str, str]:
    found = {}
    for row in range(1, rows + 1):
        found[f"/data/roster[{row}]/name"] = f"Cán bộ {row}"
        found[f"/data/roster[{row}]/role"] = "chair"
        found[f"/data/roster[{row}]/trainings"] = "none"
        found[f"/data/roster[{row}]/has_signature_cert"] = "no"
    return found


def time_submit(rows: int) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        path = pathlib.Path(folder) / "answers.json"
        path.write_text(json.dumps(answers(rows), ensure_ascii=False), encoding="utf-8")
        command = ["fieldkit", "--data-dir", str(pathlib.Path(folder) / "data"), "submit", "commune_staffing",
                   "--answers", str(path), "--commune", "00004"]
        start = time.perf_counter()
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        seconds = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"submit failed for {rows} rows: {result.stderr}")
    return {"rows": rows, "answers": rows * 4, "seconds": round(seconds, 2)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", default="300,1000,3000,10000")
    arguments = parser.parse_args()
    results = [time_submit(int(rows)) for rows in arguments.rows.split(",")]
    json.dump(results, sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    main()
