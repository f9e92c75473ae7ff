"""Checks of a whole loaded form that ODK makes at load time.

`jr:choice-name(value, path)` names the select whose choice labels it reads by a
path written as a string literal (pyxform writes `' ${q} '` as `' /data/q '`). That
path is read relative to the expression's context node, as ODK reads it. A literal
path that names no select question (a text question, a group, no node at all) is
refused with a FormError naming the field and the expression: the label could never
be found. Paths computed at run time (a node's value, a concatenation) and paths with
predicates or functions are left to the session.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

from fieldkit.forms.errors import FormError
from fieldkit.forms.model import Form, Question
from fieldkit.forms.xform_body import resolve_path
from fieldkit.forms.xpath.errors import XPathError
from fieldkit.forms.xpath.parser import Call, Expr, Literal, parse

_EXPRESSIONS = ("calculate", "relevant", "required", "readonly", "constraint")
_SELECTS = ("select1", "select", "rank")
_OUTPUT = re.compile(r"""<output\s+value=("[^"]*"|'[^']*')\s*/>""")


def check_choice_names(form: Form) -> None:
    for context, what, source in _expressions(form):
        if "choice-name" not in source:
            continue
        try:
            tree = parse(source)
        except XPathError:
            continue  # compiling the form reports it, with its place
        for call in _calls(tree):
            _check_call(form, call, context, what, source)


def _expressions(form: Form) -> Iterator[tuple[str, str, str]]:
    """(context path, what, expression source) of every expression of the form."""
    for path, bind in form.binds.items():
        for name in _EXPRESSIONS:
            if getattr(bind, name):
                yield path, name, getattr(bind, name)
    for action in form.setvalues:
        if action.value:
            yield action.ref, f"{action.action} value", action.value
    for item in form.walk():
        for texts in (item.labels, getattr(item, "hints", {})):
            for text in texts.values():
                for match in _OUTPUT.finditer(text):
                    yield item.path, "label output", _unescape(match.group(1)[1:-1])


def _unescape(text: str) -> str:
    return text.replace("&quot;", '"').replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def _calls(tree: Expr) -> Iterator[Call]:
    """Every jr:choice-name() call in a parsed expression."""
    stack: list[object] = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, Call) and node.name.rpartition(":")[2] == "choice-name":
            yield node
        if dataclasses.is_dataclass(node):
            for value in (getattr(node, field.name) for field in dataclasses.fields(node)):
                stack.extend(value if isinstance(value, tuple) else [value])


def _check_call(form: Form, call: Call, context: str, what: str, source: str) -> None:
    if len(call.args) != 2 or not isinstance(call.args[1], Literal) or not isinstance(call.args[1].value, str):
        return
    written = call.args[1].value.strip()
    if not written or any(char in written for char in "[]()*@$"):
        return
    path = resolve_path(written, context)
    item = form.find(path)
    if isinstance(item, Question) and item.kind in _SELECTS:
        return
    kind = "no question" if item is None else ("a group" if not isinstance(item, Question) else "not a select")
    raise FormError(
        f"jr:choice-name() reads the choices of {written!r} ({path}), which is {kind}: it needs the path of a "
        f"select question (in {what} {source!r})",
        location=context,
        source=form.source,
    )
