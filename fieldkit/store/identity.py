"""The device identity: an Ed25519 key made on first run, kept in a private PEM file.

The key signs every revision and bundle this laptop makes; coordinators trust it by its
fingerprint. Losing it silently would make the laptop a stranger, so a key file that
others can read or that is damaged is refused (StoreError) rather than replaced.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import platform
import stat
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from fieldkit.files import atomic_write, private_folder
from fieldkit.store.errors import KEY_CORRUPT, KEY_PERMISSIONS, StoreError, storage_errors

KEY_FILE = "device_key.pem"


def fingerprint_of(public_key: bytes) -> str:
    """SHA-256 hex of the raw 32-byte public key."""
    return hashlib.sha256(public_key).hexdigest()


def site_id_of(public_key: bytes) -> str:
    """The key's first site (a device whose database was reset or restored numbers its
    revisions as another site of the same key: fieldkit.store.sites)."""
    return fingerprint_of(public_key)[:32]


def site_belongs_to(site_id: str, public_key: bytes) -> bool:
    """Whether `site_id` is one of the key's sites (it starts with 20 hex digits of the
    key's fingerprint: 80 bits no other key can be made to match)."""
    from fieldkit.store.sites import BOUND_HEX

    return (isinstance(site_id, str) and len(site_id) == 32
            and site_id[:BOUND_HEX] == fingerprint_of(public_key)[:BOUND_HEX])


def verify_signature(public_key: bytes, signature: bytes, message: bytes) -> bool:
    from cryptography.exceptions import InvalidSignature

    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, message)
    except (InvalidSignature, ValueError):
        return False
    return True


@dataclass(frozen=True)
class DeviceIdentity:
    site_id: str
    fingerprint: str
    public_key: bytes  # raw, 32 bytes
    device_name: str
    _private_key: Ed25519PrivateKey = field(repr=False, compare=False)

    def sign(self, message: bytes) -> bytes:
        return self._private_key.sign(message)

    def with_site(self, site_id: str) -> DeviceIdentity:
        return dataclasses.replace(self, site_id=site_id)

    @classmethod
    def load_or_create(cls, data_dir: Path, *, device_name: str | None = None) -> DeviceIdentity:
        path = data_dir / KEY_FILE
        private_key = _read_key(path) if path.exists() else _create_key(path)
        public_key = private_key.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        return cls(
            site_id=site_id_of(public_key), fingerprint=fingerprint_of(public_key), public_key=public_key,
            device_name=device_name or platform.node() or "fieldkit", _private_key=private_key,
        )


def _read_key(path: Path) -> Ed25519PrivateKey:
    with storage_errors(path):
        mode = stat.S_IMODE(path.stat().st_mode)
        if os.name == "posix" and mode & 0o077:
            raise StoreError(KEY_PERMISSIONS, kind="key", path=path, mode=f"{mode:o}")
        data = path.read_bytes()
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError, UnsupportedAlgorithm) as error:
        raise StoreError(KEY_CORRUPT, kind="key", path=path, detail=error) from None
    if not isinstance(key, Ed25519PrivateKey):
        raise StoreError(KEY_CORRUPT, kind="key", path=path, detail="not an Ed25519 key")
    return key


def _create_key(path: Path) -> Ed25519PrivateKey:
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption())
    with storage_errors(path):
        private_folder(path.parent)
        # private (0600) from the first byte, then renamed: never a readable, half or empty key
        atomic_write(path, pem, private=True)
    return key
