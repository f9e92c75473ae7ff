"""The values the store hands out: a `Revision` and a `RecordRow`, frozen and typed.

A revision travels as JSON (a bundle line, parsed by fieldkit.sync.models at the trust
boundary) and is stored as a row; between the two it is a `Revision`. Its `data` stays
the open JSON object its author saved (answers, instance, attachments and what another
tool added); the accessors read the part the store and its callers know the shape of.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypedDict

from fieldkit.store.records import Status

JsonObject = dict[str, Any]  # a JSON object as json.loads gives it (values of any JSON type)


class RevisionDict(TypedDict):
    """A revision as its canonical JSON object: a bundle line, and (without rev_id and sig)
    what its rev_id hashes."""
    rev_id: str
    record_id: str
    parents: list[str]
    site_id: str
    seq: int
    hlc: str
    form_id: str
    form_version: str
    data: JsonObject
    deleted: bool
    author: str
    sig: str


@dataclass(frozen=True, slots=True)
class Revision:
    rev_id: str
    record_id: str
    parents: tuple[str, ...]  # sorted
    site_id: str
    seq: int
    hlc: str
    form_id: str
    form_version: str
    data: JsonObject
    deleted: bool
    author: str
    sig: str

    @classmethod
    def from_dict(cls, revision: RevisionDict) -> Revision:
        return cls(rev_id=revision["rev_id"], record_id=revision["record_id"], parents=tuple(revision["parents"]),
                   site_id=revision["site_id"], seq=revision["seq"], hlc=revision["hlc"],
                   form_id=revision["form_id"], form_version=revision["form_version"], data=revision["data"],
                   deleted=bool(revision["deleted"]), author=revision["author"], sig=revision["sig"])

    def as_dict(self) -> RevisionDict:
        """The canonical JSON object: what a bundle line holds."""
        return {"rev_id": self.rev_id, "record_id": self.record_id, "parents": list(self.parents),
                "site_id": self.site_id, "seq": self.seq, "hlc": self.hlc, "form_id": self.form_id,
                "form_version": self.form_version, "data": self.data, "deleted": self.deleted,
                "author": self.author, "sig": self.sig}

    # -- what callers read of `data` ------------------------------------------------------

    @property
    def commune(self) -> str:
        return str(self.data.get("commune", "") or "")

    @property
    def province(self) -> str:
        return str(self.data.get("province", "") or "")

    @property
    def status(self) -> Status | None:
        """The status its author saved (None: data names none)."""
        status = self.data.get("status")
        return Status(status) if status else None

    @property
    def error_count(self) -> int:
        return int(self.data.get("error_count", 0) or 0)

    @property
    def answers(self) -> dict[str, Any]:
        """Instance path -> value (a text, or a list for a repeat made by another tool)."""
        answers: dict[str, Any] = self.data.get("answers") or {}
        return answers

    @property
    def attachments(self) -> dict[str, str]:
        """File name -> the SHA-256 of its content (stored as a blob)."""
        attachments: dict[str, str] = self.data.get("attachments") or {}
        return attachments

    @property
    def instance_xml(self) -> str | None:
        instance: str | None = self.data.get("instance_xml") or None
        return instance


@dataclass(frozen=True, slots=True)
class RecordRow:
    """A row of `records`: what a record's revisions say (fieldkit.store.revisions.record_row)."""
    record_id: str
    form_id: str
    form_version: str
    commune: str
    province: str
    status: Status
    heads: tuple[str, ...]  # by (hlc, rev_id): the winner last
    winner_rev: str
    author: str | None
    created: str  # the hybrid logical clock of its first revision
    updated: str  # ... and of its winner
    conflicts: int  # heads beyond the first, while one is live
    error_count: int
    deleted: bool

    @classmethod
    def from_row(cls, row: Sequence[Any]) -> RecordRow:
        """From the columns of RECORD_FIELDS, in that order."""
        (record_id, form_id, form_version, commune, province, status, heads, winner_rev, author, created,
         updated, conflicts, error_count, deleted) = row
        return cls(record_id=record_id, form_id=form_id, form_version=form_version, commune=commune,
                   province=province, status=Status(status), heads=tuple(json.loads(heads)),
                   winner_rev=winner_rev, author=author, created=created, updated=updated,
                   conflicts=conflicts, error_count=error_count, deleted=bool(deleted))

    def as_row(self) -> tuple[object, ...]:
        """The columns of RECORD_FIELDS, in that order, as the table holds them."""
        return (self.record_id, self.form_id, self.form_version, self.commune, self.province, str(self.status),
                json.dumps(list(self.heads)), self.winner_rev, self.author, self.created, self.updated,
                self.conflicts, self.error_count, int(self.deleted))
