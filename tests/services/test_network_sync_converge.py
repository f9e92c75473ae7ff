"""Many devices, one drop box (a folder, and wsgidav on 127.0.0.1): two coordinators
converge to the same state, a conflict's resolution included; ten laptops and a
coordinator end with everything received."""

import pytest

from fieldkit.services.network_sync import unreceived_submissions
from tests.helpers.network_world import KINDS, drop_box_of, sync, trust_by_key
from tests.helpers.sync_devices import Device, records_equal_rebuild


@pytest.fixture(params=KINDS)
def drop_box(request, tmp_path):
    with drop_box_of(request.param, tmp_path / "drop-box") as open_transport:
        yield open_transport


@pytest.fixture
def opened(tmp_path):
    devices = []

    def open_device(name):
        devices.append(Device(tmp_path, name))
        return devices[-1]

    yield open_device
    for device in devices:
        device.close()


def test_two_coordinators_sharing_a_drop_box_converge_with_a_resolution(opened, drop_box, tmp_path):
    lan, minh, first, second = (opened(name) for name in ("lan", "minh", "first", "second"))
    everyone = (lan, minh, first, second)
    for device in everyone:
        trust_by_key(device, *everyone, keys=tmp_path / "keys")
    record = lan.save({"/data/staff": "4"}).record_id
    minh.import_(lan.export(tmp_path / "lan.fkb"))  # handed over on a USB stick
    lan.edit(record, staff="5")
    minh.edit(record, staff="6")

    for device in (lan, minh, first):
        sync(device, drop_box())
    assert len(first.service.conflicts()) == 1
    resolution = first.service.resolve(record, answers={"/data/staff": "7"}, author="Điều phối")
    sync(first, drop_box())
    sync(second, drop_box())
    sync(first, drop_box())

    assert second.service.conflicts() == []
    assert second.store.record(record).winner_rev == resolution.rev_id
    assert second.digest() == first.digest()
    assert records_equal_rebuild(second.store.path)


def test_ten_laptops_and_a_coordinator_converge_and_see_everything_received(opened, drop_box, tmp_path):
    coordinator = opened("coordinator")
    laptops = [opened(f"may-{number}") for number in range(10)]
    for laptop in laptops:
        trust_by_key(laptop, coordinator, keys=tmp_path / "keys")
        trust_by_key(coordinator, laptop, keys=tmp_path / "keys")
        for staff in range(3):
            laptop.save({"/data/staff": str(staff)}, commune="00070")

    for laptop in laptops:
        sync(laptop, drop_box())
    pulled = sync(coordinator, drop_box())
    assert len(pulled.imported) == 10 and {report.status for report in pulled.imported} == {"imported"}
    for laptop in laptops:
        sync(laptop, drop_box())

    assert coordinator.status()["revisions"] == 30
    assert set().union(*(laptop.rev_ids() for laptop in laptops)) == coordinator.rev_ids()
    assert [unreceived_submissions(laptop.service) for laptop in laptops] == [0] * 10
