"""Issue 10, item 13: a `fieldkit bundle import` killed with SIGKILL leaves no process
behind. Its revision checks run in two worker processes (multiprocessing, with the
resource tracker beside them) once the bundles reach pipeline.WORKER_MIN_BYTES; they
used to run on, orphaned, after every kill."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from fieldkit.services.coordinator import CoordinatorService
from fieldkit.store import Store, trust
from fieldkit.store.revisions import insert_revision, make_revision, materialize_new
from fieldkit.sync import pipeline
from fieldkit.sync.export import export_bundle
from tests.helpers.processes import descendants, parent_of

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")


def cpu_seconds(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def until(condition, *, seconds: float, what: str):
    """Poll `condition` until it gives something true, within a deadline."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = condition()
        if found:
            return found
        time.sleep(0.02)  # a poll interval, not a synchronisation: the deadline bounds the wait
    raise AssertionError(f"not within {seconds} s: {what}")


@pytest.fixture(scope="module")
def big_bundles(tmp_path_factory):
    """Six bundles of ~5 MB (hard to compress answers), over WORKER_MIN_BYTES together
    and each alone; the fingerprint that signed them."""
    root = tmp_path_factory.mktemp("kill")
    laptop = Store.open(data_dir=root / "laptop", device_name="laptop")

    def write(connection):
        for number in range(400):
            answers = {f"/data/q{index}": os.urandom(512).hex() for index in range(24)}
            revision = make_revision(record_id=str(uuid.uuid4()), parents=[], site_id=laptop.identity.site_id,
                                     seq=number + 1, hlc=laptop.clock.now(), form_id="ha_tang", form_version="1",
                                     data={"status": "finalized", "answers": answers, "attachments": {},
                                           "commune": "00070", "province": "01"},
                                     author="laptop", sign=laptop.identity.sign)
            insert_revision(connection, revision)
            materialize_new(connection, revision)

    laptop.writer.call(write)
    first = root / "stick" / "a.fkb"
    first.parent.mkdir()
    export_bundle(laptop, first)
    bundles = [first] + [shutil.copyfile(first, first.with_name(f"{name}.fkb")) for name in "bcdef"]
    fingerprint = laptop.identity.fingerprint
    laptop.close()
    assert first.stat().st_size >= pipeline.WORKER_MIN_BYTES
    return bundles, fingerprint


def start_import(data_dir: Path, bundles: list[Path]) -> subprocess.Popen:
    command = [sys.executable, "-c", "import sys; from fieldkit.cli import main; sys.exit(main())",
               "--data-dir", str(data_dir), "bundle", "import", *map(str, bundles)]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)


def describe(pids: set[int]) -> list[str]:
    """What each process runs and where it waits (for a failure's message)."""
    def read(pid: int, name: str) -> str:
        try:
            return Path(f"/proc/{pid}/{name}").read_text().replace("\0", " ")[:90]
        except OSError:
            return "gone"
    return [f"{pid}: {read(pid, 'cmdline')} wchan={read(pid, 'wchan')} cpu={cpu_seconds(pid)}" for pid in sorted(pids)]


def at_work(importing: subprocess.Popen) -> set[int] | None:
    """The processes under the import once the workers and the resource tracker started
    and two of them (the workers) have been running for a while; else None."""
    found = descendants(importing.pid)
    assert importing.poll() is None, "the import ended before it was killed: make the bundles bigger"
    return found if len(found) >= 3 and sum(cpu_seconds(child) >= 0.15 for child in found) >= 2 else None


def test_sigkill_of_an_import_leaves_no_worker_nor_resource_tracker(big_bundles, tmp_path):
    bundles, fingerprint = big_bundles
    data_dir = tmp_path / "coordinator"
    with CoordinatorService.open(data_dir, device_name="coordinator") as service:
        service.store.writer.call(lambda connection: trust.record_trust(connection, fingerprint=fingerprint,
                                                                     trusted=True))
    importing, children = start_import(data_dir, bundles), set()
    try:
        children = until(lambda: at_work(importing), seconds=120, what="the import's workers at work")
        importing.send_signal(signal.SIGKILL)
        assert importing.wait(timeout=30) == -signal.SIGKILL
        # orphans are adopted by another process: they are followed by pid
        until(lambda: not [pid for pid in children if parent_of(pid) is not None], seconds=30,
              what=f"the import's processes ending after it was killed: {describe(children)}")
    finally:
        for pid in children | descendants(importing.pid) | {importing.pid}:
            if parent_of(pid) is not None:
                os.kill(pid, signal.SIGKILL)
        importing.wait(timeout=30)
