"""How a laptop proves who it is to a coordinator's `fieldkit serve` (docs/sync.md,
"A coordinator's laptop on the LAN"): every request is signed by the device's Ed25519
key, the key that signs its bundles, so trusting a device once covers both.

    401  WWW-Authenticate: Fieldkit nonce=<random, new at each server start>
         Authorization: Fieldkit key=<base64 public key>, body=<sha256 hex of the body>, sig=<base64>

The signature covers b"fieldkit-request:" and, one per line, the nonce, the method, the
path as sent, the Destination and Overwrite headers (a MOVE's target is what it
writes), and the body's SHA-256. The server checks the signature before reading the
body, then the body against its digest while reading it. A request replayed within one
server run can only store again what it stored (every write is a bundle named by its
digest, checked, or the device's own signed receipt); a new run's nonce ends replays.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol

from fieldkit.store.identity import fingerprint_of

SCHEME = "Fieldkit"
# a 403 for a key the coordinator does not trust (not for a folder the device may not write)
REFUSED_HEADER, NOT_TRUSTED_VALUE = "X-Fieldkit-Refused", "not-trusted"
# a 507: which room is missing, since what the laptop's user can do differs
OVER_QUOTA_VALUE = "over-quota"  # the device's files not yet taken in by the coordinator
LARGER_THAN_QUOTA_VALUE = "larger-than-quota"  # this one upload, were nothing else there
DISK_FULL_VALUE = "disk-full"  # the coordinator's disk
SIGNED_PREFIX = b"fieldkit-request:"
EMPTY_BODY_SHA256 = hashlib.sha256(b"").hexdigest()
_HEX64 = r"[0-9a-f]{64}"
_AUTHORIZATION = re.compile(rf"^{SCHEME} key=([A-Za-z0-9+/]{{43}}=), body=({_HEX64}), sig=([A-Za-z0-9+/]{{86}}==)$")
_CHALLENGE = re.compile(rf"\b{SCHEME} nonce=([A-Za-z0-9_-]{{16,64}})")


class Identity(Protocol):
    """What signing needs of a device identity (fieldkit.store.identity.DeviceIdentity)."""

    @property
    def public_key(self) -> bytes: ...

    def sign(self, message: bytes) -> bytes: ...


@dataclass(frozen=True, slots=True)
class SignedRequest:
    """An Authorization header taken apart (its signature not checked yet)."""

    public_key: bytes  # raw, 32 bytes: trust is checked by its fingerprint, which is all a
    body_sha256: str    # coordinator who typed a fingerprint knows of a laptop
    signature: bytes

    @property
    def fingerprint(self) -> str:
        return fingerprint_of(self.public_key)


def new_nonce() -> str:
    return secrets.token_urlsafe(24)


def challenge(nonce: str) -> str:
    """The WWW-Authenticate header a server sends with its 401."""
    return f"{SCHEME} nonce={nonce}"


def nonce_in(header: str | None) -> str | None:
    """The nonce of a WWW-Authenticate header, or None when it has no Fieldkit challenge."""
    found = _CHALLENGE.search(header or "")
    return found.group(1) if found else None


def signed_message(*, nonce: str, method: str, path: str, headers: Mapping[str, str], body_sha256: str) -> bytes:
    fields = (nonce, method, path, headers.get("Destination") or "", headers.get("Overwrite") or "", body_sha256)
    if any("\n" in field for field in fields):
        raise ValueError("a signed field holds a line break")
    return SIGNED_PREFIX + "\n".join(fields).encode("utf-8")


def parse_authorization(header: str | None) -> SignedRequest | None:
    """The parts of a Fieldkit Authorization header; None when it is missing or malformed."""
    found = _AUTHORIZATION.fullmatch((header or "").strip())
    if found is None:
        return None
    try:
        public_key = base64.b64decode(found.group(1), validate=True)
        signature = base64.b64decode(found.group(3), validate=True)
    except binascii.Error:
        return None
    if len(public_key) != 32 or len(signature) != 64:
        return None
    return SignedRequest(public_key=public_key, body_sha256=found.group(2), signature=signature)


class LanSigner:
    """Signs a WebDavTransport's requests with the device's key (WebDavTransport(signer=...));
    the transport sets `nonce` from the server's challenge."""

    def __init__(self, identity: Identity) -> None:
        self._identity = identity
        self.nonce: str | None = None

    def authorization(self, *, method: str, path: str, headers: Mapping[str, str], body_sha256: str) -> str:
        if self.nonce is None:
            raise ValueError("no nonce learnt from the server yet")
        message = signed_message(nonce=self.nonce, method=method, path=path, headers=headers, body_sha256=body_sha256)
        signature = base64.b64encode(self._identity.sign(message)).decode("ascii")
        key = base64.b64encode(self._identity.public_key).decode("ascii")
        return f"{SCHEME} key={key}, body={body_sha256}, sig={signature}"


def lan_signer(identity: Identity) -> LanSigner:
    """The signer for a remote that is a coordinator's `fieldkit serve`."""
    return LanSigner(identity)
