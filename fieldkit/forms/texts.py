"""Texts of a session: the language, itext look-ups, label outputs, itemset choices."""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING

from fieldkit.forms.errors import FormError
from fieldkit.forms.model import Form, Itemset, Question
from fieldkit.forms.xpath import Node
from fieldkit.forms.xpath.values import XPathValue

if TYPE_CHECKING:
    from fieldkit.forms.session import FormSession

_OUTPUT = re.compile(r"<output\s+(?:value|ref)\s*=\s*(\"[^\"]*\"|'[^']*')\s*/>")


def pick_language(form: Form, lang: str | None) -> str:
    """The form language to show for `lang`: the form's own language of that name or
    code ("vi" finds "Tiếng Việt (vi)" and "Vietnamese (vi)"), else the form's default.

    As in ODK, the app's language and the form's are independent: a form without the
    asked language (one with a plain `label` column has none) shows its default one.
    """
    found = matching_language(form, lang) if lang is not None else None
    if found is not None:
        return found
    return form.default_language or (form.languages[0] if form.languages else "")


def matching_language(form: Form, lang: str) -> str | None:
    """The form's language named `lang` or whose code it is; None when it has none."""
    if lang == "" or lang in form.languages:
        return lang
    wanted = lang.strip().casefold()
    for known in form.languages:
        name = known.strip().casefold()
        if name == wanted or name.endswith(f"({wanted})"):
            return known
    return None


def in_language(variants: dict[str, str], lang: str, form: Form) -> str:
    """The variant for `lang`, falling back to no-language, the default, then any."""
    for key in (lang, "", form.default_language):
        if key is not None and key in variants:
            return variants[key]
    return next(iter(variants.values()), "")


def itext(form: Form, lang: str, text_id: str) -> str:
    for key in (lang, form.default_language, *form.languages):
        forms = form.itext.get(key or "", {}).get(text_id)
        if forms:
            return forms.get("") or forms.get("long") or next(iter(forms.values()))
    return ""


def render(session: FormSession, text: str, node: Node | None = None) -> str:
    """Replace each `<output value="EXPR"/>` by the expression's value."""
    if "<output" not in text:
        return text

    def value(match: re.Match[str]) -> str:
        source = html.unescape(match.group(1)[1:-1])
        expression = session.compiled.expression(source)
        context_node = node if node is not None else session.instance.root
        return session.evaluate(expression, context_node, what="label output", kind="string")

    return _OUTPUT.sub(value, text)


def itemset_choices(session: FormSession, question: Question, node: Node) -> list[tuple[str, str]]:
    """(value, label) of a select's itemset as the question at `node` offers it (its
    choice filter applied)."""
    nodeset, _value, _label = session.compiled.itemsets[question.path]
    return _choices(session, question, session.evaluate(nodeset, node, what="choice filter"))


_TRAILING_FILTER = re.compile(r"\[[^\[\]]*\]\s*$")


def unfiltered_itemset_choices(session: FormSession, question: Question) -> list[tuple[str, str]]:
    """(value, label) of every item of a select's itemset, its choice filter dropped (the
    communes of every province): for the labels of stored answers and the choice check."""
    source = _TRAILING_FILTER.sub("", _itemset(question).nodeset.strip())
    items = session.evaluate(session.compiled.expression(source), session.instance.root, what="choice list")
    return _choices(session, question, items)


def _choices(session: FormSession, question: Question, items: XPathValue) -> list[tuple[str, str]]:
    if not isinstance(items, list):
        raise FormError(f"the choice list of {question.path} does not select nodes", location=question.path)
    _nodeset, value_expression, label_expression = session.compiled.itemsets[question.path]
    by_itext = _itemset(question).label_ref.strip().startswith("jr:itext(")
    choices = []
    for item in items:
        value = session.evaluate(value_expression, item, what="choice value", kind="string")
        label = session.evaluate(label_expression, item, what="choice label", kind="string")
        choices.append((value, session.itext(label) if by_itext else label))
    return choices


def itemset_values(session: FormSession, question: Question, node: Node) -> frozenset[str] | None:
    """The values an answer to an itemset select may take; None when that cannot be told
    cheaply. A list from a secondary instance is read once per form without its choice
    filter (the 3,321 communes filtered by province take ~40 ms, too slow for every save;
    a code that exists nowhere is still caught); a list from the answers themselves (a
    repeat's names) is read as it stands."""
    source = _itemset(question).nodeset.strip()
    if not source.startswith("instance("):
        return frozenset(value for value, _label in itemset_choices(session, question, node))
    known = session.compiled.instance_choice_values
    if question.path not in known:
        known[question.path] = None if "[" in _TRAILING_FILTER.sub("", source) else frozenset(
            value for value, _label in unfiltered_itemset_choices(session, question))
    return known[question.path]


def _itemset(question: Question) -> Itemset:
    if question.itemset is None:  # callers ask only of selects with a choice list
        raise FormError(f"{question.path} has no choice list (itemset)", location=question.path)
    return question.itemset
