"""Made-up but well-typed answers for any form, so a form summary can be tried on forms
nobody filled (the shared corpus): a choice, a number, a date, a text per question."""

import datetime as dt

from fieldkit.reports.formtext import choice_labels

NOT_ANSWERED = {"calculate", "hidden", "note", "acknowledge", "image", "audio", "video", "file", "osm",
                "geotrace", "geoshape", "rank", "barcode"}


def synthetic_answers(form, seed: int) -> dict[str, str]:
    """path -> answer of each top-level question (repeats get one row), varied by `seed`."""
    answers = {}
    for question in form.questions():
        if question.kind == "none" or question.type in NOT_ANSWERED:
            continue
        value = _value(form, question, seed)
        if value is not None:
            answers[_first_row(form, question.path)] = value
    return answers


def _first_row(form, path: str) -> str:
    for repeat in sorted(form.repeats(), key=lambda group: -len(group.path)):
        if path.startswith(repeat.path + "/"):
            path = f"{repeat.path}[1]{path[len(repeat.path):]}"
    return path


def _value(form, question, seed: int) -> str | None:
    kind = question.type
    if kind in ("select_one", "select_multiple"):
        choices = list(choice_labels(form, question, "en"))
        return choices[seed % len(choices)] if choices else None
    if kind in ("integer", "range"):
        return str(seed * 3 + 1)
    if kind == "decimal":
        return f"{seed * 2.5 + 0.5}"
    if kind == "date":
        return (dt.date(2026, 1, 1) + dt.timedelta(days=seed * 9)).isoformat()
    if kind == "geopoint":
        return f"21.02{seed} 105.85{seed} 0 0"
    if kind in ("text", "string"):
        return f"answer {seed % 2}"
    return None
