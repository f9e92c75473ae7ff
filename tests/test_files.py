"""fieldkit.files: a target holds the whole new content or the old one, and nothing is left beside it."""

import errno
import os
import stat

import pytest

from fieldkit import files
from fieldkit.files import atomic_path, atomic_write, atomic_writer
from tests.helpers.filesystems import small_filesystem


def names(folder):
    return sorted(path.name for path in folder.iterdir())


def mode(path):
    return stat.S_IMODE(path.stat().st_mode)


def test_bytes_and_text_arrive_whole(tmp_path):
    atomic_write(tmp_path / "a.bin", bytes(range(256)) * 1000)
    atomic_write(tmp_path / "b.txt", "Biên bản làm việc\n")
    assert (tmp_path / "a.bin").read_bytes() == bytes(range(256)) * 1000
    assert (tmp_path / "b.txt").read_text(encoding="utf-8") == "Biên bản làm việc\n"
    assert names(tmp_path) == ["a.bin", "b.txt"]


def test_a_streamed_file_replaces_the_old_one_whole(tmp_path):
    target = tmp_path / "bundle.fkb"
    target.write_bytes(b"old")
    with atomic_writer(target) as file:
        for chunk in range(100):
            file.write(bytes([chunk]) * 1000)
        assert target.read_bytes() == b"old"  # until the block ends
    assert target.read_bytes() == b"".join(bytes([chunk]) * 1000 for chunk in range(100))
    assert names(tmp_path) == ["bundle.fkb"]


def test_a_file_written_by_name_replaces_the_old_one(tmp_path):
    target = tmp_path / "export.sqlite"
    target.write_bytes(b"old")
    with atomic_path(target) as temporary:
        assert temporary.parent == tmp_path and temporary.read_bytes() == b""
        temporary.write_bytes(b"new")
    assert target.read_bytes() == b"new"
    assert names(tmp_path) == ["export.sqlite"]


@pytest.mark.parametrize("durable", [True, False])
def test_a_writer_that_fails_leaves_the_old_file_and_no_temporary(tmp_path, durable):
    target = tmp_path / "key.pem"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError, match="stopped"):
        with atomic_writer(target, durable=durable) as file:
            file.write(b"half of it")
            raise RuntimeError("stopped")
    with pytest.raises(KeyboardInterrupt):
        with atomic_path(target, durable=durable) as temporary:
            temporary.write_bytes(b"half of it")
            raise KeyboardInterrupt
    assert target.read_bytes() == b"old"
    assert names(tmp_path) == ["key.pem"]


def test_a_failed_flush_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "out.pdf"
    target.write_bytes(b"the previous summary")

    def disk_full(descriptor):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", disk_full)
    with pytest.raises(OSError) as raised:
        atomic_write(target, b"%PDF-1.7 ...")
    assert raised.value.errno == errno.ENOSPC
    assert target.read_bytes() == b"the previous summary"
    assert names(tmp_path) == ["out.pdf"]


def test_a_full_disk_leaves_the_old_file_and_no_temporary(tmp_path):
    with small_filesystem(tmp_path / "stick", "64k") as stick:
        target = stick / "data.json"
        target.write_bytes(b"the old content")
        with pytest.raises(OSError) as raised:
            atomic_write(target, b"x" * 1024 * 1024)
        assert raised.value.errno == errno.ENOSPC
        with pytest.raises(OSError) as streamed:
            with atomic_writer(target) as file:
                while True:
                    file.write(b"x" * 4096)
        assert streamed.value.errno == errno.ENOSPC
        assert target.read_bytes() == b"the old content"
        assert names(stick) == ["data.json"]


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_private_files_are_0600_and_others_follow_the_umask(tmp_path):
    previous = os.umask(0o022)
    try:
        atomic_write(tmp_path / "key.pem", b"secret", private=True)
        atomic_write(tmp_path / "ledger.json", "{}", private=True, durable=False)
        with atomic_path(tmp_path / "copy.sqlite3", private=True):
            pass
        atomic_write(tmp_path / "summary.pdf", b"%PDF")
        os.umask(0o277)  # stricter than private: private is still exactly 0600
        atomic_write(tmp_path / "strict.pem", b"secret", private=True)
    finally:
        os.umask(previous)
    assert {name: oct(mode(tmp_path / name)) for name in names(tmp_path)} == {
        "copy.sqlite3": "0o600", "key.pem": "0o600", "ledger.json": "0o600", "strict.pem": "0o600",
        "summary.pdf": "0o644"}


def test_a_private_file_replacing_a_readable_one_is_private(tmp_path):
    target = tmp_path / "key.pem"
    target.write_bytes(b"old")
    target.chmod(0o644)
    atomic_write(target, b"new", private=True)
    assert mode(target) == 0o600 or os.name != "posix"
