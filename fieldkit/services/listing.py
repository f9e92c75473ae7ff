"""Rows for the submissions browser and the commune's form list, from store rows."""

from __future__ import annotations

import datetime as dt

from fieldkit.communes import CommuneDirectory
from fieldkit.services.types import DRAFT, NOT_STARTED, DraftInfo, SubmissionRow
from fieldkit.store.hlc import hlc_milliseconds


def local_iso(hlc: str | None) -> str:
    """An HLC timestamp as local ISO 8601 time to the second; "" if absent."""
    if not hlc:
        return ""
    moment = dt.datetime.fromtimestamp(hlc_milliseconds(hlc) / 1000, tz=dt.timezone.utc).astimezone()
    return moment.isoformat(timespec="seconds")


def utc_to_local_iso(text: str | None) -> str:
    if not text:
        return ""
    return dt.datetime.fromisoformat(text).astimezone().isoformat(timespec="seconds")


def submission_row(record: dict, communes: CommuneDirectory, titles: dict[str, str]) -> SubmissionRow:
    commune = communes.get(record["commune"]) if record["commune"] else None
    province = communes.province(record["province"]) if record["province"] and commune is None else None
    return SubmissionRow(
        record_id=record["record_id"], form_id=record["form_id"],
        form_title=titles.get(record["form_id"], record["form_id"]), commune_code=record["commune"] or "",
        commune_name=commune.name if commune else (record["commune"] or ""),
        province_name=commune.province_name if commune else (province.name if province else ""),
        status=record["status"], author=record["author"] or "", updated=local_iso(record["updated"]),
        conflicts=record["conflicts"], head_rev=record["winner_rev"],
        province_code=commune.province_code if commune else (record["province"] or ""),
        form_version=record["form_version"] or "", error_count=record["error_count"] or 0,
        deleted=bool(record["deleted"]),
    )


def filtered(rows: list[SubmissionRow], *, form_id=None, province=None, commune=None, status=None,
             text=None) -> list[SubmissionRow]:
    """Rows matching every filter given; `text` matches (accents and case ignored) the
    commune, province, form title, author or the start of the record id."""
    from fieldkit.forms.media import search_key

    wanted = search_key(text or "")
    kept = []
    for row in rows:
        if form_id is not None and row.form_id != form_id:
            continue
        if province is not None and row.province_code != province:
            continue
        if commune is not None and row.commune_code != commune:
            continue
        if status is not None and row.status != status:
            continue
        if wanted and not _matches(row, wanted):
            continue
        kept.append(row)
    return kept


def _matches(row: SubmissionRow, wanted: str) -> bool:
    from fieldkit.forms.media import search_key

    if row.record_id.startswith(wanted) or row.commune_code.startswith(wanted):
        return True
    haystack = search_key(" ".join((row.commune_name, row.province_name, row.form_title, row.author, row.form_id)))
    return all(word in haystack for word in wanted.split())


def commune_form_status(form_id: str, records: list[dict], drafts: list[dict]) -> tuple[str, str | None]:
    """(status, record_id) of a form for one commune: its latest saved record's status;
    a working copy never saved is a draft; nothing is not_started."""
    saved = sorted((record for record in records if record["form_id"] == form_id and not record["deleted"]),
                   key=lambda record: record["updated"])
    if saved:
        return saved[-1]["status"], saved[-1]["record_id"]
    if any(draft["form_id"] == form_id for draft in drafts):
        return DRAFT, None
    return NOT_STARTED, None


def draft_info(draft: dict, communes: CommuneDirectory) -> DraftInfo:
    commune = communes.get(draft["commune"]) if draft["commune"] else None
    return DraftInfo(
        draft_id=draft["draft_id"], record_id=draft["record_id"], form_id=draft["form_id"],
        form_version=draft["form_version"] or "", commune_code=draft["commune"] or "",
        commune_name=commune.name if commune else (draft["commune"] or ""), author=draft["author"] or "",
        updated=utc_to_local_iso(draft["updated"]),
    )
