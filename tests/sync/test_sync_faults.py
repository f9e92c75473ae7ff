"""Import and export under faults: SIGKILL mid-import, a full disk on either side."""

import contextlib
import random
import shutil

import pytest

from fieldkit.store import StoreError
from fieldkit.sync import bundle as bundle_module
from fieldkit.sync import export as export_module
from fieldkit.sync.importer import import_bundle
from tests.helpers.children import start_helper
from tests.helpers.filesystems import small_filesystem
from tests.helpers.store_crash import integrity, kill_at_random_moment
from tests.helpers.sync_devices import Device, digest_of, records_equal_rebuild, state_of

PADDING = "câu trả lời dài " * 120  # about 2 kB a revision: a chunk holds a few dozen


@pytest.fixture
def two_laptops_bundles(tmp_path, monkeypatch):
    """Bundles of two laptops, each of many chunks, and a coordinator template trusting both."""
    monkeypatch.setattr(export_module, "CHUNK_BYTES", 48_000)
    lan, minh = Device(tmp_path, "lan"), Device(tmp_path, "minh")
    for device in (lan, minh):
        for number in range(120):
            device.save({"/data/n": str(number), "/data/notes": PADDING}, record_id=f"{device.name}-{number % 30}")
    bundles = [lan.export(tmp_path / "lan.fkb"), minh.export(tmp_path / "minh.fkb")]
    template = Device(tmp_path, "template")
    template.trusts(lan, minh)
    template.close()
    reference = Device(tmp_path, "reference")
    reference.trusts(lan, minh)
    reference.import_(*bundles)
    expected = reference.digest()
    for device in (lan, minh, reference):
        device.close()
    return bundles, tmp_path / "template", expected


def chunk_rev_ids(bundles) -> list[set[str]]:
    import json

    chunks = []
    for path in bundles:
        with bundle_module.open_bundle(path) as bundle:
            bundle_module.check_version(bundle)
            for name in bundle.chunk_names:
                lines = bundle_module.chunk_lines(bundle, name, key=None)
                chunks.append({json.loads(line)["rev_id"] for line in lines.splitlines()})
    return chunks


def test_sigkill_during_import_leaves_whole_chunks_and_reimport_completes(two_laptops_bundles, tmp_path):
    bundles, template, expected = two_laptops_bundles
    chunks = chunk_rev_ids(bundles)
    assert len(chunks) >= 8
    rng = random.Random(4)
    partial_states = 0
    for round_number in range(20):
        data_dir = tmp_path / f"round-{round_number}"
        shutil.copytree(template, data_dir)
        child = start_helper("sync_devices", "import-loop", str(data_dir), *map(str, bundles))
        kill_at_random_moment(child, rng=rng, max_delay=0.1)  # the import takes ~0.15 s after its first chunk
        database = data_dir / "fieldkit.sqlite3"
        assert integrity(database) == "ok"
        held = state_of(database)
        assert all(chunk <= held or not (chunk & held) for chunk in chunks), "a chunk was half applied"
        assert held == set().union(*(chunk for chunk in chunks if chunk <= held))
        assert records_equal_rebuild(database)
        partial_states += 0 < len(held) < sum(map(len, chunks))

        with contextlib.closing(Device(tmp_path, f"round-{round_number}")) as coordinator:
            reports = coordinator.import_(*bundles)
            assert not any(report.rejected for report in reports)
        assert digest_of(database) == expected
    assert partial_states >= 5  # the kills did land mid-import


def limit_pages(store, pages=None):
    def limit(connection):
        count = pages or connection.execute("PRAGMA page_count").fetchone()[0]
        connection.execute(f"PRAGMA max_page_count = {count}")
    store.writer.call(limit, transaction=False)


def test_a_full_disk_during_import_fails_cleanly_and_a_retry_completes(two_laptops_bundles, tmp_path):
    bundles, template, expected = two_laptops_bundles
    shutil.copytree(template, tmp_path / "coordinator")
    coordinator = Device(tmp_path, "coordinator")
    limit_pages(coordinator.store, coordinator.store.writer.call(
        lambda connection: connection.execute("PRAGMA page_count").fetchone()[0]) + 40)
    first = coordinator.import_(*bundles)
    assert any(report.status == "failed" for report in first)
    assert "disk is full" in next(report.reason_en for report in first if report.status == "failed")
    assert integrity(coordinator.store.path) == "ok" and records_equal_rebuild(coordinator.store.path)

    limit_pages(coordinator.store, 1_073_741_823)  # space freed
    assert not any(report.rejected for report in coordinator.import_(*bundles))
    assert coordinator.digest() == expected
    coordinator.close()


def test_a_full_stick_during_export_fails_cleanly_and_a_retry_succeeds(tmp_path):
    lan = Device(tmp_path, "lan")
    for number in range(40):  # notes that do not compress: the bundle needs ~100 kB
        lan.save({"/data/n": str(number), "/data/notes": random.Random(number).randbytes(1500).hex()})
    with small_filesystem(tmp_path / "stick", "200k") as stick:
        filler = stick / "photos.bin"
        filler.write_bytes(b"\0" * 150_000)
        with pytest.raises(StoreError) as refused:
            lan.export(stick / "lan.fkb")
        assert refused.value.kind == "disk_full"
        assert sorted(path.name for path in stick.iterdir()) == ["photos.bin"]  # no half bundle left

        filler.unlink()
        lan.export(stick / "lan.fkb")
        coordinator = Device(tmp_path, "coordinator")
        coordinator.trusts(lan)
        assert import_bundle(coordinator.store, stick / "lan.fkb").new == 40
        coordinator.close()
    lan.close()
