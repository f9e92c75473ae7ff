"""How a form's submissions are laid out as tables: one per repeat level.

A form gives a main table (one row per submission) and one table per repeat, nested
repeats included (one row per repeat instance). A row of a repeat table carries its own
key and its parent's, as ODK Central and KoboToolbox exports do:

    main table   `_key` = the record id
    repeat row   `_key` = "<record id>/roster[2]" (nested: "<record id>/house[1]/member[3]"),
                 `_parent_key` = the key of the row it sits in, `_record_id`, `_index` (1, 2, ...)

Columns: one per question in form order, named by its path below the table's level with
groups as prefixes ("network/tsl_connected"; in a roster table, "name"). Notes carry no
answer and have no column. Table names: the form id, then "__" and each repeat's name
down to the level ("commune_staffing__roster").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from fieldkit.forms.model import Form, Group, Question

ROW_KEY, PARENT_KEY, RECORD_ID, INDEX = "_key", "_parent_key", "_record_id", "_index"
# The submission's metadata, first in the main table (and the properties of GeoJSON features).
METADATA = ("_form_version", "_commune", "_commune_name", "_province", "_province_name", "_status", "_author",
            "_updated", "_conflicts")
REPEAT_KEYS = (ROW_KEY, PARENT_KEY, RECORD_ID, INDEX)
NO_DATA_TYPES = ("note",)
_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+")


@dataclass(frozen=True)
class Column:
    name: str  # the header: the path below the table's level, "network/tsl_connected"
    path: str  # the question's instance path without positions, "/data/network/tsl_connected"
    kind: str  # int | decimal | select_one | select_multiple | geopoint | text


@dataclass
class Table:
    name: str
    form_id: str
    level: str  # the instance path rows of this table stand for: the root, or a repeat's path
    parent: str | None = None  # the parent table's name; None for the main table
    columns: list[Column] = field(default_factory=list)

    @property
    def is_main(self) -> bool:
        return self.parent is None

    @property
    def header(self) -> list[str]:
        keys = (ROW_KEY, *METADATA) if self.is_main else REPEAT_KEYS
        return [*keys, *(column.name for column in self.columns)]


@dataclass
class FormLayout:
    form_id: str
    root: str  # the instance root path, "/data"
    tables: list[Table]  # the main table first, then the repeats in form order

    def __post_init__(self):
        self.by_level = {table.level: table for table in self.tables}
        self.by_name = {table.name: table for table in self.tables}
        self.columns = {column.path: (table, column) for table in self.tables for column in table.columns}
        self.path_cache: dict = {}  # answer path -> where it goes (fieldkit.reports.export.rows)

    @property
    def main(self) -> Table:
        return self.tables[0]


def form_layout(forms: list[Form]) -> FormLayout:
    """The layout of one form's submissions over all its versions: the first form's
    columns and tables in its order, then what only the other versions have."""
    layouts = [_single_layout(form) for form in forms]
    merged = layouts[0]
    for other in layouts[1:]:
        for table in other.tables:
            known = merged.by_level.get(table.level)
            if known is None:
                merged.tables.append(Table(table.name, table.form_id, table.level, table.parent, list(table.columns)))
                merged.by_level[table.level] = merged.tables[-1]
                continue
            names = {column.path for column in known.columns}
            known.columns.extend(column for column in table.columns if column.path not in names)
    return FormLayout(merged.form_id, merged.root, merged.tables)


def _single_layout(form: Form) -> FormLayout:
    main = Table(safe_name(form.id), form.id, form.root.path)
    tables = [main]
    _add_children(form, form.root, main, tables)
    return FormLayout(form.id, form.root.path, tables)


def _add_children(form: Form, group: Group, table: Table, tables: list[Table]) -> None:
    for item in group.children:
        if isinstance(item, Group) and item.repeat:
            repeat = Table(f"{table.name}__{safe_name(item.name)}", form.id, item.path, parent=table.name)
            tables.append(repeat)
            _add_children(form, item, repeat, tables)
        elif isinstance(item, Group):
            _add_children(form, item, table, tables)
        elif _holds_data(item) and not any(column.path == item.path for column in table.columns):
            name = item.path[len(table.level) + 1:]
            table.columns.append(Column(name, item.path, _kind(form, item)))


def _holds_data(question: Question) -> bool:
    return question.kind != "output" and question.type not in NO_DATA_TYPES


def _kind(form: Form, question: Question) -> str:
    bind = form.binds.get(question.path)
    data_type = bind.type if bind else "string"
    if data_type in ("int", "integer"):
        return "int"
    if data_type in ("decimal", "double", "float"):
        return "decimal"
    if question.type in ("select_one", "select_multiple", "geopoint"):
        return question.type
    return "text"


def safe_name(name: str) -> str:
    """A name that is a file name and an SQL identifier on every system."""
    return _UNSAFE.sub("_", name).strip("._") or "form"
