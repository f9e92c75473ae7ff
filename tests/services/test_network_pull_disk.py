"""A pull on a laptop whose disk is nearly full stops before it fills it, says how much it
needs and how much is free, keeps what it already imported, still sends, and leaves
nothing half written; the next pass, once there is room, completes."""

from collections import namedtuple
from pathlib import Path

import pytest

from fieldkit.cli import main
from fieldkit.services import network_pull
from fieldkit.services.network_sync import sync_once
from fieldkit.sync.dropbox.folder import FolderTransport
from fieldkit.sync.dropbox.transport import Entry
from tests.helpers.network_world import laptop_and_coordinator, sync
from tests.helpers.sync_devices import Device

DiskUsage = namedtuple("DiskUsage", "total used free")  # what shutil.disk_usage gives


class Disk:
    """The data folder's disk as the pull sees it: `free` bytes, set by the test."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, *, free: int) -> None:
        self.free = free
        monkeypatch.setattr(network_pull, "disk_usage", lambda path: DiskUsage(total=10**12, used=0, free=self.free))


@pytest.fixture
def world(tmp_path):
    with laptop_and_coordinator(tmp_path) as devices:
        yield devices


def bundles_in(root: Path, device: Device) -> list[str]:
    return sorted(path.name for path in (root / device.site_id / "bundles").iterdir())


def seen_paths(device: Device) -> list[str]:
    from fieldkit.store import dropbox_state

    with device.store.read() as connection:
        return sorted(dropbox_state.seen_sizes(connection, remote="hop"))


def test_too_little_free_space_stops_the_pull_saying_what_it_needs_and_the_push_still_runs(world, monkeypatch):
    lan, coordinator, root = world
    lan.save({"/data/staff": "4"})
    sync(lan, FolderTransport(root))
    coordinator.save({"/data/staff": "9"})
    [bundle] = bundles_in(root, lan)
    size = (root / lan.site_id / "bundles" / bundle).stat().st_size
    Disk(monkeypatch, free=network_pull.FREE_MARGIN + 2 * size - 1)  # one byte short

    report = sync_once(coordinator.service, FolderTransport(root), remote="hop")
    assert report.error is not None and report.error.reason == "disk_full"
    needed = (network_pull.FREE_MARGIN + 2 * size + 999_999) // 1_000_000
    free = (network_pull.FREE_MARGIN + 2 * size - 1) // 1_000_000
    assert report.error.text("en") == (
        f"This computer's disk is too full to receive {lan.site_id}/bundles/{bundle} (1 MB) from the drop box: "
        f"receiving and importing it needs {needed} MB free on the disk of {coordinator.store.data_dir}, and "
        f"{free} MB are free. Free some space, then sync again; what was already received is kept.")
    assert report.error.text("vi").startswith("Ổ đĩa của máy này không đủ chỗ trống để nhận")
    assert report.imported == [] and seen_paths(coordinator) == []
    assert list((coordinator.store.data_dir / "incoming").iterdir()) == []
    assert report.sent_bundles == 1  # sending needs little room: the coordinator's own revision went out

    monkeypatch.undo()  # space freed
    sync(coordinator, FolderTransport(root))
    assert lan.rev_ids() <= coordinator.rev_ids()


class FillsTheDiskAfterTheFirstFetch(FolderTransport):
    """A folder drop box; once a bundle is fetched, another program fills the disk."""

    def __init__(self, root: Path, disk: Disk) -> None:
        super().__init__(root)
        self.disk = disk

    def fetch(self, path: str, target: Path, *, limit: int) -> None:
        super().fetch(path, target, limit=limit)
        if "/bundles/" in path:
            self.disk.free = network_pull.FREE_MARGIN


def test_a_disk_filled_during_the_pull_keeps_what_was_imported_and_the_next_pass_brings_the_rest(
        world, monkeypatch, tmp_path):
    lan, coordinator, root = world
    for staff in ("3", "4"):  # two passes: two bundles in the laptop's folder
        lan.save({"/data/staff": staff})
        sync(lan, FolderTransport(root))
    disk = Disk(monkeypatch, free=10**11)

    report = sync_once(coordinator.service, FillsTheDiskAfterTheFirstFetch(root, disk), remote="hop")
    assert report.error is not None and report.error.reason == "disk_full"
    [first] = report.imported
    assert first.status == "imported" and first.new == 1  # kept: imported before the pull stopped
    assert seen_paths(coordinator) == [first.path]
    assert len(coordinator.rev_ids() & lan.rev_ids()) == 1
    assert list((coordinator.store.data_dir / "incoming").iterdir()) == []

    disk.free = 10**11
    [second] = sync(coordinator, FolderTransport(root)).imported
    assert second.path != first.path and coordinator.rev_ids() >= lan.rev_ids()


def test_sync_on_the_command_line_says_the_disk_is_full_and_fails(tmp_path, monkeypatch, capsys):
    laptop, coordinator = Device(tmp_path, "laptop"), Device(tmp_path, "coordinator")
    laptop.trusts(coordinator)
    coordinator.trusts(laptop)
    laptop.save({"/data/staff": "12"})
    laptop.close()
    coordinator.close()
    drop_box = tmp_path / "drop-box"
    drop_box.mkdir()
    for device in ("laptop", "coordinator"):
        assert main(["--lang", "vi", "--data-dir", str(tmp_path / device), "remote", "add", "office",
                     str(drop_box)]) == 0
    assert main(["--data-dir", str(tmp_path / "laptop"), "sync"]) == 0
    capsys.readouterr()
    Disk(monkeypatch, free=100_000_000)

    assert main(["--lang", "vi", "--data-dir", str(tmp_path / "coordinator"), "sync"]) == 1
    said = capsys.readouterr().err
    assert said.startswith("office: ")
    assert "Ổ đĩa của máy này không đủ chỗ trống để nhận" in said
    assert "hiện chỉ còn 100 MB" in said and str(tmp_path / "coordinator") in said
    assert "Traceback" not in said


def test_a_drop_box_sending_more_than_it_listed_stops_where_the_disk_room_ends(world, monkeypatch):
    lan, coordinator, root = world
    lying = f"{lan.site_id}/bundles/{'b' * 64}.fkb"
    (root / lan.site_id / "bundles").mkdir(parents=True)
    with (root / lying).open("wb") as file:
        file.truncate(50_000_000)  # sparse: listed below as 1,000 bytes
    Disk(monkeypatch, free=network_pull.FREE_MARGIN + 2 * 1000 + 3_000_000)

    class ListingSmaller(FolderTransport):
        def files(self, folder):
            return [Entry(name=entry.name, size=1000) for entry in super().files(folder)]

    report = sync_once(coordinator.service, ListingSmaller(root), remote="hop")
    assert report.error is not None and report.error.reason == "disk_full"
    # cut once the copy and its import would pass the margin: 1,000 + 3,000,000 / 2 bytes
    assert f"receive {lying} (2 MB)" in report.error.text("en")
    assert report.imported == [] and seen_paths(coordinator) == []  # tried again once there is room
    assert list((coordinator.store.data_dir / "incoming").iterdir()) == []
