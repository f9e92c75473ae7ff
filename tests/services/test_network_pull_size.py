"""A pull never copies a file larger than the import accepts: refused from the drop box's
listing (a sparse file of 5 GB, in a folder and on wsgidav), or cut at the limit when the
drop box sends more than it listed; refused once, fetched again only as another file."""

import os
from collections import namedtuple
from pathlib import Path

import pytest

from fieldkit.services import network_pull
from fieldkit.sync.dropbox.folder import FolderTransport
from fieldkit.sync.dropbox.transport import Entry
from fieldkit.sync.dropbox.webdav import WebDavTransport
from tests.helpers.network_world import Counting, drop_box_of, laptop_and_coordinator, sync
from tests.helpers.webdav_servers import running_wsgidav

shutil_usage = namedtuple("shutil_usage", "total used free")  # what shutil.disk_usage gives
HUGE = 5_000_000_000  # over the import's 4 GB limit


@pytest.fixture
def world(tmp_path):
    with laptop_and_coordinator(tmp_path) as devices:
        yield devices


def allocated(folder: Path) -> int:
    """Bytes the files under `folder` really take on the disk (a sparse file: only its data)."""
    return sum(os.lstat(Path(parent, name)).st_blocks * 512
               for parent, _folders, names in os.walk(folder) for name in names)


def sparse(path: Path, size: int) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as file:
        file.truncate(size)
    return path


@pytest.mark.parametrize("kind", ["folder", "wsgidav"])
def test_a_file_listed_larger_than_a_bundle_may_be_is_refused_without_being_copied(world, kind, tmp_path):
    lan, coordinator, root = world
    lan.save({"/data/staff": "4"})
    sync(lan, FolderTransport(root))
    huge = f"{lan.site_id}/bundles/{'f' * 64}.fkb"
    sparse(root / huge, HUGE)
    data_before = allocated(coordinator.store.data_dir)

    with drop_box_of(kind, root) as open_transport:
        counting = Counting(open_transport())
        report = sync(coordinator, counting)
        refused = next(imported for imported in report.imported if imported.path == huge)
        assert refused.status == "rejected"
        assert refused.reason_en == (f"{huge} in the drop box is 5000 MB, larger than a bundle may be (4294 MB); "
                                     "it was not fetched.")
        assert refused.reason.startswith(f"{huge} trong hộp thư đồng bộ có dung lượng 5000 MB")
        assert huge not in counting.fetched
        assert [imported.status for imported in report.imported if imported.path != huge] == ["imported"]
        assert coordinator.rev_ids() == lan.rev_ids()  # the other bundle of that folder came in
        assert allocated(coordinator.store.data_dir) - data_before < 50_000_000
        assert list((coordinator.store.data_dir / "incoming").iterdir()) == []

        again = Counting(open_transport())
        assert sync(coordinator, again).imported == []  # remembered: not refused on every pass
        assert [path for path in again.fetched if "/bundles/" in path] == []


def test_another_file_under_a_refused_name_is_tried(world):
    lan, coordinator, root = world
    huge = sparse(root / lan.site_id / "bundles" / ("e" * 64 + ".fkb"), HUGE)
    [refused] = sync(coordinator, FolderTransport(root)).imported
    assert "larger than a bundle may be" in refused.reason_en

    huge.unlink()
    huge.write_bytes(b"PK\x03\x04 a small file now, still not a bundle")
    [tried] = sync(coordinator, FolderTransport(root)).imported
    assert tried.status == "rejected" and "is not a fieldkit bundle" in tried.reason_en  # the importer read it


class ListingSmaller(FolderTransport):
    """A folder drop box whose listings say every file is 1,000 bytes, whatever it holds."""

    def files(self, folder: str) -> list[Entry]:
        return [Entry(name=entry.name, size=1000) for entry in super().files(folder)]


class WebDavListingSmaller(WebDavTransport):
    def files(self, folder: str) -> list[Entry]:
        return [Entry(name=entry.name, size=1000) for entry in super().files(folder)]


def test_a_folder_that_holds_more_than_it_listed_is_cut_at_the_limit(world, monkeypatch):
    lan, coordinator, root = world
    monkeypatch.setattr(network_pull, "BUNDLE_LIMIT", 2_000_000)  # a small import limit: the test copies up to it
    lying = f"{lan.site_id}/bundles/{'d' * 64}.fkb"
    sparse(root / lying, 50_000_000)
    limits: list[int] = []

    class Watched(ListingSmaller):
        def fetch(self, path: str, target: Path, *, limit: int) -> None:
            limits.append(limit)
            super().fetch(path, target, limit=limit)

    [refused] = sync(coordinator, Watched(root)).imported
    assert limits == [2_000_000]
    assert refused.status == "rejected" and refused.path == lying
    assert refused.reason_en == (f"{lying} in the drop box sent more than a bundle may be (2 MB), though it was "
                                 "listed as 1 MB; nothing of it was kept.")
    assert list((coordinator.store.data_dir / "incoming").iterdir()) == []
    assert sync(coordinator, Watched(root)).imported == [] and limits == [2_000_000]  # not fetched again


def test_a_server_that_sends_more_than_it_listed_is_refused_at_the_limit(world, monkeypatch):
    lan, coordinator, root = world
    monkeypatch.setattr(network_pull, "BUNDLE_LIMIT", 2_000_000)
    lying = f"{lan.site_id}/bundles/{'c' * 64}.fkb"
    sparse(root / lying, 50_000_000)
    with running_wsgidav(root, users={"doan": "mật-khẩu"}) as url:
        transport = WebDavListingSmaller(url, user="doan", password="mật-khẩu", timeout=10)
        [refused] = sync(coordinator, transport).imported
        transport.close()
    assert refused.status == "rejected" and "sent more than a bundle may be (2 MB)" in refused.reason_en
    assert list((coordinator.store.data_dir / "incoming").iterdir()) == []


def test_with_room_on_the_disk_a_fetch_may_go_up_to_the_import_limit(world, monkeypatch):
    assert network_pull.BUNDLE_LIMIT == 0xFFFF_FFFF - 1  # what fieldkit.sync.archive.Limits lets the importer read
    lan, coordinator, root = world
    lan.save({"/data/staff": "4"})
    sync(lan, FolderTransport(root))
    monkeypatch.setattr(network_pull, "disk_usage", lambda path: shutil_usage(total=10**12, used=0, free=10**11))
    limits: list[int] = []

    class Watched(FolderTransport):
        def fetch(self, path: str, target: Path, *, limit: int) -> None:
            limits.append(limit)
            super().fetch(path, target, limit=limit)

    sync(coordinator, Watched(root))
    assert limits[0] == network_pull.BUNDLE_LIMIT  # the bundle (then the coordinator's receipt: 2 MB)
