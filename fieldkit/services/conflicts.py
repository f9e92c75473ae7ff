"""What a person reviewing a conflict reads, the same in the window and on the command
line: each conflict with its commune and form named and its answer paths labelled from
the form ("Full name #2"); the answers that differ between its versions; the rows of one
side-by-side comparison and the resolution they make. Qt-free."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from fieldkit.forms import FormError
from fieldkit.forms.paths import InstancePath
from fieldkit.store import StoreError

if TYPE_CHECKING:
    from fieldkit.forms.model import Form
    from fieldkit.services.coordinator import CoordinatorService
    from fieldkit.services.survey import SurveyService

Conflict = dict[str, Any]  # as CoordinatorService.conflicts() gives it
Head = dict[str, Any]  # one of a conflict's "heads"


def labelled_conflicts(coordinator: CoordinatorService, survey: SurveyService, lang: str) -> list[Conflict]:
    """coordinator.conflicts(), each with commune_name, form_title and labels {path: the
    question's label in `lang`} (the path itself where the form has no label). Reads
    the store: the window calls it on a worker."""
    conflicts = coordinator.conflicts()
    forms: dict[str, Form | None] = {}
    for conflict in conflicts:
        form_id = conflict["form_id"]
        if form_id not in forms:
            forms[form_id] = _stored_form(survey, form_id)
        commune = survey.communes.get(conflict["commune"]) if conflict["commune"] else None
        conflict["commune_name"] = commune.name if commune else conflict["commune"]
        conflict["form_title"] = survey.form_title(form_id, lang)
        paths = {path for head in conflict["heads"] for path in head["answers"]}
        conflict["labels"] = {path: field_label(forms[form_id], path, lang) for path in paths}
    return conflicts


def _stored_form(survey: SurveyService, form_id: str) -> Form | None:
    """The form, or None when this data folder never received it, cannot load it, or
    could not add the shipped forms while looking for it (a read-only medium): then
    the paths stand as labels, and the review goes on."""
    try:
        return survey.form(form_id)
    except (StoreError, FormError):
        return None


def field_label(form: Form | None, path: str, lang: str) -> str:
    """The question's label in `lang`, with repeat positions ("Full name #2")."""
    item = form.find(path) if form is not None else None
    if form is None or item is None or not item.labels:
        return path
    key = next((name for name in form.languages if name.endswith(f"({lang})")), None)
    label = (item.labels.get(key or "") or item.labels.get("") or item.labels.get(form.default_language or "")
             or next(iter(item.labels.values())))
    parsed = InstancePath.try_parse(path)
    positions = parsed.positions if parsed is not None else ()
    return f"{label} #{'.'.join(map(str, positions))}" if positions else label


def answer_text(value: object) -> str:
    """An answer as the review shows it: no answer is empty."""
    return "" if value is None else str(value)


@dataclass(frozen=True)
class DifferingAnswer:
    """One question whose answer is not the same in every version of a record."""

    path: str
    label: str
    values: dict[str, str]  # rev_id -> the answer as text, in the conflict's order of heads
    hard: bool  # changed on both sides since the common ancestor


def differing_answers(conflict: Conflict) -> list[DifferingAnswer]:
    """The answers that differ between the conflict's versions, in path order, labelled
    as labelled_conflicts() labelled them."""
    labels = conflict.get("labels", {})
    hard = set(conflict.get("fields") or [])
    paths = sorted({path for head in conflict["heads"] for path in head["answers"]})
    found = []
    for path in paths:
        values = {head["rev_id"]: answer_text(head["answers"].get(path)) for head in conflict["heads"]}
        if len(set(values.values())) > 1:
            found.append(DifferingAnswer(path=path, label=labels.get(path, path), values=values, hard=path in hard))
    return found


# -- one comparison, side by side ------------------------------------------------------------

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


def field_rows(conflict: Conflict, left: Head, right: Head) -> list[FieldRow]:
    """One row per answer path of either head, in path order. Each result starts as the
    side that changed it since the version both share, so that resolving as proposed
    keeps both sides' changes; a path both sides changed, or neither, starts as the
    provisional winner's value (what the records list shows now)."""
    hard = set(conflict.get("fields") or [])
    winner_is_right = right["rev_id"] == conflict.get("winner")
    left_changed, right_changed = set(left.get("changed", ())), set(right.get("changed", ()))
    rows = []
    for path in sorted(set(left["answers"]) | set(right["answers"])):
        row = FieldRow(path=path, label=conflict.get("labels", {}).get(path, path),
                       left=answer_text(left["answers"].get(path)), right=answer_text(right["answers"].get(path)),
                       hard=path in hard)
        only_left = path in left_changed and path not in right_changed
        only_right = path in right_changed and path not in left_changed
        take_right = only_right or (winner_is_right and not only_left)
        row.origin = "right" if take_right else "left"
        row.result = row.right if take_right else row.left
        rows.append(row)
    return rows


def resolution(rows: list[FieldRow], left: Head, right: Head) -> dict[str, Any]:
    """The arguments of CoordinatorService.resolve for these results: one side taken as
    it is when every result is that side's, else the left side with answers set."""
    results = {row.path: row.result for row in rows}
    for head, side in ((left, "left"), (right, "right")):
        if all(results[row.path] == getattr(row, side) for row in rows):  # a deleted side stays deleted
            return {"take": head["rev_id"], "answers": None}
    changed = {row.path: row.result for row in rows if row.result != row.left}
    return {"take": left["rev_id"], "answers": changed}
