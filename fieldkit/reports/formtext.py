"""Question and choice labels in the reader's language, from the form's own translations,
and answers shown as people read them (choice labels, numbers as the language writes them)."""

from __future__ import annotations

import re
import threading

from fieldkit.forms.model import Form, Group, Question, strip_positions
from fieldkit.forms.texts import in_language, unfiltered_itemset_choices
from fieldkit.reports.html import number

_OUTPUT = re.compile(r"<output\s[^>]*/>")
NUMERIC_TYPES = {"integer", "decimal", "range"}
MAX_FIGURE = 1e15  # beyond, an answer is not summed nor drawn (to_number)
# Itemset labels by (form, question, language): reading them needs a blank session of the
# form (a tenth of a second or more: its calculations run on start), so once per process.
_itemset_cache: dict[tuple, dict[str, str]] = {}
_sessions: dict[tuple, object] = {}  # a blank session per form and language
_cache_lock = threading.Lock()
CACHE_SIZE = 512
SELECT_TYPES = {"select_one", "select_multiple"}


def form_language(form: Form, lang: str) -> str:
    """The form's language for a code ("vi" -> "Tiếng Việt (vi)"), else its default."""
    for known in form.languages:
        if known == lang or known.endswith(f"({lang})"):
            return known
    return form.default_language or (form.languages[0] if form.languages else "")


def plain(variants: dict[str, str], form: Form, lang: str) -> str:
    """A text in the language, without `<output>` markup (a summary has no one answer to show)."""
    return _OUTPUT.sub("…", in_language(variants, form_language(form, lang), form)).strip()


def label(form: Form, path: str, lang: str) -> str:
    """The label of a question or group (its name when it has none)."""
    item = form.find(path)
    if item is None:
        return strip_positions(path).rsplit("/", 1)[-1]
    return plain(item.labels, form, lang) or item.name


def choice_labels(form: Form, question: Question | Group | None, lang: str) -> dict[str, str]:
    """value -> label of a select's choices: inline ones, or every item of its itemset
    (the choice filter, e.g. the communes of one province, is dropped). {} when `question`
    (what `form.find` gave) is not a question: that version of the form does not ask it."""
    if not isinstance(question, Question):
        return {}
    if question.choices is not None:
        return {choice.value: plain(choice.labels, form, lang) or choice.value for choice in question.choices}
    if question.itemset is None:
        return {}
    form_key = (form.id, form.version, hash(form.xform))
    with _cache_lock:  # also keeps two threads off one session
        known = _itemset_cache.get((*form_key, question.path, lang))
        if known is None:
            if len(_itemset_cache) >= CACHE_SIZE:
                _itemset_cache.clear()
                _sessions.clear()
            known = _itemset_cache[(*form_key, question.path, lang)] = _itemset_labels(form, question, lang, form_key)
    return dict(known)


def _itemset_labels(form: Form, question: Question, lang: str, form_key: tuple) -> dict[str, str]:
    """Every item of the itemset, read through a blank session of the form (kept per form
    and language); {} when the form cannot start one: values then show as they are."""
    from fieldkit.forms.errors import FormError

    try:
        session = _sessions.get((*form_key, lang))
        if session is None:
            session = _sessions[(*form_key, lang)] = form.new_session(lang=form_language(form, lang) or None)
        return dict(unfiltered_itemset_choices(session, question))
    except FormError:
        return {}


def shown(form: Form, path: str, value: str, lang: str, *, labels: dict[str, str] | None = None) -> str:
    """An answer as a person reads it: choice labels for selects, numbers in the language."""
    question = form.find(path)
    if not value or not isinstance(question, Question):
        return value or ""
    if question.type in SELECT_TYPES:
        labels = labels if labels is not None else choice_labels(form, question, lang)
        return ", ".join(labels.get(part, part) for part in value.split())
    if question.type in NUMERIC_TYPES:
        found = to_number(value)
        return number(found, lang) if found is not None else value
    return value


def to_number(value: str | None) -> float | None:
    """The number an answer holds, for counting and charts; None for no answer and for
    what is not a number a summary can use: text, NaN, infinities, and figures beyond
    MAX_FIGURE (10^20 computers is a typing or a tool's error: shown as written, never
    averaged; a sum or a chart of such values would overflow)."""
    if value is None or value == "" or value.__class__ is not str or len(value) > 40:
        return None
    try:
        number = float(value)
    except ValueError:
        return None
    return number if -MAX_FIGURE <= number <= MAX_FIGURE else None  # False for NaN too


def form_title(form: Form, lang: str) -> str:
    from fieldkit.catalog import form_titles

    titles = form_titles(form)
    return titles.get(lang) or titles[""]
