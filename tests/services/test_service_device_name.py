"""A laptop named after its host ("vm") is renamed "Laptop 3 — Đoàn 5": the name is no
part of any signature, so its next bundle imports as a trusted device's, and the
coordinator shows the new name; an older bundle imported later keeps the new name."""

import uuid

import pytest

from fieldkit.services.coordinator import CoordinatorService


@pytest.fixture
def laptop(tmp_path, monkeypatch):
    monkeypatch.setattr("platform.node", lambda: "vm")
    with CoordinatorService.open(tmp_path / "laptop") as service:
        yield service


@pytest.fixture
def coordinator(tmp_path):
    with CoordinatorService.open(tmp_path / "coordinator", device_name="Điều phối") as service:
        yield service


def save(service: CoordinatorService, total: str) -> None:
    data = {"status": "draft", "answers": {"/data/total": total}, "commune": "00070", "province": "01",
            "attachments": {}}
    service.store.commit_revision(record_id=str(uuid.uuid4()), parents=[], form_id="ha_tang", form_version="1",
                                  data=data, author="Trần Thị Bình", action="save").result()


def names_known(coordinator: CoordinatorService, fingerprint: str) -> set[str]:
    return {device["name"] for device in coordinator.devices() if device["fingerprint"] == fingerprint}


def test_a_renamed_laptops_next_bundle_imports_and_shows_the_new_name(laptop, coordinator, tmp_path):
    assert laptop.this_device().name == "vm" and not laptop.this_device().named
    save(laptop, "12")
    laptop.export(tmp_path / "before.fkb")
    coordinator.trust(laptop.this_device().fingerprint)
    assert [report.status for report in coordinator.import_paths([tmp_path / "before.fkb"])] == ["imported"]
    fingerprint = laptop.this_device().fingerprint
    assert names_known(coordinator, fingerprint) == {"vm"}

    assert laptop.rename_device("Laptop 3 — Đoàn 5") == "Laptop 3 — Đoàn 5"
    assert laptop.this_device().named and laptop.this_device().fingerprint == fingerprint
    save(laptop, "13")
    manifest = laptop.export(tmp_path / "after.fkb")
    assert manifest["device_name"] == "Laptop 3 — Đoàn 5"
    [report] = coordinator.import_paths([tmp_path / "after.fkb"])
    assert (report.status, report.new, report.device) == ("imported", 1, "Laptop 3 — Đoàn 5")
    assert names_known(coordinator, fingerprint) == {"Laptop 3 — Đoàn 5"}
    assert {device["state"] for device in coordinator.devices() if device["fingerprint"] == fingerprint} == {
        "trusted"}


def test_an_older_bundle_imported_late_keeps_the_newer_name(laptop, coordinator, tmp_path):
    save(laptop, "12")
    laptop.export(tmp_path / "old.fkb")
    laptop.rename_device("Laptop 3 — Đoàn 5")
    save(laptop, "13")
    laptop.export(tmp_path / "new.fkb", full=True)
    coordinator.trust(laptop.this_device().fingerprint)
    coordinator.import_paths([tmp_path / "new.fkb"])
    coordinator.import_paths([tmp_path / "old.fkb"])
    assert names_known(coordinator, laptop.this_device().fingerprint) == {"Laptop 3 — Đoàn 5"}


def test_a_clone_that_repeats_the_laptops_numbers_does_not_rename_it(laptop, coordinator, tmp_path, monkeypatch):
    """A copy of the data folder in use elsewhere, under another name, makes revisions the
    laptop already numbered: reported as tampering, and the laptop keeps its name."""
    import shutil

    laptop.rename_device("Laptop 3 — Đoàn 5")
    shutil.copytree(tmp_path / "laptop", tmp_path / "clone")
    monkeypatch.setenv("FIELDKIT_STATE_DIR", str(tmp_path / "other-machine"))
    with CoordinatorService.open(tmp_path / "clone") as clone:
        clone.rename_device("Máy lạ")
        save(laptop, "12")
        save(clone, "999")
        coordinator.trust(laptop.this_device().fingerprint)
        laptop.export(tmp_path / "genuine.fkb")
        clone.export(tmp_path / "forged.fkb")
        coordinator.import_paths([tmp_path / "genuine.fkb"])
        [report] = coordinator.import_paths([tmp_path / "forged.fkb"])
    assert report.tampering and report.device == "Máy lạ"
    assert names_known(coordinator, laptop.this_device().fingerprint) == {"Laptop 3 — Đoàn 5"}
