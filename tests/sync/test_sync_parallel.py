"""Importing with the revision checks in a worker process, pipelined with the commit of
the bundle before, ends exactly where importing the bundles one at a time here does."""

import contextlib
import multiprocessing
import os
import signal
import sqlite3
import tempfile
import time
import zlib
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fieldkit.store.tables import put_form
from fieldkit.sync import pipeline
from fieldkit.sync.archive import ArchiveReader
from fieldkit.sync.importer import BundleImport, import_bundle
from tests.helpers.bundle_edits import rewrite
from tests.helpers.crafting import XFORM
from tests.helpers.sync_devices import Device, records_equal_rebuild
from tests.helpers.sync_world import OPERATIONS, World

# every table an import writes, without the columns that say when
TABLES = {"revisions": "*", "records": "*", "pending_revisions": "rev_id, record_id, site_id, seq, missing, revision",
          "tampering": "site_id, seq, kept_rev, other_rev, other, bundle_id", "forms": "form_id, version, xform",
          "bundles_imported": "bundle_id, site_id, fingerprint, new, present, pending",
          "devices": "site_id, fingerprint, public_key, trusted, revoked, clock_skew", "blobs": "sha256"}


def contents(device: Device) -> dict:
    """Every row an import writes (the coordinator's own device aside: each has its own)."""
    with contextlib.closing(sqlite3.connect(device.store.path)) as connection:
        found = {table: sorted(connection.execute(f"SELECT {columns} FROM {table}").fetchall(), key=repr)
                 for table, columns in TABLES.items()}
    found["devices"] = [row for row in found["devices"] if row[0] != device.site_id]
    return found


def comparable(report) -> dict:
    return {name: value for name, value in report.as_dict().items() if name != "path"}


@pytest.fixture
def force_worker(monkeypatch):
    monkeypatch.setattr(pipeline, "WORKER_MIN_BYTES", 0)


def one_at_a_time_here(root: Path, name: str, trusted: list, bundles: list[Path], monkeypatch):
    """The reference: each bundle alone, checked in this process."""
    with monkeypatch.context() as patch:
        patch.setattr(pipeline, "WORKER_MIN_BYTES", 1 << 60)
        coordinator = Device(root, name)
        coordinator.trusts(*trusted)
        reports = [coordinator.import_(path)[0] for path in bundles]
        found = contents(coordinator)
        coordinator.close()
    return reports, found


def in_the_worker(root: Path, name: str, trusted: list, bundles: list[Path]):
    """What the CLI and the GUI do: all at once, through the service (worker forced by the test)."""
    coordinator = Device(root, name)
    coordinator.trusts(*trusted)
    reports = coordinator.import_(*bundles)
    assert records_equal_rebuild(coordinator.store.path)
    found = contents(coordinator)
    coordinator.close()
    return reports, found


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(count=st.integers(2, 4), operations=OPERATIONS, data=st.data())
def test_the_worker_path_gives_the_same_state_and_reports(count, operations, data, force_worker, monkeypatch):
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        world = World(root, count)
        try:
            for position, (kind, who, which, field, value) in enumerate(operations):
                world.apply(kind, who + position, which, field, value)
            for device in world.devices:
                world.bundle_of(device)
            order = data.draw(st.permutations(world.bundles), label="import order")
            order += order[:2]  # again: already present
            expected_reports, expected = one_at_a_time_here(root, "serial", world.devices, order, monkeypatch)
            reports, found = in_the_worker(root, "parallel", world.devices, order)
        finally:
            world.close()
    assert [comparable(report) for report in reports] == [comparable(report) for report in expected_reports]
    assert found == expected


@pytest.fixture
def lan(tmp_path):
    device = Device(tmp_path, "lan")
    device.store.writer.call(lambda connection: put_form(connection, form_id="ha_tang", version="1",
                                                         title={"vi": "Hạ tầng"}, xform=XFORM, source_sha256=None))
    yield device
    device.close()


def with_a_forged_revision(source: Path, target: Path, lan) -> Path:
    """The bundle with one revision's content changed and the manifest re-signed: only the
    revision checks (in the worker) can tell."""
    with ArchiveReader(source) as reader:
        lines = zlib.decompress(reader.read("revisions/0001.jsonl"))
    forged = lines.replace(b'"/data/staff":"2"', b'"/data/staff":"9"', 1)
    assert forged != lines
    return rewrite(source, target, replace={"revisions/0001.jsonl": zlib.compress(forged)},
                   sign=lan.store.identity.sign)


def test_a_bundle_refused_in_the_worker_leaves_the_database_as_it_was(lan, tmp_path, force_worker, monkeypatch):
    lan.save({"/data/staff": "1"})
    first = lan.export(tmp_path / "1.fkb")
    lan.save({"/data/staff": "2"})
    forged = with_a_forged_revision(lan.export(tmp_path / "2.fkb"), tmp_path / "2-forged.fkb", lan)
    lan.save({"/data/staff": "3"})
    third = lan.export(tmp_path / "3.fkb")
    bundles = [first, forged, third]

    expected_reports, expected = one_at_a_time_here(tmp_path, "serial", [lan], bundles, monkeypatch)
    reports, found = in_the_worker(tmp_path, "parallel", [lan], bundles)
    assert [(report.status, report.step) for report in reports] == [("imported", ""), ("rejected", "revision"),
                                                                    ("imported", "")]
    assert "does not match its content" in reports[1].reason_en
    assert [comparable(report) for report in reports] == [comparable(report) for report in expected_reports]
    assert found == expected
    assert len(found["revisions"]) == 3  # the third bundle carries all three (none was acknowledged)


def test_a_worker_that_dies_gives_a_failed_report_and_the_next_import_completes(lan, tmp_path, force_worker,
                                                                                 monkeypatch):
    bundles = []
    for number in range(3):
        lan.save({"/data/staff": str(number)})
        bundles.append(lan.export(tmp_path / f"{number}.fkb"))
        lan.acknowledged_by_receiver({lan.site_id: number + 1})  # the next bundle carries the next revision only
    coordinator = Device(tmp_path, "coordinator")
    coordinator.trusts(lan)
    worker = coordinator.service._worker
    submitted, killed = [], []

    def check_then_kill_on_the_second_bundle(lines, keys):
        """The workers die while the second bundle's checks wait for them (killed before,
        they would only be replaced: the next test). They are kept busy first, so that the
        checks cannot finish before the kill however the machine schedules it."""
        if len(submitted) == 1:
            busy = [worker._pool.submit(time.sleep, 60) for _ in range(worker.PROCESSES)]
        future = submit(lines, keys)
        submitted.append(future)
        if len(submitted) == 2:
            children = multiprocessing.active_children()
            for child in children:
                os.kill(child.pid, signal.SIGKILL)
                killed.append(child.pid)
            for child in children:  # dead for the third bundle's checks, which get new workers
                child.join()
            assert all(isinstance(sleeper.exception(timeout=30), BrokenProcessPool) for sleeper in busy)
        return future

    submit = worker.check
    monkeypatch.setattr(worker, "check", check_then_kill_on_the_second_bundle)
    try:
        reports = coordinator.service.import_paths(bundles)
        assert killed and len(submitted) == 3
        assert [report.status for report in reports] == ["imported", "failed", "imported"]
        assert reports[1].step == "revision" and "stopped before it finished" in reports[1].reason_en
        assert coordinator.status()["revisions"] == 2
        again = coordinator.import_(bundles[1])[0]  # a new worker
        assert (again.status, again.new) == ("imported", 1)
        assert coordinator.digest() == lan.digest()
    finally:
        coordinator.close()


def test_workers_killed_while_idle_are_replaced_without_failing_the_next_import(lan, tmp_path, force_worker):
    """Killed between two imports (out of memory...): the next bundle's checks never
    reached them, so it imports."""
    bundles = []
    for number in range(2):
        lan.save({"/data/staff": str(number)})
        bundles.append(lan.export(tmp_path / f"{number}.fkb"))
        lan.acknowledged_by_receiver({lan.site_id: number + 1})
    coordinator = Device(tmp_path, "coordinator")
    coordinator.trusts(lan)
    try:
        assert coordinator.import_(bundles[0])[0].status == "imported"
        workers = multiprocessing.active_children()
        assert workers
        for child in workers:
            os.kill(child.pid, signal.SIGKILL)
            child.join()
        report = coordinator.import_(bundles[1])[0]
        assert (report.status, report.reason_en, report.new) == ("imported", "", 1)
        assert coordinator.digest() == lan.digest()
    finally:
        coordinator.close()


def test_a_small_import_starts_no_process(lan, tmp_path):
    lan.save({"/data/staff": "1"})
    bundle = lan.export(tmp_path / "small.fkb")
    assert bundle.stat().st_size < pipeline.WORKER_MIN_BYTES
    coordinator = Device(tmp_path, "coordinator")
    coordinator.trusts(lan)
    try:
        before = set(multiprocessing.active_children())
        assert coordinator.import_(bundle)[0].new == 1
        assert set(multiprocessing.active_children()) == before
    finally:
        coordinator.close()


@pytest.fixture
def relayed(tmp_path):
    """A team lead relays lan's revisions in two bundles: the first lists lan's key in its
    `signers`, the second (re-signed without them) relies on the receiver remembering it."""
    lan, lead = Device(tmp_path, "lan"), Device(tmp_path, "lead")
    lead.trusts(lan)
    lan.save({"/data/staff": "1"})
    lead.import_(lan.export(tmp_path / "lan-1.fkb"))
    first = lead.export(tmp_path / "relay-1.fkb", full=True)
    lan.save({"/data/staff": "2"})
    lead.import_(lan.export(tmp_path / "lan-2.fkb"))

    def without_signers(manifest):
        manifest["signers"] = []

    second = rewrite(lead.export(tmp_path / "relay-2.fkb", full=True), tmp_path / "relay-2-bare.fkb",
                     sign=lead.store.identity.sign, edit_manifest=without_signers)
    keys = {lan.site_id: lan.store.identity.public_key}
    lan.close()
    yield lead, first, second, keys
    lead.close()


def test_a_key_brought_by_the_bundle_before_serves_the_next(relayed, tmp_path, force_worker, monkeypatch):
    lead, first, second, _keys = relayed
    expected_reports, expected = one_at_a_time_here(tmp_path, "serial", [lead], [first, second], monkeypatch)
    reports, found = in_the_worker(tmp_path, "parallel", [lead], [first, second])
    assert [report.status for report in reports] == ["imported", "imported"]
    assert [comparable(report) for report in reports] == [comparable(report) for report in expected_reports]
    assert found == expected


def test_keys_of_a_bundle_whose_commit_failed_meanwhile_do_not_count(relayed, tmp_path):
    """The second bundle is checked while the first commits, with the first's keys too;
    if that commit fails, the key is not in the store: the second is checked again at
    staging and refused as it is imported alone."""
    lead, _first, second, keys = relayed
    coordinator = Device(tmp_path, "coordinator")
    coordinator.trusts(lead)
    worker = pipeline.RevisionWorker()
    try:
        alone = import_bundle(coordinator.store, second)
        job = BundleImport(coordinator.store, second, check=worker.check)
        job.check(extra_keys=keys)
        job.stage()
        report = job.commit()
        assert (alone.status, alone.step) == ("rejected", "revision")
        assert "signature does not match" in alone.reason_en
        assert comparable(report) == comparable(alone)
        assert coordinator.status()["revisions"] == 0
    finally:
        worker.close()
        coordinator.close()
