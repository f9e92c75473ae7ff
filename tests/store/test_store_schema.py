"""The file's schema: created on first open, migrated with a copy kept, refused when newer."""

import sqlite3

import pytest

from fieldkit import i18n
from fieldkit.store import Store, StoreError, migrations
from tests.helpers.store_crash import sqlite_rows


def test_a_new_data_folder_gets_a_database_in_wal_mode_at_the_latest_schema(tmp_path):
    with Store.open(data_dir=tmp_path) as store:
        assert store.path == tmp_path / "fieldkit.sqlite3"
        assert store.schema_version == migrations.latest_version()
    assert sqlite_rows(tmp_path / "fieldkit.sqlite3", "PRAGMA journal_mode") == [("wal",)]
    tables = {name for (name,) in sqlite_rows(tmp_path / "fieldkit.sqlite3",
                                              "SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"migrations", "settings", "devices", "forms", "revisions", "records", "blobs", "drafts",
            "audit"} <= tables


def test_each_migration_is_recorded_with_the_app_version(tmp_path):
    Store.open(data_dir=tmp_path).close()
    rows = sqlite_rows(tmp_path / "fieldkit.sqlite3", "SELECT version, app_version FROM migrations")
    latest = migrations.latest_version()
    assert rows == [(version, "0.1.0") for version in range(1, latest + 1)]
    assert sqlite_rows(tmp_path / "fieldkit.sqlite3", "PRAGMA user_version") == [(latest,)]


def test_reopening_applies_nothing_and_keeps_the_data(tmp_path):
    with Store.open(data_dir=tmp_path) as store:
        store.put_setting("visit", {"delegation": "Đoàn 1"}).result()
    with Store.open(data_dir=tmp_path) as store:
        assert store.setting("visit") == {"delegation": "Đoàn 1"}
    assert list(tmp_path.glob("*.before-v*")) == []


def test_a_migration_copies_the_file_first_with_what_the_wal_holds(tmp_path, monkeypatch):
    with Store.open(data_dir=tmp_path) as store:
        store.put_setting("kept", "before the upgrade").result()
    current = migrations.latest_version()

    def next_add_a_column(db):
        db["settings"].add_column("note", str)

    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, next_add_a_column])
    with Store.open(data_dir=tmp_path) as store:
        assert store.schema_version == current + 1

    copy = tmp_path / f"fieldkit.before-v{current + 1}.sqlite3"
    assert sqlite_rows(copy, "PRAGMA user_version") == [(current,)]
    assert sqlite_rows(copy, "SELECT value FROM settings WHERE key = 'kept'") == [('"before the upgrade"',)]
    versions = [row[0] for row in sqlite_rows(tmp_path / "fieldkit.sqlite3", "SELECT version FROM migrations")]
    assert versions == list(range(1, current + 2))


def test_a_failed_migration_leaves_the_file_at_the_old_version(tmp_path, monkeypatch):
    Store.open(data_dir=tmp_path).close()
    current = migrations.latest_version()

    def next_broken(db):
        db["settings"].add_column("note", str)
        raise RuntimeError("bug in the next migration")

    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, next_broken])
    with pytest.raises(RuntimeError, match="bug in the next migration"):
        Store.open(data_dir=tmp_path)
    assert sqlite_rows(tmp_path / "fieldkit.sqlite3", "PRAGMA user_version") == [(current,)]
    columns = [row[1] for row in sqlite_rows(tmp_path / "fieldkit.sqlite3", "PRAGMA table_info(settings)")]
    assert "note" not in columns


def test_a_file_from_a_newer_app_is_refused_untouched(tmp_path, monkeypatch):
    Store.open(data_dir=tmp_path).close()
    database = tmp_path / "fieldkit.sqlite3"
    with sqlite3.connect(database) as connection:
        connection.execute("PRAGMA user_version = 7")
    connection.close()
    before = database.read_bytes()

    monkeypatch.setattr(i18n, "_message_language", "en")  # as `fieldkit --lang en` sets it
    with pytest.raises(StoreError) as refused:
        Store.open(data_dir=tmp_path)
    assert refused.value.kind == "newer_schema"
    assert str(refused.value) == (f"This data was written by a newer fieldkit (schema 7); update the app. "
                                  f"File: {database}")
    assert refused.value.text("vi").startswith("Dữ liệu này do phiên bản fieldkit mới hơn ghi (lược đồ 7)")
    assert database.read_bytes() == before


def test_the_audit_log_cannot_be_changed_or_emptied(tmp_path):
    with Store.open(data_dir=tmp_path) as store:
        store.discard_draft("nothing", author="A").result()
        store.writer.call(lambda connection: connection.execute(
            "INSERT INTO audit (at, author, action) VALUES ('now', 'A', 'test')"))
        for statement in ("UPDATE audit SET author = 'B'", "DELETE FROM audit"):
            with pytest.raises(sqlite3.IntegrityError, match="append-only"):
                store.writer.call(lambda connection, statement=statement: connection.execute(statement))
        assert [row["author"] for row in store.audit_log()] == ["A"]
