"""ODK XForms functions (https://getodk.github.io/xforms-spec/#xpath-functions)."""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
import uuid as _uuid

from fieldkit.forms.xpath.context import Evaluator
from fieldkit.forms.xpath.errors import XPathEvalError
from fieldkit.forms.xpath.functions import Frame, builtin, node_set
from fieldkit.forms.xpath.functions.core import all_strings
from fieldkit.forms.xpath.functions.shuffle import randomize_nodes
from fieldkit.forms.xpath.nodes import Node, is_ancestor
from fieldkit.forms.xpath.values import DateValue, NodeSet, XPathValue, to_boolean, to_string


def _text(value: XPathValue) -> str:
    """String value, with NaN read as empty (ODK's coalesce/once treat it as no value)."""
    if type(value) in (float, DateValue) and value != value:
        return ""
    return to_string(value)


@builtin("boolean-from-string", 1)
def boolean_from_string(f: Frame, value: XPathValue) -> bool:
    return to_string(value) in ("1", "true")


@builtin("if", 3, lazy=True)
def if_(f: Frame, condition: Evaluator, when_true: Evaluator, when_false: Evaluator) -> XPathValue:
    return f.eval(when_true) if to_boolean(f.eval(condition)) else f.eval(when_false)


@builtin("coalesce", 2, None, lazy=True)
def coalesce(f: Frame, *arguments: Evaluator) -> str:
    for argument in arguments:
        text = _text(f.eval(argument))
        if text:
            return text
    return ""


@builtin("once", 1, lazy=True)
def once(f: Frame, argument: Evaluator) -> str:
    current = f.node.string_value()
    return current if current else _text(f.eval(argument))


def _choices(value: XPathValue) -> list[str]:
    return to_string(value).split()


@builtin("selected", 2)
def selected(f: Frame, answer: XPathValue, choice: XPathValue) -> bool:
    # An empty answer holds one empty choice: selected('', '') is true, as in ODK.
    return to_string(choice).strip() in (_choices(answer) or [""])


@builtin("selected-at", 2)
def selected_at(f: Frame, answer: XPathValue, index: XPathValue) -> str:
    choices = _choices(answer)
    i = f.number(index)
    if i != i or not i.is_integer() or not 0 <= i < len(choices):
        return ""
    return choices[int(i)]


@builtin("count-selected", 1)
def count_selected(f: Frame, answer: XPathValue) -> float:
    return float(len(_choices(answer)))


@builtin("choice-name", 2, jr_only=True)
def choice_name(f: Frame, value: XPathValue, path: XPathValue) -> str:
    # The session overrides this with a lookup in the form's choices.
    return to_string(value)


@builtin("itext", 1, jr_only=True)
def itext(f: Frame, text_id: XPathValue) -> str:
    lookup = f.env.itext
    return lookup(to_string(text_id)) if lookup is not None else ""


@builtin("count-non-empty", 1)
def count_non_empty(f: Frame, nodes: XPathValue) -> float:
    return float(sum(1 for node in node_set(nodes, "count-non-empty") if node.string_value() != ""))


def _truths(value: XPathValue) -> list[bool]:
    if type(value) is list:
        return [node.string_value() != "" for node in value]
    return [to_boolean(value)]


def _within(f: Frame, low: XPathValue, high: XPathValue, total: float) -> bool:
    minimum, maximum = f.number(low), f.number(high)
    if maximum == -1:
        maximum = float("inf")
    return total >= minimum and total <= maximum


@builtin("checklist", 2, None)
def checklist(f: Frame, low: XPathValue, high: XPathValue, *values: XPathValue) -> bool:
    total = sum(truth for value in values for truth in _truths(value))
    return _within(f, low, high, float(total))


@builtin("weighted-checklist", 2, None)
def weighted_checklist(f: Frame, low: XPathValue, high: XPathValue, *values: XPathValue) -> bool:
    if len(values) % 2:
        raise XPathEvalError("weighted-checklist() needs value/weight pairs")
    total = 0.0
    for value, weight in zip(values[::2], values[1::2], strict=True):
        truths = _truths(value)
        weights = [f.number(n.string_value()) for n in weight] if type(weight) is list else [f.number(weight)]
        for index, weight_number in enumerate(weights):
            if index >= len(truths):
                return False
            if truths[index]:
                total += weight_number
    return _within(f, low, high, total)


@builtin("indexed-repeat", 3, None)
def indexed_repeat(f: Frame, target: XPathValue, *pairs: XPathValue) -> NodeSet:
    """indexed-repeat(target, repeat1, index1, [repeat2, index2, ...])."""
    if len(pairs) % 2:
        raise XPathEvalError("indexed-repeat() needs repeat/index pairs")
    chosen: Node | None = None
    levels = sorted(
        ((node_set(pairs[i], "indexed-repeat"), f.number(pairs[i + 1])) for i in range(0, len(pairs), 2)),
        key=lambda level: _depth(level[0][0]) if level[0] else 0,
    )
    for repeats, index in levels:
        if chosen is not None:
            repeats = [r for r in repeats if is_ancestor(chosen, r)]
        if index != index or not index.is_integer() or not 1 <= index <= len(repeats):
            return []
        chosen = repeats[int(index) - 1]
    return [n for n in node_set(target, "indexed-repeat") if chosen is None or is_ancestor(chosen, n)]


def _depth(node: Node) -> int:
    depth = 0
    parent = node.parent
    while parent is not None:
        depth += 1
        parent = parent.parent
    return depth


@builtin("randomize", 1, 2)
def randomize(f: Frame, nodes: XPathValue, *seed: XPathValue) -> NodeSet:
    # The result is deliberately not in document order: it is a shuffled node-set.
    return randomize_nodes(node_set(nodes, "randomize"), f.tz, seed[0] if seed else None)


@builtin("uuid", 0, 1)
def uuid(f: Frame, *length: XPathValue) -> str:
    if not length:
        return str(_uuid.uuid4())
    size = f.number(length[0])
    if size != size:
        raise XPathEvalError("uuid() length must be a number")
    text = ""
    while len(text) < size:
        text += _uuid.uuid4().hex
    return text[: max(int(size), 0)]


_DIGESTS = {"MD5": "md5", "SHA-1": "sha1", "SHA-256": "sha256", "SHA-384": "sha384", "SHA-512": "sha512"}


@builtin("digest", 2, 3)
def digest(f: Frame, value: XPathValue, algorithm: XPathValue, *encoding: XPathValue) -> str:
    name = _DIGESTS.get(to_string(algorithm))
    if name is None:
        raise XPathEvalError(f"digest(): unknown algorithm {to_string(algorithm)!r}")
    form = to_string(encoding[0]) if encoding else "base64"
    if form not in ("base64", "hex"):
        raise XPathEvalError(f"digest(): unknown encoding {form!r}")
    raw = hashlib.new(name, to_string(value).encode("utf-8")).digest()
    return raw.hex() if form == "hex" else base64.b64encode(raw).decode("ascii")


@builtin("base64-decode", 1)
def base64_decode(f: Frame, value: XPathValue) -> str:
    try:
        raw = base64.b64decode(to_string(value), validate=False)
    except (binascii.Error, ValueError):
        return ""
    return raw.decode("utf-8", errors="replace")


@builtin("substr", 2, 3)
def substr(f: Frame, value: XPathValue, start: XPathValue, *end: XPathValue) -> str:
    """substr(s, start, end?): 0-based, negative counts from the end."""
    text = to_string(value)
    length = len(text)
    first = _int(f.number(start))
    last = _int(f.number(end[0])) if end else length
    if first < 0:
        first += length
    if last < 0:
        last += length
    first = min(max(0, first), length)
    last = min(max(0, last), length)
    return text[first:last] if first <= last else ""


def _int(x: float) -> int:
    if x != x:
        return 0
    if x in (float("inf"), float("-inf")):
        return 10**9 if x > 0 else -(10**9)
    return int(x)


@builtin("join", 1, None)
def join(f: Frame, separator: XPathValue, *values: XPathValue) -> str:
    return to_string(separator).join(all_strings(values))


@builtin("regex", 2)
def regex(f: Frame, value: XPathValue, pattern: XPathValue) -> bool:
    try:
        compiled = re.compile(to_string(pattern))
    except re.error as exc:
        raise XPathEvalError(f"regex(): invalid pattern {to_string(pattern)!r}: {exc}") from None
    return compiled.search(to_string(value)) is not None


@builtin("instance", 1)
def instance(f: Frame, instance_id: XPathValue) -> NodeSet:
    document = f.env.instances.get(to_string(instance_id))
    return [document] if document is not None else []


@builtin("pulldata", 4)
def pulldata(f: Frame, instance_id: XPathValue, column: XPathValue, key_column: XPathValue, key: XPathValue) -> str:
    """The `column` of the first row of a CSV-backed instance whose `key_column` equals key."""
    document = f.env.instances.get(to_string(instance_id))
    root = document.root_element if document is not None else None
    if root is None:
        return ""
    column_name, key_name, key_text = to_string(column), to_string(key_column), to_string(key)
    for row in root.element_children():
        cell = row.child(key_name)
        if cell is not None and cell.string_value() == key_text:
            wanted = row.child(column_name)
            return wanted.string_value() if wanted is not None else ""
    return ""
