"""Summaries, charts and exports (DESIGN.md §2: `reports/`). Qt-free.

- `document.Document`: a printable summary, Qt rich-text HTML plus the chart images it
  names. The one renderer that turns it into a PDF, a print preview or paper is
  `fieldkit.ui.printing` (the narrow print/PDF renderer DESIGN.md §2 allows).
- `service.ReportService`: commune, province, national and per-form summaries.
- `export`: CSV, XLSX, SQLite, GeoJSON and JSON exports of the submissions.
"""

from fieldkit.reports.document import Document
from fieldkit.reports.errors import ReportError

__all__ = ["Document", "ReportError", "ReportService"]


def __getattr__(name: str):
    # The service pulls in the form engine; `fieldkit --help` and `fieldkit export` load
    # this package for their commands and should not pay for it.
    if name == "ReportService":
        from fieldkit.reports.service import ReportService

        return ReportService
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
