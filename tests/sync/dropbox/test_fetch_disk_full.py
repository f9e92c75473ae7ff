"""This computer's disk filling during a fetch (ENOSPC, from a folder drop box or wsgidav):
the reason is "disk_full" (not the drop box's "full"), the partial copy is removed, and a
sync pass says the same and completes next time."""

import contextlib
import errno
import os
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

import pytest

from fieldkit import files
from fieldkit.services.network_sync import sync_once
from fieldkit.sync.dropbox import folder, webdav
from fieldkit.sync.dropbox.transport import DropBoxError
from tests.helpers.network_world import drop_box_of, laptop_and_coordinator, sync

SITE = "0123456789abcdef0123456789abcdef"
BUNDLE = f"{SITE}/bundles/a.fkb"


class FillingFile:
    """A real file that takes `room` bytes, then fails as a full disk does."""

    def __init__(self, file: BinaryIO, *, room: int) -> None:
        self.file, self.room = file, room

    def write(self, data: bytes) -> int:
        if len(data) > self.room:
            self.file.write(data[:self.room])
            self.file.flush()  # the partial copy really is on the disk
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        self.room -= len(data)
        return self.file.write(data)


@pytest.fixture
def disk_fills(monkeypatch):
    """Every download fills the disk after 1,000 bytes (the writer both transports use)."""
    state = {"room": 1000}

    @contextlib.contextmanager
    def filling_writer(target: Path, **options: bool) -> Iterator[FillingFile]:
        with files.atomic_writer(target, **options) as file:
            yield FillingFile(file, room=state["room"])

    for module in (folder, webdav):
        monkeypatch.setattr(module, "atomic_writer", filling_writer)
    return state


@pytest.mark.parametrize("kind", ["folder", "wsgidav"])
def test_a_fetch_onto_a_full_disk_says_so_and_leaves_nothing(kind, tmp_path, disk_fills):
    (tmp_path / "box" / SITE / "bundles").mkdir(parents=True)
    (tmp_path / "box" / BUNDLE).write_bytes(b"z" * 600_000)
    received = tmp_path / "received"
    received.mkdir()
    with drop_box_of(kind, tmp_path / "box") as open_transport:
        with pytest.raises(DropBoxError) as refused:
            open_transport().fetch(BUNDLE, received / "a.fkb", limit=10**6)
    assert refused.value.reason == "disk_full"
    assert refused.value.text("en") == (f"This computer's disk is full: {received / 'a.fkb'} could not be written, "
                                        "and nothing was kept of it. Free some space, then sync again.")
    assert refused.value.text("vi").startswith("Ổ đĩa của máy này đã đầy")
    assert list(received.iterdir()) == []


@pytest.mark.parametrize("kind", ["folder", "wsgidav"])
def test_a_pass_whose_fetch_fills_the_disk_says_disk_full_and_the_next_pass_completes(kind, tmp_path, monkeypatch,
                                                                                      disk_fills):
    with laptop_and_coordinator(tmp_path) as (lan, coordinator, root):
        lan.save({"/data/staff": "4"})
        disk_fills["room"] = 10**9
        sync(lan, folder.FolderTransport(root))  # only the coordinator's fetch is under test
        disk_fills["room"] = 1000
        with drop_box_of(kind, root) as open_transport:
            report = sync_once(coordinator.service, open_transport(), remote="hop")
            assert report.error is not None and report.error.reason == "disk_full", report.error
            assert "This computer's disk is too full to receive" in report.error.text("en")
            assert report.imported == []
            assert list((coordinator.store.data_dir / "incoming").iterdir()) == []

            disk_fills["room"] = 10**9  # space freed
            assert [imported.status for imported in sync(coordinator, open_transport()).imported] == ["imported"]
        assert coordinator.rev_ids() == lan.rev_ids()

