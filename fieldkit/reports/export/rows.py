"""One submission's flat answers ("/data/roster[2]/name" -> "Lan") as rows per table."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from fieldkit.reports.export.layout import FormLayout

_STEP = re.compile(r"([^/\[\]]+)(?:\[(\d+)\])?")


@dataclass
class Row:
    key: str
    parent_key: str | None
    index: int | None
    positions: tuple[int, ...] = ()  # the repeat positions down to this row, for ordering
    values: dict[str, str] = field(default_factory=dict)  # by the column's path (no positions)


@dataclass
class SubmissionRows:
    """A submission as rows: by table name, each table's rows in instance order."""

    record_id: str
    meta: dict[str, object]
    tables: dict[str, list[Row]]

    @property
    def main(self) -> Row:
        return self.tables[next(iter(self.tables))][0]


def submission_rows(layout: FormLayout, record_id: str, meta: dict, answers: dict[str, str]) -> SubmissionRows:
    main = Row(record_id, None, None)
    rows: dict[str, dict[str, Row]] = {table.name: {} for table in layout.tables}
    rows[layout.main.name][""] = main
    for path, value in answers.items():
        steps = _steps(path)
        template = "/" + "/".join(name for name, _position in steps)
        found = layout.columns.get(template)
        if found is None:
            continue  # a node no version of the form has a question for
        table, _column = found
        row = main if table.is_main else _repeat_row(layout, record_id, steps, table.level, rows)
        row.values[template] = value
    ordered = {name: sorted(by_key.values(), key=lambda row: row.positions) for name, by_key in rows.items()}
    return SubmissionRows(record_id, meta, ordered)


def _steps(path: str) -> list[tuple[str, int]]:
    return [(match.group(1), int(match.group(2) or 1)) for match in _STEP.finditer(path)]


def _repeat_row(layout: FormLayout, record_id: str, steps: list[tuple[str, int]], level: str,
                rows: dict[str, dict[str, Row]]) -> Row:
    """The row of the repeat instance `steps` lies in, made (with its parents) if new."""
    own = steps[:level.count("/")]  # "/data/roster" is two steps deep
    concrete = "/".join(_key_steps(layout, own))
    table = layout.by_level[level]
    row = rows[table.name].get(concrete)
    if row is not None:
        return row
    parent = layout.by_name[table.parent]
    parent_key = record_id if parent.is_main else _repeat_row(layout, record_id, steps, parent.level, rows).key
    row = Row(f"{record_id}/{concrete}", parent_key, own[-1][1], tuple(position for _name, position in own))
    rows[table.name][concrete] = row
    return row


def _key_steps(layout: FormLayout, steps: list[tuple[str, int]]) -> list[str]:
    """"roster[2]", or "house[1]/member[3]": positions on repeat steps only, below the root."""
    parts, prefix = [], ""
    for name, position in steps:
        prefix += f"/{name}"
        if prefix != layout.root:
            parts.append(f"{name}[{position}]" if prefix in layout.by_level else name)
    return parts
