"""The frozen build (issue 13): its size, its cold start to a usable window against the
source install's on the same machine, and the window process's memory after start.
Prints JSON; figures are recorded in BENCHMARKS.md.

    python packaging/build.py && python bench/bench_build.py [--runs 7] [--app dist/fieldkit/fieldkit]

Size: the folder (every file, symbolic links once) and the folder zipped as
`build.py --zip` hands it out (deflate, links kept as links).

Cold start: `fieldkit --data-dir D` as a person starts it, from source (`python -m
fieldkit.cli`, the console script's code) and frozen, run in turns so that both meet
the same load. Timed from just before the process starts to the line it prints with
FIELDKIT_PRINT_READY set: the next idle turn of the event loop after the main window
is shown with the data opened and the commune list filled (`MainWindow.ready`, the
signal bench/bench_gui.py uses). The first run of each uses a fresh data and cache
folder; the others reopen them, as every morning. Qt renders offscreen (no X server).
With --drop-caches (root, Linux) the page cache is dropped before every start, so each
one reads its program from the disk, as after the laptop is switched on.

Memory: VmRSS and VmHWM of the window's process one second after it was usable (the
memory released after start: fieldkit/ui/memory.py), median over the reopening runs.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUILT = ROOT / "dist" / "fieldkit" / ("fieldkit.exe" if os.name == "nt" else "fieldkit")
SETTLE_S = 1.0


def build_script():
    """packaging/build.py as a module (a script folder, not a package)."""
    spec = importlib.util.spec_from_file_location("fieldkit_build", ROOT / "packaging" / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def sizes(bundle: Path) -> dict:
    build = build_script()
    with tempfile.TemporaryDirectory() as scratch:
        zipped = build.zip_folder(bundle, Path(scratch) / "fieldkit.zip").stat().st_size
    files = sum(1 for path in bundle.rglob("*") if path.is_file())
    return {"folder_mb": round(build.folder_size(bundle) / 1e6, 1), "zipped_mb": round(zipped / 1e6, 1), "files": files}


def memory_mb(pid: int) -> dict:
    fields = dict(line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines() if ":" in line)
    return {name: round(int(fields[name].split()[0]) / 1024, 1) for name in ("VmRSS", "VmHWM")}


def one_start(command: list[str], data: Path, cache: Path) -> tuple[float, dict]:
    """Seconds to the window's `ready` line; its memory SETTLE_S later. Then ended: the
    benchmark has what it came for (its data folder is its own)."""
    environment = {**os.environ, "FIELDKIT_PRINT_READY": "1", "FIELDKIT_CACHE_DIR": str(cache),
                   "QT_QPA_PLATFORM": "offscreen"}
    started = time.time()
    app = subprocess.Popen([*command, "--data-dir", str(data)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                           text=True, env=environment, cwd=ROOT)
    try:
        line = app.stdout.readline()
        if not line.startswith("ready "):
            raise SystemExit(f"{command[0]} gave no 'ready' line (exit status {app.wait()})")
        usable = float(line.split()[1]) - started
        time.sleep(SETTLE_S)  # another process's memory, read once it settled
        memory = memory_mb(app.pid)
    finally:
        app.send_signal(signal.SIGTERM)
        app.wait(timeout=60)
    return usable, memory


def drop_page_cache() -> None:
    os.sync()
    Path("/proc/sys/vm/drop_caches").write_text("3\n")


def cold_starts(app: Path, runs: int, *, drop_caches: bool = False) -> dict:
    commands = {"source": [sys.executable, "-m", "fieldkit.cli"], "frozen": [str(app)]}
    scratch = Path(tempfile.mkdtemp(prefix="fieldkit-bench-build-"))
    times: dict[str, list[float]] = {name: [] for name in commands}
    memory: dict[str, list[dict]] = {name: [] for name in commands}
    try:
        for _run in range(runs):
            for name, command in commands.items():
                if drop_caches:
                    drop_page_cache()
                usable, used = one_start(command, scratch / name / "data", scratch / name / "cache")
                times[name].append(usable)
                memory[name].append(used)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    result = {}
    for name in commands:
        later, settled = times[name][1:] or times[name], memory[name][1:] or memory[name]
        result[name] = {"first_run_s": round(times[name][0], 3), "median_s": round(statistics.median(later), 3),
                        "max_s": round(max(later), 3),
                        "rss_mb": round(statistics.median(entry["VmRSS"] for entry in settled), 1),
                        "hwm_mb": round(statistics.median(entry["VmHWM"] for entry in settled), 1)}
    result["frozen_over_source"] = round(result["frozen"]["median_s"] / result["source"]["median_s"], 2)
    result["runs"] = runs
    result["page_cache_dropped"] = drop_caches
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--app", type=Path, default=BUILT, help="the frozen executable")
    parser.add_argument("--drop-caches", action="store_true", help="drop the page cache before each start (root)")
    arguments = parser.parse_args()
    if not arguments.app.is_file():
        raise SystemExit(f"no frozen build at {arguments.app}: python packaging/build.py")
    print(json.dumps({"size": sizes(arguments.app.parent), "cold_start": cold_starts(arguments.app, arguments.runs,
                                                                          drop_caches=arguments.drop_caches),
                      "platform": "offscreen"}, indent=2))


if __name__ == "__main__":
    main()
