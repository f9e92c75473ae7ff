"""XPath 1.0 core functions (section 4) plus current()."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

from fieldkit.forms.xpath import dates
from fieldkit.forms.xpath.functions import Frame, builtin, node_set
from fieldkit.forms.xpath.nodes import XML_NAMESPACE, Element, Node, ParentNode
from fieldkit.forms.xpath.values import NAN, DateValue, NodeSet, XPathValue, to_string

_XPATH_SPACE = re.compile(r"[ \t\r\n]+")

# -- node-set functions --------------------------------------------------------


@builtin("last")
def last(f: Frame) -> float:
    return float(f.size)


@builtin("position", 0, 1)
def position(f: Frame, *nodes: XPathValue) -> float:
    if not nodes:
        return float(f.position)
    # ODK: position(node) is the node's 1-based index among same-named siblings.
    found = node_set(nodes[0], "position")
    if not found:
        return NAN
    node = found[0]
    if node.kind != "element":
        return float(f.position)
    index = 1
    for sibling in node.parent.children if node.parent is not None else ():
        if sibling is node:
            break
        if sibling.kind == "element" and sibling.name == node.name and sibling.namespace == node.namespace:
            index += 1
    return float(index)


@builtin("count", 1)
def count(f: Frame, nodes: XPathValue) -> float:
    return float(len(node_set(nodes, "count")))


@builtin("current")
def current(f: Frame) -> NodeSet:
    env = f.env
    return [env.current if env.current is not None else env.node]


@builtin("id", 1)
def id_(f: Frame, value: XPathValue) -> NodeSet:
    wanted: set[str] = set()
    if type(value) is list:
        for node in value:
            wanted.update(node.string_value().split())
    else:
        wanted.update(to_string(value).split())
    top = f.node.root
    if not wanted or not isinstance(top, ParentNode):
        return []
    return [n for n in top.iter_descendants() if isinstance(n, Element) and n.get("id") in wanted]


def _first(f: Frame, nodes: tuple[XPathValue, ...], function: str) -> Node | None:
    if not nodes:
        return f.node
    found = node_set(nodes[0], function)
    return found[0] if found else None


@builtin("local-name", 0, 1)
def local_name(f: Frame, *nodes: XPathValue) -> str:
    node = _first(f, nodes, "local-name")
    return node.name if node is not None and node.kind in ("element", "attribute", "pi") else ""


@builtin("namespace-uri", 0, 1)
def namespace_uri(f: Frame, *nodes: XPathValue) -> str:
    node = _first(f, nodes, "namespace-uri")
    if node is None or node.kind not in ("element", "attribute"):
        return ""
    return node.namespace or ""


@builtin("name", 0, 1)
def name(f: Frame, *nodes: XPathValue) -> str:
    node = _first(f, nodes, "name")
    if node is None or node.kind not in ("element", "attribute", "pi"):
        return ""
    return f"{node.prefix}:{node.name}" if node.prefix else node.name


# -- string functions ------------------------------------------------------------


@builtin("string", 0, 1)
def string(f: Frame, *value: XPathValue) -> str:
    return to_string(value[0]) if value else f.node.string_value()


def all_strings(values: Iterable[XPathValue]) -> list[str]:
    """ODK: a node-set argument contributes all its nodes, not just the first."""
    parts: list[str] = []
    for value in values:
        if type(value) is list:
            parts.extend(node.string_value() for node in value)
        else:
            parts.append(to_string(value))
    return parts


@builtin("concat", 0, None)
def concat(f: Frame, *values: XPathValue) -> str:
    return "".join(all_strings(values))


@builtin("starts-with", 2)
def starts_with(f: Frame, text: XPathValue, prefix: XPathValue) -> bool:
    return to_string(text).startswith(to_string(prefix))


@builtin("ends-with", 2)
def ends_with(f: Frame, text: XPathValue, suffix: XPathValue) -> bool:
    return to_string(text).endswith(to_string(suffix))


@builtin("contains", 2)
def contains(f: Frame, text: XPathValue, part: XPathValue) -> bool:
    return to_string(part) in to_string(text)


@builtin("substring-before", 2)
def substring_before(f: Frame, text: XPathValue, part: XPathValue) -> str:
    text, part = to_string(text), to_string(part)
    index = text.find(part)
    return text[:index] if index >= 0 else ""


@builtin("substring-after", 2)
def substring_after(f: Frame, text: XPathValue, part: XPathValue) -> str:
    text, part = to_string(text), to_string(part)
    index = text.find(part)
    return text[index + len(part) :] if index >= 0 else ""


def js_round(x: float) -> float:
    """XPath round(): nearest integer, halves toward +infinity."""
    if x != x or math.isinf(x):
        return x
    return float(math.floor(x + 0.5))


@builtin("substring", 2, 3)
def substring(f: Frame, text: XPathValue, start: XPathValue, *length: XPathValue) -> str:
    text = to_string(text)
    first = js_round(f.number(start))
    end = first + js_round(f.number(length[0])) if length else math.inf
    if first != first or end != end:
        return ""
    lo = max(first, 1.0)
    if end <= lo:
        return ""
    hi = min(end, len(text) + 1.0)
    return text[int(lo) - 1 : int(hi) - 1] if hi > lo else ""


@builtin("string-length", 0, 1)
def string_length(f: Frame, *value: XPathValue) -> float:
    text = to_string(value[0]) if value else f.node.string_value()
    return float(len(text))


@builtin("normalize-space", 0, 1)
def normalize_space(f: Frame, *value: XPathValue) -> str:
    text = to_string(value[0]) if value else f.node.string_value()
    # XPath whitespace only (space, tab, CR, LF); form feeds etc. are kept.
    return " ".join(part for part in _XPATH_SPACE.split(text) if part)


@builtin("translate", 3)
def translate(f: Frame, text: XPathValue, source: XPathValue, target: XPathValue) -> str:
    source, target = to_string(source), to_string(target)
    table: dict[int, int | None] = {}
    for index, char in enumerate(source):
        if ord(char) not in table:
            table[ord(char)] = ord(target[index]) if index < len(target) else None
    return to_string(text).translate(table)


# -- boolean functions -------------------------------------------------------------


@builtin("boolean", 1)
def boolean(f: Frame, value: XPathValue) -> bool:
    return f.boolean(value)


@builtin("not", 1)
def not_(f: Frame, value: XPathValue) -> bool:
    return not f.boolean(value)


@builtin("true")
def true(f: Frame) -> bool:
    return True


@builtin("false")
def false(f: Frame) -> bool:
    return False


@builtin("lang", 1)
def lang(f: Frame, value: XPathValue) -> bool:
    wanted = to_string(value).lower()
    node: Node | None = f.node
    if not isinstance(node, Element):
        node = f.node.parent
    while isinstance(node, Element):
        declared = node.get("lang", XML_NAMESPACE)
        if declared is not None:
            declared = declared.lower()
            return declared == wanted or declared.startswith(wanted + "-")
        node = node.parent
    return False


# -- number functions ----------------------------------------------------------------


@builtin("number", 0, 1)
def number(f: Frame, *value: XPathValue) -> float:
    # ODK: a date string becomes days since the epoch.
    arg = value[0] if value else [f.node]
    if type(arg) is list or type(arg) is str:
        text = to_string(arg)
        if len(text) >= 10 and text[4:5] == "-":
            as_date = dates.number_of_date_string(text, f.tz)
            if as_date is not None:
                return as_date
    if type(arg) is DateValue:
        return arg
    return f.number(arg)


@builtin("sum", 1)
def sum_(f: Frame, nodes: XPathValue) -> float:
    total = 0.0
    for node in node_set(nodes, "sum"):
        total += f.number(node.string_value())
    return total


@builtin("floor", 1)
def floor(f: Frame, value: XPathValue) -> float:
    x = f.number(value)
    return x if x != x or math.isinf(x) else float(math.floor(x))


@builtin("ceiling", 1)
def ceiling(f: Frame, value: XPathValue) -> float:
    x = f.number(value)
    if x != x or math.isinf(x):
        return x
    result = float(math.ceil(x))
    return -0.0 if result == 0 and x < 0 else result
