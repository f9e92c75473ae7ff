"""One sync pass through a real drop box (a folder, and wsgidav on 127.0.0.1): a laptop
pushes, a coordinator pulls and writes its receipt, the laptop reads it and knows what
was received; a second pass moves nothing."""

import pytest

from fieldkit.services.network_sync import received_by, sync_once, unreceived_submissions
from tests.helpers.network_world import KINDS, Counting, drop_box_of, sync, trust_by_key
from tests.helpers.sync_devices import Device


@pytest.fixture(params=KINDS)
def drop_box(request, tmp_path):
    with drop_box_of(request.param, tmp_path / "drop-box") as open_transport:
        yield open_transport


@pytest.fixture
def devices(tmp_path):
    """A laptop and a coordinator that trust each other by key."""
    lan, coordinator = Device(tmp_path, "lan"), Device(tmp_path, "coordinator")
    trust_by_key(lan, coordinator, keys=tmp_path / "keys")
    trust_by_key(coordinator, lan, keys=tmp_path / "keys")
    yield lan, coordinator
    lan.close()
    coordinator.close()


def test_a_laptop_pushes_a_coordinator_pulls_and_the_laptop_sees_it_received(devices, drop_box):
    lan, coordinator = devices
    record = lan.save({"/data/staff": "4"}).record_id
    lan.edit(record, staff="5")
    other = lan.save({"/data/staff": "9"}).record_id
    assert unreceived_submissions(lan.service) == 2

    pushed = sync(lan, drop_box())
    assert (pushed.sent_bundles, pushed.sent_revisions) == (1, 3)

    pulled = sync(coordinator, drop_box())
    assert [(report.status, report.new) for report in pulled.imported] == [("imported", 3)]
    assert coordinator.digest() == lan.digest()

    read = sync(lan, drop_box())
    assert [(seen.site_id, seen.device) for seen in read.receipts] == [(coordinator.site_id, "coordinator")]
    assert read.bad_receipts == {}
    assert unreceived_submissions(lan.service) == 0
    assert [seen.device for seen in received_by(lan.service, record)] == ["coordinator"]
    assert [seen.device for seen in received_by(lan.service, other)] == ["coordinator"]

    lan.edit(record, staff="6")  # a new revision: not received until the coordinator's next receipt
    assert unreceived_submissions(lan.service) == 1
    assert received_by(lan.service, record) == []
    assert [seen.device for seen in received_by(lan.service, other)] == ["coordinator"]


def test_a_second_pass_puts_nothing_and_fetches_no_bundle(devices, drop_box):
    lan, coordinator = devices
    lan.save({"/data/staff": "4"})
    for device in (lan, coordinator, lan, coordinator):  # until both receipts are read
        sync(device, drop_box())

    for device in (lan, coordinator):
        counting = Counting(drop_box())
        again = sync(device, counting)
        assert (again.sent_bundles, again.imported) == (0, [])
        assert counting.put_paths == []
        assert [path for path in counting.fetched if "/bundles/" in path] == []


def test_incoming_and_outgoing_files_are_removed_after_the_pass(devices, drop_box):
    lan, coordinator = devices
    lan.save({"/data/staff": "4"})
    sync(lan, drop_box())
    sync(coordinator, drop_box())
    for device in (lan, coordinator):
        for folder in ("incoming", "outgoing"):
            assert list((device.store.data_dir / folder).iterdir()) == []


def test_the_pass_reports_a_drop_box_that_cannot_be_reached(devices, tmp_path):
    from fieldkit.sync.dropbox.folder import FolderTransport

    lan, _coordinator = devices
    lan.save({"/data/staff": "4"})
    report = sync_once(lan.service, FolderTransport(tmp_path / "unplugged"), remote="usb")
    assert not report.complete
    assert report.error.reason == "unreachable"
    assert "unplugged" in str(report.error)
    assert unreceived_submissions(lan.service) == 1
