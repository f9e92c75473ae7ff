"""The `.fkb` bundle (DESIGN.md §5): writing, and the checks that need no database.

Members: revisions/NNNN.jsonl (zlib-compressed JSON lines, one
canonical revision each; sealed when encrypted), blobs/<sha256> (sealed when encrypted),
forms/<sha256>.xml, then manifest.json (canonical JSON) and manifest.sig (Ed25519 over manifest.json's
bytes). The manifest is written last because it lists every other member's SHA-256 and
size; the reader finds it through the ZIP directory. `bundle_id` = SHA-256 of
manifest.json. A write goes to a temporary file, is fsynced, renamed, then re-read and
verified: USB sticks lie about what they stored.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from fieldkit.files import atomic_writer
from fieldkit.store.errors import storage_errors
from fieldkit.store.identity import fingerprint_of, verify_signature
from fieldkit.store.revisions import canonical_json
from fieldkit.store.values import JsonObject
from fieldkit.sync import crypto, models
from fieldkit.sync.archive import ArchiveReader, ArchiveWriter, Limits
from fieldkit.sync.errors import (
    BAD_MANIFEST,
    BAD_MANIFEST_FIELD,
    BAD_SIGNATURE,
    CHUNK_TOO_LARGE,
    FORM_NOT_TEXT,
    HASH_MISMATCH,
    MISSING_MEMBER,
    NEWER_FORMAT,
    NOT_FOR_US,
    UNLISTED_MEMBER,
    WRONG_KEY,
    BundleError,
)

FORMAT = "fieldkit-bundle"
FORMAT_VERSION = 1
_COMPRESSION_LEVEL = 1  # JSON lines shrink about 5x even at level 1; higher levels cost export time


@dataclass
class Bundle:
    """A bundle file that passed the size limits and whose manifest is signed by the key it names."""
    path: Path
    archive: ArchiveReader
    manifest: JsonObject  # checked against models.Manifest (open_bundle)
    bundle_id: str
    public_key: bytes
    files: dict[str, JsonObject] = field(default_factory=dict)  # path -> {sha256, size}

    @property
    def fingerprint(self) -> str:
        fingerprint: str = self.manifest["key"]
        return fingerprint

    @property
    def chunk_names(self) -> list[str]:
        return sorted(name for name in self.files if name.startswith("revisions/"))

    def close(self) -> None:
        self.archive.close()

    def __enter__(self) -> Bundle:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


# -- writing ---------------------------------------------------------------------------------

def write_bundle(path: Path, *, chunks: Iterable[bytes], header: Callable[[], JsonObject],
                 forms: Callable[[], list[JsonObject]], blobs: Callable[[], Iterable[tuple[str, bytes]]],
                 sign: Callable[[bytes], bytes], recipients: list[JsonObject] | None = None) -> JsonObject:
    """Write a bundle atomically; its manifest (with "bundle_id"). `chunks` are JSON-lines
    texts, consumed first (streamed); then `blobs()` gives (sha256, bytes), `forms()`
    {form_id, version, title, xform} and `header()` the manifest's other fields: they
    depend on what the chunks held. `recipients`: checked public key documents
    (crypto.read_public_key_document) to encrypt to."""
    path = Path(path)
    nonce = secrets.token_hex(16)  # also makes every bundle_id unique, even for equal content
    key = crypto.new_bundle_key() if recipients else None
    with storage_errors(path):
        with atomic_writer(path) as file:
            manifest = _write_members(ArchiveWriter(file), header=header, forms=forms, chunks=chunks, blobs=blobs,
                                      sign=sign, nonce=nonce, key=key, recipients=recipients or [])
        with open_bundle(path) as written:  # re-read from the medium: what a receiver will see
            check_version(written)
            check_hashes(written)
    return manifest


def _write_members(writer: ArchiveWriter, *, header: Callable[[], JsonObject], forms: Callable[[], list[JsonObject]],
                   chunks: Iterable[bytes], blobs: Callable[[], Iterable[tuple[str, bytes]]],
                   sign: Callable[[bytes], bytes], nonce: str, key: bytes | None,
                   recipients: list[JsonObject]) -> JsonObject:
    files: list[JsonObject] = []
    form_entries: list[JsonObject] = []

    def add(name: str, data: bytes) -> None:
        writer.add(name, data)
        files.append({"path": name, "sha256": hashlib.sha256(data).hexdigest(), "size": len(data)})

    for number, lines in enumerate(chunks, start=1):
        name = f"revisions/{number:04d}.jsonl"
        packed = zlib.compress(lines, _COMPRESSION_LEVEL)
        add(name, crypto.seal(key, packed, aad=crypto.associated_data(nonce, name)) if key else packed)
    for digest, data in blobs():
        name = f"blobs/{digest}"
        add(name, crypto.seal(key, data, aad=crypto.associated_data(nonce, name)) if key else data)
    for form in forms():
        xform = form["xform"].encode("utf-8")
        digest = hashlib.sha256(xform).hexdigest()
        if f"forms/{digest}.xml" not in {entry["path"] for entry in files}:
            add(f"forms/{digest}.xml", xform)
        form_entries.append({"form_id": form["form_id"], "version": form["version"], "sha256": digest,
                             "title": form.get("title") or {}})
    encryption: JsonObject | None = None
    if key:
        encryption = {"algorithm": crypto.ALGORITHM,
                      "recipients": [crypto.wrap_key(key, recipient=recipient, bundle_nonce=nonce)
                                     for recipient in recipients]}
    manifest = {**header(), "format": FORMAT, "format_version": FORMAT_VERSION, "bundle_nonce": nonce,
                "forms": form_entries, "files": files, "encryption": encryption}
    manifest_bytes = canonical_json(manifest)
    writer.add("manifest.json", manifest_bytes)
    writer.add("manifest.sig", sign(manifest_bytes))
    writer.finish()
    return {**manifest, "bundle_id": hashlib.sha256(manifest_bytes).hexdigest()}


# -- reading: size limits, then the signature ------------------------------------------------

def open_bundle(path: Path, *, limits: Limits = Limits()) -> Bundle:
    """Steps "size" and "signature": the archive's shape and declared sizes, then the
    manifest's signature by the key the manifest names. Raises BundleError."""
    archive = ArchiveReader(Path(path), limits=limits)
    try:
        for name in ("manifest.json", "manifest.sig"):
            if name not in archive.members:
                raise BundleError(MISSING_MEMBER, step="size", path=path, name=name)
        manifest_bytes = archive.read("manifest.json")
        manifest = _parse_manifest(manifest_bytes, path)
        public_key = _signer_key(manifest, path)
        if not verify_signature(public_key, archive.read("manifest.sig"), manifest_bytes):
            raise BundleError(BAD_SIGNATURE, step="signature", path=path)
        return Bundle(path=Path(path), archive=archive, manifest=manifest,
                      bundle_id=hashlib.sha256(manifest_bytes).hexdigest(), public_key=public_key)
    except BaseException:
        archive.close()
        raise


def _parse_manifest(data: bytes, path: Path) -> JsonObject:
    """The manifest, checked against its model (fieldkit.sync.models) before anything of it
    is used: a lone surrogate or a wrong type is a refusal naming the field, never a crash."""
    try:
        manifest = json.loads(data.decode("utf-8"))
    except (ValueError, UnicodeDecodeError, RecursionError) as error:
        raise BundleError(BAD_MANIFEST, step="size", path=path, detail=type(error).__name__) from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BundleError(BAD_MANIFEST, step="size", path=path, detail="not a fieldkit bundle manifest")
    version = manifest.get("format_version")
    newer = type(version) is int and version > FORMAT_VERSION  # only what check_version needs to say so
    problem = models.problem_of(models.ManifestHeader if newer else models.Manifest, manifest)
    if problem is not None:
        raise BundleError(BAD_MANIFEST_FIELD, step="size", path=path, **problem.values())
    try:
        canonical = canonical_json(manifest)
    except (ValueError, RecursionError):  # UnicodeEncodeError included: a newer format's field we do not read
        canonical = None
    if canonical != data:  # one spelling only: what was signed is what is read
        raise BundleError(BAD_MANIFEST, step="size", path=path, detail="not canonical JSON")
    return manifest


def _signer_key(manifest: JsonObject, path: Path) -> bytes:
    try:
        public_key = crypto.unb64(manifest["public_key"])
    except (KeyError, ValueError, TypeError, AttributeError):
        raise BundleError(BAD_MANIFEST, step="signature", path=path, detail="no signing key") from None
    if len(public_key) != 32 or fingerprint_of(public_key) != manifest.get("key"):
        raise BundleError(BAD_SIGNATURE, step="signature", path=path)
    return public_key


# -- versions, then every member's hash ------------------------------------------------------

def check_version(bundle: Bundle) -> None:
    """Step "versions": a newer format is refused with a message to update the app. The
    manifest's fields were checked when it was read; here, that each form it lists is one
    of its files."""
    version = bundle.manifest["format_version"]
    if version > FORMAT_VERSION:
        raise BundleError(NEWER_FORMAT, step="version", path=bundle.path, version=version)
    bundle.files = {entry["path"]: entry for entry in bundle.manifest["files"]}
    for number, form in enumerate(bundle.manifest["forms"]):
        if f"forms/{form['sha256']}.xml" not in bundle.files:
            raise BundleError(BAD_MANIFEST_FIELD, step="version", path=bundle.path, field=f"forms[{number}].sha256",
                              problem=models.NOT_LISTED, found=form["sha256"])


def check_hashes(bundle: Bundle, *, progress: Callable[[int], None] | None = None) -> None:
    """Step "chunk hashes": every member is listed with its size and SHA-256, and matches."""
    listed = set(bundle.files)
    present = set(bundle.archive.members) - {"manifest.json", "manifest.sig"}
    for name in sorted(present - listed):
        raise BundleError(UNLISTED_MEMBER, step="hash", path=bundle.path, name=name)
    for name in sorted(listed - present):
        raise BundleError(MISSING_MEMBER, step="hash", path=bundle.path, name=name)
    for name in sorted(listed):
        data = member_bytes(bundle, name)
        if name.startswith("forms/") and not _is_utf8(data):
            raise BundleError(FORM_NOT_TEXT, step="hash", path=bundle.path, name=name)
        if progress:
            progress(bundle.files[name]["size"])


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def member_bytes(bundle: Bundle, name: str) -> bytes:
    """A member's stored bytes, checked against the manifest (size before reading)."""
    entry = bundle.files[name]
    if bundle.archive.members[name].size != entry.get("size"):
        raise BundleError(HASH_MISMATCH, step="hash", path=bundle.path, name=name)
    data = bundle.archive.read(name)
    if hashlib.sha256(data).hexdigest() != entry.get("sha256"):
        raise BundleError(HASH_MISMATCH, step="hash", path=bundle.path, name=name)
    return data


# -- decrypting ------------------------------------------------------------------------------

def bundle_key(bundle: Bundle, *, exchange_private: X25519PrivateKey | None) -> bytes | None:
    """Step "decrypt": the bundle key (None: not encrypted)."""
    encryption = bundle.manifest.get("encryption")
    if encryption is None:
        return None
    if exchange_private is None:
        raise BundleError(NOT_FOR_US, step="decrypt", path=bundle.path)
    ours = crypto.b64(crypto.exchange_public(exchange_private))
    entries = [entry for entry in encryption.get("recipients", []) if entry.get("x25519") == ours]
    if not entries:
        raise BundleError(NOT_FOR_US, step="decrypt", path=bundle.path)
    key = crypto.unwrap_key(entries[0], private=exchange_private, bundle_nonce=bundle.manifest["bundle_nonce"])
    if key is None:
        raise BundleError(WRONG_KEY, step="decrypt", path=bundle.path, name="key")
    return key


def _unseal(bundle: Bundle, name: str, data: bytes, key: bytes | None) -> bytes:
    if key is None:
        return data
    try:
        return crypto.open_sealed(key, data, aad=crypto.associated_data(bundle.manifest["bundle_nonce"], name))
    except (InvalidTag, ValueError):
        raise BundleError(WRONG_KEY, step="decrypt", path=bundle.path, name=name) from None


def chunk_lines(bundle: Bundle, name: str, *, key: bytes | None) -> bytes:
    """A revisions chunk, hash-checked, decrypted and decompressed within the limit."""
    packed = _unseal(bundle, name, member_bytes(bundle, name), key)
    limit = bundle.archive.limits.chunk_expanded
    inflater = zlib.decompressobj()
    try:
        lines = inflater.decompress(packed, limit + 1)
    except zlib.error:
        raise BundleError(WRONG_KEY if key else HASH_MISMATCH, step="decrypt", path=bundle.path, name=name) from None
    if len(lines) > limit or inflater.unconsumed_tail or not inflater.eof:
        raise BundleError(CHUNK_TOO_LARGE, step="decrypt", path=bundle.path, name=name, limit=limit)
    return lines


def blob_bytes(bundle: Bundle, name: str, *, key: bytes | None) -> bytes:
    data = _unseal(bundle, name, member_bytes(bundle, name), key)
    if hashlib.sha256(data).hexdigest() != name.removeprefix("blobs/"):
        raise BundleError(HASH_MISMATCH, step="decrypt", path=bundle.path, name=name)
    return data
