"""Issue 10, item 4: a laptop whose database is new, empty or restored is never refused.

Real data folders, real copies of them, real bundles: a laptop backs up its data folder,
works on and sends its bundle, then the backup is restored and new work sent; the
coordinator must import it (the laptop took a new site, fieldkit.store.sites). A 0-byte
or unreadable database is refused with a message naming it, and left as it was.
"""

import json
import shutil

import pytest

from fieldkit.store import Store
from tests.helpers.reliability_cli import fieldkit, submit
from tests.helpers.sync_devices import Device


def imported(coordinator: Device, bundle):
    [report] = coordinator.import_(bundle)
    assert not report.rejected and report.status == "imported", report.reason_en
    return report


@pytest.fixture
def laptop_and_coordinator(tmp_path):
    laptop, coordinator = Device(tmp_path, "lan"), Device(tmp_path, "coordinator")
    coordinator.trusts(laptop)
    laptop.save({"/data/staff": "1"})
    imported(coordinator, laptop.export(tmp_path / "1.fkb"))
    laptop.close()
    shutil.copytree(tmp_path / "lan", tmp_path / "backup")  # the backup, taken at seq 1
    laptop = Device(tmp_path, "lan")
    laptop.save({"/data/staff": "2"})
    imported(coordinator, laptop.export(tmp_path / "2.fkb"))  # seq 2 reached the coordinator
    laptop.close()
    shutil.rmtree(tmp_path / "lan")
    shutil.copytree(tmp_path / "backup", tmp_path / "lan")  # the laptop restored to seq 1
    yield coordinator
    coordinator.close()


def test_a_restored_data_folder_takes_a_new_site_and_its_work_is_imported(laptop_and_coordinator, tmp_path):
    coordinator = laptop_and_coordinator
    laptop = Device(tmp_path, "lan")
    new = laptop.save({"/data/staff": "3"})  # the database holds seq 1; seq 2 was issued: a new site
    assert new.seq == 1 and new.site_id[:20] == laptop.fingerprint[:20]
    assert new.site_id != laptop.fingerprint[:32]
    report = imported(coordinator, laptop.export(tmp_path / "3.fkb"))
    assert report.new == 1 and not report.tampering
    assert coordinator.status()["tampering"] == 0 and new.rev_id in coordinator.rev_ids()
    laptop.close()


def test_a_restore_on_another_machine_is_proved_by_the_coordinators_acknowledgement(
        laptop_and_coordinator, tmp_path, monkeypatch):
    coordinator = laptop_and_coordinator
    monkeypatch.setenv("FIELDKIT_STATE_DIR", str(tmp_path / "new-machine"))  # no record of numbers issued
    laptop = Device(tmp_path, "lan")
    coordinator.trusts(laptop)
    laptop.trusts(coordinator)
    laptop.import_(coordinator.export(tmp_path / "back.fkb"))  # acknowledges seq 2 of the laptop's site
    new = laptop.save({"/data/staff": "3"})
    assert new.site_id != laptop.fingerprint[:32]
    assert imported(coordinator, laptop.export(tmp_path / "3.fkb")).new == 1
    laptop.close()


def test_a_restore_on_another_machine_takes_a_new_site_before_any_acknowledgement(
        laptop_and_coordinator, tmp_path, monkeypatch):
    """The laptop dies; its backup is restored on a new laptop, which works offline before
    it ever hears from the coordinator: its numbers must not repeat the lost ones."""
    coordinator = laptop_and_coordinator
    monkeypatch.setenv("FIELDKIT_STATE_DIR", str(tmp_path / "new-machine"))  # no record of numbers issued
    laptop = Device(tmp_path, "lan")
    new = laptop.save({"/data/staff": "3"})
    assert new.site_id != laptop.fingerprint[:32]
    report = imported(coordinator, laptop.export(tmp_path / "3.fkb"))
    assert report.new == 1 and not report.tampering
    assert new.rev_id in coordinator.rev_ids()
    laptop.close()


def test_a_new_database_beside_an_existing_key_takes_a_new_site(tmp_path):
    coordinator = tmp_path / "coordinator"
    laptop = tmp_path / "lan"
    assert submit(laptop).returncode == 0
    assert fieldkit(laptop, "bundle", "export", tmp_path / "1.fkb").returncode == 0
    for name in ("fieldkit.sqlite3", "fieldkit.sqlite3-wal", "fieldkit.sqlite3-shm"):
        (laptop / name).unlink(missing_ok=True)  # the database lost; the key kept
    assert submit(laptop).returncode == 0
    assert fieldkit(laptop, "bundle", "export", tmp_path / "2.fkb").returncode == 0
    with Store.open(data_dir=laptop) as store:
        fingerprint = store.identity.fingerprint
    assert fieldkit(coordinator, "trust", fingerprint).returncode == 0
    for bundle in ("1.fkb", "2.fkb"):
        result = fieldkit(coordinator, "bundle", "import", "--json", tmp_path / bundle)
        assert result.returncode == 0, result.stdout + result.stderr
    assert len(json.loads(fieldkit(coordinator, "records", "--json").stdout)) == 2


@pytest.mark.parametrize("content", [b"", b"this is not a database, it is a photo" * 100])
def test_an_empty_or_unreadable_database_is_refused_and_left_untouched(tmp_path, content):
    data_dir = tmp_path / "lan"
    assert submit(data_dir).returncode == 0
    for name in ("fieldkit.sqlite3-wal", "fieldkit.sqlite3-shm"):
        (data_dir / name).unlink(missing_ok=True)
    (data_dir / "fieldkit.sqlite3").write_bytes(content)
    for command in (("records",), ("submit", "x", "--answers", tmp_path / "answers.json")):
        result = fieldkit(data_dir, *command)
        assert result.returncode == 2 and "Traceback" not in result.stderr
        assert str(data_dir / "fieldkit.sqlite3") in result.stderr
        assert (data_dir / "fieldkit.sqlite3").read_bytes() == content
    assert "0 bytes" in result.stderr if not content else "damaged" in result.stderr
    assert "trống" in fieldkit(data_dir, "records", lang="vi").stderr if not content else True
