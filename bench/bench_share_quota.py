"""The room check of each PUT to a coordinator's LAN share (server._check_room): the
device folder's usage, counting only what the coordinator has not taken in, against the
same walk counting every file (the check before the quota left taken-in files out).

Run: PYTHONPATH=$PWD python bench/bench_share_quota.py [--files 10000] [--devices 10]
(figures go into BENCHMARKS.md, section "The LAN share's quota")

A coordinator's data folder whose share holds --devices device folders of --files small
bundles each, every one of them imported (in `dropbox_seen` under the share's remote);
the check reads one folder. Best and median of nine checks.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from fieldkit.services.coordinator import CoordinatorService
from fieldkit.store import dropbox_state
from fieldkit.sync.dropbox.lan_gate import LAN_REMOTE, store_gate
from fieldkit.sync.dropbox.server_files import usage


def fill(root: Path, service: CoordinatorService, *, devices: int, files: int) -> str:
    """The share's device folders, every bundle seen; the first folder's name."""
    sites = [f"{number:032x}" for number in range(devices)]
    for site in sites:
        folder = root / site / "bundles"
        folder.mkdir(parents=True)
        seen = []
        for number in range(files):
            name = f"{number:064x}.fkb"
            (folder / name).write_bytes(b"b" * 1000)
            seen.append((f"{site}/bundles/{name}", 1000))
        service.store.writer.call(lambda connection, seen=seen: dropbox_state.mark_seen(
            connection, remote=LAN_REMOTE, files=seen))
    return sites[0]


def timed(check, runs: int = 9) -> tuple[float, float, int]:
    times, result = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        result = check()
        times.append(time.perf_counter() - start)
    return min(times) * 1000, sorted(times)[runs // 2] * 1000, result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--devices", type=int, default=10)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        service = CoordinatorService.open(Path(temporary) / "data", device_name="bench")
        root = Path(temporary) / "share"
        site = fill(root, service, devices=options.devices, files=options.files)
        gate = store_gate(service.store)
        every = timed(lambda: usage(root / site, name=site, taken_in={}))
        waiting = timed(lambda: usage(root / site, name=site, taken_in=gate.taken_in(site)))
        read = timed(lambda: len(gate.taken_in(site)))
        service.close()
    print(f"{options.files} files in the device folder, {options.devices} folders seen:")
    print(f"  every file counted:      best {every[0]:.1f} ms, median {every[1]:.1f} ms ({every[2]:,} bytes)")
    print(f"  not yet taken in only:   best {waiting[0]:.1f} ms, median {waiting[1]:.1f} ms ({waiting[2]:,} bytes)")
    print(f"  of which the seen read:  best {read[0]:.1f} ms, median {read[1]:.1f} ms ({read[2]:,} rows)")


if __name__ == "__main__":
    main()
