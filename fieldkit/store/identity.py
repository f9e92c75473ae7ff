"""The device identity: an Ed25519 key made on first run, kept in a private PEM file,
and the device's name ("Laptop 3 — Đoàn 5"), kept beside it.

The key signs every revision and bundle this laptop makes; coordinators trust it by its
fingerprint. Losing it silently would make the laptop a stranger, so a key file that
others can read or that is damaged is refused (StoreError) rather than replaced.

The name is what people read beside the fingerprint (the devices screen, `fieldkit keys
show`, every bundle's signed manifest). Until someone chooses one it is the host's name,
which two laptops set up from one image share; a name is no part of any signature, so
changing it changes nothing a receiver verifies.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import platform
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from fieldkit.files import atomic_write, private_folder
from fieldkit.store.errors import KEY_CORRUPT, KEY_PERMISSIONS, StoreError, storage_errors

KEY_FILE = "device_key.pem"
NAME_FILE = "device_name.txt"
NAME_LIMIT = 80  # characters: a table column and a line of `keys show`


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
        """The folder's key (made on the first run) and name: `device_name` when given (and
        kept as the device's name if none was chosen yet), else the name chosen, else the
        host's."""
        path = data_dir / KEY_FILE
        private_key = _read_key(path) if path.exists() else _create_key(path)
        public_key = private_key.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        saved = saved_device_name(data_dir)
        if saved is None and device_name and clean_device_name(device_name):
            saved = save_device_name(data_dir, device_name)  # the name given at the first open is the device's
        return cls(
            site_id=site_id_of(public_key), fingerprint=fingerprint_of(public_key), public_key=public_key,
            device_name=device_name or saved or host_name(), _private_key=private_key,
        )


def host_name() -> str:
    """The name of a device nobody named: the host's (often the same on every laptop)."""
    return platform.node() or "fieldkit"


def clean_device_name(name: str) -> str:
    """`name` on one line, without control characters, spaces collapsed, at most
    NAME_LIMIT characters; "" when nothing readable is left."""
    printable = "".join(" " if unicodedata.category(char)[0] in "CZ" else char
                        for char in unicodedata.normalize("NFC", name))
    return " ".join(printable.split())[:NAME_LIMIT].strip()


def saved_device_name(data_dir: Path) -> str | None:
    """The name chosen for this device, or None when nobody chose one yet."""
    path = Path(data_dir) / NAME_FILE
    with storage_errors(path):
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
    return clean_device_name(text) or None


def save_device_name(data_dir: Path, name: str) -> str:
    """Keep `name` (cleaned) as this device's name; the name kept. ValueError when
    nothing readable is left of it."""
    cleaned = clean_device_name(name)
    if not cleaned:
        raise ValueError("a device name needs at least one letter or digit")
    path = Path(data_dir) / NAME_FILE
    with storage_errors(path):
        private_folder(path.parent)
        atomic_write(path, cleaned + "\n", private=True)
    return cleaned


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
