"""Writers of one document: JSON (one object per submission, repeats nested) and GeoJSON
(one Point feature per geopoint answer). Both stream: one submission in memory at a time.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

from fieldkit.reports.export.layout import METADATA, FormLayout, Table
from fieldkit.reports.export.rows import Row, SubmissionRows
from fieldkit.reports.export.values import cell


class _DocumentWriter:
    def __init__(self, target: Path, layouts: list[FormLayout], *, labels: dict[str, dict] | None):
        self.labels = labels
        self._handle = open(target, "w", encoding="utf-8")
        self._first = True

    def _labels(self, layout: FormLayout):
        return self.labels.get(layout.form_id) if self.labels is not None else None

    def _item(self, value: dict) -> None:
        self._handle.write(("\n" if self._first else ",\n") + json.dumps(value, ensure_ascii=False))
        self._first = False

    def abort(self) -> None:
        with contextlib.suppress(OSError):  # what did not reach the disk goes with the temporary file
            self._handle.close()


def _head(layout: FormLayout, submission: SubmissionRows) -> dict:
    return {"_record_id": submission.record_id, "_form_id": layout.form_id,
            **{name: submission.meta[name] for name in METADATA}}


class JsonWriter(_DocumentWriter):
    """A JSON array; each submission {"_record_id", "_form_id", metadata..., "data": {...}}
    where "data" nests groups as objects and repeats as arrays, as the instance does."""

    def __init__(self, target: Path, layouts: list[FormLayout], *, labels):
        super().__init__(target, layouts, labels=labels)
        self._handle.write("[")

    def add(self, layout: FormLayout, submission: SubmissionRows) -> None:
        labels = self._labels(layout)
        objects: dict[str, dict] = {}
        for table in layout.tables:
            for row in submission.tables[table.name]:
                objects[row.key] = values = _nested(table, row, labels)
                if not table.is_main:
                    parent = objects[row.parent_key]
                    level = table.level[len(layout.by_name[table.parent].level) + 1:]
                    _place(parent, level.split("/"), values)
        self._item({**_head(layout, submission), "data": objects[submission.record_id]})

    def close(self) -> list[str]:
        self._handle.write("\n]\n")
        self._handle.close()
        return []  # the one file: the caller names it


def _nested(table: Table, row: Row, labels) -> dict:
    values: dict = {}
    for column in table.columns:
        *groups, name = column.name.split("/")
        target = values
        for group in groups:
            target = target.setdefault(group, {})
        target[name] = cell(column, row.values.get(column.path), labels=labels, typed=True)
    return values


def _place(parent: dict, steps: list[str], values: dict) -> None:
    for group in steps[:-1]:
        parent = parent.setdefault(group, {})
    parent.setdefault(steps[-1], []).append(values)


class GeoJsonWriter(_DocumentWriter):
    """A FeatureCollection: per geopoint answer ("lat lon alt acc"), a Point [lon, lat]
    whose properties are the submission's metadata, the question, the row key, the
    altitude and the accuracy. An answer that is not a point is left out."""

    def __init__(self, target: Path, layouts: list[FormLayout], *, labels):
        super().__init__(target, layouts, labels=labels)
        self._handle.write('{"type": "FeatureCollection", "features": [')
        self.features = 0

    def add(self, layout: FormLayout, submission: SubmissionRows) -> None:
        head = _head(layout, submission)
        for table in layout.tables:
            points = [column for column in table.columns if column.kind == "geopoint"]
            for row in submission.tables[table.name] if points else ():
                for column in points:
                    feature = _feature(row.values.get(column.path), head, row, column.path)
                    if feature is not None:
                        self._item(feature)
                        self.features += 1

    def close(self) -> list[str]:
        self._handle.write("\n]}\n")
        self._handle.close()
        return []  # the one file: the caller names it


def _feature(raw: str | None, head: dict, row: Row, question: str) -> dict | None:
    try:
        numbers = [float(part) for part in (raw or "").split()]
    except ValueError:
        return None
    if len(numbers) < 2 or not (-90 <= numbers[0] <= 90 and -180 <= numbers[1] <= 180):
        return None
    latitude, longitude, altitude, accuracy = (numbers + [None, None])[:4]
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [longitude, latitude]},
            "properties": {**head, "_key": row.key, "question": question, "altitude": altitude,
                           "accuracy": accuracy}}
