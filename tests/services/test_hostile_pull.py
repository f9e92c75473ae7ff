"""A drop box that lies about its files' sizes (a hostile server, a man in the middle on
http://, or a file that grows while it is fetched) cannot make a pull eat the room the
disk keeps: a fetch stops where the copy *and its import* would pass the margin."""

from collections import namedtuple

import pytest

from fieldkit.services import network_pull
from fieldkit.services.network_sync import sync_once
from fieldkit.sync.dropbox.folder import FolderTransport
from fieldkit.sync.dropbox.transport import Entry
from tests.helpers.network_world import laptop_and_coordinator, sync

DiskUsage = namedtuple("DiskUsage", "total used free")  # what shutil.disk_usage gives


@pytest.fixture
def world(tmp_path):
    with laptop_and_coordinator(tmp_path) as devices:
        yield devices


class ListingOneByte(FolderTransport):
    """A folder drop box whose listings say every file is 1 byte, whatever it holds."""

    def files(self, folder: str) -> list[Entry]:
        return [Entry(name=entry.name, size=1) for entry in super().files(folder)]


def test_a_bundle_listed_smaller_than_it_is_is_not_fetched_when_its_import_would_eat_the_margin(
        world, monkeypatch):
    lan, coordinator, root = world
    lan.save({"/data/staff": "4"})
    sync(lan, FolderTransport(root))
    [bundle] = (root / lan.site_id / "bundles").iterdir()
    size = bundle.stat().st_size
    # room for the copy, not for what importing it stores too
    free = network_pull.FREE_MARGIN + 2 * 1 + size
    monkeypatch.setattr(network_pull, "disk_usage", lambda path: DiskUsage(total=10**12, used=0, free=free))

    report = sync_once(coordinator.service, ListingOneByte(root), remote="hop")
    assert report.error is not None and report.error.reason == "disk_full"
    assert report.imported == [] and coordinator.rev_ids().isdisjoint(lan.rev_ids())
    assert list((coordinator.store.data_dir / "incoming").iterdir()) == []

    monkeypatch.undo()  # room again: the bundle comes in
    sync(coordinator, ListingOneByte(root))
    assert lan.rev_ids() <= coordinator.rev_ids()


def test_with_room_for_the_copy_and_its_import_a_bundle_listed_smaller_comes_in(world, monkeypatch):
    lan, coordinator, root = world
    lan.save({"/data/staff": "4"})
    sync(lan, FolderTransport(root))
    [bundle] = (root / lan.site_id / "bundles").iterdir()
    free = network_pull.FREE_MARGIN + 2 * bundle.stat().st_size
    monkeypatch.setattr(network_pull, "disk_usage", lambda path: DiskUsage(total=10**12, used=0, free=free))

    [imported] = sync(coordinator, ListingOneByte(root)).imported
    assert imported.status == "imported" and lan.rev_ids() <= coordinator.rev_ids()
