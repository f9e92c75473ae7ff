"""Revisions, the immutable unit that travels, and `records`, their materialized view.

A revision's identity is the SHA-256 of its canonical JSON (without rev_id and sig), so
the same content is the same revision on every laptop. `records` holds, per record, what
the revisions say: heads, the provisional winner, status, conflicts. It is a pure
function of `revisions`: `materialize()` recomputes one record, `rebuild_records()` all.
"""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any

from fieldkit.store.connection import count
from fieldkit.store.records import Status
from fieldkit.store.values import JsonObject, RecordRow, Revision, RevisionDict

REVISION_FIELDS = ("rev_id", "record_id", "parents", "site_id", "seq", "hlc", "form_id", "form_version",
                   "data", "deleted", "author", "sig")


# json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False), without
# building an encoder per call: an import encodes ~20 values a revision
_CANONICAL = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def canonical_json(value: object) -> bytes:
    return _CANONICAL.encode(value).encode("utf-8")


def revision_id(revision: Mapping[str, object]) -> str:
    """The SHA-256 of the canonical JSON of a revision's object (RevisionDict) without rev_id and sig."""
    body = {name: value for name, value in revision.items() if name not in ("rev_id", "sig")}
    return hashlib.sha256(canonical_json(body)).hexdigest()


def _canonical_text(value: object) -> str:
    return _CANONICAL.encode(value)


def revision_id_and_data(revision: Mapping[str, Any]) -> tuple[str, str]:
    """`revision_id`, and the revision's `data` as canonical JSON text, encoded once: the
    same text is what the `data` column stores (an import then encodes each revision once)."""
    data_text = _canonical_text(revision["data"])
    body = ",".join(f"{_canonical_text(name)}:{data_text if name == 'data' else _canonical_text(revision[name])}"
                    for name in sorted(revision) if name not in ("rev_id", "sig"))
    return hashlib.sha256(("{" + body + "}").encode("utf-8")).hexdigest(), data_text


def make_revision(*, record_id: str, parents: list[str], site_id: str, seq: int, hlc: str, form_id: str,
                  form_version: str, data: JsonObject, deleted: bool = False, author: str,
                  sign: Callable[[bytes], bytes]) -> Revision:
    body: dict[str, object] = {
        "record_id": record_id, "parents": sorted(parents), "site_id": site_id, "seq": seq, "hlc": hlc,
        "form_id": form_id, "form_version": form_version, "data": data, "deleted": bool(deleted),
        "author": author,
    }
    rev_id = revision_id(body)
    return Revision(rev_id=rev_id, record_id=record_id, parents=tuple(sorted(parents)), site_id=site_id, seq=seq,
                    hlc=hlc, form_id=form_id, form_version=form_version, data=data, deleted=bool(deleted),
                    author=author, sig=base64.b64encode(sign(bytes.fromhex(rev_id))).decode("ascii"))


_INSERT_REVISION = (f"INSERT OR IGNORE INTO revisions ({', '.join(REVISION_FIELDS)}) "
                    f"VALUES ({', '.join('?' * len(REVISION_FIELDS))})")


def _revision_values(revision: RevisionDict, data_text: str | None = None) -> tuple[object, ...]:
    """The row; `data` as canonical JSON text (`data_text` when the caller has it already)."""
    return (revision["rev_id"], revision["record_id"], json.dumps(revision["parents"]), revision["site_id"],
            revision["seq"], revision["hlc"], revision["form_id"], revision["form_version"],
            data_text if data_text is not None else _canonical_text(revision["data"]),
            int(bool(revision["deleted"])), revision["author"], revision["sig"])


def insert_revision(connection: sqlite3.Connection, revision: Revision) -> bool:
    """Store a revision (idempotent: the same rev_id twice is one row); True if new."""
    return connection.execute(_INSERT_REVISION, _revision_values(revision.as_dict())).rowcount == 1


def insert_revisions(connection: sqlite3.Connection, revisions: Iterable[RevisionDict],
                     data_texts: Mapping[str, str] | None = None) -> None:
    """`insert_revision` for many, in one executemany (same idempotence); `data_texts`:
    rev_id -> the data's canonical JSON text, when already encoded (`revision_id_and_data`)."""
    data_texts = data_texts or {}
    connection.executemany(_INSERT_REVISION, (_revision_values(revision, data_texts.get(revision["rev_id"]))
                                              for revision in revisions))


def _in_batches(connection: sqlite3.Connection, sql: str, values: Sequence[str],
                size: int = 500) -> Iterator[tuple[Any, ...]]:
    """Rows of `sql` (whose `{}` is a list of placeholders) over `values`, 500 at a time."""
    for start in range(0, len(values), size):
        part = values[start:start + size]
        yield from connection.execute(sql.format(",".join("?" * len(part))), part)


def revision_from_row(row: Sequence[Any]) -> Revision:
    """From the columns of REVISION_FIELDS, in that order."""
    rev_id, record_id, parents, site_id, seq, hlc, form_id, form_version, data, deleted, author, sig = row
    return Revision(rev_id=rev_id, record_id=record_id, parents=tuple(json.loads(parents)), site_id=site_id,
                    seq=seq, hlc=hlc, form_id=form_id, form_version=form_version, data=json.loads(data),
                    deleted=bool(deleted), author=author, sig=sig)


def record_revisions(connection: sqlite3.Connection, record_id: str) -> list[Revision]:
    rows = connection.execute(f"SELECT {', '.join(REVISION_FIELDS)} FROM revisions WHERE record_id = ?",
                              (record_id,)).fetchall()
    return [revision_from_row(row) for row in rows]


def get_revision(connection: sqlite3.Connection, rev_id: str) -> Revision | None:
    row = connection.execute(f"SELECT {', '.join(REVISION_FIELDS)} FROM revisions WHERE rev_id = ?",
                             (rev_id,)).fetchone()
    return revision_from_row(row) if row else None


def next_seq(connection: sqlite3.Connection, site_id: str) -> int:
    return count(connection, "SELECT coalesce(max(seq), 0) + 1 FROM revisions WHERE site_id = ?", (site_id,))


# -- the materialized view -----------------------------------------------------------------

RECORD_DATA_KEYS = ("status", "error_count", "commune", "province")  # all that record_row reads of `data`


def record_data(data: Mapping[str, Any]) -> JsonObject:
    """The part of a revision's `data` that its `records` row depends on: a verified
    revision can travel between processes with only this, its whole `data` as text."""
    return {name: data[name] for name in RECORD_DATA_KEYS if name in data}


def record_row(revisions: Sequence[Revision]) -> RecordRow:
    """The `records` row that a record's revisions give (DESIGN.md §6)."""
    named_as_parent = {parent for revision in revisions for parent in revision.parents}
    heads = sorted((revision for revision in revisions if revision.rev_id not in named_as_parent),
                   key=lambda revision: (revision.hlc, revision.rev_id))
    winner = heads[-1]
    live_heads = [head for head in heads if not head.deleted]
    # only the RECORD_DATA_KEYS of `data`: a slim revision (sync.verify) gives the same row
    status = winner.status or Status.DRAFT
    if status != Status.FINALIZED and winner.error_count:
        status = Status.HAS_ERRORS
    return RecordRow(
        record_id=winner.record_id, form_id=winner.form_id, form_version=winner.form_version,
        commune=winner.commune, province=winner.province, status=status,
        heads=tuple(head.rev_id for head in heads), winner_rev=winner.rev_id, author=winner.author,
        created=min(revision.hlc for revision in revisions), updated=winner.hlc,
        # several heads are a conflict, edit-versus-delete included; heads all deleted are not
        conflicts=len(heads) - 1 if live_heads and len(heads) > 1 else 0,
        error_count=winner.error_count, deleted=not live_heads)


RECORD_FIELDS = ("record_id", "form_id", "form_version", "commune", "province", "status", "heads",
                 "winner_rev", "author", "created", "updated", "conflicts", "error_count", "deleted")

_WRITE_RECORD = (f"INSERT OR REPLACE INTO records ({', '.join(RECORD_FIELDS)}) "
                 f"VALUES ({', '.join('?' * len(RECORD_FIELDS))})")


def get_record(connection: sqlite3.Connection, record_id: str) -> RecordRow | None:
    row = connection.execute(f"SELECT {', '.join(RECORD_FIELDS)} FROM records WHERE record_id = ?",
                             (record_id,)).fetchone()
    return RecordRow.from_row(row) if row else None


def select_records(connection: sqlite3.Connection, *, include_deleted: bool = False,
                   equal_to: Mapping[str, object]) -> list[RecordRow]:
    """Record rows, most recently updated first, whose columns equal the values given (None: any)."""
    unknown = set(equal_to) - set(RECORD_FIELDS)
    if unknown:
        raise TypeError(f"records() has no filter {', '.join(sorted(unknown))}")
    conditions = [] if include_deleted else ["deleted = 0"]
    conditions += [f"{column} = ?" for column, value in equal_to.items() if value is not None]
    values = [value for value in equal_to.values() if value is not None]
    where = f"WHERE {' AND '.join(conditions)}" if conditions else ""
    rows = connection.execute(f"SELECT {', '.join(RECORD_FIELDS)} FROM records {where} ORDER BY updated DESC",
                              values)
    return [RecordRow.from_row(row) for row in rows]


def materialize(connection: sqlite3.Connection, record_id: str) -> RecordRow | None:
    """Recompute one record's row from its revisions; the row (None: no revisions)."""
    revisions = record_revisions(connection, record_id)
    if not revisions:
        connection.execute("DELETE FROM records WHERE record_id = ?", (record_id,))
        return None
    row = record_row(revisions)
    connection.execute(_WRITE_RECORD, row.as_row())
    return row


def materialize_new(connection: sqlite3.Connection, revision: Revision) -> RecordRow | None:
    """`materialize` for a revision just made here, which no revision names as parent yet:
    its heads are the record's heads minus its parents, plus itself. Reads only the heads,
    so a record saved a thousand times saves as fast as a new one."""
    known = connection.execute("SELECT heads, created FROM records WHERE record_id = ?",
                               (revision.record_id,)).fetchone()
    if known is None:
        return materialize(connection, revision.record_id)
    parents = set(revision.parents)
    heads = [get_revision(connection, rev_id) for rev_id in json.loads(known[0]) if rev_id not in parents]
    row = record_row([head for head in heads if head is not None] + [revision])
    row = dataclasses.replace(row, created=min(known[1], revision.hlc))
    connection.execute(_WRITE_RECORD, row.as_row())
    return row


def materialize_many(connection: sqlite3.Connection, revisions: Sequence[Revision]) -> list[tuple[RecordRow, int]]:
    """`materialize_new` for many revisions just stored (parents stored first, so no
    revision held earlier names one of them): per record touched, its heads are its
    previous heads minus the new revisions' parents, plus the new revisions that no new
    revision names. One query for the records, one for the heads kept, one executemany.
    [(the new row, conflicts before (0: none or no row))], by record id."""
    by_record: dict[str, list[Revision]] = {}
    for revision in revisions:
        by_record.setdefault(revision.record_id, []).append(revision)
    record_ids = sorted(by_record)
    known = {row[0]: row[1:] for row in _in_batches(
        connection, "SELECT record_id, heads, created, conflicts FROM records WHERE record_id IN ({})", record_ids)}
    kept_heads: dict[str, list[str]] = {}
    for record_id, (heads, _created, _conflicts) in known.items():
        named = {parent for revision in by_record[record_id] for parent in revision.parents}
        kept_heads[record_id] = [rev_id for rev_id in json.loads(heads) if rev_id not in named]
    wanted = sorted({rev_id for heads in kept_heads.values() for rev_id in heads})
    held = {row[0]: revision_from_row(row) for row in _in_batches(
        connection, f"SELECT {', '.join(REVISION_FIELDS)} FROM revisions WHERE rev_id IN ({{}})", wanted)}
    results = []
    for record_id in record_ids:
        heads = [held[rev_id] for rev_id in kept_heads.get(record_id, ()) if rev_id in held]
        row = record_row(heads + by_record[record_id])
        before = 0
        if record_id in known:
            row = dataclasses.replace(row, created=min(known[record_id][1], row.created))
            before = known[record_id][2]
        results.append((row, before))
    connection.executemany(_WRITE_RECORD, [row.as_row() for row, _before in results])
    return results


def rebuild_records(connection: sqlite3.Connection) -> int:
    """Recompute every record from the revisions (inside the caller's transaction)."""
    connection.execute("DELETE FROM records")
    record_ids = [row[0] for row in connection.execute("SELECT DISTINCT record_id FROM revisions")]
    for record_id in record_ids:
        materialize(connection, record_id)
    return len(record_ids)
