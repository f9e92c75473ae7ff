"""extract-signed(string, public_key): signed content, verified (ODK XForms spec).

`string` is base64 of an Ed25519 signature (64 bytes) followed by the message;
`public_key` is base64 of the raw 32-byte Ed25519 public key. The result is the
message (UTF-8) when the signature verifies with that key, else the empty string
(a bad signature, a wrong key, content that is not base64 or too short): as in
JavaRosa, a form can test `extract-signed(...) != ''` without an error stopping it.
Base64 is decoded leniently as JavaRosa does: characters outside the alphabet (line
breaks of a scanned code) are skipped.
"""

from __future__ import annotations

import base64
import binascii

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from fieldkit.forms.xpath.functions import Frame, builtin
from fieldkit.forms.xpath.values import XPathValue, to_string

_SIGNATURE_BYTES = 64
_KEY_BYTES = 32


@builtin("extract-signed", 2)
def extract_signed(f: Frame, contents: XPathValue, public_key: XPathValue) -> str:
    signed = _decode(to_string(contents))
    key = _decode(to_string(public_key))
    if signed is None or key is None or len(key) != _KEY_BYTES or len(signed) < _SIGNATURE_BYTES:
        return ""
    signature, message = signed[:_SIGNATURE_BYTES], signed[_SIGNATURE_BYTES:]
    try:
        Ed25519PublicKey.from_public_bytes(key).verify(signature, message)
    except (InvalidSignature, ValueError):
        return ""
    return message.decode("utf-8", errors="replace")


def _decode(text: str) -> bytes | None:
    try:
        return base64.b64decode(text, validate=False)
    except (binascii.Error, ValueError):
        return None
