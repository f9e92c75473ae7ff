"""Reads and writes of the small tables: settings, devices, forms, blobs, drafts, audit.

Plain functions of a connection, so the writer thread (inside its transaction) and the
readers (on their own connections) share them. Values that are JSON in the database are
decoded here, so callers see Python values.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from collections.abc import Sequence
from typing import Any


def utc_now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")


# A row as column -> value (drafts, forms, devices and the audit log are handed out so;
# revisions and records are typed values: fieldkit.store.values)
Row = dict[str, Any]


def _rows(connection: sqlite3.Connection, sql: str, parameters: Sequence[object] = ()) -> list[Row]:
    cursor = connection.execute(sql, parameters)
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


# -- settings ------------------------------------------------------------------------------

def get_setting(connection: sqlite3.Connection, key: str, default: Any = None) -> Any:
    """The setting's value as JSON gives it (any JSON value), or `default`."""
    row = connection.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    return json.loads(row[0]) if row else default


def put_setting(connection: sqlite3.Connection, key: str, value: object) -> None:
    connection.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                       (key, json.dumps(value, ensure_ascii=False)))


# -- devices -------------------------------------------------------------------------------

def remember_device(connection: sqlite3.Connection, *, site_id: str, fingerprint: str, public_key: bytes,
                    name: str, trusted: bool) -> None:
    connection.execute(
        "INSERT OR IGNORE INTO devices (site_id, fingerprint, public_key, name, first_seen, trusted) "
        "VALUES (?, ?, ?, ?, ?, ?)", (site_id, fingerprint, public_key, name, utc_now(), int(trusted)))


def devices(connection: sqlite3.Connection) -> list[Row]:
    return _rows(connection, "SELECT * FROM devices ORDER BY first_seen")


# -- forms ---------------------------------------------------------------------------------

def put_form(connection: sqlite3.Connection, *, form_id: str, version: str, title: dict[str, str], xform: str,
             source_sha256: str | None) -> None:
    """Keep a form version's XForm. A version already kept is not replaced: revisions name
    (form_id, version) and must keep meaning the form they were made with."""
    connection.execute(
        "INSERT OR IGNORE INTO forms (form_id, version, title, xform, sha256, source_sha256, added) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (form_id, version, json.dumps(title, ensure_ascii=False), xform,
         hashlib.sha256(xform.encode("utf-8")).hexdigest(), source_sha256, utc_now()))


def form_rows(connection: sqlite3.Connection) -> list[Row]:
    rows = _rows(connection, "SELECT form_id, version, title, sha256, source_sha256, added FROM forms "
                             "ORDER BY form_id, version")
    for row in rows:
        row["title"] = json.loads(row["title"] or "{}")
    return rows


def form_xform(connection: sqlite3.Connection, form_id: str, version: str | None) -> tuple[str, str] | None:
    """(version, XForm text) of a form version, the latest version when `version` is None."""
    if version is None:
        row = connection.execute("SELECT version, xform FROM forms WHERE form_id = ? "
                                 "ORDER BY length(version) DESC, version DESC LIMIT 1", (form_id,)).fetchone()
    else:
        row = connection.execute("SELECT version, xform FROM forms WHERE form_id = ? AND version = ?",
                                 (form_id, version)).fetchone()
    return (row[0], row[1]) if row else None


# -- blobs ---------------------------------------------------------------------------------

def put_blob(connection: sqlite3.Connection, data: bytes) -> str:
    digest = hashlib.sha256(data).hexdigest()
    connection.execute("INSERT OR IGNORE INTO blobs (sha256, size, data, added) VALUES (?, ?, ?, ?)",
                       (digest, len(data), data, utc_now()))
    return digest


def get_blob(connection: sqlite3.Connection, digest: str) -> bytes | None:
    row = connection.execute("SELECT data FROM blobs WHERE sha256 = ?", (digest,)).fetchone()
    return bytes(row[0]) if row else None


# -- drafts (working copies) ---------------------------------------------------------------

DRAFT_FIELDS = ("draft_id", "record_id", "form_id", "form_version", "parent_rev", "instance_xml",
                "attachments", "commune", "author", "updated")


def put_draft(connection: sqlite3.Connection, draft: Row) -> None:
    row = {**draft, "attachments": json.dumps(draft.get("attachments") or {}, sort_keys=True),
           "updated": draft.get("updated") or utc_now()}
    connection.execute(f"INSERT OR REPLACE INTO drafts ({', '.join(DRAFT_FIELDS)}) "
                       f"VALUES ({', '.join('?' * len(DRAFT_FIELDS))})", [row.get(name) for name in DRAFT_FIELDS])


def delete_draft(connection: sqlite3.Connection, draft_id: str) -> bool:
    return connection.execute("DELETE FROM drafts WHERE draft_id = ?", (draft_id,)).rowcount == 1


def _draft(row: Row) -> Row:
    row["attachments"] = json.loads(row["attachments"] or "{}")
    return row


def get_draft(connection: sqlite3.Connection, draft_id: str) -> Row | None:
    rows = _rows(connection, "SELECT * FROM drafts WHERE draft_id = ?", (draft_id,))
    return _draft(rows[0]) if rows else None


def draft_rows(connection: sqlite3.Connection) -> list[Row]:
    return [_draft(row) for row in _rows(connection, "SELECT * FROM drafts ORDER BY updated DESC")]


# -- audit ---------------------------------------------------------------------------------

def audit(connection: sqlite3.Connection, *, author: str, action: str, record_id: str | None = None,
          rev_id: str | None = None, detail: dict[str, object] | None = None) -> None:
    connection.execute(
        "INSERT INTO audit (at, author, action, record_id, rev_id, detail) VALUES (?, ?, ?, ?, ?, ?)",
        (utc_now(), author, action, record_id, rev_id, json.dumps(detail or {}, ensure_ascii=False, sort_keys=True)))


def audit_rows(connection: sqlite3.Connection, record_id: str | None = None) -> list[Row]:
    where, parameters = ("WHERE record_id = ?", (record_id,)) if record_id else ("", ())
    rows = _rows(connection, f"SELECT * FROM audit {where} ORDER BY id", parameters)
    for row in rows:
        row["detail"] = json.loads(row["detail"] or "{}")
    return rows
