"""What the services hand out: plain, frozen values the GUI and the CLI can keep."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from fieldkit.errors import FieldkitError
from fieldkit.store.records import Status

__all__ = ["DraftInfo", "FinalizeError", "FormEntry", "Status", "SubmissionRow", "ThisDevice", "VisitContext"]


@dataclass(frozen=True)
class VisitContext:
    delegation: str = ""
    members: list[str] = field(default_factory=list)
    at_keyboard: str = ""  # the author of every save


@dataclass(frozen=True)
class ThisDevice:
    name: str
    fingerprint: str  # of its signing key: 64 hex digits
    named: bool = False  # whether someone chose the name (until then it is the host's)


@dataclass(frozen=True)
class FormEntry:
    form_id: str
    version: str
    title: dict[str, str]  # {"vi": ..., "en": ..., "": the whole title as the form writes it}
    path: Path | None = None  # the shipped or added file, None for a form known only by the store
    # Form.asks_encryption, known when the entry comes from a file just loaded (add_form,
    # publish_form); the catalog reads no XForm and leaves it False.
    asks_encryption: bool = False

    def title_in(self, lang: str) -> str:
        return self.title.get(lang) or self.title.get("") or self.form_id


@dataclass(frozen=True)
class Received:
    """Whether a coordinator holds this device's latest revision of a submission."""

    by: str = ""  # the earliest receipt holding it: its device's name; "" not received yet
    at: str = ""  # that receipt's time, ISO 8601 local time


@dataclass(frozen=True)
class SubmissionRow:
    record_id: str
    form_id: str
    form_title: str
    commune_code: str
    commune_name: str
    province_name: str
    status: str  # a Status, as stored
    author: str
    updated: str  # ISO 8601, local time
    conflicts: int
    head_rev: str
    province_code: str = ""
    form_version: str = ""
    error_count: int = 0
    deleted: bool = False
    duplicate_reviewed: bool = False  # a coordinator kept it as a visit of its own, or marked it a duplicate
    received: Received | None = None  # None: not made or revised by this device


@dataclass(frozen=True)
class DraftInfo:
    draft_id: str
    record_id: str | None  # None: never saved yet
    form_id: str
    form_version: str
    commune_code: str
    commune_name: str
    author: str
    updated: str  # ISO 8601, local time


class FinalizeError(FieldkitError):
    """Finalizing refused: `errors` are the session's (path, kind, message) triples."""

    kind = "finalize_refused"

    def __init__(self, errors: list[tuple[str, str, str]], lang: str | None = None) -> None:
        self.errors = list(errors)
        super().__init__("{count} answers must be corrected before finalizing.", lang=lang, count=len(self.errors))
