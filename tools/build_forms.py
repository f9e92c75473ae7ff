"""Write the shipped XLSForms (forms/*.xlsx) from the readable tables in tools/forms_src/.

    python tools/build_forms.py            # rewrite forms/*.xlsx
    python tools/build_forms.py --check    # exit 1 if a committed .xlsx differs

The .xlsx files are generated: edit tools/forms_src/*.py, run this script, commit both.
Output is byte-for-byte reproducible (fixed timestamps), so an unchanged source leaves the
committed workbooks unchanged; tests/forms/test_shipped_forms.py compares them cell by cell.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from openpyxl import Workbook, load_workbook  # noqa: E402
from openpyxl.styles import Font  # noqa: E402
from openpyxl.utils import get_column_letter  # noqa: E402

from tools.forms_src import FORMS  # noqa: E402
from tools.forms_src.common import CHOICE_COLUMNS, SETTINGS_COLUMNS, SURVEY_COLUMNS  # noqa: E402

FORMS_DIR = ROOT / "forms"
FIXED_TIME = (2026, 1, 1, 0, 0, 0)
FIXED_STAMP = "2026-01-01T00:00:00Z"
SMART_QUOTES = set("‘’“”")
Table = list[list[str | None]]


def _table(columns: list[str], rows: list[dict[str, str]], sheet: str) -> Table:
    """Header + rows, keeping only the columns some row uses, in the standard order."""
    unknown = {column for row in rows for column in row} - set(columns)
    if unknown:
        raise ValueError(f"sheet {sheet!r}: unknown columns {sorted(unknown)}")
    curly = [row.get("name") for row in rows if any(set(str(v)) & SMART_QUOTES for v in row.values())]
    if curly:
        raise ValueError(f"sheet {sheet!r}: pyxform turns curly quotes straight; "
                         f"write straight quotes in rows {curly}")
    used = [column for column in columns if any(row.get(column) for row in rows)]
    return [used, *[[row.get(column) or None for column in used] for row in rows]]


def sheet_tables(form) -> dict[str, Table]:
    """The sheets of one form module (SURVEY, CHOICES, SETTINGS) as tables of cells."""
    return {
        "survey": _table(SURVEY_COLUMNS, form.SURVEY, "survey"),
        "choices": _table(CHOICE_COLUMNS, form.CHOICES, "choices"),
        "settings": _table(SETTINGS_COLUMNS, [form.SETTINGS], "settings"),
    }


def build_workbook(form) -> Workbook:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, table in sheet_tables(form).items():
        sheet = workbook.create_sheet(title)
        for row in table:
            sheet.append(row)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
        for index, header in enumerate(table[0], start=1):
            width = max(len(str(row[index - 1] or "")) for row in table)
            sheet.column_dimensions[get_column_letter(index)].width = min(max(width, len(header)) + 2, 60)
    workbook.properties.creator = "fieldkit tools/build_forms.py"
    return workbook


def _reproducible(data: bytes) -> bytes:
    """The same .xlsx with fixed zip and document timestamps."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", FIXED_STAMP.encode(), content)
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, content)
    return out.getvalue()


def workbook_bytes(form) -> bytes:
    buffer = io.BytesIO()
    build_workbook(form).save(buffer)
    return _reproducible(buffer.getvalue())


def read_tables(source) -> dict[str, Table]:
    """Every sheet of an .xlsx (path or bytes) as a table of cell values."""
    if isinstance(source, bytes):
        source = io.BytesIO(source)
    workbook = load_workbook(source, read_only=True)
    try:
        return {
            sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)]
            for sheet in workbook.worksheets
        }
    finally:
        workbook.close()


def write_all(directory: Path = FORMS_DIR) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for file_name, form in FORMS.items():
        path = directory / file_name
        path.write_bytes(workbook_bytes(form))
        written.append(path)
    return written


def stale(directory: Path = FORMS_DIR) -> list[str]:
    """The forms whose committed .xlsx differs, cell by cell, from the source tables."""
    return [
        file_name for file_name, form in FORMS.items()
        if not (directory / file_name).exists()
        or read_tables(directory / file_name) != read_tables(workbook_bytes(form))
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only compare, write nothing")
    parser.add_argument("--out", type=Path, default=FORMS_DIR, help="output directory")
    args = parser.parse_args(argv)
    if args.check:
        differing = stale(args.out)
        for name in differing:
            print(f"out of date: {args.out / name} (run python tools/build_forms.py)")
        return 1 if differing else 0
    for path in write_all(args.out):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
