"""The XLSX writer: one sheet per table, written with XlsxWriter in constant-memory mode.

XlsxWriter makes the package (workbook, styles, sheet names, the frozen header row) and
keeps each sheet's rows in a temporary file until the workbook is closed, so memory
stays flat however many submissions there are. The rows themselves are written here,
straight into that file, as the inline-string and number cells XlsxWriter's constant-
memory mode writes: going through `write_string` cell by cell cost six times a CSV
export. Text is always a text cell (never a formula, whatever it starts with); the
control characters XML cannot hold are dropped; numbers are numbers.
"""

from __future__ import annotations

import contextlib
import functools
import math
import os
import re
import shutil
import tempfile
from pathlib import Path

from xlsxwriter.exceptions import FileCreateError
from xlsxwriter.utility import xl_col_to_name
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from fieldkit.reports.export.layout import FormLayout, Table
from fieldkit.reports.export.tabular import TableWriter, sheet_names

# as openpyxl's ILLEGAL_CHARACTERS_RE, and the two non-characters XML refuses
_ILLEGAL_IN_XML = re.compile("[\000-\010\013\014\016-\037\ufffe\uffff]")
_SPECIAL = re.compile("[\000-\010\013\014\016-\037\ufffe\uffff&<>]")  # what a cell's text cannot hold as is
_OPTIONS = {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
            "strings_to_numbers": False}


class RowSheet(Worksheet):
    """A constant-memory worksheet that takes whole rows of str / int / float / None."""

    def start(self, width: int) -> None:
        self.letters = [xl_col_to_name(column) for column in range(width)]
        self.rows_written = 0

    def append(self, cells: list) -> None:
        number = self.rows_written + 1
        parts = [f'<row r="{number}">']
        for letter, value in zip(self.letters, cells, strict=True):
            if value is None or value == "":
                continue
            if value.__class__ is str:
                parts.append(f'<c r="{letter}{number}" t="inlineStr">{_inline(value)}</c>')
            elif value.__class__ is float and not math.isfinite(value):
                parts.append(f'<c r="{letter}{number}" t="inlineStr">{_inline(repr(value))}</c>')
            else:
                parts.append(f'<c r="{letter}{number}"><v>{value!r}</v></c>')
        parts.append("</row>")
        self.fh.write("".join(parts))
        self._check_dimensions(number - 1, 0)
        self._check_dimensions(number - 1, max(len(cells), 1) - 1)
        self.previous_row = number
        self.rows_written = number

    def discard(self) -> None:
        """Close and remove the temporary file the rows went to."""
        handle = getattr(self, "row_data_fh", None)
        with contextlib.suppress(OSError, ValueError):
            if handle is not None and not handle.closed:
                handle.close()
        name = getattr(self, "row_data_filename", None)
        if name and os.path.exists(name):
            with contextlib.suppress(OSError):
                os.unlink(name)


@functools.lru_cache(maxsize=16384)  # answers repeat (choices, communes, yes/no): a cell's XML is made once
def _inline(text: str) -> str:
    if _SPECIAL.search(text):
        text = _ILLEGAL_IN_XML.sub("", text)
        text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if text[:1].isspace() or text[-1:].isspace():
        return f'<is><t xml:space="preserve">{text}</t></is>'
    return f"<is><t>{text}</t></is>"


class XlsxWriter(TableWriter):
    """One sheet per table, its header row frozen; rows stream to temporary files."""

    def __init__(self, target: Path, layouts: list[FormLayout], *, labels):
        super().__init__(target, layouts, labels=labels)
        self._folder = tempfile.mkdtemp(prefix="fieldkit-xlsx-")  # the sheets' rows, then the package's parts
        self._workbook = Workbook(str(target), {**_OPTIONS, "tmpdir": self._folder})
        self._sheets: dict[str, RowSheet] = {}
        try:
            for table, title in zip(self.tables, sheet_names(self.tables), strict=True):
                sheet = self._workbook.add_worksheet(title, worksheet_class=RowSheet)
                sheet.start(len(table.header))
                sheet.freeze_panes(1, 0)
                sheet.append(table.header)
                self._sheets[table.name] = sheet
        except BaseException:
            self.abort()
            raise

    def write_row(self, table: Table, cells: list) -> None:
        self._sheets[table.name].append(cells)

    def close(self) -> list[str]:
        try:
            self._workbook.close()
        except FileCreateError as error:  # XlsxWriter's wrapper of the OSError met writing the file
            cause = error.args[0] if error.args else None
            raise (cause if isinstance(cause, OSError) else OSError(str(error))) from error
        finally:
            shutil.rmtree(self._folder, ignore_errors=True)
        return [sheet.name for sheet in self._sheets.values()]

    def abort(self) -> None:
        """Remove the sheets' temporary files (the workbook itself is the caller's)."""
        for sheet in self._sheets.values():
            sheet.discard()
        self._workbook.fileclosed = True  # nothing more to write: no warning at exit
        shutil.rmtree(self._folder, ignore_errors=True)
