"""Rows for the submissions browser and the commune's form list, from store rows."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping

from fieldkit.communes import CommuneDirectory
from fieldkit.services.types import DraftInfo, Received, Status, SubmissionRow
from fieldkit.store.hlc import hlc_datetime
from fieldkit.store.tables import Row
from fieldkit.store.values import RecordRow


def local_zone() -> dt.tzinfo:
    """This machine's time zone now (looked up once per listing, not once per row)."""
    return dt.datetime.now().astimezone().tzinfo or dt.UTC  # astimezone() always sets one


def local_iso(hlc: str | None, zone: dt.tzinfo | None = None) -> str:
    """An HLC timestamp as local ISO 8601 time to the second; "" if absent."""
    if not hlc:
        return ""
    try:  # any timestamp stored shows: one beyond the year 9999 as the latest time there is
        return hlc_datetime(hlc, zone or local_zone()).isoformat(timespec="seconds")
    except (ValueError, OverflowError, OSError):
        return hlc  # not a timestamp at all (written by another tool): shown as it is


def utc_to_local_iso(text: str | None) -> str:
    if not text:
        return ""
    return dt.datetime.fromisoformat(text).astimezone().isoformat(timespec="seconds")


def submission_row(record: RecordRow, communes: CommuneDirectory, titles: dict[str, str],
                   zone: dt.tzinfo | None = None, *, reviewed: bool = False,
                   received: Received | None = None) -> SubmissionRow:
    commune = communes.get(record.commune) if record.commune else None
    province = communes.province(record.province) if record.province and commune is None else None
    return SubmissionRow(
        record_id=record.record_id, form_id=record.form_id,
        form_title=titles.get(record.form_id, record.form_id), commune_code=record.commune or "",
        commune_name=commune.name if commune else (record.commune or ""),
        province_name=commune.province_name if commune else (province.name if province else ""),
        status=record.status, author=record.author or "", updated=local_iso(record.updated, zone),
        conflicts=record.conflicts, head_rev=record.winner_rev,
        province_code=commune.province_code if commune else (record.province or ""),
        form_version=record.form_version or "", error_count=record.error_count or 0,
        deleted=record.deleted, duplicate_reviewed=reviewed, received=received,
    )


class RowCache:
    """SubmissionRows already made, by what they show: a browser refreshed after one save
    rebuilds one row, not ten thousand."""

    LIMIT = 100_000

    def __init__(self) -> None:
        self._rows: dict[tuple[object, ...], SubmissionRow] = {}

    def rows(self, records: list[RecordRow], *, communes: CommuneDirectory, titles: dict[str, str],
             lang: str, reviewed: frozenset[str] | set[str] = frozenset(),
             received: Mapping[str, Received] | None = None) -> list[SubmissionRow]:
        """`reviewed`: the records a coordinator reviewed as possible duplicates;
        `received`: this device's records, whether a coordinator holds them (network_sync.received_marks)."""
        if len(self._rows) > self.LIMIT:
            self._rows.clear()
        zone, found = local_zone(), []
        for record in records:
            marked = record.record_id in reviewed
            mark = received.get(record.record_id) if received else None
            key = (lang, titles.get(record.form_id), zone, record.record_id, record.winner_rev, record.status,
                   record.conflicts, record.error_count, record.deleted, record.commune, record.province, marked,
                   mark)
            row = self._rows.get(key)
            if row is None:
                row = self._rows[key] = submission_row(record, communes, titles, zone, reviewed=marked,
                                                       received=mark)
            found.append(row)
        return found


@functools.lru_cache(maxsize=8192)
def _folded(text: str) -> str:
    """search_key, remembered: names, titles and authors repeat across thousands of rows."""
    from fieldkit.communes import search_key

    return search_key(text)


def filtered(rows: list[SubmissionRow], *, text: str | None = None) -> list[SubmissionRow]:
    """Rows whose commune, province, form title or author holds every word of `text`
    (accents and case ignored), or whose record id or commune code starts with it."""
    wanted = _folded(text or "")
    if not wanted:
        return rows
    return [row for row in rows if _matches(row, wanted)]


def _matches(row: SubmissionRow, wanted: str) -> bool:
    if row.record_id.startswith(wanted) or row.commune_code.startswith(wanted):
        return True
    haystack = _haystack(row.commune_name, row.province_name, row.form_title, row.author, row.form_id)
    return all(word in haystack for word in wanted.split())


@functools.lru_cache(maxsize=65536)
def _haystack(*texts: str) -> str:
    """What a row's text search looks in: the same few combinations repeat across rows."""
    return " ".join(_folded(text) for text in texts)


# A finalized submission whose latest revision is a draft (someone is correcting it): the
# summaries still print its finalized version, so its list says both.
FINALIZED_EDITED = "finalized_edited"


def commune_form_status(form_id: str, records: list[RecordRow], drafts: list[Row], *,
                        edited: set[str] | frozenset[str] = frozenset()) -> tuple[str, str | None]:
    """(status, record_id) of a form for one commune: its latest saved record's status,
    FINALIZED_EDITED for a record in `edited` (finalized, then saved as a draft); a
    working copy never saved is a draft; nothing is not_started."""
    saved = sorted((record for record in records if record.form_id == form_id and not record.deleted),
                   key=lambda record: record.updated)
    if saved:
        latest = saved[-1]
        return FINALIZED_EDITED if latest.record_id in edited else latest.status, latest.record_id
    if any(draft["form_id"] == form_id for draft in drafts):
        return Status.DRAFT, None
    return Status.NOT_STARTED, None


def draft_info(draft: Row, communes: CommuneDirectory) -> DraftInfo:
    commune = communes.get(draft["commune"]) if draft["commune"] else None
    return DraftInfo(
        draft_id=draft["draft_id"], record_id=draft["record_id"], form_id=draft["form_id"],
        form_version=draft["form_version"] or "", commune_code=draft["commune"] or "",
        commune_name=commune.name if commune else (draft["commune"] or ""), author=draft["author"] or "",
        updated=utc_to_local_iso(draft["updated"]),
    )
