"""Network sync (issue 14, "Measure"). Not a test: prints figures as JSON.

    PYTHONPATH=$PWD python bench/bench_netsync.py            # 10 laptops x 100 submissions; 1,000 bundles; 120 s idle
    PYTHONPATH=$PWD python bench/bench_netsync.py --quick    # 3 x 20; 100 bundles; 30 s idle
    PYTHONPATH=$PWD python bench/bench_netsync.py --only idle

1. A day's work: each laptop fills its submissions of the shipped commune_infrastructure
   form through SurveyService (realistic answers); laptops and one coordinator trust each
   other; each laptop runs sync_once through wsgidav on 127.0.0.1, then the coordinator,
   then each laptop again (to read the receipt). Seconds of each pass; bytes on the wire
   each way (a counting TCP proxy between the transport and wsgidav) per submission,
   against the revisions' canonical JSON; HTTP requests per bundle.
2. A coordinator pulling many one-submission bundles from the drop box through wsgidav,
   against importing the same files from a local folder (CoordinatorService.import_paths)
   into a fresh coordinator; each in a child process, which reports its peak RSS (VmHWM).
3. An idle window waiting for connectivity (`python -m fieldkit.cli gui` under Xvfb, else
   offscreen): CPU seconds per hour with no drop box, and with one whose server is down
   (a closed port); wakeups (syscalls) counted by strace when it is installed.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from fieldkit.services import SurveyService, devices, remotes  # noqa: E402
from fieldkit.services.coordinator import CoordinatorService  # noqa: E402
from fieldkit.services.network_sync import sync_once, unreceived_submissions  # noqa: E402
from fieldkit.store.revisions import canonical_json  # noqa: E402
from fieldkit.sync.dropbox.folder import FolderTransport  # noqa: E402
from fieldkit.sync.dropbox.webdav import WebDavTransport  # noqa: E402
from tests.helpers.report_answers import INFRASTRUCTURE, submit  # noqa: E402
from tests.helpers.webdav_servers import closed_port_url, running_wsgidav  # noqa: E402

USER, PASSWORD = "doan", "mật-khẩu"
FORM = "commune_infrastructure"


class CountingProxy:
    """A TCP proxy on 127.0.0.1 to `target_port`, counting the bytes each way."""

    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        self.up = self.down = 0
        self._lock = threading.Lock()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self._listener.getsockname()[1]}/"
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _address = self._listener.accept()
            except OSError:  # closed: the bench is over
                return
            server = socket.create_connection(("127.0.0.1", self.target_port))
            threading.Thread(target=self._pump, args=(client, server, "up"), daemon=True).start()
            threading.Thread(target=self._pump, args=(server, client, "down"), daemon=True).start()

    def _pump(self, source: socket.socket, target: socket.socket, direction: str) -> None:
        with contextlib.suppress(OSError):
            while chunk := source.recv(65536):
                with self._lock:
                    setattr(self, direction, getattr(self, direction) + len(chunk))
                target.sendall(chunk)
        for end in (source, target):
            with contextlib.suppress(OSError):
                end.shutdown(socket.SHUT_RDWR)

    def counts(self) -> tuple[int, int]:
        with self._lock:
            return self.up, self.down

    def close(self) -> None:
        self._listener.close()


@contextlib.contextmanager
def counted_requests() -> Iterator[Counter[str]]:
    """Every HTTP request a WebDavTransport sends, per method."""
    counter: Counter[str] = Counter()
    send = WebDavTransport._send

    def counting(self, method, href, headers, body):  # type: ignore[no-untyped-def]
        counter[method] += 1
        return send(self, method, href, headers, body)

    WebDavTransport._send = counting  # type: ignore[method-assign]
    try:
        yield counter
    finally:
        WebDavTransport._send = send  # type: ignore[method-assign]


class Wire:
    """What a phase cost on the wire: seconds, bytes each way, requests."""

    def __init__(self, proxy: CountingProxy, requests: Counter[str]) -> None:
        self.proxy, self.requests = proxy, requests

    @contextlib.contextmanager
    def phase(self, figures: dict, name: str) -> Iterator[None]:
        up, down = self.proxy.counts()
        asked = sum(self.requests.values())
        started = time.perf_counter()
        yield
        seconds = time.perf_counter() - started
        new_up, new_down = self.proxy.counts()
        figures[name] = {"s": round(seconds, 2), "bytes_up": new_up - up, "bytes_down": new_down - down,
                         "requests": sum(self.requests.values()) - asked}


def sync_through(service: CoordinatorService, url: str):  # type: ignore[no-untyped-def]
    with WebDavTransport(url, user=USER, password=PASSWORD) as transport:
        report = sync_once(service, transport, remote="hop")
    assert report.error is None, report.error
    return report


def fill_laptop(root: Path, name: str, count: int, communes: list[str]) -> tuple[CoordinatorService, int, int]:
    """A laptop with `count` finalized submissions; the canonical JSON bytes of its
    revisions (whole revision objects, as a bundle line) and of their `data` alone."""
    survey = SurveyService.open(root / name, device_name=name)
    whole = data = 0
    for number in range(count):
        revision = submit(survey, FORM, communes[number % len(communes)], INFRASTRUCTURE)
        whole += len(canonical_json(revision.as_dict()))
        data += len(canonical_json(revision.data))
    return CoordinatorService(survey.store, owns_store=True), whole, data


def day_of_work(root: Path, *, laptops: int, per_laptop: int) -> dict:
    communes = _communes(root)
    started = time.perf_counter()
    devices, whole, data = [], 0, 0
    for number in range(laptops):
        device, device_whole, device_data = fill_laptop(root, f"laptop-{number:02d}", per_laptop, communes)
        devices.append(device)
        whole, data = whole + device_whole, data + device_data
    coordinator = CoordinatorService.open(root / "coordinator", device_name="coordinator")
    for device in devices:
        device.trust(coordinator.store.identity.fingerprint)
        coordinator.trust(device.store.identity.fingerprint)
    submissions = laptops * per_laptop
    figures: dict = {"laptops": laptops, "submissions": submissions, "fill_s": round(time.perf_counter() - started, 1),
                     "revision_json_bytes_per_submission": round(whole / submissions),
                     "revision_data_json_bytes_per_submission": round(data / submissions)}
    (root / "dropbox").mkdir()
    with running_wsgidav(root / "dropbox", users={USER: PASSWORD}) as url, counted_requests() as requests:
        proxy = CountingProxy(int(url.rsplit(":", 1)[1].strip("/")))
        wire = Wire(proxy, requests)
        with wire.phase(figures, "laptops_push"):
            sent = sum(sync_through(device, proxy.url).sent_revisions for device in devices)
        assert sent == submissions, sent
        with wire.phase(figures, "coordinator_pull"):
            pulled = sync_through(coordinator, proxy.url)
        with wire.phase(figures, "laptops_receipt"):
            for device in devices:
                sync_through(device, proxy.url)
        proxy.close()
    records = coordinator.status()["records"]
    assert records == submissions, records
    assert all(unreceived_submissions(device) == 0 for device in devices)
    figures["coordinator_records"] = records
    figures["coordinator_imported_bundles"] = len(pulled.imported)
    per_unit(figures, bundles=sorted((root / "dropbox").glob("*/bundles/*.fkb")), laptops=laptops)
    figures["requests_by_method"] = dict(requests)
    for device in (*devices, coordinator):
        device.close()
    return figures


def per_unit(figures: dict, *, bundles: list[Path], laptops: int) -> None:
    """The phases' figures per laptop, per submission and per bundle."""
    submissions = figures["submissions"]
    push, pull, receipt = figures["laptops_push"], figures["coordinator_pull"], figures["laptops_receipt"]
    figures["bundles"] = len(bundles)
    figures["bundle_bytes_per_submission"] = round(sum(path.stat().st_size for path in bundles) / submissions)
    push["s_per_laptop"] = round(push["s"] / laptops, 2)
    push["bytes_up_per_submission"] = round(push["bytes_up"] / submissions)
    push["requests_per_bundle"] = round(push["requests"] / laptops, 1)
    pull["bytes_down_per_submission"] = round(pull["bytes_down"] / submissions)
    pull["requests_per_bundle"] = round(pull["requests"] / len(bundles), 1)
    receipt["s_per_laptop"] = round(receipt["s"] / laptops, 2)
    figures["wire_bytes_per_submission_all_passes"] = round(
        sum(phase["bytes_up"] + phase["bytes_down"] for phase in (push, pull, receipt)) / submissions)


def _communes(root: Path) -> list[str]:
    with SurveyService.open(root / "directory", device_name="directory") as survey:
        return sorted(commune.code for commune in survey.communes.in_province("01"))


# -- 2. a coordinator pulling many small bundles -----------------------------------------------

PULL_CHILD = """
import json, sys, time
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from fieldkit.services.coordinator import CoordinatorService
from fieldkit.services.network_sync import sync_once
from fieldkit.sync.dropbox.webdav import WebDavTransport
service = CoordinatorService.open(Path(sys.argv[3]))
started = time.perf_counter()
if sys.argv[2] == "pull":
    with WebDavTransport(sys.argv[4], user=sys.argv[5], password=sys.argv[6]) as transport:
        report = sync_once(service, transport, remote="hop")
    assert report.error is None, report.error
    reports = report.imported
else:
    reports = service.import_paths([Path(path) for path in sys.argv[4:]])
seconds = time.perf_counter() - started
assert not any(report.rejected for report in reports)
records = service.status()["records"]
service.close()
peak = [int(line.split()[1]) * 1024 for line in open("/proc/self/status") if line.startswith("VmHWM")][0]
print(json.dumps({"s": round(seconds, 2), "bundles": len(reports), "records": records,
                  "peak_rss_mb": round(peak / 2**20, 1)}))
"""


def many_bundles(root: Path, *, laptops: int, passes: int) -> dict:
    """`laptops` x `passes` bundles of one submission each (its data copied from a real
    commune_infrastructure submission), each put by a sync pass into a folder drop box
    that wsgidav then serves."""
    template = _template(root)
    dropbox = root / "many"
    dropbox.mkdir(parents=True)
    devices = [CoordinatorService.open(root / f"small-{number:03d}", device_name=f"small-{number:03d}")
               for number in range(laptops)]
    started = time.perf_counter()
    for _round in range(passes):
        for device in devices:
            device.store.commit_revision(record_id=str(uuid.uuid4()), parents=[], form_id=FORM,
                                         form_version=template.form_version, data=template.data,
                                         author="bench", action="finalize").result()
            report = sync_once(device, FolderTransport(dropbox), remote="hop")
            assert report.error is None and report.sent_bundles == 1, report
    made_s = time.perf_counter() - started
    fingerprints = [device.store.identity.fingerprint for device in devices]
    for device in devices:
        device.close()
    bundles = sorted(dropbox.glob("*/bundles/*.fkb"))
    figures: dict = {"bundles": len(bundles), "laptops": laptops, "passes_each": passes, "made_s": round(made_s, 1),
                     "bytes_per_bundle": round(sum(path.stat().st_size for path in bundles) / len(bundles))}
    with running_wsgidav(dropbox, users={USER: PASSWORD}) as url:
        figures["pull_through_wsgidav"] = _child(root / "pull", fingerprints, ["pull", url, USER, PASSWORD])
    figures["import_local_files"] = _child(root / "local", fingerprints, ["import", *map(str, bundles)])
    for name in ("pull_through_wsgidav", "import_local_files"):
        assert figures[name]["records"] == len(bundles), figures[name]
    pulled, imported = figures["pull_through_wsgidav"], figures["import_local_files"]
    figures["pull_vs_local_import"] = round(pulled["s"] / imported["s"], 2)
    return figures


def _template(root: Path):  # type: ignore[no-untyped-def]
    with SurveyService.open(root / "template", device_name="template") as survey:
        return submit(survey, FORM, "00070", INFRASTRUCTURE)


def _child(data_dir: Path, fingerprints: list[str], arguments: list[str]) -> dict:
    """A fresh coordinator trusting the laptops, then the child that pulls or imports."""
    with CoordinatorService.open(data_dir, device_name=data_dir.name) as coordinator:
        for fingerprint in fingerprints:
            coordinator.trust(fingerprint)
    mode, *rest = arguments
    result = subprocess.run([sys.executable, "-c", PULL_CHILD, str(ROOT), mode, str(data_dir), *rest],
                            capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(result.stdout.strip().splitlines()[-1])


# -- 3. an idle window -------------------------------------------------------------------------

def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime, stime


def idle_window(root: Path, *, remote_url: str | None, settle: float, seconds: float) -> dict:
    """The window of a set-up laptop (named, a visit under way: no dialog open at start),
    left alone: its CPU time over `seconds` after `settle`, then its syscalls."""
    data_dir = root / ("idle-down" if remote_url else "idle-none")
    with SurveyService.open(data_dir, device_name="Laptop 3") as survey:
        devices.rename(survey, "Laptop 3 — Đoàn 5")
        survey.set_visit(delegation="Đoàn 5", members=["Nguyễn Văn An"], at_keyboard="Nguyễn Văn An").result()
        if remote_url:
            remotes.add_remote(survey, name="hop", url=remote_url)
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "HOME": str(root / "home"),
                   "XDG_CONFIG_HOME": str(root / "home" / ".config"), "XDG_DATA_HOME": str(root / "home" / ".local")}
    display = _xvfb(root)
    platform = "xcb" if display else "offscreen"
    if display:
        environment["DISPLAY"] = display.display
    environment["QT_QPA_PLATFORM"] = platform
    window = subprocess.Popen([sys.executable, "-m", "fieldkit.cli", "--data-dir", str(data_dir), "gui"],
                              env=environment, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(settle)
        assert window.poll() is None, "the window ended"
        before = cpu_seconds(window.pid)
        time.sleep(seconds)
        used = cpu_seconds(window.pid) - before
        figures = {"platform": platform, "remote": remote_url or "none", "measured_s": seconds,
                   "cpu_s": round(used, 3), "cpu_s_per_hour": round(used * 3600 / seconds, 2)}
        figures.update(_wakeups(window.pid, seconds=min(30.0, seconds)))
        return figures
    finally:
        window.terminate()
        window.wait(timeout=30)
        if display:
            display.close()


class _Display:
    def __init__(self, process: subprocess.Popen, display: str) -> None:
        self.process, self.display = process, display

    def close(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


def _xvfb(root: Path) -> _Display | None:
    if shutil.which("Xvfb") is None:
        return None
    for number in range(90, 120):
        if not Path(f"/tmp/.X11-unix/X{number}").exists() and not Path(f"/tmp/.X{number}-lock").exists():
            process = subprocess.Popen(["Xvfb", f":{number}", "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            for _ in range(50):
                if Path(f"/tmp/.X11-unix/X{number}").exists():
                    return _Display(process, f":{number}")
                time.sleep(0.1)
            process.terminate()
            return None
    return None


def _wakeups(pid: int, *, seconds: float) -> dict:
    """Syscalls of every thread over `seconds`, by strace -c (each poll/futex return is a wakeup)."""
    if shutil.which("strace") is None:
        return {}
    tracer = subprocess.Popen(["strace", "-c", "-f", "-p", str(pid)], stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True)
    time.sleep(seconds)
    tracer.send_signal(2)  # SIGINT: strace detaches and prints its table
    _out, table = tracer.communicate(timeout=30)
    calls = {}
    for line in table.splitlines():
        parts = line.split()
        if len(parts) >= 5 and parts[0][0].isdigit() and parts[-1] != "total":
            calls[parts[-1]] = int(parts[3])
    if "detached" in table and not calls:  # strace -c prints no table when nothing was called
        return {"strace_s": seconds, "syscalls": 0, "syscalls_per_s": 0.0}
    if not calls:
        return {"strace": table.strip().splitlines()[-1:] or ["no output"]}
    total = sum(calls.values())
    top = dict(sorted(calls.items(), key=lambda item: -item[1])[:5])
    return {"strace_s": seconds, "syscalls": total, "syscalls_per_s": round(total / seconds, 2), "top_syscalls": top}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--only", choices=("day", "many", "idle"))
    options = parser.parse_args()
    quick = options.quick
    figures: dict = {"load_average_before": [round(load, 2) for load in os.getloadavg()]}
    with tempfile.TemporaryDirectory(prefix="bench-netsync-") as folder:
        root = Path(folder)
        if options.only in (None, "day"):
            figures["day_of_work"] = day_of_work(root / "day", laptops=3 if quick else 10,
                                                 per_laptop=20 if quick else 100)
        if options.only in (None, "many"):
            figures["many_bundles"] = many_bundles(root / "many", laptops=10, passes=10 if quick else 100)
        if options.only in (None, "idle"):
            settle, seconds = (15.0, 30.0) if quick else (20.0, 120.0)
            figures["idle_no_remote"] = idle_window(root, remote_url=None, settle=settle, seconds=seconds)
            figures["idle_server_down"] = idle_window(root, remote_url=closed_port_url(), settle=settle,
                                                      seconds=seconds)
    figures["load_average_after"] = [round(load, 2) for load in os.getloadavg()]
    print(json.dumps(figures, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
