"""The submissions an export covers, read from one snapshot of the store a batch at a time.

Submissions are the non-deleted records; their values are the winning revision's
answers, extracted by SQLite (`json_extract`) so that the instance XML kept beside them
is never read. Dates filter on the day a submission last changed, in local time.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from fieldkit.reports.stored import answers_from_json
from fieldkit.services.listing import local_iso, local_zone
from fieldkit.store.errors import IO_ERROR, StoreError, as_store_error
from fieldkit.store.hlc import format_hlc

BATCH = 500
_COLUMNS = ("record_id", "form_id", "form_version", "commune", "province", "status", "author", "updated",
            "conflicts")


@dataclass(frozen=True)
class Filters:
    form_id: str | None = None
    province: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None  # inclusive
    status: str | None = None


def _where(filters: Filters) -> tuple[str, list]:
    conditions, values = ["r.deleted = 0"], []
    for column, value in (("form_id", filters.form_id), ("province", filters.province),
                          ("status", filters.status)):
        if value is not None:
            conditions.append(f"r.{column} = ?")
            values.append(value)
    if filters.date_from is not None:
        conditions.append("r.updated >= ?")
        values.append(_hlc_at_midnight(filters.date_from))
    if filters.date_to is not None:
        conditions.append("r.updated < ?")
        values.append(_hlc_at_midnight(filters.date_to + dt.timedelta(days=1)))
    return " AND ".join(conditions), values


def _hlc_at_midnight(day: dt.date) -> str:
    """The smallest HLC timestamp of a local day (HLC text sorts as time does)."""
    midnight = dt.datetime.combine(day, dt.time(), tzinfo=local_zone())
    return format_hlc(int(midnight.timestamp() * 1000), 0)


def count(connection: sqlite3.Connection, filters: Filters) -> int:
    where, values = _where(filters)
    return connection.execute(f"SELECT count(*) FROM records r WHERE {where}", values).fetchone()[0]


def form_versions(connection: sqlite3.Connection, filters: Filters) -> dict[str, list[str]]:
    """Per form id, the versions its selected submissions were made with."""
    where, values = _where(filters)
    versions: dict[str, list[str]] = {}
    for form_id, version in connection.execute(
            f"SELECT DISTINCT form_id, form_version FROM records r WHERE {where} ORDER BY form_id", values):
        versions.setdefault(form_id, []).append(version or "")
    return versions


@dataclass(frozen=True)
class Submission:
    record: dict  # the `records` columns of _COLUMNS
    answers: dict[str, str]  # fieldkit.reports.stored: every value a text


def submissions(connection: sqlite3.Connection, filters: Filters, *, data_file: Path) -> Iterator[list[Submission]]:
    """The selected submissions, by form, oldest change first, `BATCH` at a time. A fault
    reading them is a StoreError naming `data_file`: they are read while the export is
    written, whose own faults name the export."""
    where, values = _where(filters)
    with _reading(data_file):
        cursor = connection.execute(
            f"SELECT {', '.join('r.' + name for name in _COLUMNS)}, json_extract(v.data, '$.answers') "
            f"FROM records r JOIN revisions v ON v.rev_id = r.winner_rev WHERE {where} "
            "ORDER BY r.form_id, r.updated, r.record_id", values)
    while True:
        with _reading(data_file):
            rows = cursor.fetchmany(BATCH)
        if not rows:
            return
        yield [Submission(dict(zip(_COLUMNS, row)), answers_from_json(row[-1])) for row in rows]


@contextlib.contextmanager
def _reading(data_file: Path):
    try:
        yield
    except sqlite3.DatabaseError as error:  # "malformed JSON" too: the stored revision is damaged
        raise as_store_error(error, data_file) or StoreError(IO_ERROR, kind="io", path=data_file,
                                                             detail=error) from error


def metadata(record: dict, places: dict, communes, lang: str, zone: dt.tzinfo) -> dict[str, object]:
    """The metadata columns of a submission (fieldkit.reports.export.layout.METADATA);
    `places` remembers each commune's names across submissions."""
    where = (record["commune"], record["province"])
    if where not in places:
        places[where] = _place_names(*where, communes=communes, english=lang == "en")
    return {
        "_form_version": record["form_version"] or "",
        **places[where],
        "_status": record["status"],
        "_author": record["author"] or "",
        "_updated": local_iso(record["updated"], zone),
        "_conflicts": record["conflicts"] or 0,
    }


def _place_names(commune_code: str | None, province_code: str | None, *, communes, english: bool) -> dict:
    commune = communes.get(commune_code) if commune_code else None
    province_code = commune.province_code if commune else (province_code or "")
    province = communes.province(province_code) if province_code else None
    return {
        "_commune": commune_code or "",
        "_commune_name": (commune.name_en if english and commune.name_en else commune.name) if commune else "",
        "_province": province_code,
        "_province_name": (province.name_en if english else province.name) if province else "",
    }
