"""Issue 10, items 10 and 15: the data folder is private; faults say what they are.

Item 10: after real commands the data folder is 0700 and every file fieldkit wrote in it
(database, its -wal and -shm, the copy made before a migration, the key) is 0600, under
the usual umask 022. Item 15: a full disk during `submit` says the disk is full; a first
start that fails leaves no empty `device_key.pem`, nor its temporary file.
"""

import os
import sqlite3
import stat

import pytest

from fieldkit.store.migrations import _apply
from tests.helpers.filesystems import small_filesystem
from tests.helpers.reliability_cli import fieldkit, submit

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX modes")


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_data_folder_and_its_files_are_private(tmp_path):
    os.umask(0o022)
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    connection = sqlite3.connect(data_dir / "fieldkit.sqlite3", isolation_level=None)  # a version-1 file,
    _apply(connection, 1)  # as an older fieldkit left it: the upgrade copies it first
    connection.close()
    listed = fieldkit(data_dir, "records")
    assert listed.returncode == 0, listed.stderr
    os.chmod(data_dir, 0o755)  # a folder made readable by hand is made private again
    assert submit(data_dir).returncode == 0
    assert mode(data_dir) == 0o700
    files = [path for path in data_dir.rglob("*") if path.is_file()]
    assert {"fieldkit.sqlite3", "device_key.pem", "fieldkit.before-v2.sqlite3"} <= {path.name for path in files}
    assert {path.name: oct(mode(path)) for path in files if mode(path) & 0o077} == {}


def test_a_full_disk_during_submit_says_the_disk_is_full(tmp_path):
    answers = tmp_path / "answers.json"
    answers.write_text('{"/data/total_staff": 12}')
    with small_filesystem(tmp_path / "stick", "1m") as stick:
        data_dir = stick / "data"
        assert submit(data_dir).returncode == 0
        with sqlite3.connect(data_dir / "fieldkit.sqlite3") as connection:
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # closed cleanly: no -shm file left
        with open(stick / "filler", "wb", buffering=0) as filler:
            with pytest.raises(OSError):
                while True:
                    filler.write(b"x" * 1024)
        result = fieldkit(data_dir, "submit", "commune_staffing", "--answers", answers, "--commune", "00070")
        assert result.returncode == 2 and "The disk is full" in result.stderr, result.stderr
        assert "disk I/O error" not in result.stderr


def test_a_failed_first_start_leaves_no_partial_key(tmp_path):
    with small_filesystem(tmp_path / "stick", "64k") as stick:
        with open(stick / "filler", "wb", buffering=0) as filler:
            with pytest.raises(OSError):
                while True:
                    filler.write(b"x" * 1024)
        data_dir = stick / "data"
        result = fieldkit(data_dir, "records")
        assert result.returncode == 2 and "The disk is full" in result.stderr, result.stderr
        assert [path.name for path in data_dir.glob("*device_key.pem*")] == []  # nor its temporary file
