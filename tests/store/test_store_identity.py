"""The device identity: made once, private, never silently replaced."""

import os
import stat

import pytest

from fieldkit.store import Store, StoreError
from fieldkit.store.identity import KEY_FILE, DeviceIdentity, fingerprint_of, verify_signature


def test_first_run_makes_a_private_ed25519_key(tmp_path):
    identity = DeviceIdentity.load_or_create(tmp_path, device_name="Laptop 1")
    key_file = tmp_path / KEY_FILE
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert key_file.read_text().startswith("-----BEGIN PRIVATE KEY-----")
    assert len(identity.public_key) == 32
    assert identity.fingerprint == fingerprint_of(identity.public_key)
    assert identity.site_id == identity.fingerprint[:32]
    assert identity.device_name == "Laptop 1"


def test_later_runs_keep_the_same_identity(tmp_path):
    first = DeviceIdentity.load_or_create(tmp_path)
    second = DeviceIdentity.load_or_create(tmp_path)
    assert second.site_id == first.site_id


def test_signatures_verify_with_the_public_key(tmp_path):
    identity = DeviceIdentity.load_or_create(tmp_path)
    signature = identity.sign(b"revision")
    assert verify_signature(identity.public_key, signature, b"revision")
    assert not verify_signature(identity.public_key, signature, b"tampered")


def test_a_key_others_can_read_is_refused(tmp_path):
    DeviceIdentity.load_or_create(tmp_path)
    os.chmod(tmp_path / KEY_FILE, 0o644)
    with pytest.raises(StoreError) as refused:
        DeviceIdentity.load_or_create(tmp_path)
    assert refused.value.kind == "key"
    assert "chmod 600" in refused.value.text("en")


def test_a_damaged_key_is_refused_not_replaced(tmp_path):
    DeviceIdentity.load_or_create(tmp_path)
    key_file = tmp_path / KEY_FILE
    key_file.write_text("-----BEGIN PRIVATE KEY-----\ngarbage\n-----END PRIVATE KEY-----\n")
    with pytest.raises(StoreError) as refused:
        Store.open(data_dir=tmp_path)
    assert refused.value.kind == "key"
    assert "garbage" in key_file.read_text()


def test_the_store_knows_its_own_device_as_trusted(tmp_path):
    with Store.open(data_dir=tmp_path, device_name="Laptop 1") as store:
        with store.read() as connection:
            rows = connection.execute("SELECT site_id, name, trusted, public_key FROM devices").fetchall()
        assert rows == [(store.identity.site_id, "Laptop 1", 1, store.identity.public_key)]


def test_a_device_bears_the_host_name_until_someone_names_it(tmp_path, monkeypatch):
    from fieldkit.store.identity import saved_device_name
    from fieldkit.store.naming import rename_device

    monkeypatch.setattr("platform.node", lambda: "vm")
    with Store.open(data_dir=tmp_path) as store:
        assert store.identity.device_name == "vm" and saved_device_name(tmp_path) is None
        assert rename_device(store, "  Laptop 3 —\tĐoàn 5\n") == "Laptop 3 — Đoàn 5"
        assert store.identity.device_name == "Laptop 3 — Đoàn 5"
        with store.read() as connection:
            assert connection.execute("SELECT DISTINCT name FROM devices").fetchall() == [("Laptop 3 — Đoàn 5",)]
        [renamed] = [row for row in store.audit_log() if row["action"] == "device_name"]
        assert renamed["detail"] == {"name": "Laptop 3 — Đoàn 5", "previous": "vm"}
    with Store.open(data_dir=tmp_path) as store:
        assert store.identity.device_name == "Laptop 3 — Đoàn 5"


def test_a_name_with_nothing_readable_is_refused(tmp_path):
    from fieldkit.store.identity import NAME_LIMIT, clean_device_name, save_device_name

    with pytest.raises(ValueError):
        save_device_name(tmp_path, " \n\t\u200b ")
    assert clean_device_name("Laptop\n3\x00") == "Laptop 3"
    assert len(clean_device_name("x" * 500)) == NAME_LIMIT


def test_a_name_given_at_the_first_open_is_kept(tmp_path, monkeypatch):
    monkeypatch.setattr("platform.node", lambda: "vm")
    with Store.open(data_dir=tmp_path, device_name="Laptop 2 — Đoàn 5"):
        pass
    with Store.open(data_dir=tmp_path) as store:
        assert store.identity.device_name == "Laptop 2 — Đoàn 5"
