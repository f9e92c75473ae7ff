"""Writers of one table per form and repeat level: CSV files, XLSX sheets, SQLite tables.

Each writer gets the layouts up front (every table is made, with its header, even when
no submission fills it), then submissions one at a time, so memory stays bounded.
"""

from __future__ import annotations

import contextlib
import csv
import re
from pathlib import Path

from fieldkit.reports.export.layout import METADATA, FormLayout, Table
from fieldkit.reports.export.rows import Row, SubmissionRows
from fieldkit.reports.export.values import cell, is_number_text
from fieldkit.store.export_database import ExportDatabase

SQLITE_BATCH = 2000
SHEET_NAME_LIMIT = 31
_NOT_IN_SHEET_NAMES = re.compile(r"[\[\]:*?/\\]")
# OWASP's CSV injection rule: text starting so is prefixed with a single quote
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_GEOPOINT = re.compile(r"[+-]?[0-9.]+(?: [+-]?[0-9.]+){1,3}\Z")


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
    reads Vietnamese text right), codes or labels as written in the store.

    Unless `raw`, text that a spreadsheet would take for a formula (starting with = + - @,
    a tab or a carriage return) gets a single quote in front, as OWASP's rule against CSV
    injection says; a number in a number field ("-5") and a geopoint ("-8.5 115.2 0 5")
    stay as they are. `raw=True` writes every value as stored, for data pipelines."""

    typed = False

    def __init__(self, target: Path, layouts: list[FormLayout], *, labels, raw: bool = False):
        super().__init__(target, layouts, labels=labels)
        self._files, self._writers = {}, {}
        self._raw = raw
        self._kinds = {table.name: _guard_kinds(table) for table in self.tables}
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
        if not self._raw:
            for position, value in enumerate(cells):
                if value.__class__ is str and value[:1] in FORMULA_STARTS:
                    cells[position] = guarded(value, self._kinds[table.name][position])
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


def _guard_kinds(table: Table) -> list[str]:
    """Per cell of the table's rows, the kind of value it holds ("text": the keys and the
    metadata, then each column's kind)."""
    return ["text"] * (len(table.header) - len(table.columns)) + [column.kind for column in table.columns]


def guarded(value: str, kind: str) -> str:
    """`value` (starting with a formula character) as a CSV cell no spreadsheet runs."""
    if kind in ("int", "decimal") and is_number_text(value):
        return value
    if kind == "geopoint" and _GEOPOINT.match(value):
        return value
    return "'" + value


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

    def __init__(self, target: Path, layouts: list[FormLayout], *, labels: dict[str, dict] | None):
        super().__init__(target, layouts, labels=labels)
        self._db = ExportDatabase(target)
        self._pending: dict[str, list[list]] = {table.name: [] for table in self.tables}
        for table in self.tables:
            self._create(table)

    def _create(self, table: Table) -> None:
        types: dict[str, type] = {name: str for name in table.header}
        types.update({"_conflicts": int, "_index": int})
        kinds = {"int": int, "decimal": float}
        types.update({column.name: kinds.get(column.kind, str) for column in table.columns})
        if table.parent is None:  # the main table
            self._db.create_table(table.name, columns=types, primary_key="_key")
        else:
            self._db.create_table(table.name, columns=types, primary_key="_key",
                                  references=("_parent_key", table.parent, "_key"),
                                  indexes=("_parent_key", "_record_id"))

    def write_row(self, table: Table, cells: list) -> None:
        pending = self._pending[table.name]
        pending.append(cells)
        if len(pending) >= SQLITE_BATCH:
            self._flush(table)

    def _flush(self, table: Table) -> None:
        pending = self._pending[table.name]
        if pending:
            self._db.insert_rows(table.name, (dict(zip(table.header, cells, strict=True)) for cells in pending),
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
