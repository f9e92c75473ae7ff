"""Exporting what the receiver has not acknowledged, as one bundle.

Incremental by default: for each device (site_id), the revisions numbered after what the
receiver acknowledged. Acknowledgements arrive in bundles: every manifest carries the
sender's `acknowledges` vector (per site, the seq up to which it holds everything), and
importing a peer's bundle records it (fieldkit.store.acknowledgements). With no peer
named, the export covers what *every* known peer has not acknowledged; with no peer
known yet, everything. Nothing is ever skipped on a guess: a lost stick costs a bigger
bundle next time, never data. `full=True` exports everything; an explicit `acknowledged`
vector (a drop box's coverage, fieldkit.services.network_sync) says itself what to leave out.

Revisions go out in the order they were stored (rowid), which is an order where parents
come first, so a receiver rarely needs to hold any as pending. Memory stays bounded: the
rows are read and chunked as they are written.
"""

from __future__ import annotations

import base64
import sqlite3
from collections.abc import Collection, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import fieldkit
from fieldkit.store.acknowledgements import acknowledged as acknowledged_by
from fieldkit.store.holdings import holdings
from fieldkit.store.outgoing import form_document, revisions_beyond
from fieldkit.store.revisions import canonical_json
from fieldkit.store.snapshot import snapshot
from fieldkit.store.tables import get_blob
from fieldkit.store.trust import site_keys
from fieldkit.store.values import Revision
from fieldkit.sync.bundle import write_bundle

if TYPE_CHECKING:
    from fieldkit.store import Store

CHUNK_BYTES = 4 << 20  # JSON lines per chunk before compression: one transaction each on import


class _Collector:
    """Follows the revisions as they stream into chunks: what the manifest must list."""

    def __init__(self) -> None:
        self.content: dict[str, list[int]] = {}
        self.count = 0
        self.attachments: set[str] = set()
        self.forms: set[tuple[str, str]] = set()
        self.sites: set[str] = set()

    def chunks(self, revisions: Iterator[Revision]) -> Iterator[bytes]:
        lines: list[bytes] = []
        size = 0
        for revision in revisions:
            self._note(revision)
            line = canonical_json(revision.as_dict())
            lines.append(line)
            size += len(line) + 1
            if size >= CHUNK_BYTES:
                yield b"\n".join(lines) + b"\n"
                lines, size = [], 0
        if lines:
            yield b"\n".join(lines) + b"\n"

    def _note(self, revision: Revision) -> None:
        self.count += 1
        first, last = self.content.get(revision.site_id, [revision.seq, revision.seq])
        self.content[revision.site_id] = [min(first, revision.seq), max(last, revision.seq)]
        self.attachments.update(revision.attachments.values())
        self.forms.add((revision.form_id, revision.form_version))
        self.sites.add(revision.site_id)


def export_bundle(store: Store, out: Path, *, full: bool = False, peer: str | None = None,
                  recipients: list[dict[str, Any]] | None = None, author: str = "",
                  acknowledged: Mapping[str, int] | None = None,
                  forms: Collection[tuple[str, str]] = ()) -> dict[str, Any]:
    """Write a bundle of what `peer` (or every known peer) lacks to `out`, or of every
    revision beyond `acknowledged` when given; its manifest (with "bundle_id" and "count").
    `forms`: (form_id, version) pairs carried even when no revision uses them (form releases,
    fieldkit.services.form_releases): a bundle may then hold forms and no revision.
    Read from one snapshot, so the writer thread and the GUI go on while it is written;
    raises StoreError when the medium fails (nothing is left at `out` but a complete,
    verified bundle)."""
    if acknowledged is not None and (full or peer is not None):
        raise ValueError("export_bundle takes `acknowledged`, or `full`/`peer`, not both")
    with snapshot(store) as connection:  # one state for revisions, blobs and forms alike
        if acknowledged is None:
            acknowledged = {} if full else acknowledged_by(connection, peer=peer)
        collector = _Collector()

        def blobs() -> Iterator[tuple[str, bytes]]:
            for digest in sorted(collector.attachments):
                data = get_blob(connection, digest)
                if data is not None:
                    yield digest, data

        manifest = write_bundle(
            Path(out), chunks=collector.chunks(revisions_beyond(connection, acknowledged=acknowledged)),
            header=lambda: _header(store, connection, collector, acknowledged=dict(acknowledged), author=author),
            forms=lambda: _forms(connection, collector.forms | set(forms)), blobs=blobs, sign=store.identity.sign,
            recipients=recipients)
    return {**manifest, "count": collector.count}


def _forms(connection: sqlite3.Connection, wanted: set[tuple[str, str]]) -> list[dict[str, object]]:
    forms: list[dict[str, object]] = []
    for form_id, version in sorted(wanted):
        document = form_document(connection, form_id=form_id, version=version)
        if document is not None:  # a revision of a form this store never held travels without it
            forms.append({"form_id": form_id, "version": version, "title": document.title, "xform": document.xform})
    return forms


def _header(store: Store, connection: sqlite3.Connection, collector: _Collector, *, acknowledged: dict[str, int],
            author: str) -> dict[str, Any]:
    identity = store.identity
    keys = site_keys(connection)
    relayed = sorted(collector.sites - {identity.site_id})
    return {
        "site_id": identity.site_id, "device_name": identity.device_name, "author": author or identity.device_name,
        "key": identity.fingerprint, "public_key": base64.b64encode(identity.public_key).decode("ascii"),
        "app_version": fieldkit.__version__, "schema_version": store.schema_version, "created": store.clock.now(),
        "content": collector.content, "count": collector.count,
        "prerequisites": {site: seq for site, seq in sorted(acknowledged.items()) if site in collector.sites},
        "acknowledges": holdings(connection),
        # keys of the devices whose revisions are relayed, so the receiver can check them
        "signers": [{"site_id": site, "public_key": base64.b64encode(bytes(keys[site])).decode("ascii")}
                    for site in relayed if site in keys],
    }
