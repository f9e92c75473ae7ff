"""Step "revision hashes and signatures" and the read-only part of "stage".

Each line of a chunk must be a whole revision of the documented shape, whose rev_id is
the hash of its content and whose signature is its device's (the device's key comes from
the store or the manifest's `signers`, and must hash to the revision's site_id: a team
lead relays others' revisions without being able to alter them). Staging checks them
against what the store holds: a different revision under the same (site_id, seq) is
tampering; new revisions of a revoked device are refused.
"""

from __future__ import annotations

import base64
import json
import re
import sqlite3
from collections import defaultdict

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from fieldkit.store.hlc import parse_hlc
from fieldkit.store.identity import site_id_of
from fieldkit.store.revisions import REVISION_FIELDS, revision_id_and_data
from fieldkit.sync import crypto, trust
from fieldkit.sync.errors import BAD_REVISION, BAD_REVISION_SIGNATURE, REVOKED_REVISION, BundleError

_HEX64 = re.compile(r"[0-9a-f]{64}")
_HEX32 = re.compile(r"[0-9a-f]{32}")
_TYPES = {"rev_id": str, "record_id": str, "parents": list, "site_id": str, "seq": int, "hlc": str, "form_id": str,
          "form_version": str, "data": dict, "deleted": bool, "author": str, "sig": str}


def check_shape(revision) -> str | None:
    """What is wrong with a decoded revision's shape, or None."""
    if not isinstance(revision, dict) or set(revision) != set(REVISION_FIELDS):
        return "not a revision"
    for name, kind in _TYPES.items():
        if not isinstance(revision[name], kind) or (kind is int and isinstance(revision[name], bool)):
            return f"{name} is not a {kind.__name__}"
    if not _HEX64.fullmatch(revision["rev_id"]) or not _HEX32.fullmatch(revision["site_id"]):
        return "malformed identifiers"
    if revision["seq"] < 1 or not 0 < len(revision["record_id"]) <= 200:
        return "malformed seq or record_id"
    if not all(isinstance(parent, str) and _HEX64.fullmatch(parent) for parent in revision["parents"]):
        return "malformed parents"
    if revision["parents"] != sorted(set(revision["parents"])):
        return "parents not sorted"
    try:
        parse_hlc(revision["hlc"])
    except ValueError:
        return "malformed hlc"
    return None


class RevisionChecker:
    def __init__(self, connection: sqlite3.Connection, bundle):
        self.connection = connection
        self.bundle = bundle
        self.count = 0
        self.newest_hlc: dict[str, str] = {}
        self.tampering: list[tuple[str, dict]] = []  # (rev_id kept, the other revision)
        self._seen: dict[tuple[str, int], str] = {}
        self._revoked = trust.revoked_sites(connection)
        self._keys = {site: _public(key) for site, key in trust.site_keys(connection).items()}
        for signer in [{"public_key": bundle.manifest["public_key"]}, *(bundle.manifest.get("signers") or [])]:
            try:
                key = crypto.unb64(signer["public_key"])
                self._keys.setdefault(site_id_of(key), _public(key))
            except (KeyError, TypeError, ValueError):
                pass  # a revision needing this key fails its signature check below

    def _fail(self, message: str, name: str, **values) -> BundleError:
        return BundleError(message, step="revision", path=self.bundle.path, name=name, **values)

    def check_chunk(self, name: str, lines: bytes) -> tuple[list[dict], dict[str, str]]:
        """The chunk's revisions, parsed and checked, and rev_id -> data's canonical JSON
        text (kept by the importer for the commit: each revision is parsed and encoded once)."""
        revisions, data_texts = [], {}
        for line in lines.splitlines():
            try:
                revision = json.loads(line)
            except (ValueError, RecursionError):
                raise self._fail(BAD_REVISION, name, detail="not JSON") from None
            problem = check_shape(revision)
            if problem:
                raise self._fail(BAD_REVISION, name, detail=problem)
            data_texts[revision["rev_id"]] = self._check_identity(name, revision)
            revisions.append(revision)
        self._stage(name, revisions)
        return revisions, data_texts

    def _check_identity(self, name: str, revision: dict) -> str:
        """Checks the rev_id and the signature; the data's canonical JSON text."""
        rev_id, data_text = revision_id_and_data(revision)
        if rev_id != revision["rev_id"]:
            raise self._fail(BAD_REVISION, name, detail=f"{revision['rev_id']} does not match its content")
        key = self._keys.get(revision["site_id"])
        try:
            if key is None:
                raise InvalidSignature()
            key.verify(base64.b64decode(revision["sig"], validate=True), bytes.fromhex(revision["rev_id"]))
        except (InvalidSignature, ValueError):
            raise self._fail(BAD_REVISION_SIGNATURE, name, rev_id=revision["rev_id"]) from None
        self.count += 1
        site = revision["site_id"]
        self.newest_hlc[site] = max(self.newest_hlc.get(site, ""), revision["hlc"])
        return data_text

    def _stage(self, name: str, revisions: list[dict]) -> None:
        """Same (site_id, seq), other content, within the bundle or against the store."""
        by_site = defaultdict(list)
        for revision in revisions:
            slot = (revision["site_id"], revision["seq"])
            earlier = self._seen.setdefault(slot, revision["rev_id"])
            if earlier != revision["rev_id"]:
                self.tampering.append((earlier, revision))
            by_site[revision["site_id"]].append(revision)
        for site, group in by_site.items():
            held = self._held(site, min(r["seq"] for r in group), max(r["seq"] for r in group))
            for revision in group:
                kept = held.get(revision["seq"])
                if kept is not None and kept != revision["rev_id"]:
                    self.tampering.append((kept, revision))
                elif kept is None and site in self._revoked:
                    raise self._fail(REVOKED_REVISION, name, site_id=site)

    def _held(self, site: str, low: int, high: int) -> dict[int, str]:
        held = {}
        for table in ("pending_revisions", "revisions"):
            held.update(self.connection.execute(
                f"SELECT seq, rev_id FROM {table} WHERE site_id = ? AND seq BETWEEN ? AND ?", (site, low, high)))
        return held


def _public(raw: bytes) -> Ed25519PublicKey:
    return Ed25519PublicKey.from_public_bytes(raw)
