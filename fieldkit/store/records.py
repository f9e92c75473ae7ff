"""What a record is as the services read it: its status.

`Status` is written here because the store writes it: a revision's data names the
status its author saved it with, and `records.status` is derived from it
(fieldkit.store.revisions.record_row).
"""

from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    """How far a submission got. A StrEnum equals its text, so the database, the revisions'
    JSON and every export hold the same words as before it existed."""

    NOT_STARTED = "not_started"  # never stored: a commune's form with nothing saved yet
    DRAFT = "draft"
    FINALIZED = "finalized"
    HAS_ERRORS = "has_errors"  # not finalized, and answers break a constraint
