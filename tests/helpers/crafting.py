"""Making hostile bundles from real ones: a manifest or revision lines changed, then signed
again (by the real device, or by a throwaway key), as an attacker with a trusted key or
none would. Text is written with JSON escapes, so a lone surrogate (`\\ud800`) travels as
the six ASCII bytes an attacker would write.

Import as `from tests.helpers.crafting import ...`.
"""

from __future__ import annotations

import base64
import hashlib
import json
import zlib
from collections.abc import Callable
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from fieldkit.sync.archive import ArchiveReader, ArchiveWriter


def escaped_json(value) -> bytes:
    """Canonical JSON as fieldkit writes it, except that non-ASCII text is escaped, so any
    str (a lone surrogate too) can be written."""
    try:
        return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode("ascii")


def members(path: Path) -> dict[str, bytes]:
    with ArchiveReader(path) as archive:
        return {name: archive.read(name) for name in archive.members}


def write_members(path: Path, contents: dict[str, bytes]) -> Path:
    with open(path, "wb") as file:
        writer = ArchiveWriter(file)
        for name, data in contents.items():
            writer.add(name, data)
        writer.finish()
    return path


class Throwaway:
    """A key nobody trusts: what anyone can make."""

    def __init__(self):
        self._key = Ed25519PrivateKey.generate()
        self.public_key = self._key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        self.fingerprint = hashlib.sha256(self.public_key).hexdigest()

    def sign(self, message: bytes) -> bytes:
        return self._key.sign(message)


def resign_with(manifest: dict, signer) -> dict:
    """The manifest naming `signer` (a Throwaway or a DeviceIdentity) as its key."""
    return {**manifest, "key": signer.fingerprint, "public_key": base64.b64encode(signer.public_key).decode("ascii")}


def rewrite(source: Path, target: Path, *, sign: Callable[[bytes], bytes],
            manifest: Callable[[dict], dict] = lambda value: value,
            chunk: Callable[[str, list[bytes]], list[bytes]] | None = None,
            manifest_bytes: Callable[[bytes], bytes] = lambda data: data) -> Path:
    """`source` with each chunk's lines through `chunk(name, lines)` (files listed again with
    their new hashes), the manifest through `manifest`, its bytes through `manifest_bytes`,
    then signed by `sign`. Unencrypted bundles only."""
    contents = members(source)
    document = json.loads(contents.pop("manifest.json"))
    contents.pop("manifest.sig")
    if chunk is not None:
        for name in [name for name in contents if name.startswith("revisions/")]:
            lines = zlib.decompress(contents[name]).splitlines()
            contents[name] = zlib.compress(b"\n".join(chunk(name, lines)) + b"\n")
        document["files"] = [{**entry, "sha256": hashlib.sha256(contents[entry["path"]]).hexdigest(),
                              "size": len(contents[entry["path"]])} for entry in document["files"]]
    data = manifest_bytes(escaped_json(manifest(document)))
    contents["manifest.json"] = data
    contents["manifest.sig"] = sign(data)
    return write_members(target, contents)


def revision_body_bytes(revision: dict) -> bytes:
    body = {name: value for name, value in revision.items() if name not in ("rev_id", "sig")}
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode(
        "utf-8", "surrogatepass")


def resigned_line(revision: dict, sign: Callable[[bytes], bytes]) -> bytes:
    """A revision line with rev_id and sig made again for its (maybe hostile) content, as
    the device that holds the key would make them."""
    try:
        rev_id = hashlib.sha256(revision_body_bytes(revision)).hexdigest()
    except (TypeError, ValueError):
        rev_id = "0" * 64
    signed = {**revision, "rev_id": rev_id, "sig": base64.b64encode(sign(bytes.fromhex(rev_id))).decode("ascii")}
    return escaped_json(signed)


# -- devices and what an import may change -----------------------------------------------------

XFORM = '<h:html xmlns:h="http://www.w3.org/1999/xhtml"><h:head><h:title>Hạ tầng</h:title></h:head></h:html>'
# what an import writes; a rejection leaves every one as it was (quarantine and tampering
# rows are the records of *why* a bundle was refused, so they are not compared)
TABLES = ("revisions", "pending_revisions", "records", "peer_acks", "bundles_imported", "forms", "blobs")


def laptop(root: Path, name: str = "lan"):
    """A Device (tests/helpers/sync_devices.py) holding the form its revisions use."""
    from fieldkit.store.tables import put_form
    from tests.helpers.sync_devices import FORM, Device

    device = Device(root, name)
    device.store.writer.call(lambda connection: put_form(connection, form_id=FORM, version="1",
                                                         title={"vi": "Hạ tầng"}, xform=XFORM, source_sha256=None))
    return device


def snapshot(data_dir: Path) -> dict[str, list]:
    """Every row of the tables an import writes, read from the file (WAL included)."""
    import contextlib
    import sqlite3

    with contextlib.closing(sqlite3.connect(Path(data_dir) / "fieldkit.sqlite3")) as connection:
        return {table: sorted(map(repr, connection.execute(f"SELECT * FROM {table}"))) for table in TABLES}
