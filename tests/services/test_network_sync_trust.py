"""What a sync pass believes of a drop box: only the folders of trusted devices are
opened, and a receipt counts only when its signature is that folder's trusted key."""

import json

import pytest

from fieldkit.services.network_sync import sync_once, unreceived_submissions
from fieldkit.store.trust import site_keys
from fieldkit.sync.dropbox.folder import FolderTransport
from fieldkit.sync.dropbox.receipts import make_receipt
from tests.helpers.network_world import Counting, sync, trust_by_key
from tests.helpers.sync_devices import Device


@pytest.fixture
def world(tmp_path):
    """A laptop and a coordinator trusting each other, a stranger neither trusts, a drop box folder."""
    devices = {name: Device(tmp_path, name) for name in ("lan", "coordinator", "stranger")}
    trust_by_key(devices["lan"], devices["coordinator"], keys=tmp_path / "keys")
    trust_by_key(devices["coordinator"], devices["lan"], keys=tmp_path / "keys")
    (tmp_path / "drop-box").mkdir()
    yield devices, tmp_path / "drop-box"
    for device in devices.values():
        device.close()


def test_an_untrusted_folder_and_folders_that_are_no_site_are_never_opened(world):
    devices, root = world
    lan, coordinator, stranger = devices["lan"], devices["coordinator"], devices["stranger"]
    lan.save({"/data/staff": "4"})
    stranger.save({"/data/staff": "666"})
    sync(lan, FolderTransport(root))
    sync(stranger, FolderTransport(root))
    (root / "ghi-chu").mkdir()
    (root / ("0" * 32)).mkdir()

    counting = Counting(FolderTransport(root))
    report = sync(coordinator, counting)
    assert [report.status for report in report.imported] == ["imported"]
    assert not any(stranger.site_id in path or "ghi-chu" in path or "0" * 32 in path
                   for path in counting.listed + counting.fetched)
    assert coordinator.rev_ids() == lan.rev_ids()


def test_a_forged_receipt_is_skipped_and_named(world):
    devices, root = world
    lan, coordinator = devices["lan"], devices["coordinator"]
    lan.save({"/data/staff": "4"})
    sync(lan, FolderTransport(root))
    sync(coordinator, FolderTransport(root))
    receipt = root / coordinator.site_id / "receipt.json"
    document = json.loads(receipt.read_bytes())
    document["holds"][lan.site_id] += 5  # says it holds more than it does
    receipt.write_text(json.dumps(document))

    report = sync(lan, FolderTransport(root))
    assert report.receipts == []
    assert "giả mạo" in report.bad_receipts[coordinator.site_id]  # altered or forged
    assert unreceived_submissions(lan.service) == 1


def test_a_receipt_of_another_device_in_a_trusted_folder_is_skipped_and_named(world):
    devices, root = world
    lan, coordinator, stranger = devices["lan"], devices["coordinator"], devices["stranger"]
    lan.save({"/data/staff": "4"})
    stranger.save({"/data/staff": "666"})
    sync(lan, FolderTransport(root))
    sync(stranger, FolderTransport(root))
    (root / coordinator.site_id).mkdir()
    (root / coordinator.site_id / "receipt.json").write_bytes((root / stranger.site_id / "receipt.json").read_bytes())

    report = sync(lan, FolderTransport(root))
    assert stranger.site_id in report.bad_receipts[coordinator.site_id]
    assert report.receipts == []
    assert unreceived_submissions(lan.service) == 1


def site_keys_of(device: Device) -> dict[str, bytes]:
    with device.store.read() as connection:
        return site_keys(connection)


def test_a_receipt_carrying_a_key_of_another_fingerprint_is_skipped(tmp_path):
    lan, coordinator, stranger = Device(tmp_path, "lan"), Device(tmp_path, "coordinator"), Device(tmp_path, "x")
    lan.trusts(coordinator)  # by fingerprint: the receipt's own key must match it
    root = tmp_path / "drop-box"
    (root / coordinator.site_id).mkdir(parents=True)
    forged = json.loads(make_receipt(stranger.store))  # well signed, by the stranger's key
    (root / coordinator.site_id / "receipt.json").write_bytes(
        json.dumps({**forged, "site_id": coordinator.site_id}).encode())

    report = sync_once(lan.service, FolderTransport(root), remote="hop")
    assert report.receipts == [] and coordinator.site_id in report.bad_receipts
    assert coordinator.site_id not in site_keys_of(lan)
    for device in (lan, coordinator, stranger):
        device.close()


def test_a_receipt_of_a_device_trusted_by_fingerprint_only_is_read_with_the_key_it_carries(tmp_path):
    lan, coordinator = Device(tmp_path, "lan"), Device(tmp_path, "coordinator")
    lan.trusts(coordinator)  # the fingerprint typed: the key itself comes with a bundle
    trust_by_key(coordinator, lan, keys=tmp_path / "keys")
    root = tmp_path / "drop-box"
    root.mkdir()
    lan.save({"/data/staff": "4"})
    sync(lan, FolderTransport(root))
    sync(coordinator, FolderTransport(root))

    report = sync_once(lan.service, FolderTransport(root), remote="hop")
    assert report.complete and report.bad_receipts == {}
    assert [seen.site_id for seen in report.receipts] == [coordinator.site_id]
    assert unreceived_submissions(lan.service) == 0
    assert coordinator.site_id in site_keys_of(lan)  # the key, checked against the fingerprint, is kept
    lan.close()
    coordinator.close()


def test_a_broken_bundle_in_a_trusted_folder_is_refused_by_its_drop_box_name_once(world):
    devices, root = world
    lan, coordinator = devices["lan"], devices["coordinator"]
    bundles = root / lan.site_id / "bundles"
    bundles.mkdir(parents=True)
    (bundles / "hong.fkb").write_bytes(b"PK\x03\x04 not a bundle at all")

    report = sync(coordinator, FolderTransport(root))
    [refused] = report.imported
    assert refused.status == "rejected" and refused.path == f"{lan.site_id}/bundles/hong.fkb"
    assert f"{lan.site_id}/bundles/hong.fkb" in refused.reason_en and "incoming" not in refused.reason_en
    assert sync(coordinator, FolderTransport(root)).imported == []  # not fetched again
