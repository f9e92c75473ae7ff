"""The checks of what leaves the laptop on paper and in spreadsheets: the commune's
summary as a PDF whose Vietnamese text is really in it, and an XLSX export read back."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

from fieldkit.catalog import form_titles
from fieldkit.selftest import messages
from fieldkit.selftest.answers import COMMUNE_CODE, FORM_ID
from fieldkit.selftest.session import CheckFailed, Session

if TYPE_CHECKING:
    from fieldkit.reports.document import Document

SUMMARY_LANGUAGE = "vi"  # the working-visit record is an official Vietnamese document


def commune_summary_pdf(session: Session) -> None:
    """The commune's working-visit record, rendered by the one PDF renderer as `fieldkit
    report commune` renders it; the text read back from the file holds the commune's
    name and the form's Vietnamese title (diacritics that survive the shipped font)."""
    from fieldkit.reports.service import ReportService

    session.finalized_record()
    survey = session.survey
    document = ReportService(survey).commune_summary(COMMUNE_CODE, lang=SUMMARY_LANGUAGE)
    path = session.folder("reports") / "commune-summary.pdf"
    _write_pdf(document, path)
    commune = survey.communes.get(COMMUNE_CODE)
    expected = [commune.name if commune else COMMUNE_CODE,
                form_titles(survey.form(FORM_ID)).get(SUMMARY_LANGUAGE, FORM_ID)]
    text = pdf_text(path)
    missing = [phrase for phrase in expected if _normal(phrase) not in text]
    if missing:
        raise CheckFailed(messages.PDF_TEXT_MISSING, phrases=", ".join(missing))


def _write_pdf(document: Document, path: Path) -> None:
    from fieldkit.ui import printing  # Qt loads here, offscreen (the workspace set QT_QPA_PLATFORM)

    printing.ensure_application()
    with printing.language(SUMMARY_LANGUAGE):
        printing.write_pdf(document, path)


def pdf_text(path: Path) -> str:
    """The PDF's text, normalised as `_normal` normalises what is looked for in it."""
    import pypdf

    reader = pypdf.PdfReader(str(path))
    return _normal(" ".join(page.extract_text() for page in reader.pages))


def _normal(text: str) -> str:
    """NFKC (the font's "ﬁ" ligatures back to letters, accents composed), one space
    between words (Qt writes words as separate runs)."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def xlsx_export(session: Session) -> None:
    """The submissions exported as XLSX, as the window's export writes them; the file
    opened with openpyxl holds the finalized submission in its form's sheet."""
    from fieldkit.reports.export import export_submissions

    record_id = session.finalized_record()
    path = session.folder("exports") / "submissions.xlsx"
    export_submissions(session.survey, format="xlsx", out=path, lang=session.lang)
    if record_id not in _sheet_keys(path, FORM_ID):
        raise CheckFailed(messages.XLSX_ROW_MISSING, record_id=record_id, sheet=FORM_ID)


def _sheet_keys(path: Path, sheet: str) -> set[str]:
    """The `_key` column (the record ids) of one sheet; empty when there is no such sheet."""
    import openpyxl  # type: ignore[import-untyped]

    workbook = openpyxl.load_workbook(path, read_only=True)
    try:
        if sheet not in workbook.sheetnames:
            return set()
        rows = workbook[sheet].iter_rows(values_only=True)
        header = list(next(rows, ()))
        if "_key" not in header:
            return set()
        column = header.index("_key")
        return {str(row[column]) for row in rows if row[column] is not None}
    finally:
        workbook.close()
