"""Cell values: codes or choice labels, and numbers as numbers where the format has them."""

from __future__ import annotations

import logging
import math
import re

from fieldkit.forms import FormError
from fieldkit.forms.model import Form, Question
from fieldkit.forms.texts import unfiltered_itemset_choices
from fieldkit.reports.export.layout import Column, FormLayout

log = logging.getLogger(__name__)

MULTIPLE_LABELS_SEPARATOR = "; "
SAFE_INTEGER = 2**53  # integers a double holds exactly
_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?\Z")
_INTEGER = re.compile(r"[+-]?[0-9]+\Z")
_NONZERO = re.compile(r"[1-9]")


def choice_labels(forms: list[Form], layout: FormLayout, lang: str) -> dict[str, dict[str, str]]:
    """Per select question path, choice value -> label in `lang`, over every version.

    Choices read from an instance (itemsets) are listed without their choice filter: a
    commune's label does not depend on which province was picked."""
    labels: dict[str, dict[str, str]] = {}
    for form in reversed(forms):  # the first (newest) version's labels win
        session = _session(form, lang)
        for path, (_table, column) in layout.columns.items():
            question = form.find(path)
            if column.kind in ("select_one", "select_multiple") and isinstance(question, Question):
                labels.setdefault(path, {}).update(_question_labels(session, question))
    return labels


def _session(form: Form, lang: str):
    try:
        return form.new_session(lang=lang)
    except FormError:  # the form has no such language: its default one
        return form.new_session()


def _question_labels(session, question: Question) -> dict[str, str]:
    if question.choices is not None:
        return {choice.value: session.render(choice.labels) for choice in question.choices}
    if question.itemset is None:
        return {}
    try:
        return dict(unfiltered_itemset_choices(session, question))
    except FormError as error:  # labels are a convenience: the codes are still exported
        log.warning("choice labels of %s not read: %s", question.path, error)
        return {}


def cell(column: Column, raw: str | None, *, labels: dict[str, dict[str, str]] | None, typed: bool):
    """The value to write for an answer. `labels` (None: codes) turns choices into their
    labels; `typed` writes numbers as int/float and no answer as None."""
    if raw is None or raw == "":
        return None if typed else ""
    if labels is not None and column.path in labels:
        known = labels[column.path]
        if column.kind == "select_multiple":
            return MULTIPLE_LABELS_SEPARATOR.join(known.get(value, value) for value in raw.split())
        return known.get(raw, raw)
    if typed and column.kind in ("int", "decimal"):
        return _number(raw, column.kind)
    return raw


def _number(raw: str, kind: str):
    """The number `raw` writes, if every format can hold it as one: an int within 2^53
    (exact in a spreadsheet's double, in SQLite's INTEGER, in JSON read by any tool), a
    finite float that keeps its value. Else the text as stored (10^20 in an integer
    field, 1e400, NaN, inf, 1e-400, "about 5"): shown as written rather than lost."""
    if raw.__class__ is not str or not _NUMBER.match(raw):
        return raw
    if kind == "int" and len(raw) <= 16 and _INTEGER.match(raw):
        number = int(raw)
        return number if -SAFE_INTEGER <= number <= SAFE_INTEGER else raw
    number = float(raw)
    if not math.isfinite(number) or (number == 0 and _NONZERO.search(raw.partition("e")[0].partition("E")[0])):
        return raw  # beyond a double, or so small it would read 0
    if kind == "int" and number.is_integer():  # "3.0" in an integer column, written by another tool
        return int(number) if abs(number) <= SAFE_INTEGER else raw
    return number


def is_number_text(raw: str) -> bool:
    """`raw` is a plain decimal number ("-5", "+3.25", "1e-3"): no formula can start so."""
    return bool(_NUMBER.match(raw))
