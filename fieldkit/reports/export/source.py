"""The submissions an export covers, read from one snapshot of the store a batch at a time.

Submissions are the non-deleted records; their values are the winning revision's
answers (fieldkit.store.reports). Dates filter on the day a submission last changed,
in local time.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from fieldkit.communes import CommuneDirectory
from fieldkit.services.listing import local_iso, local_zone
from fieldkit.store import reports as stored
from fieldkit.store.errors import IO_ERROR, StoreError, as_store_error
from fieldkit.store.hlc import format_hlc
from fieldkit.store.reports import StoredSubmission


@dataclass(frozen=True)
class Filters:
    form_id: str | None = None
    province: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None  # inclusive
    status: str | None = None

    def selection(self) -> stored.Selection:
        """The records these filters select, the days as the local midnights around them."""
        return stored.Selection(
            form_id=self.form_id, province=self.province, status=self.status,
            updated_from=None if self.date_from is None else _hlc_at_midnight(self.date_from),
            updated_before=None if self.date_to is None else _hlc_at_midnight(self.date_to + dt.timedelta(days=1)))


def _hlc_at_midnight(day: dt.date) -> str:
    """The smallest HLC timestamp of a local day (HLC text sorts as time does)."""
    midnight = dt.datetime.combine(day, dt.time(), tzinfo=local_zone())
    return format_hlc(int(midnight.timestamp() * 1000), 0)


def count(connection: sqlite3.Connection, filters: Filters) -> int:
    return stored.count_selected(connection, selection=filters.selection())


def form_versions(connection: sqlite3.Connection, filters: Filters) -> dict[str, list[str]]:
    """Per form id, the versions its selected submissions were made with."""
    return stored.selected_form_versions(connection, selection=filters.selection())


def submissions(connection: sqlite3.Connection, filters: Filters, *,
                data_file: Path) -> Iterator[list[StoredSubmission]]:
    """The selected submissions, by form, oldest change first, a batch at a time. A fault
    reading them is a StoreError naming `data_file`: they are read while the export is
    written, whose own faults name the export."""
    batches = stored.selected_submissions(connection, selection=filters.selection())
    while True:
        with _reading(data_file):
            batch = next(batches, None)
        if batch is None:
            return
        yield batch


@contextlib.contextmanager
def _reading(data_file: Path) -> Iterator[None]:
    try:
        yield
    except sqlite3.DatabaseError as error:  # "malformed JSON" too: the stored revision is damaged
        raise as_store_error(error, data_file) or StoreError(IO_ERROR, kind="io", path=data_file,
                                                             detail=error) from error


Places = dict[tuple[str | None, str | None], dict[str, str]]  # (commune, province) codes -> their names


def metadata(submission: StoredSubmission, places: Places, communes: CommuneDirectory, lang: str,
             zone: dt.tzinfo) -> dict[str, object]:
    """The metadata columns of a submission (fieldkit.reports.export.layout.METADATA);
    `places` remembers each commune's names across submissions."""
    where = (submission.commune, submission.province)
    if where not in places:
        places[where] = _place_names(*where, communes=communes, english=lang == "en")
    return {
        "_form_version": submission.form_version or "",
        **places[where],
        "_status": submission.status,
        "_author": submission.author or "",
        "_updated": local_iso(submission.updated, zone),
        "_conflicts": submission.conflicts or 0,
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
