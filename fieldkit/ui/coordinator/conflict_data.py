"""What the conflict review shows, read off the GUI thread: each conflict with its
commune and form named and its answer paths labelled from the form; and the rows of
one side-by-side comparison, and the resolution they make. Plain data, no Qt."""

from __future__ import annotations

import re
from dataclasses import dataclass

POSITION = re.compile(r"\[(\d+)\]")


@dataclass
class FieldRow:
    path: str
    label: str
    left: str
    right: str
    hard: bool  # changed on both sides since the common ancestor
    result: str = ""
    origin: str = "left"  # "left" | "right" | "edited"

    @property
    def different(self) -> bool:
        return self.left != self.right


def load_conflicts(coordinator, survey, lang: str) -> list[dict]:
    """On a worker: coordinator.conflicts(), each with commune_name, form_title and
    labels {path: label in `lang`} (the path itself where the form has no label)."""
    conflicts = coordinator.conflicts()
    forms: dict[str, object] = {}
    for conflict in conflicts:
        form_id = conflict["form_id"]
        if form_id not in forms:
            forms[form_id] = _form(survey, form_id)
        commune = survey.communes.get(conflict["commune"]) if conflict["commune"] else None
        conflict["commune_name"] = commune.name if commune else conflict["commune"]
        conflict["form_title"] = survey.form_title(form_id, lang)
        paths = {path for head in conflict["heads"] for path in head["answers"]}
        conflict["labels"] = {path: field_label(forms[form_id], path, lang) for path in paths}
    return conflicts


def _form(survey, form_id: str):
    try:
        return survey.form(form_id)
    except Exception:  # noqa: BLE001 - a form this coordinator never received: paths stand as labels
        return None


def field_label(form, path: str, lang: str) -> str:
    """The question's label in `lang`, with repeat positions ("Full name #2")."""
    item = form.find(path) if form is not None else None
    if item is None or not item.labels:
        return path
    key = next((name for name in form.languages if name.endswith(f"({lang})")), None)
    label = item.labels.get(key) or item.labels.get("") or item.labels.get(form.default_language) \
        or next(iter(item.labels.values()))
    positions = POSITION.findall(path)
    return f"{label} #{'.'.join(positions)}" if positions else label


def field_rows(conflict: dict, left: dict, right: dict) -> list[FieldRow]:
    """One row per answer path of either head, in path order; each result starts as
    the provisional winner's value (what the records list shows now)."""
    hard = set(conflict.get("fields") or [])
    winner_is_right = right["rev_id"] == conflict.get("winner")
    rows = []
    for path in sorted(set(left["answers"]) | set(right["answers"])):
        row = FieldRow(path=path, label=conflict.get("labels", {}).get(path, path),
                       left=_text(left["answers"].get(path)), right=_text(right["answers"].get(path)),
                       hard=path in hard)
        row.origin = "right" if winner_is_right else "left"
        row.result = row.right if winner_is_right else row.left
        rows.append(row)
    return rows


def _text(value) -> str:
    return "" if value is None else str(value)


def resolution(rows: list[FieldRow], left: dict, right: dict) -> dict:
    """The arguments of CoordinatorService.resolve for these results: one side taken as
    it is when every result is that side's, else the left side with answers set."""
    results = {row.path: row.result for row in rows}
    for head, side in ((left, "left"), (right, "right")):
        if all(results[row.path] == getattr(row, side) for row in rows):  # a deleted side stays deleted
            return {"take": head["rev_id"], "answers": None}
    changed = {row.path: row.result for row in rows if row.result != row.left}
    return {"take": left["rev_id"], "answers": changed}
