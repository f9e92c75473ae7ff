"""One submission's flat answers ("/data/roster[2]/name" -> "Lan") as rows per table."""

from __future__ import annotations

from dataclasses import dataclass, field

from fieldkit.forms.paths import InstancePath
from fieldkit.reports.export.layout import FormLayout

_CACHE_LIMIT = 200_000  # paths remembered per layout: the same few hundred recur in every submission


@dataclass
class Row:
    key: str
    parent_key: str | None
    index: int | None
    positions: tuple[int, ...] = ()  # the positions down to this row, for ordering
    values: dict[str, str] = field(default_factory=dict)  # by the column's path (no positions)


@dataclass
class SubmissionRows:
    """A submission as rows: by table name, each table's rows in instance order."""

    record_id: str
    meta: dict[str, object]
    tables: dict[str, list[Row]]


@dataclass(frozen=True)
class _Place:
    """Where an answer path goes: its column's path, and the repeat rows it lies in, from
    the outermost: (table name, key below the record, index, positions)."""

    template: str
    chain: tuple[tuple[str, str, int, tuple[int, ...]], ...]


def submission_rows(layout: FormLayout, record_id: str, meta: dict, answers: dict[str, str]) -> SubmissionRows:
    main = Row(record_id, None, None)
    rows: dict[str, dict[str, Row]] = {table.name: {} for table in layout.tables}
    rows[layout.main.name][""] = main
    places = layout.path_cache
    for path, value in answers.items():
        place = places.get(path)
        if place is None:
            if len(places) > _CACHE_LIMIT:
                places.clear()
            place = places[path] = _place(layout, path)
        if place is False:
            continue  # a node no version of the form has a question for
        row = main
        for table_name, below, index, positions in place.chain:
            known = rows[table_name].get(below)
            if known is None:
                known = rows[table_name][below] = Row(f"{record_id}/{below}", row.key, index, positions)
            row = known
        row.values[place.template] = value
    ordered = {name: sorted(by_key.values(), key=lambda row: row.positions) for name, by_key in rows.items()}
    return SubmissionRows(record_id, meta, ordered)


def _place(layout: FormLayout, path: str) -> _Place | bool:
    parsed = InstancePath.try_parse(path)
    if parsed is None:
        return False  # no instance path: no column has it
    steps = [(name, position or 1) for name, position in parsed.steps]
    template = parsed.template
    found = layout.columns.get(template)
    if found is None:
        return False
    levels, table = [], found[0]
    while not table.is_main:
        levels.append(table)
        table = layout.by_name[table.parent]
    chain = []
    for level in reversed(levels):
        own = steps[:level.level.count("/")]  # "/data/roster" is two steps deep
        chain.append((level.name, "/".join(_key_steps(layout, own)), own[-1][1],
                      tuple(position for _name, position in own)))
    return _Place(template, tuple(chain))


def _key_steps(layout: FormLayout, steps: list[tuple[str, int]]) -> list[str]:
    """"roster[2]", or "house[1]/member[3]": positions on repeat steps only, below the root."""
    parts, prefix = [], ""
    for name, position in steps:
        prefix += f"/{name}"
        if prefix != layout.root:
            parts.append(f"{name}[{position}]" if prefix in layout.by_level else name)
    return parts
