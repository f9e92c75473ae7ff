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
