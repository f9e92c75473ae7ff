"""`Store`: one SQLite file per device, its identity, its clock and its writer thread.

Writes go through `store.writer` (one thread, one connection, one transaction per
call); reads use pooled connections of their own (`with store.read() as connection:`),
which WAL lets run while the writer writes. Storage faults come out as StoreError.
"""

from __future__ import annotations

import contextlib
import queue
import sqlite3
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from pathlib import Path
from typing import Any

from fieldkit.files import private_folder
from fieldkit.store import database, sites, tables
from fieldkit.store import revisions as revs
from fieldkit.store.connection import BUSY_TIMEOUT_MS, open_connection
from fieldkit.store.errors import storage_errors
from fieldkit.store.hlc import HybridLogicalClock
from fieldkit.store.identity import KEY_FILE, DeviceIdentity
from fieldkit.store.migrations import migrate, schema_version
from fieldkit.store.private import private_database
from fieldkit.store.sites import IssuedLedger
from fieldkit.store.values import JsonObject, RecordRow, Revision
from fieldkit.store.writer import Writer

DATABASE_FILE = "fieldkit.sqlite3"


class Store:
    def __init__(self, *, path: Path, identity: DeviceIdentity, clock: HybridLogicalClock, writer: Writer,
                 schema: int, busy_timeout_ms: int, ledger: IssuedLedger | None = None):
        self.path = path
        self._ledger = ledger or IssuedLedger(identity.fingerprint)
        self.data_dir = path.parent
        self.identity = identity
        self.clock = clock
        self.writer = writer
        self.schema_version = schema
        self._busy_timeout_ms = busy_timeout_ms
        self._readers: queue.SimpleQueue[sqlite3.Connection] = queue.SimpleQueue()
        self._all_readers: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        self._closed = False

    @classmethod
    def open(cls, *, data_dir: Path, device_name: str | None = None,
             busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Store:
        """Open (create, migrate) `<data_dir>/fieldkit.sqlite3` and start its writer thread."""
        data_dir = Path(data_dir).absolute()  # messages name the file fully; SQLite URIs need it
        path = data_dir / DATABASE_FILE
        with storage_errors(data_dir):
            private_folder(data_dir)
        new_key = not (data_dir / KEY_FILE).exists()
        identity = DeviceIdentity.load_or_create(data_dir, device_name=device_name)
        ledger = IssuedLedger(identity.fingerprint)
        with storage_errors(path):
            new_database = database.prepare(path, busy_timeout_ms=busy_timeout_ms)
            setup = open_connection(path, busy_timeout_ms=busy_timeout_ms)
            try:
                migrate(setup, path)
                schema = schema_version(setup)
                site = sites.choose_site(setup, identity.fingerprint, ledger, new_database=new_database,
                                         new_key=new_key)
                last_hlc = database.clock_start(setup, site)
            finally:
                setup.close()
            private_database(path)
        writer = Writer(lambda: open_connection(path, busy_timeout_ms=busy_timeout_ms), path=path)
        store = cls(path=path, identity=identity.with_site(site), clock=HybridLogicalClock(last=last_hlc),
                    writer=writer, schema=schema, busy_timeout_ms=busy_timeout_ms, ledger=ledger)
        try:
            held = writer.call(store._adopt_site)
        except BaseException:
            store.close()
            raise
        ledger.record(site, held)
        return store

    def _adopt_site(self, connection: sqlite3.Connection) -> int:
        """Record this device (its current site) in the database; the highest seq held."""
        identity = self.identity
        tables.remember_device(connection, site_id=identity.fingerprint[:32], fingerprint=identity.fingerprint,
                               public_key=identity.public_key, name=identity.device_name, trusted=True)
        sites.adopt_site(connection, site_id=identity.site_id, fingerprint=identity.fingerprint,
                         public_key=identity.public_key, name=identity.device_name)
        return sites.highest_held(connection, identity.site_id)

    def _issuing_site(self, connection: sqlite3.Connection) -> str:
        """The site of the next revision: a new one if a peer acknowledged (or this user
        issued) numbers of the current site beyond what this database holds."""
        if sites.restored(connection, self.identity.site_id, self._ledger):
            self.identity = self.identity.with_site(sites.new_site_id(self.identity.fingerprint))
        if tables.get_setting(connection, sites.SITE_SETTING) != self.identity.site_id:
            self._adopt_site(connection)
        return self.identity.site_id

    def close(self) -> None:
        """Write what is queued, then close every connection. Safe to call twice."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
        self.writer.close()
        for connection in self._all_readers:
            connection.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- reading -------------------------------------------------------------------------

    @contextlib.contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        """A read connection for this thread's use inside the block (WAL: never blocked by
        the writer). Storage faults inside the block come out as StoreError."""
        try:
            connection = self._readers.get_nowait()
        except queue.Empty:
            with storage_errors(self.path):
                connection = open_connection(self.path, readonly=True, busy_timeout_ms=self._busy_timeout_ms,
                                             check_same_thread=False)
            with self._lock:
                self._all_readers.append(connection)
        try:
            with storage_errors(self.path):
                yield connection
        finally:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            self._readers.put(connection)

    def revision(self, rev_id: str) -> Revision | None:
        with self.read() as connection:
            return revs.get_revision(connection, rev_id)

    def revisions_of(self, record_id: str) -> list[Revision]:
        with self.read() as connection:
            return sorted(revs.record_revisions(connection, record_id), key=lambda rev: (rev.hlc, rev.rev_id))

    def record(self, record_id: str) -> RecordRow | None:
        with self.read() as connection:
            return revs.get_record(connection, record_id)

    def records(self, *, include_deleted: bool = False, **equal_to: str | None) -> list[RecordRow]:
        """Record rows, most recently updated first; keyword arguments keep the rows whose
        column equals the value (form_id=..., commune=..., province=..., status=...)."""
        with self.read() as connection:
            return revs.select_records(connection, include_deleted=include_deleted, equal_to=equal_to)

    def drafts(self) -> list[tables.Row]:
        with self.read() as connection:
            return tables.draft_rows(connection)

    def draft(self, draft_id: str) -> tables.Row | None:
        with self.read() as connection:
            return tables.get_draft(connection, draft_id)

    def blob(self, digest: str) -> bytes | None:
        with self.read() as connection:
            return tables.get_blob(connection, digest)

    def setting(self, key: str, default: Any = None) -> Any:
        """A setting's JSON value, or `default`."""
        with self.read() as connection:
            return tables.get_setting(connection, key, default)

    def audit_log(self, record_id: str | None = None) -> list[tables.Row]:
        with self.read() as connection:
            return tables.audit_rows(connection, record_id)

    # -- writing (each returns a Future completed by the writer thread) -------------------

    def put_setting(self, key: str, value: object) -> Future[None]:
        return self.writer.submit(lambda connection: tables.put_setting(connection, key, value))

    def put_blob(self, data: bytes) -> Future[str]:
        return self.writer.submit(lambda connection: tables.put_blob(connection, data))

    def autosave_draft(self, *, draft_id: str, make_draft: Callable[[], tables.Row | None],
                       blobs: dict[str, bytes] | None = None,
                       on_commit: Callable[[tables.Row | None], None] | None = None) -> Future[tables.Row | None]:
        """Write a working copy; `make_draft()` runs on the writer thread and returns the
        draft row (None: nothing to write). Coalesced: of several autosaves of one draft
        waiting in the queue, only the latest is written. `blobs` (sha256 -> bytes), files
        the copy names that are not stored yet, are written in the same transaction."""
        def write(connection: sqlite3.Connection) -> tables.Row | None:
            for data in (blobs or {}).values():
                tables.put_blob(connection, data)
            draft = make_draft()
            if draft is not None:
                tables.put_draft(connection, draft)
            return draft

        return self.writer.submit(write, key=("draft", draft_id), on_commit=on_commit)

    def discard_draft(self, draft_id: str, *, author: str) -> Future[bool]:
        def discard(connection: sqlite3.Connection) -> bool:
            draft = tables.get_draft(connection, draft_id)
            if draft is not None and tables.delete_draft(connection, draft_id):
                tables.audit(connection, author=author, action="discard", record_id=draft["record_id"],
                             detail={"draft_id": draft_id, "form_id": draft["form_id"], "commune": draft["commune"]})
                return True
            return False

        return self.writer.submit(discard)

    def commit_revision(self, *, record_id: str, parents: list[str], form_id: str, form_version: str,
                        data: JsonObject, author: str, action: str, deleted: bool = False,
                        draft_id: str | None = None, blobs: dict[str, bytes] | None = None,
                        after: Callable[[Revision], None] | None = None) -> Future[Revision]:
        """Make, sign and store a revision of this device; update `records`; remove the
        working copy `draft_id`; append to the audit log; all in one transaction, with the
        `blobs` (sha256 -> bytes) it names that are not stored yet. `after(revision)` runs
        once it is committed, on the writer thread, before the next write."""
        def commit(connection: sqlite3.Connection) -> Revision:
            for content in (blobs or {}).values():
                tables.put_blob(connection, content)
            site = self._issuing_site(connection)
            revision = revs.make_revision(
                record_id=record_id, parents=parents, site_id=site,
                seq=revs.next_seq(connection, site), hlc=self.clock.now(), form_id=form_id,
                form_version=form_version, data=data, deleted=deleted, author=author, sign=self.identity.sign)
            revs.insert_revision(connection, revision)
            revs.materialize_new(connection, revision)
            if draft_id is not None:
                tables.delete_draft(connection, draft_id)
            tables.audit(connection, author=author, action=action, record_id=record_id, rev_id=revision.rev_id,
                         detail={"parents": list(revision.parents), "status": data.get("status"),
                                 "form_id": form_id, "commune": data.get("commune", "")})
            return revision

        def committed(revision: Revision) -> None:
            self._ledger.record(revision.site_id, revision.seq)
            if after is not None:
                after(revision)

        return self.writer.submit(commit, on_commit=committed)

    def rebuild_records(self) -> Future[int]:
        return self.writer.submit(revs.rebuild_records)
