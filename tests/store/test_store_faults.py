"""Faults a laptop in the field meets: a full disk, a read-only stick, a file another
program holds, a damaged file. Each is a StoreError naming the file, and nothing is lost."""

import errno
import os
import sqlite3
import subprocess

import pytest

from fieldkit.store import Store, StoreError
from fieldkit.store.errors import as_store_error
from tests.helpers.filesystems import small_filesystem
from tests.helpers.store_crash import integrity


def draft(text, draft_id="d1"):
    return {"draft_id": draft_id, "form_id": "f", "form_version": "1", "instance_xml": text}


def autosave(store, text, draft_id="d1"):
    return store.autosave_draft(draft_id=draft_id, make_draft=lambda: draft(text, draft_id))


def commit(store, record_id="r1", notes=""):
    return store.commit_revision(record_id=record_id, parents=[], form_id="f", form_version="1",
                                 data={"status": "draft", "answers": {"/data/notes": notes}, "commune": "00070"},
                                 author="Lan", action="save")


def limit_pages(store, pages=None):
    """SQLite's page limit: the file cannot grow past it, as on a full disk."""
    def limit(connection):
        count = pages or connection.execute("PRAGMA page_count").fetchone()[0]
        connection.execute(f"PRAGMA max_page_count = {count}")
    store.writer.call(limit, transaction=False)


def test_a_full_disk_refuses_the_autosave_and_keeps_the_previous_copy(tmp_path):
    with Store.open(data_dir=tmp_path) as store:
        autosave(store, "<data>before</data>").result()
        limit_pages(store)
        failed = autosave(store, "<data>" + "x" * 200_000 + "</data>")
        assert isinstance(failed.exception(), StoreError)
        assert failed.exception().kind == "disk_full"
        assert str(tmp_path / "fieldkit.sqlite3") in failed.exception().text("en")
        assert store.draft("d1")["instance_xml"] == "<data>before</data>"

        limit_pages(store, 1_073_741_823)  # space freed: the same write now succeeds
        autosave(store, "<data>" + "x" * 200_000 + "</data>").result()
        assert len(store.draft("d1")["instance_xml"]) == 200_013


def test_a_full_disk_refuses_a_revision_whole(tmp_path):
    with Store.open(data_dir=tmp_path) as store:
        limit_pages(store)
        with pytest.raises(StoreError) as refused:
            commit(store, notes="ghi chú " * 50_000).result()
        assert refused.value.kind == "disk_full"
        assert store.records() == [] and store.audit_log() == []
        with store.read() as connection:
            assert connection.execute("SELECT count(*) FROM revisions").fetchone() == (0,)


def test_a_really_full_filesystem_gives_the_same_message_and_a_sound_file(tmp_path):
    with small_filesystem(tmp_path / "stick", size="600k") as stick:
        with Store.open(data_dir=stick) as store:
            autosave(store, "<data>kept</data>").result()
            with pytest.raises(StoreError) as refused:
                for number in range(100):
                    store.put_blob(os.urandom(20_000) + bytes([number])).result()
            assert refused.value.kind == "disk_full"
            assert store.draft("d1")["instance_xml"] == "<data>kept</data>"
        assert integrity(stick / "fieldkit.sqlite3") == "ok"


def test_a_medium_turned_read_only_refuses_writes_and_keeps_reads(tmp_path):
    with Store.open(data_dir=tmp_path) as store:
        autosave(store, "<data>before</data>").result()
        store.writer.call(lambda connection: connection.execute("PRAGMA query_only = 1"), transaction=False)
        failed = autosave(store, "<data>after</data>")
        assert failed.exception().kind == "read_only"
        assert "read-only" in failed.exception().text("en")
        assert store.draft("d1")["instance_xml"] == "<data>before</data>"


def test_opening_a_data_folder_on_a_read_only_mount_says_so(tmp_path):
    with small_filesystem(tmp_path / "stick", size="2m") as stick:
        Store.open(data_dir=stick).close()
        subprocess.run(["mount", "-o", "remount,ro", str(stick)], check=True)
        with pytest.raises(StoreError) as refused:
            Store.open(data_dir=stick)
        assert refused.value.kind == "read_only"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes through permissions")
def test_opening_a_read_only_file_says_so(tmp_path):
    Store.open(data_dir=tmp_path).close()
    os.chmod(tmp_path / "fieldkit.sqlite3", 0o444)
    os.chmod(tmp_path, 0o555)
    try:
        with pytest.raises(StoreError) as refused:
            Store.open(data_dir=tmp_path)
        assert refused.value.kind == "read_only"
    finally:
        os.chmod(tmp_path, 0o755)


@pytest.fixture
def locked_elsewhere(tmp_path):
    """Another program holding the database with BEGIN EXCLUSIVE."""
    Store.open(data_dir=tmp_path).close()
    other = sqlite3.connect(tmp_path / "fieldkit.sqlite3", isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    yield other
    if other.in_transaction:
        other.execute("ROLLBACK")
    other.close()


def test_a_file_locked_by_another_program_refuses_the_write_until_released(tmp_path, locked_elsewhere):
    with pytest.raises(StoreError) as refused:
        Store.open(data_dir=tmp_path, busy_timeout_ms=100)
    assert refused.value.kind == "locked"
    locked_elsewhere.execute("ROLLBACK")

    with Store.open(data_dir=tmp_path, busy_timeout_ms=100) as store:
        locked_elsewhere.execute("BEGIN EXCLUSIVE")
        with pytest.raises(StoreError) as refused:
            commit(store).result()
        assert refused.value.kind == "locked"
        assert "another program" in refused.value.text("en")
        locked_elsewhere.execute("ROLLBACK")
        commit(store).result()
        assert len(store.records()) == 1


def test_a_damaged_file_is_refused_and_left_untouched(tmp_path):
    with Store.open(data_dir=tmp_path) as store:
        commit(store).result()
    database = tmp_path / "fieldkit.sqlite3"
    for leftover in tmp_path.glob("fieldkit.sqlite3-*"):
        leftover.unlink()
    database.write_bytes(b"this is not a database, just garbage " * 200)
    damaged = database.read_bytes()
    with pytest.raises(StoreError) as refused:
        Store.open(data_dir=tmp_path)
    assert refused.value.kind == "corrupt"
    assert "damaged" in refused.value.text("en")
    assert database.read_bytes() == damaged


def test_operating_system_faults_are_named_plainly():
    full = as_store_error(OSError(errno.ENOSPC, "No space left on device", "/media/usb/x"), "/media/usb")
    read_only = as_store_error(OSError(errno.EROFS, "Read-only file system"), "/media/usb")
    assert (full.kind, read_only.kind) == ("disk_full", "read_only")
    assert "/media/usb/x" in full.text("en")
    assert as_store_error(ValueError("not a storage fault"), "/x") is None


def test_a_file_whose_pages_were_overwritten_is_reported_as_damaged(tmp_path):
    with Store.open(data_dir=tmp_path) as store:
        for number in range(30):
            commit(store, f"r{number}").result()
        store.writer.call(lambda connection: connection.execute("PRAGMA wal_checkpoint(TRUNCATE)"),
                          transaction=False)
    database = tmp_path / "fieldkit.sqlite3"
    data = bytearray(database.read_bytes())
    data[4096 * 2: 4096 * 6] = b"\xff" * (4096 * 4)
    database.write_bytes(bytes(data))
    with pytest.raises(StoreError) as refused:
        with Store.open(data_dir=tmp_path) as store:
            store.records()
            with store.read() as connection:
                connection.execute("SELECT * FROM revisions").fetchall()
    assert refused.value.kind == "corrupt"
