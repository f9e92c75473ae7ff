"""Issue 10, items 12 and 14, on real files and processes: `fieldkit bundle import` reads
only regular files (a FIFO, a device, a socket, a loop of links or a folder named *.fkb
is reported and skipped, and the run goes on), and a chunk of millions of tiny lines is
refused without its memory growing with the line count."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from fieldkit.sync.archive import Limits
from tests.helpers.bundle_edits import rewrite
from tests.helpers.sync_devices import Device

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")

MAIN = "import sys; from fieldkit.cli import main; sys.exit(main())"


@pytest.fixture
def lan(tmp_path):
    device = Device(tmp_path, "lan")
    device.save({"/data/staff": "1"})
    yield device
    device.close()


@pytest.fixture
def coordinator_dir(tmp_path, lan):
    coordinator = Device(tmp_path, "coordinator")
    coordinator.trusts(lan)
    coordinator.close()
    return tmp_path / "coordinator"


def import_json(data_dir: Path, *paths: Path, timeout: float = 60) -> list[dict]:
    """`fieldkit bundle import --json` in a process of its own; its reports. A read that
    blocks makes it time out (and be killed), which fails the test."""
    done = subprocess.run([sys.executable, "-c", MAIN, "--lang", "vi", "--data-dir", str(data_dir), "bundle",
                           "import", "--json", *map(str, paths)], check=False, capture_output=True, text=True,
                          timeout=timeout)
    assert not done.stderr.strip(), done.stderr
    return json.loads(done.stdout)


def test_a_fifo_given_directly_is_skipped_and_the_next_bundle_imported(lan, coordinator_dir, tmp_path):
    fifo = tmp_path / "stick" / "waiting.fkb"
    fifo.parent.mkdir()
    os.mkfifo(fifo)
    bundle = lan.export(tmp_path / "stick" / "lan.fkb")
    reports = import_json(coordinator_dir, fifo, bundle)
    assert [(report["status"], report["step"]) for report in reports] == [("rejected", "size"), ("imported", "")]
    assert reports[0]["reason_en"] == f"{fifo} is not a regular file (it is a named pipe (FIFO)): it was skipped."
    assert reports[0]["reason"] == f"{fifo} không phải tệp thông thường (đó là một đường ống có tên (FIFO)): đã bỏ qua."
    assert reports[1]["new"] == 1


def test_a_folder_scan_skips_whatever_is_not_a_regular_file(lan, coordinator_dir, tmp_path):
    stick = tmp_path / "stick"
    stick.mkdir()
    os.mkfifo(stick / "a-fifo.fkb")
    (stick / "b-folder.fkb").mkdir()
    (stick / "c-loop.fkb").symlink_to(stick / "c-loop.fkb")
    (stick / "d-device.fkb").symlink_to("/dev/zero")  # never ends
    listening = socket.socket(socket.AF_UNIX)
    listening.bind(str(stick / "e-socket.fkb"))
    lan.export(stick / "f-lan.fkb")
    (stick / "g-link.fkb").symlink_to(stick / "f-lan.fkb")  # a link to a bundle is read
    try:
        reports = import_json(coordinator_dir, stick)
    finally:
        listening.close()
    kinds = {Path(report["path"]).name: (report["status"], report["reason_en"].split("(it is ")[-1])
             for report in reports}
    assert kinds == {"a-fifo.fkb": ("rejected", "a named pipe (FIFO)): it was skipped."),
                     "b-folder.fkb": ("rejected", "a folder): it was skipped."),
                     "c-loop.fkb": ("rejected", "a loop of symbolic links): it was skipped."),
                     "d-device.fkb": ("rejected", "a device): it was skipped."),
                     "e-socket.fkb": ("rejected", "a socket): it was skipped."),
                     "f-lan.fkb": ("imported", ""), "g-link.fkb": ("already_present", "")}


def peak_import(data_dir: Path, bundle: Path) -> tuple[dict, int]:
    """The report of importing `bundle` in a process of its own, and that process's peak RSS."""
    script = ("import json, sys\nfrom pathlib import Path\nfrom fieldkit.services.coordinator import "
              "CoordinatorService\nwith CoordinatorService.open(Path(sys.argv[1])) as service:\n"
              "    report = service.import_paths([Path(sys.argv[2])])[0].as_dict()\n"
              "peak = [int(line.split()[1]) * 1024 for line in open('/proc/self/status') if line.startswith('VmHWM')]\n"
              "print(json.dumps([report, peak[0]]))\n")
    done = subprocess.run([sys.executable, "-c", script, str(data_dir), str(bundle)], capture_output=True, text=True,
                          timeout=300, check=True)
    report, peak = json.loads(done.stdout)
    return report, peak


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads /proc")
def test_a_chunk_of_tiny_lines_is_refused_with_flat_memory(lan, coordinator_dir, tmp_path):
    """90 MiB of "{}" lines (under the 96 MiB a chunk may expand to) took 1.9 GB."""
    lines = b"{}\n" * (90 * 2**20 // 3)
    assert len(lines) < Limits().chunk_expanded and lines.count(b"\n") > Limits().chunk_lines
    source = lan.export(tmp_path / "lan.fkb")
    braces = rewrite(source, tmp_path / "braces.fkb", replace={"revisions/0001.jsonl": zlib.compress(lines, 1)},
                     sign=lan.store.identity.sign)
    del lines
    report, peak = peak_import(coordinator_dir, braces)
    assert (report["status"], report["step"], report["new"]) == ("rejected", "decrypt", 0)
    assert report["reason_en"] == (f"{braces}: revisions/0001.jsonl holds more than {Limits().chunk_lines} lines; "
                                   "a bundle chunk holds far fewer.")
    assert peak < 400 * 2**20, f"peak {peak / 2**20:.0f} MiB"


def test_the_line_limit_is_far_above_what_the_exporter_writes(lan):
    """The smallest revision the app makes, in a chunk of CHUNK_BYTES: well under the limit."""
    from fieldkit.sync.export import CHUNK_BYTES

    smallest = len(json.dumps(lan.save({}).as_dict(), separators=(",", ":")))  # no answers at all
    assert CHUNK_BYTES // smallest * 4 < Limits().chunk_lines
