"""Writers of one table per form and repeat level: CSV files, XLSX sheets, SQLite tables.

Each writer gets the layouts up front (every table is made, with its header, even when
no submission fills it), then submissions one at a time, so memory stays bounded.
"""

from __future__ import annotations

import contextlib
import csv
import os
import re
from pathlib import Path

from fieldkit.reports.export.layout import METADATA, FormLayout, Table
from fieldkit.reports.export.rows import Row, SubmissionRows
from fieldkit.reports.export.values import cell

SQLITE_BATCH = 2000
SHEET_NAME_LIMIT = 31
_NOT_IN_SHEET_NAMES = re.compile(r"[\[\]:*?/\\]")
_ILLEGAL_IN_XML = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")  # as openpyxl's ILLEGAL_CHARACTERS_RE


def row_cells(table: Table, row: Row, submission: SubmissionRows, *, labels, typed: bool) -> list:
    if table.is_main:
        keys = [row.key, *(submission.meta[name] for name in METADATA)]
    else:
        keys = [row.key, row.parent_key, submission.record_id, row.index]
    return keys + [cell(column, row.values.get(column.path), labels=labels, typed=typed) for column in table.columns]


class TableWriter:
    """The part every tabular writer shares: tables known up front, rows as cell lists."""

    typed = True

    def __init__(self, target: Path, layouts: list[FormLayout], *, labels: dict[str, dict] | None):
        self.target = target
        self.labels = labels  # per form id, the choice labels (None: codes)
        self.tables = [table for layout in layouts for table in layout.tables]

    def add(self, layout: FormLayout, submission: SubmissionRows) -> None:
        labels = self.labels.get(layout.form_id) if self.labels is not None else None
        for table in layout.tables:
            for row in submission.tables[table.name]:
                self.write_row(table, row_cells(table, row, submission, labels=labels, typed=self.typed))

    def write_row(self, table: Table, cells: list) -> None:
        raise NotImplementedError

    def close(self) -> list[str]:
        """Finish writing; the names of the files (or sheets, or tables) written."""
        raise NotImplementedError


class CsvWriter(TableWriter):
    """One `<table>.csv` per table in the target folder, UTF-8 with a BOM (so that Excel
    reads Vietnamese text right), codes or labels as written in the store."""

    typed = False

    def __init__(self, target: Path, layouts: list[FormLayout], *, labels):
        super().__init__(target, layouts, labels=labels)
        self._files, self._writers = {}, {}
        try:
            for table in self.tables:
                handle = self._files[table.name] = open(target / f"{table.name}.csv", "w", encoding="utf-8-sig",
                                                        newline="")
                self._writers[table.name] = csv.writer(handle)
                self._writers[table.name].writerow(table.header)
        except BaseException:
            self.abort()
            raise

    def write_row(self, table: Table, cells: list) -> None:
        self._writers[table.name].writerow(cells)

    def close(self) -> list[str]:
        for handle in self._files.values():
            handle.flush()  # a full disk shows here, while every file is still open
        self.abort()
        return [f"{name}.csv" for name in self._files]

    def abort(self) -> None:
        for handle in self._files.values():
            with contextlib.suppress(OSError):  # what did not reach the disk is dropped with the folder
                handle.close()


class XlsxWriter(TableWriter):
    """One sheet per table (openpyxl, write-only: rows stream to disk)."""

    def __init__(self, target: Path, layouts: list[FormLayout], *, labels):
        from openpyxl import Workbook

        super().__init__(target, layouts, labels=labels)
        self._workbook = Workbook(write_only=True)
        self._sheets = {}
        for table, title in zip(self.tables, sheet_names(self.tables)):
            sheet = self._workbook.create_sheet(title=title)
            sheet.freeze_panes = "A2"
            sheet.append(table.header)
            self._sheets[table.name] = sheet

    def write_row(self, table: Table, cells: list) -> None:
        sheet = self._sheets[table.name]
        texts = "\n".join(value for value in cells if value.__class__ is str)  # one search a row, not a cell
        if "=" in texts or _ILLEGAL_IN_XML.search(texts):
            cells = [_sheet_value(sheet, value) for value in cells]
        sheet.append(cells)

    def close(self) -> list[str]:
        # openpyxl's save_workbook, with the archive kept so that a failure can close it
        from zipfile import ZIP_DEFLATED, ZipFile

        from openpyxl.writer.excel import ExcelWriter

        self._archive = ZipFile(self.target, "w", ZIP_DEFLATED, allowZip64=True)
        ExcelWriter(self._workbook, self._archive).save()
        return [sheet.title for sheet in self._sheets.values()]

    def abort(self) -> None:
        """Close what a failed save left open and remove the sheets' temporary files."""
        archive = getattr(self, "_archive", None)
        if archive is not None:
            with contextlib.suppress(OSError, ValueError):
                archive.close()
        for sheet in self._sheets.values():
            with contextlib.suppress(Exception):
                if not sheet.closed:
                    sheet.close()
            writer = sheet._writer  # openpyxl keeps each sheet in a temporary file until saved
            if writer is not None and isinstance(writer.out, str) and os.path.exists(writer.out):
                with contextlib.suppress(OSError, ValueError):
                    writer.cleanup()


def _sheet_value(sheet, value):
    """Text as text: no answer becomes a formula, and characters XML cannot hold go."""
    if not isinstance(value, str) or not value:
        return value
    from openpyxl.cell import WriteOnlyCell

    value = _ILLEGAL_IN_XML.sub("", value)
    if value.startswith("="):
        text = WriteOnlyCell(sheet, value=value)
        text.data_type = "s"
        return text
    return value


def sheet_names(tables: list[Table]) -> list[str]:
    """Unique sheet names of at most 31 characters: the table name, shortened from the
    form id's end when too long ("commune_infrast__respondents"), then "~2", "~3"."""
    names: list[str] = []
    taken: set[str] = set()
    for table in tables:
        name = _NOT_IN_SHEET_NAMES.sub("_", table.name)
        if len(name) > SHEET_NAME_LIMIT:
            form, _sep, levels = name.partition("__")
            room = SHEET_NAME_LIMIT - len(levels) - 2
            name = f"{form[:room]}__{levels}" if levels and room >= 3 else name[:SHEET_NAME_LIMIT]
        candidate, number = name, 1
        while candidate.lower() in taken:
            number += 1
            suffix = f"~{number}"
            candidate = name[:SHEET_NAME_LIMIT - len(suffix)] + suffix
        taken.add(candidate.lower())
        names.append(candidate)
    return names


class SqliteWriter(TableWriter):
    """One table per level (sqlite-utils), `_parent_key` a foreign key to the parent
    table's `_key`, indexes on the keys: ready for Datasette or pandas."""

    def __init__(self, target: Path, layouts: list[FormLayout], *, labels):
        import sqlite_utils

        super().__init__(target, layouts, labels=labels)
        self._db = sqlite_utils.Database(target)
        self._db.execute("PRAGMA journal_mode = OFF")  # a temporary file: the rename makes it whole
        self._db.execute("PRAGMA synchronous = OFF")
        self._pending: dict[str, list[list]] = {table.name: [] for table in self.tables}
        for table in self.tables:
            self._create(table)

    def _create(self, table: Table) -> None:
        types = {name: str for name in table.header}
        types.update({"_conflicts": int, "_index": int})
        kinds = {"int": int, "decimal": float}
        types.update({column.name: kinds.get(column.kind, str) for column in table.columns})
        foreign_keys = [] if table.is_main else [("_parent_key", table.parent, "_key")]
        self._db[table.name].create(types, pk="_key", foreign_keys=foreign_keys)
        if not table.is_main:
            self._db[table.name].create_index(["_parent_key"])
            self._db[table.name].create_index(["_record_id"])

    def write_row(self, table: Table, cells: list) -> None:
        pending = self._pending[table.name]
        pending.append(cells)
        if len(pending) >= SQLITE_BATCH:
            self._flush(table)

    def _flush(self, table: Table) -> None:
        pending = self._pending[table.name]
        if pending:
            self._db[table.name].insert_all((dict(zip(table.header, cells)) for cells in pending),
                                            batch_size=SQLITE_BATCH)
            pending.clear()

    def close(self) -> list[str]:
        for table in self.tables:
            self._flush(table)
        self._db.close()
        return [table.name for table in self.tables]

    def abort(self) -> None:
        with contextlib.suppress(Exception):
            self._db.close()
