"""Keys, signatures and bundle encryption.

- Signing: the device's Ed25519 key (fieldkit.store.identity) signs manifest.json.
- Encryption key pair: a separate X25519 key in `<data_dir>/device_x25519.pem` (0600),
  made on first use. Separate rather than converted from the Ed25519 key: `cryptography`
  offers no conversion, and one key per purpose keeps a weakness in one protocol from
  reaching the other. Its public half is published signed by the Ed25519 key (the public
  key file of `fieldkit keys export`), so an encryption key cannot be substituted.
- A bundle is sealed with a fresh random 32-byte key: each chunk and attachment with
  ChaCha20-Poly1305, a random nonce, and associated data naming the bundle's nonce and the
  member's path, so a chunk moved to another bundle or another place does not open. The
  key is wrapped for each recipient: ephemeral X25519 -> HKDF-SHA256 -> ChaCha20-Poly1305.
"""

from __future__ import annotations

import base64
import json
import os
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from fieldkit.errors import FieldkitError
from fieldkit.files import atomic_write
from fieldkit.store.errors import KEY_CORRUPT, StoreError, storage_errors
from fieldkit.store.identity import DeviceIdentity, fingerprint_of, site_id_of, verify_signature
from fieldkit.store.values import JsonObject
from fieldkit.sync import models

EXCHANGE_KEY_FILE = "device_x25519.pem"
KEY_FILE_FORMAT = models.KEY_FILE_FORMAT
ALGORITHM = models.ALGORITHM
_RAW = (serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def exchange_key(data_dir: Path) -> X25519PrivateKey:
    """This device's X25519 key, made (0600, written then renamed) on first use."""
    path = Path(data_dir) / EXCHANGE_KEY_FILE
    with storage_errors(path):
        if path.exists():
            try:
                key = serialization.load_pem_private_key(path.read_bytes(), password=None)
            except (ValueError, TypeError) as error:
                raise StoreError(KEY_CORRUPT, kind="key", path=path, detail=error) from None
            if not isinstance(key, X25519PrivateKey):
                raise StoreError(KEY_CORRUPT, kind="key", path=path, detail="not an X25519 key")
            return key
        key = X25519PrivateKey.generate()
        pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
        atomic_write(path, pem, private=True)
        return key


def exchange_public(key: X25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(*_RAW)


def public_key_document(*, identity: DeviceIdentity, exchange_public_key: bytes) -> JsonObject:
    """What `keys export` writes: enough to trust this device and to encrypt to it."""
    return {"format": KEY_FILE_FORMAT, "device_name": identity.device_name, "fingerprint": identity.fingerprint,
            "site_id": identity.site_id, "ed25519": b64(identity.public_key), "x25519": b64(exchange_public_key),
            "x25519_signature": b64(identity.sign(b"fieldkit-x25519:" + exchange_public_key))}


class KeyFileError(FieldkitError, ValueError):
    """A public key file that cannot be used: what and where; `text(lang)`, `str()` in the
    CLI language (a ValueError, as the callers expect)."""

    kind = "key_file"
    message_values = ("problem",)


def read_public_key_file(path: Path) -> JsonObject:
    """A public key file read and checked (read_public_key_document); OSError when it cannot
    be read, KeyFileError (a ValueError) for anything wrong in it."""
    data = Path(path).read_bytes()
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (ValueError, RecursionError) as error:  # UnicodeDecodeError, JSONDecodeError
        raise KeyFileError("{path} is not UTF-8 JSON ({detail})", path=path, detail=type(error).__name__) from None
    return read_public_key_document(document)


def read_public_key_document(document: object) -> JsonObject:  # parsed JSON, checked here
    """The checked document (public keys as bytes); KeyFileError (a ValueError) when it is
    not sound: its fields against fieldkit.sync.models.KeyFile, then its keys."""
    if not isinstance(document, dict) or document.get("format") != KEY_FILE_FORMAT:
        raise KeyFileError("not a fieldkit public key file")
    problem = models.problem_of(models.KeyFile, document)
    if problem is not None:
        raise KeyFileError("{field} {problem} (value: {found})", **problem.values())
    signing, exchange = unb64(document["ed25519"]), unb64(document["x25519"])
    if fingerprint_of(signing) != document["fingerprint"]:
        raise KeyFileError("the keys do not match the fingerprint")
    if not verify_signature(signing, unb64(document["x25519_signature"]), b"fieldkit-x25519:" + exchange):
        raise KeyFileError("the encryption key is not signed by the device key")
    return {**document, "ed25519": signing, "x25519": exchange, "site_id": site_id_of(signing)}


def new_bundle_key() -> bytes:
    return ChaCha20Poly1305.generate_key()


def associated_data(bundle_nonce: str, path: str) -> bytes:
    return f"fieldkit-bundle\x00{bundle_nonce}\x00{path}".encode("ascii")


def seal(key: bytes, data: bytes, *, aad: bytes) -> bytes:
    nonce = os.urandom(12)
    return nonce + ChaCha20Poly1305(key).encrypt(nonce, data, aad)


def open_sealed(key: bytes, sealed: bytes, *, aad: bytes) -> bytes:
    """The plaintext; InvalidTag when the key, the data or the associated data differ."""
    return ChaCha20Poly1305(key).decrypt(sealed[:12], sealed[12:], aad)


def _wrapping_key(shared: bytes, *, bundle_nonce: str, ephemeral: bytes, recipient: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=bundle_nonce.encode("ascii"),
                info=b"fieldkit-bundle-key" + ephemeral + recipient).derive(shared)


def wrap_key(bundle_key: bytes, *, recipient: JsonObject, bundle_nonce: str) -> JsonObject:
    """A recipients entry of the manifest: the bundle key sealed for one coordinator."""
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = exchange_public(ephemeral)
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient["x25519"]))
    wrapping = _wrapping_key(shared, bundle_nonce=bundle_nonce, ephemeral=ephemeral_public,
                             recipient=recipient["x25519"])
    return {"fingerprint": recipient["fingerprint"], "x25519": b64(recipient["x25519"]),
            "ephemeral": b64(ephemeral_public),
            "wrapped_key": b64(seal(wrapping, bundle_key, aad=associated_data(bundle_nonce, "key")))}


def unwrap_key(entry: JsonObject, *, private: X25519PrivateKey, bundle_nonce: str) -> bytes | None:
    """The bundle key from a recipients entry; None when this key cannot open it."""
    try:
        ephemeral = unb64(entry["ephemeral"])
        recipient = exchange_public(private)
        shared = private.exchange(X25519PublicKey.from_public_bytes(ephemeral))
        wrapping = _wrapping_key(shared, bundle_nonce=bundle_nonce, ephemeral=ephemeral, recipient=recipient)
        return open_sealed(wrapping, unb64(entry["wrapped_key"]), aad=associated_data(bundle_nonce, "key"))
    except (InvalidTag, ValueError, KeyError, TypeError):
        return None
