"""Step "revision hashes and signatures" and the read-only part of "stage".

Each line of a chunk must be a whole revision of the documented shape, whose rev_id is
the hash of its content and whose signature is its device's (the device's key comes from
the store or the manifest's `signers`, and must hash to the revision's site_id: a team
lead relays others' revisions without being able to alter them). Staging checks them
against what the store holds: a different revision under the same (site_id, seq) is
tampering; new revisions of a revoked device are refused.

`check_lines` is the pure part (no database, no bundle): the importer runs it in a worker
process when that pays (fieldkit.sync.pipeline), so its arguments and result pickle.
"""

from __future__ import annotations

import base64
import io
import json
import sqlite3
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from fieldkit.store import holdings, trust
from fieldkit.store.hlc import beyond_any_clock
from fieldkit.store.identity import site_belongs_to, site_id_of
from fieldkit.store.revisions import record_data, revision_id_and_data
from fieldkit.store.values import RevisionDict
from fieldkit.sync import crypto, models
from fieldkit.sync.errors import (
    BAD_REVISION,
    BAD_REVISION_FIELD,
    BAD_REVISION_SIGNATURE,
    CLOCK_ERROR,
    REVOKED_REVISION,
    BundleError,
)

if TYPE_CHECKING:
    from fieldkit.sync.bundle import Bundle


Problem = tuple[str, dict[str, Any]]  # a message template and its values (fieldkit.sync.errors)


@dataclass
class CheckedLines:
    """What `check_lines` found in a chunk: its revisions and rev_id -> data's canonical
    JSON text (each revision parsed and encoded once; the importer keeps both for the
    commit), or the first problem as (message, values)."""
    revisions: list[RevisionDict] = field(default_factory=list)
    data_texts: dict[str, str] = field(default_factory=dict)
    problem: Problem | None = None


_KEYS: dict[bytes, Ed25519PublicKey] = {}  # raw key -> loaded key, for this process's lifetime


def check_lines(lines: bytes, keys: dict[str, bytes], *, slim: bool = False) -> CheckedLines:
    """Decode, shape, rev_id and signature of every line, stopping at the first problem.
    `keys`: site_id -> raw Ed25519 public key. `slim`: each revision's `data` cut to
    `record_data` (its whole text is in data_texts), ten times cheaper to send between
    processes; what needs the whole revision reads it back from the text."""
    checked = CheckedLines()
    for number, line in enumerate(io.BytesIO(lines), start=1):  # a line at a time, not a list of them
        try:
            revision = json.loads(line)
        except (ValueError, RecursionError):
            checked.problem = (BAD_REVISION, {"detail": f"line {number}: not JSON"})
            return checked
        checked.problem = _line_problem(revision, number)
        if checked.problem:
            return checked
        try:
            rev_id, data_text = revision_id_and_data(revision)
        except (ValueError, RecursionError):  # a text in `data` that UTF-8 cannot hold (a lone surrogate)
            checked.problem = _unencodable(revision, number)
            return checked
        checked.problem = _identity_problem(revision, rev_id, keys)
        if checked.problem:
            return checked
        checked.data_texts[rev_id] = data_text
        if slim:
            revision = {**revision, "data": record_data(revision["data"])}
        checked.revisions.append(revision)  # its shape checked by models.Revision
    return checked


def _line_problem(revision: Any, number: int) -> Problem | None:  # Any: JSON not checked yet
    """The revision's fields against fieldkit.sync.models.Revision."""
    problem = models.problem_of(models.Revision, revision)
    if problem is None:  # a well-formed time beyond the year 9999 is a clock error (fieldkit.store.hlc)
        return (CLOCK_ERROR, {"line": number, "hlc": revision["hlc"]}) if beyond_any_clock(revision["hlc"]) else None
    return BAD_REVISION_FIELD, {"line": number, **problem.values()}


def _unencodable(revision: RevisionDict, number: int) -> Problem:
    try:
        location = models.unencodable_field(revision["data"], ("data",)) or ("data",)
    except RecursionError:
        location = ("data",)
    return BAD_REVISION_FIELD, {"line": number, "field": models.field_name(location), "problem": models.NOT_UNICODE,
                                "found": models.shown(models.value_at(revision, location))}


def _identity_problem(revision: RevisionDict, rev_id: str, keys: dict[str, bytes]) -> Problem | None:
    if rev_id != revision["rev_id"]:
        return BAD_REVISION, {"detail": f"{revision['rev_id']} does not match its content"}
    raw = keys.get(revision["site_id"])
    try:
        if raw is None:
            raise InvalidSignature()
        if raw not in _KEYS:
            _KEYS[raw] = _public(raw)
        _KEYS[raw].verify(base64.b64decode(revision["sig"], validate=True), bytes.fromhex(rev_id))
    except (InvalidSignature, ValueError):
        return BAD_REVISION_SIGNATURE, {"rev_id": rev_id}
    return None


def whole(revision: RevisionDict, data_texts: Mapping[str, str] | None) -> RevisionDict:
    """A revision with its whole `data` (a slim one's comes back from its text)."""
    if data_texts is None or revision["rev_id"] not in data_texts:
        return revision
    return {**revision, "data": json.loads(data_texts[revision["rev_id"]])}


class RevisionChecker:
    """A bundle's checked chunks staged against the store (reads only), in order."""

    def __init__(self, connection: sqlite3.Connection, bundle: Bundle) -> None:
        self.connection = connection
        self.bundle = bundle
        self.count = 0
        self.newest_hlc: dict[str, str] = {}
        self.tampering: list[tuple[str, RevisionDict]] = []  # (rev_id kept, the other revision, whole)
        self._seen: dict[tuple[str, int], str] = {}
        self._revoked = trust.revoked_sites(connection)
        self.keys = manifest_keys(bundle.manifest) | trust.site_keys(connection)  # the store's first

    def _fail(self, message: str, name: str, **values: object) -> BundleError:
        return BundleError(message, step="revision", lang=None, path=self.bundle.path, name=name, **values)

    def stage(self, name: str, checked: CheckedLines) -> None:
        """Raises the chunk's problem if it had one; else stages its revisions."""
        if checked.problem:
            message, values = checked.problem
            raise self._fail(message, name, **values)
        for revision in checked.revisions:
            site = revision["site_id"]
            self.newest_hlc[site] = max(self.newest_hlc.get(site, ""), revision["hlc"])
        self.count += len(checked.revisions)
        self._stage(name, checked.revisions, checked.data_texts)

    def _stage(self, name: str, revisions: list[RevisionDict], data_texts: dict[str, str]) -> None:
        """Same (site_id, seq), other content, within the bundle or against the store."""
        by_site: defaultdict[str, list[RevisionDict]] = defaultdict(list)
        for revision in revisions:
            slot = (revision["site_id"], revision["seq"])
            earlier = self._seen.setdefault(slot, revision["rev_id"])
            if earlier != revision["rev_id"]:
                self.tampering.append((earlier, whole(revision, data_texts)))
            by_site[revision["site_id"]].append(revision)
        for site, group in by_site.items():
            held = holdings.received_slots(self.connection, site_id=site, low=min(r["seq"] for r in group),
                                           high=max(r["seq"] for r in group))
            for revision in group:
                kept = held.get(revision["seq"])
                if kept is not None and kept != revision["rev_id"]:
                    self.tampering.append((kept, whole(revision, data_texts)))
                elif kept is None and site in self._revoked:
                    raise self._fail(REVOKED_REVISION, name, site_id=site)


def manifest_keys(manifest: Mapping[str, Any]) -> dict[str, bytes]:
    """site_id -> raw key of the manifest's signer and the `signers` it lists (those that
    are keys at all: a revision needing a broken one fails its signature check)."""
    keys: dict[str, bytes] = {}
    for signer in [{"public_key": manifest.get("public_key"), "site_id": manifest.get("site_id")},
                   *(manifest.get("signers") or [])]:
        try:
            key = crypto.unb64(signer["public_key"])
            _public(key)
            declared = signer.get("site_id")
        except (KeyError, TypeError, ValueError, AttributeError):
            continue
        keys.setdefault(site_id_of(key), key)
        if site_belongs_to(declared, key):  # a later site of the same key (fieldkit.store.sites)
            keys.setdefault(declared, key)
    return keys


def _public(raw: bytes) -> Ed25519PublicKey:
    return Ed25519PublicKey.from_public_bytes(raw)
