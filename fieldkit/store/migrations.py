"""The schema, as a list of migrations. Migration N takes a file from version N-1 to N.

Append new migrations; never edit a released one. The schema version is kept in
`PRAGMA user_version` (readable before any table exists) and every migration is also a
row of `migrations` (version, applied_at, app_version). Before each migration of a file
that holds data, the file is copied to `<name>.before-v<N>.sqlite3` with SQLite's backup
API, which includes what is still in the write-ahead log.
"""

from __future__ import annotations

import datetime as dt
import functools
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

import fieldkit
from fieldkit.files import atomic_path
from fieldkit.store.connection import count
from fieldkit.store.errors import NEWER_SCHEMA, StoreError
from fieldkit.store.writer import run_in_transaction

if TYPE_CHECKING:
    import sqlite_utils


def _v1_initial(db: sqlite_utils.Database) -> None:
    db.table("migrations").create({"version": int, "applied_at": str, "app_version": str}, pk="version")
    db.table("settings").create({"key": str, "value": str}, pk="key")  # value: JSON
    db.table("devices").create({"site_id": str, "fingerprint": str, "public_key": bytes, "name": str,
                          "first_seen": str, "trusted": int}, pk="site_id", not_null={"fingerprint"})
    db.table("forms").create({"form_id": str, "version": str, "title": str, "xform": str, "sha256": str,
                        "source_sha256": str, "added": str}, pk=("form_id", "version"))
    db.table("revisions").create({
        "rev_id": str, "record_id": str, "parents": str, "site_id": str, "seq": int, "hlc": str,
        "form_id": str, "form_version": str, "data": str, "deleted": int, "author": str, "sig": str,
    }, pk="rev_id", not_null={"record_id", "site_id", "seq", "hlc", "form_id", "data"})
    db.table("revisions").create_index(["site_id", "seq"], unique=True)
    db.table("revisions").create_index(["record_id"])
    db.table("records").create({
        "record_id": str, "form_id": str, "form_version": str, "commune": str, "province": str,
        "status": str, "heads": str, "winner_rev": str, "author": str, "created": str, "updated": str,
        "conflicts": int, "error_count": int, "deleted": int,
    }, pk="record_id")
    db.table("records").create_index(["commune", "form_id"])
    db.table("records").create_index(["updated"])
    db.table("blobs").create({"sha256": str, "size": int, "data": bytes, "added": str}, pk="sha256")
    db.table("drafts").create({
        "draft_id": str, "record_id": str, "form_id": str, "form_version": str, "parent_rev": str,
        "instance_xml": str, "attachments": str, "commune": str, "author": str, "updated": str,
    }, pk="draft_id")
    db.table("audit").create({"id": int, "at": str, "author": str, "action": str, "record_id": str, "rev_id": str,
                        "detail": str}, pk="id")
    db.table("audit").create_index(["record_id"])
    for event in ("UPDATE", "DELETE"):  # the audit log is append-only, whoever writes
        db.execute(f"CREATE TRIGGER audit_no_{event.lower()} BEFORE {event} ON audit "
                   "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END")


def _v2_sync(db: sqlite_utils.Database) -> None:
    """What sync needs (issue 4). None of it feeds `records`, which stays a pure
    function of `revisions`: these are the receiver's bookkeeping and flags."""
    db.table("devices").add_column("revoked", int, not_null_default=0)
    db.table("devices").add_column("changed", str)
    db.table("devices").add_column("clock_skew", str)  # JSON {hlc, receiver_ms, at}: flagged, not adopted
    # revisions whose parents have not arrived; applied when they do
    db.table("pending_revisions").create({"rev_id": str, "record_id": str, "site_id": str, "seq": int, "missing": str,
                                    "revision": str, "bundle_id": str, "received": str}, pk="rev_id")
    db.table("pending_revisions").create_index(["site_id", "seq"], unique=True)
    # bundles signed by a device nobody trusted yet: kept aside until a coordinator does
    db.table("quarantine").create({"bundle_id": str, "fingerprint": str, "site_id": str, "device_name": str,
                             "file": str, "size": int, "received": str}, pk="bundle_id")
    # per peer (its key fingerprint), the content vector it has acknowledged holding
    db.table("peer_acks").create({"peer": str, "site_id": str, "seq": int, "updated": str}, pk=("peer", "site_id"))
    db.table("tampering").create({"id": int, "site_id": str, "seq": int, "kept_rev": str, "other_rev": str,
                            "other": str, "bundle_id": str, "at": str}, pk="id")
    db.table("bundles_imported").create({"bundle_id": str, "site_id": str, "fingerprint": str, "at": str,
                                   "new": int, "present": int, "pending": int}, pk="bundle_id")
    db.table("duplicate_marks").create({"record_id": str, "duplicate_of": str, "author": str, "at": str},
                                 pk="record_id")


def _v3_drop_boxes(db: sqlite_utils.Database) -> None:
    """Network sync (issue 14): the drop boxes this device syncs with and what it knows of
    each. The receiver's bookkeeping only: losing it costs a bigger sync, never data."""
    # a drop box: a folder path or an http(s) URL; the password is in the system keyring
    db.table("remotes").create({"name": str, "url": str, "user": str, "pin": str, "added": str}, pk="name")
    # bundles of others' folders already fetched and imported from a drop box
    db.table("dropbox_seen").create({"remote": str, "path": str, "size": int, "at": str}, pk=("remote", "path"))
    # bundles this device put in a drop box: what each covers, per site, (base, holds]
    db.table("dropbox_pushed").create({"remote": str, "bundle_id": str, "base": str, "holds": str, "count": int,
                                       "at": str}, pk=("remote", "bundle_id"))
    # the last checked receipt of each trusted device read in a drop box ("received by X at ...")
    db.table("receipts").create({"remote": str, "site_id": str, "device": str, "created": str, "holds": str,
                                 "read_at": str}, pk=("remote", "site_id"))


def _v4_latest_statements(db: sqlite_utils.Database) -> None:
    """A peer holds what its latest statement says, even less than before (a coordinator
    restored from a backup): `peer_acks.seq` is that, `highest` the most ever acknowledged
    (restore detection, fieldkit.store.sites), `peer_statements` the time of the latest."""
    db.table("peer_acks").add_column("highest", int, not_null_default=0)
    db.execute("UPDATE peer_acks SET highest = seq")
    # a peer without a row here (every peer recorded before v4) has no dated statement yet:
    # its first dated one replaces its vector, a safe start (the worst is a bigger bundle)
    db.table("peer_statements").create({"peer": str, "stated": str, "updated": str}, pk="peer",
                                       not_null={"stated"})


MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [_v1_initial, _v2_sync, _v3_drop_boxes,
                                                             _v4_latest_statements]


def latest_version() -> int:
    return len(MIGRATIONS)


def schema_version(connection: sqlite3.Connection) -> int:
    return count(connection, "PRAGMA user_version")


def migrate(connection: sqlite3.Connection, path: Path) -> list[int]:
    """Bring the file at `path` (open as `connection`) to the latest schema; the versions applied.

    Raises StoreError when the file was written by a newer app: it is left untouched.
    """
    current = schema_version(connection)
    if current > latest_version():
        raise StoreError(NEWER_SCHEMA, kind="newer_schema", schema=current, path=path)
    applied = []
    new_file = not _holds_data(connection)  # a file created just now has nothing to copy, at any step
    for version in range(current + 1, latest_version() + 1):
        if not new_file:
            backup_copy(connection, backup_path(path, version))
        run_in_transaction(connection, functools.partial(_apply, version=version))
        applied.append(version)
    return applied


def _sqlite_utils() -> ModuleType:
    """sqlite-utils, imported only when migrating, and without numpy if numpy is not
    loaded: sqlite-utils imports it to map numpy's number types to column types (nothing
    here writes any), and it would hold 12 MB of the window's memory from a first start
    to the end of the day. (Nothing else in the window's process imports numpy: charts
    are drawn in their own process.)"""
    if "sqlite_utils" in sys.modules or "numpy" in sys.modules:
        import sqlite_utils

        return sqlite_utils
    sys.modules["numpy"] = None  # type: ignore[assignment]  # `import numpy` raises ImportError
    try:
        import sqlite_utils
    finally:
        if "numpy" in sys.modules and sys.modules["numpy"] is None:
            del sys.modules["numpy"]
    return sqlite_utils


def backup_path(path: Path, version: int) -> Path:
    """fieldkit.sqlite3 -> fieldkit.before-v2.sqlite3"""
    return path.with_name(f"{path.stem}.before-v{version}{path.suffix or '.sqlite3'}")


def backup_copy(connection: sqlite3.Connection, target: Path) -> None:
    """A consistent copy of the whole database (WAL content included) at `target`."""
    with atomic_path(target, private=True) as partial:  # 0600 from its first byte, as the database it copies
        copy = sqlite3.connect(partial)
        try:
            connection.backup(copy)
        finally:
            copy.close()


def _holds_data(connection: sqlite3.Connection) -> bool:
    return count(connection, "SELECT count(*) FROM sqlite_master") > 0


def _apply(connection: sqlite3.Connection, version: int) -> None:
    db = _sqlite_utils().Database(connection)
    MIGRATIONS[version - 1](db)
    db.table("migrations").insert({
        "version": version, "applied_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "app_version": fieldkit.__version__,
    })
    connection.execute(f"PRAGMA user_version = {version}")
