"""CoordinatorService.import_paths never raises OSError: a bundle that cannot be read (a
vanished file, a read error from a pulled USB stick) is a "failed" report of its own, step
"read", with a plain translated reason; the other bundles of the call are imported."""

import errno

import pytest

from fieldkit.sync import archive
from tests.helpers.sync_devices import Device, records_equal_rebuild


@pytest.fixture
def world(tmp_path):
    laptop, coordinator = Device(tmp_path, "lan"), Device(tmp_path, "coordinator")
    coordinator.trusts(laptop)
    bundles = []
    for number in range(3):
        laptop.save({"/data/n": str(number)}, record_id=f"record-{number}")
        bundles.append(laptop.export(tmp_path / f"lan-{number}.fkb"))
        laptop.acknowledged_by_receiver({laptop.site_id: number + 1})  # each bundle holds one record
    yield laptop, coordinator, bundles
    laptop.close()
    coordinator.close()


def test_a_vanished_bundle_is_a_failed_report_and_the_others_are_imported(world, tmp_path):
    _laptop, coordinator, bundles = world
    bundles[1].unlink()
    reports = coordinator.import_(bundles[0], bundles[1], tmp_path / "no-such-folder", bundles[2])
    assert [report.status for report in reports] == ["imported", "failed", "failed", "imported"]
    vanished = reports[1]
    assert vanished.step == "read" and vanished.path == str(bundles[1])
    assert "Ổ đĩa đã bị rút ra?" in vanished.reason  # Vietnamese by default
    assert "Was the drive removed?" in vanished.reason_en and str(bundles[1]) in vanished.reason_en
    assert vanished.rejected
    assert coordinator.status()["records"] == 2
    assert records_equal_rebuild(coordinator.store.path)


def test_a_read_error_mid_bundle_is_a_failed_report(world, monkeypatch):
    _laptop, coordinator, bundles = world
    read = archive.ArchiveReader.read

    def failing(self, name):
        if self.path == bundles[0]:
            raise OSError(errno.EIO, "Input/output error", str(self.path))
        return read(self, name)

    monkeypatch.setattr(archive.ArchiveReader, "read", failing)
    reports = coordinator.import_(*bundles)
    assert [(report.status, report.step) for report in reports] == [("failed", "read"), ("imported", ""),
                                                                     ("imported", "")]
    assert "Input/output error" in reports[0].reason_en
    assert coordinator.status()["records"] == 2
    monkeypatch.setattr(archive.ArchiveReader, "read", read)
    [again] = coordinator.import_(bundles[0])  # the drive is back: importing again completes
    assert again.status == "imported"
    assert coordinator.status()["records"] == 3
