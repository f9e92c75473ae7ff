"""A coordinator restored from an old backup gets back, by USB, what it lost.

Its next bundle says it holds less (`acknowledges`); the laptop believes the latest
statement (by its own time, not by when it arrived), so its next plain `bundle export`
carries the lost revisions again, and a stale stick from before the restore, imported
late, does not hide them. The most a coordinator ever acknowledged still proves a
laptop's own restore (fieldkit.store.sites).
"""

import json
import shutil

import pytest

from fieldkit.cli import main
from tests.helpers.sync_devices import Device


def imported(device: Device, *bundles):
    for report in device.import_(*bundles):
        assert report.status in ("imported", "already_present") and not report.tampering, report.reason_en


def export(device: Device, path) -> dict:
    """`fieldkit bundle export PATH` on the device (no --full): the bundle's manifest."""
    return device.service.export(path)


def back_up(device: Device, root, name: str) -> Device:
    """The device's data folder copied as a backup tool would, closed; the device reopened."""
    device.close()
    shutil.copytree(root / device.name, root / name)
    return Device(root, device.name)


def restore(device: Device, root, backup: str) -> Device:
    """The disk died: the backup comes back in place of the data folder."""
    device.close()
    shutil.rmtree(root / device.name)
    shutil.copytree(root / backup, root / device.name)
    return Device(root, device.name)


@pytest.fixture
def devices(tmp_path):
    laptop, coordinator = Device(tmp_path, "lan"), Device(tmp_path, "coordinator")
    laptop.trusts(coordinator)
    coordinator.trusts(laptop)
    yield laptop, coordinator
    laptop.close()
    coordinator.close()


@pytest.mark.parametrize("stale_stick", ["imported before", "imported after"])
def test_a_restored_coordinator_gets_the_lost_revisions_in_the_next_plain_export(devices, tmp_path, stale_stick):
    laptop, coordinator = devices
    laptop.save({"/data/staff": "1"})
    imported(coordinator, laptop.export(tmp_path / "monday.fkb"))
    imported(laptop, coordinator.export(tmp_path / "monday-back.fkb"))
    coordinator = back_up(coordinator, tmp_path, "backup")  # the backup holds the laptop's seq 1

    laptop.save({"/data/staff": "2"})
    laptop.save({"/data/staff": "3"})
    imported(coordinator, laptop.export(tmp_path / "tuesday.fkb"))
    imported(laptop, coordinator.export(tmp_path / "tuesday-back.fkb"))
    stick = coordinator.export(tmp_path / "forgotten-stick.fkb")  # says it holds seq 3; nobody imports it yet
    assert export(laptop, tmp_path / "nothing-new.fkb")["count"] == 0

    coordinator = restore(coordinator, tmp_path, "backup")
    assert len(coordinator.rev_ids()) == 1
    restored = tmp_path / "wednesday-back.fkb"
    assert export(coordinator, restored)["acknowledges"][laptop.site_id] == 1  # it holds seq 1 only
    arrivals = [stick, restored] if stale_stick == "imported before" else [restored, stick]
    for bundle in arrivals:
        imported(laptop, bundle)

    again = export(laptop, tmp_path / "wednesday.fkb")
    assert (again["count"], again["content"]) == (2, {laptop.site_id: [2, 3]})
    imported(coordinator, tmp_path / "wednesday.fkb")
    assert coordinator.rev_ids() == laptop.rev_ids() and len(laptop.rev_ids()) == 3
    assert coordinator.digest() == laptop.digest()
    coordinator.close()


@pytest.mark.parametrize("stale_stick", ["imported before", "imported after"])
def test_a_laptop_restored_too_still_knows_its_numbers_were_acknowledged(devices, tmp_path, monkeypatch, stale_stick):
    """The coordinator's backup predates the laptop's work, so its latest bundle names none
    of the laptop's numbers; the older stick acknowledged them. A laptop restored on a new
    machine (no record of what it issued) must not issue them again."""
    laptop, coordinator = devices
    laptop = back_up(laptop, tmp_path, "lan-backup")  # before its first submission
    coordinator = back_up(coordinator, tmp_path, "backup")
    laptop.save({"/data/staff": "1"})
    laptop.save({"/data/staff": "2"})
    old_site = laptop.site_id
    imported(coordinator, laptop.export(tmp_path / "monday.fkb"))
    stick = coordinator.export(tmp_path / "forgotten-stick.fkb")
    coordinator = restore(coordinator, tmp_path, "backup")
    restored = tmp_path / "tuesday-back.fkb"
    assert old_site not in export(coordinator, restored)["acknowledges"]

    monkeypatch.setenv("FIELDKIT_STATE_DIR", str(tmp_path / "new-machine"))
    laptop = restore(laptop, tmp_path, "lan-backup")
    arrivals = [stick, restored] if stale_stick == "imported before" else [restored, stick]
    for bundle in arrivals:
        imported(laptop, bundle)
    new = laptop.save({"/data/staff": "3"})
    assert new.site_id != old_site  # seq 1 and 2 of the old site were acknowledged once
    laptop.close()
    coordinator.close()


def test_the_same_story_typed_at_the_command_line(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("FIELDKIT_LANG", "en")

    def fieldkit(device: str, *arguments: str) -> str:
        status = main(["--data-dir", str(tmp_path / device), *arguments])
        out, err = capsys.readouterr()
        assert status == 0, err
        return out

    def submit(staff: str) -> None:
        laptop = Device(tmp_path, "lan")
        laptop.save({"/data/staff": staff})
        laptop.close()

    fieldkit("lan", "keys", "export", str(tmp_path / "lan.pub"))
    fieldkit("coordinator", "keys", "export", str(tmp_path / "coordinator.pub"))
    fieldkit("lan", "trust", str(tmp_path / "coordinator.pub"))
    fieldkit("coordinator", "trust", str(tmp_path / "lan.pub"))
    for day, staff in (("monday", "1"), ("tuesday", "2")):
        submit(staff)
        fieldkit("lan", "bundle", "export", str(tmp_path / f"{day}.fkb"))
        fieldkit("coordinator", "bundle", "import", str(tmp_path / f"{day}.fkb"))
        fieldkit("coordinator", "bundle", "export", str(tmp_path / f"{day}-back.fkb"))
        fieldkit("lan", "bundle", "import", str(tmp_path / f"{day}-back.fkb"))
        if day == "monday":
            shutil.copytree(tmp_path / "coordinator", tmp_path / "backup")
    assert "0 revisions" in fieldkit("lan", "bundle", "export", str(tmp_path / "nothing-new.fkb"))

    shutil.rmtree(tmp_path / "coordinator")
    shutil.copytree(tmp_path / "backup", tmp_path / "coordinator")
    fieldkit("coordinator", "bundle", "export", str(tmp_path / "wednesday-back.fkb"))
    fieldkit("lan", "bundle", "import", str(tmp_path / "wednesday-back.fkb"))
    assert "1 revisions" in fieldkit("lan", "bundle", "export", str(tmp_path / "wednesday.fkb"))
    assert "imported: 1 new" in fieldkit("coordinator", "bundle", "import", str(tmp_path / "wednesday.fkb"))
    digests = [json.loads(fieldkit(device, "status", "--json"))["state_digest"] for device in ("lan", "coordinator")]
    assert digests[0] == digests[1]
