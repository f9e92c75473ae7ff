"""A drop box in a folder (a network share, a synced folder): the transport contract, and
what only a folder can hold: links, FIFOs, a full or read-only file system, two writers."""

import os
import subprocess
import threading

import pytest

from fieldkit.sync.dropbox.folder import FolderTransport
from fieldkit.sync.dropbox.transport import DropBoxError
from tests.helpers import dropbox_contract
from tests.helpers.dropbox_contract import BUNDLE, SITE
from tests.helpers.filesystems import small_filesystem


@pytest.fixture
def drop_box(tmp_path):
    root = tmp_path / "share"
    root.mkdir()
    return root


@pytest.fixture
def scratch(tmp_path):
    folder = tmp_path / "local"
    folder.mkdir()
    return folder


@pytest.mark.parametrize("promise", dropbox_contract.PROMISES, ids=lambda promise: promise.__name__)
def test_the_folder_keeps_every_promise_of_the_contract(promise, drop_box, scratch):
    promise(FolderTransport(drop_box), scratch)


def test_a_link_in_the_drop_box_is_never_followed(drop_box, scratch):
    """A crafted drop box cannot make fieldkit read /etc/passwd or write outside it."""
    bundles = drop_box / SITE / "bundles"
    bundles.mkdir(parents=True)
    (bundles / "passwd.fkb").symlink_to("/etc/passwd")
    (drop_box / "etc").symlink_to("/etc", target_is_directory=True)
    transport = FolderTransport(drop_box)

    assert transport.files(f"{SITE}/bundles") == []
    assert transport.folders() == [SITE]
    for path in (f"{SITE}/bundles/passwd.fkb", "etc/passwd"):
        with pytest.raises(DropBoxError) as refused:
            transport.fetch(path, scratch / "stolen", limit=1 << 20)
        assert refused.value.reason == "bad_path"
    assert list(scratch.iterdir()) == []
    (scratch / "sent.fkb").write_bytes(b"bundle")
    with pytest.raises(DropBoxError) as refused:
        transport.put(scratch / "sent.fkb", "etc/written.fkb")
    assert refused.value.reason == "bad_path"
    assert not os.path.exists("/etc/written.fkb")


def test_listing_a_linked_folder_is_refused(drop_box):
    (drop_box / "etc").symlink_to("/etc", target_is_directory=True)
    with pytest.raises(DropBoxError) as refused:
        FolderTransport(drop_box).files("etc")
    assert refused.value.reason == "bad_path"
    assert "etc" in str(refused.value)


def test_a_fifo_in_the_drop_box_is_left_out_and_never_blocks_a_fetch(drop_box, scratch):
    bundles = drop_box / SITE / "bundles"
    bundles.mkdir(parents=True)
    os.mkfifo(bundles / "waiting.fkb")
    transport = FolderTransport(drop_box)

    assert transport.files(f"{SITE}/bundles") == []
    with pytest.raises(DropBoxError) as refused:
        transport.fetch(f"{SITE}/bundles/waiting.fkb", scratch / "fetched", limit=100)
    assert refused.value.reason == "bad_path"
    assert list(scratch.iterdir()) == []


def test_a_missing_drop_box_is_unreachable(tmp_path, scratch):
    transport = FolderTransport(tmp_path / "unplugged")
    for operation in (transport.folders, lambda: transport.files(SITE),
                      lambda: transport.put(scratch / "any", BUNDLE)):
        with pytest.raises(DropBoxError) as refused:
            operation()
        assert refused.value.reason == "unreachable"
        assert "unplugged" in str(refused.value)


def test_a_full_drop_box_says_so_and_leaves_no_temporary_file(tmp_path, scratch):
    big = scratch / "big.fkb"
    big.write_bytes(os.urandom(600_000))
    with small_filesystem(tmp_path / "share", size="400k") as share:
        transport = FolderTransport(share)
        with pytest.raises(DropBoxError) as refused:
            transport.put(big, BUNDLE)
        assert refused.value.reason == "full"
        assert BUNDLE.rsplit("/", 1)[1] in str(refused.value)
        assert os.listdir(share / SITE / "bundles") == []


def test_a_read_only_drop_box_is_forbidden_and_still_read(tmp_path, scratch):
    sent = scratch / "sent.fkb"
    sent.write_bytes(b"bundle")
    with small_filesystem(tmp_path / "share") as share:
        FolderTransport(share).put(sent, BUNDLE)
        subprocess.run(["mount", "-o", "remount,ro", str(share)], check=True)
        transport = FolderTransport(share)
        with pytest.raises(DropBoxError) as refused:
            transport.put(sent, f"{SITE}/receipt.json")
        assert refused.value.reason == "forbidden"
        assert "receipt.json" in str(refused.value)
        transport.fetch(BUNDLE, scratch / "fetched.fkb", limit=100)
        assert (scratch / "fetched.fkb").read_bytes() == b"bundle"


def test_two_writers_of_one_bundle_leave_one_whole_file(drop_box, scratch):
    data = {number: bytes([number]) * 300_000 for number in range(8)}
    sources = {number: scratch / f"{number}.fkb" for number in data}
    for number, source in sources.items():
        source.write_bytes(data[number])
    results: list[bool] = []
    start = threading.Barrier(len(sources))

    def write(number):
        start.wait()
        results.append(FolderTransport(drop_box).put(sources[number], BUNDLE))

    writers = [threading.Thread(target=write, args=(number,)) for number in sources]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join()

    assert sorted(results) == [False] * 7 + [True]
    stored = (drop_box / BUNDLE).read_bytes()
    assert stored in data.values()
    assert os.listdir(drop_box / SITE / "bundles") == [BUNDLE.rsplit("/", 1)[1]]


def test_a_file_system_without_hard_links_still_never_replaces(drop_box, scratch, monkeypatch):
    """exFAT and many SMB shares refuse os.link: put falls back to a checked rename."""
    def no_links(*_args, **_kwargs):
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    dropbox_contract.put_of_an_existing_name_leaves_it(FolderTransport(drop_box), scratch)
    assert os.listdir(drop_box / SITE / "bundles") == [BUNDLE.rsplit("/", 1)[1]]
