"""Exports of the submissions: CSV, XLSX, SQLite, GeoJSON and JSON. Qt-free.

    from fieldkit.reports.export import export_submissions
    result = export_submissions(survey, format="xlsx", out=Path("khao-sat.xlsx"), form_id="commune_staffing")

What is exported: the submissions (records not deleted) the filters select (form,
province code, the day a submission last changed, status), each with its winning
revision's answers. Codes by default; `labels=True` writes choice labels (and the status)
in `lang`. Tables (layout.py): per form, a main table (one row per submission, metadata
first: `_key` = record id, form version, commune and province codes and names, status,
author, last change, conflicts) and one table per repeat level (`_key`, `_parent_key`,
`_record_id`, `_index`), named `<form id>` and `<form id>__<repeat>[__<nested repeat>]`.

- csv: `out` is a folder: one `<table>.csv` per form and level (UTF-8 with BOM, so Excel
  shows Vietnamese) and `fieldkit-export.json` (what it holds). A folder is replaced only
  if it is empty or an earlier export.
  Text a spreadsheet would run as a formula (= + - @ tab CR first) gets a single quote
  in front unless `raw=True`; numbers in number fields stay as they are.
- xlsx: one sheet per form and level (XlsxWriter, constant memory); the table name, cut
  to Excel's 31 characters from the form id's end, then "~2"... if two would clash.
  Numbers are numbers; text is always text.
- Values a format cannot hold as numbers (ints beyond 2^53, 1e400, NaN...) are written
  as the text stored (fieldkit.store.answers, values.py).
- sqlite: one table per form and level, `_parent_key` a foreign key to the parent's
  `_key`; numbers are INTEGER/REAL. Ready for Datasette or pandas.
- json: an array of {"_record_id", "_form_id", metadata..., "data": groups as objects,
  repeats as arrays}.
- geojson: a FeatureCollection, one Point [lon, lat] per geopoint answer, with the
  submission's metadata, the question path, altitude and accuracy as properties.

Written atomically (a temporary name beside `out`, fsync, rename): a full disk, a
read-only medium or an interruption leaves `out` as it was and nothing else behind;
the store is only read. `progress(done, total)` is called per batch of submissions.
"""

from fieldkit.reports.export.errors import ExportError
from fieldkit.store.records import Status

FORMATS = ("csv", "xlsx", "sqlite", "geojson", "json")
# plain text, not Status members: argparse names the choices by their repr
STATUSES = tuple(status.value for status in (Status.DRAFT, Status.FINALIZED, Status.HAS_ERRORS))

__all__ = ["FORMATS", "STATUSES", "ExportError", "ExportResult", "export_submissions"]


def __getattr__(name: str):
    # The writers pull in the form engine and openpyxl; building the command line's
    # parser (`fieldkit --help`) imports this package and should not pay for them.
    if name in ("ExportResult", "export_submissions"):
        from fieldkit.reports.export import api

        return getattr(api, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
