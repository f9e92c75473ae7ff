"""`export_submissions`: the submissions a filter selects, in one of five formats."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from fieldkit.i18n import translate
from fieldkit.reports.export import FORMATS, STATUSES, atomic, errors, source
from fieldkit.reports.export.documents import GeoJsonWriter, JsonWriter
from fieldkit.reports.export.layout import FormLayout, form_layout
from fieldkit.reports.export.rows import SubmissionRows, submission_rows
from fieldkit.reports.export.tabular import CsvWriter, SqliteWriter
from fieldkit.reports.export.values import choice_labels
from fieldkit.reports.export.xlsx import XlsxWriter
from fieldkit.services.listing import local_zone
from fieldkit.store import StoreError
from fieldkit.store import reports as stored

if TYPE_CHECKING:
    from fieldkit.services import SurveyService

WRITERS = {"csv": CsvWriter, "xlsx": XlsxWriter, "sqlite": SqliteWriter, "geojson": GeoJsonWriter,
           "json": JsonWriter}


@dataclass(frozen=True)
class ExportResult:
    format: str
    path: Path  # the file written, or the folder (CSV)
    files: list[str]  # CSV files in the folder; XLSX sheets; SQLite tables; the JSON/GeoJSON file
    submissions: int
    rows: dict[str, int] = field(default_factory=dict)  # per table (form, then repeat levels): rows
    features: int = 0  # GeoJSON: the points written


def export_submissions(survey, *, format: str, out: Path | str, form_id: str | None = None,
                       province: str | None = None, date_from: str | None = None, date_to: str | None = None,
                       status: str | None = None, labels: bool = False, lang: str = "vi", raw: bool = False,
                       progress: Callable[[int, int], None] | None = None) -> ExportResult:
    """Export the non-deleted submissions the filters select (dates: YYYY-MM-DD, the day a
    submission last changed, inclusive) to `out`. `raw`: CSV text as stored, without the
    quote that keeps a spreadsheet from running it as a formula (for data pipelines).
    Raises ExportError (a StoreError) with a message naming what is wrong; `out` then
    holds what it held before."""
    if format not in WRITERS:
        raise errors.ExportError(errors.UNKNOWN_FORMAT, format=format, formats=", ".join(FORMATS))
    filters = _filters(survey, form_id=form_id, province=province, date_from=date_from, date_to=date_to,
                       status=status)
    out = Path(out).absolute()
    with survey.store.read() as connection:
        stored.hold_snapshot(connection)  # the counts, the layouts and the rows agree
        total = source.count(connection, filters)
        forms = _forms_exported(survey, source.form_versions(connection, filters), form_id)
        layouts = {name: form_layout(versions) for name, versions in forms.items()}
        label_maps = ({name: choice_labels(forms[name], layout, lang) for name, layout in layouts.items()}
                      if labels else None)
        place = atomic.atomic_folder if format == "csv" else atomic.atomic_file
        with place(out) as temporary:
            options = {"raw": raw} if format == "csv" else {}
            writer = WRITERS[format](temporary, list(layouts.values()), labels=label_maps, **options)
            try:
                rows = _stream(connection, filters, layouts, writer, survey=survey, labels=labels, lang=lang,
                               total=total, progress=progress)
                files = writer.close() or [out.name]
            except BaseException:
                writer.abort()
                raise
            if format == "csv":
                _write_marker(temporary, files=files, rows=rows, filters=filters, total=total)
    return ExportResult(format, out, files, total, rows, getattr(writer, "features", 0))


def _filters(survey, *, form_id, province, date_from, date_to, status) -> source.Filters:
    if status is not None and status not in STATUSES:
        raise errors.ExportError(errors.UNKNOWN_STATUS, status=status, statuses=", ".join(STATUSES))
    if province is not None and survey.communes.province(province) is None:
        raise errors.ExportError(errors.UNKNOWN_PROVINCE, code=province)
    first, last = _date(date_from), _date(date_to)
    if first is not None and last is not None and first > last:
        raise errors.ExportError(errors.DATES_REVERSED, date_from=first, date_to=last)
    if form_id is not None:
        try:
            survey.form(form_id)
        except StoreError:
            raise errors.ExportError(errors.UNKNOWN_FORM, form_id=form_id) from None
    return source.Filters(form_id=form_id, province=province, date_from=first, date_to=last, status=status)


def _date(text: str | None) -> dt.date | None:
    if text is None or text == "":
        return None
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise errors.ExportError(errors.BAD_DATE, value=text) from None


def _forms_exported(survey, versions: dict[str, list[str]], form_id: str | None) -> dict[str, list]:
    """Per form id, its latest version and every version the submissions were made with."""
    if form_id is not None:
        versions.setdefault(form_id, [])
    return {name: _forms(survey, name, wanted) for name, wanted in versions.items()}


def _forms(survey, form_id: str, versions: list[str]) -> list:
    found = {}
    for version in (None, *versions):
        try:
            form = survey.form(form_id, version)
        except StoreError:
            continue  # a version this store never held: its answers fit the others' columns
        found.setdefault(form.version or "", form)
    if not found:
        raise errors.ExportError(errors.NO_FORM_FOR, form_id=form_id)
    return list(found.values())


class _Writer(Protocol):
    def add(self, layout: FormLayout, submission: SubmissionRows) -> None: ...


def _stream(connection: sqlite3.Connection, filters: source.Filters, layouts: dict[str, FormLayout],
            writer: _Writer, *, survey: SurveyService, labels: bool, lang: str, total: int,
            progress: Callable[[int, int], None] | None) -> dict[str, int]:
    rows = {table.name: 0 for layout in layouts.values() for table in layout.tables}
    done, zone, places = 0, local_zone(), source.Places()
    if progress is not None:
        progress(0, total)
    for batch in source.submissions(connection, filters, data_file=survey.store.path):
        for submission in batch:
            meta = source.metadata(submission, places, survey.communes, lang, zone)
            if labels and submission.status is not None:
                meta["_status"] = translate(submission.status, lang)
            layout = layouts[submission.form_id]
            made = submission_rows(layout, submission.record_id, meta, submission.answers)
            writer.add(layout, made)
            for name, table_rows in made.tables.items():
                rows[name] += len(table_rows)
        done += len(batch)
        if progress is not None:
            progress(done, total)
    return rows


def _write_marker(folder: Path, *, files, rows, filters, total) -> None:
    """What the folder holds: it also marks the folder as an export a later one may replace."""
    summary = {"format": "fieldkit-export", "files": files, "submissions": total, "rows": rows,
               "filters": {name: str(value) for name, value in vars(filters).items() if value is not None},
               "exported": dt.datetime.now().astimezone().isoformat(timespec="seconds")}
    (folder / atomic.MARKER).write_text(json.dumps(summary, ensure_ascii=False, indent=2), encoding="utf-8")
