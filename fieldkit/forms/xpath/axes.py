"""Axes and node tests: for one context node, the candidate nodes in axis order."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeAlias

from fieldkit.forms.xpath.context import EvalContext
from fieldkit.forms.xpath.errors import XPathEvalError
from fieldkit.forms.xpath.nodes import Element, Node, ParentNode
from fieldkit.forms.xpath.parser import NodeTest

REVERSE_AXES = frozenset({"ancestor", "ancestor-or-self", "preceding", "preceding-sibling"})
# Axes whose results, from a set of nodes none of which contains another, are again
# such a set and already in document order when concatenated: no sort needed.
FLAT_AXES = frozenset({"child", "attribute", "self"})

# The nodes on an axis from one node, in axis order. Never changed by the caller: it may
# be the node's own list of children or attributes.
AxisNodes: TypeAlias = Sequence[Node]
# Does a node pass a node test? (The context gives the namespaces of prefixed names.)
Matcher: TypeAlias = Callable[[EvalContext, Node], bool]

_NO_CHILDREN: AxisNodes = ()


def _children(node: Node) -> AxisNodes:
    return node.children if isinstance(node, ParentNode) else _NO_CHILDREN


def _descendants(node: Node) -> list[Node]:
    out: list[Node] = []
    stack: list[Node] = list(reversed(_children(node)))
    while stack:
        current = stack.pop()
        out.append(current)
        if isinstance(current, ParentNode) and current.children:
            stack.extend(reversed(current.children))
    return out


def _reverse_descendants_or_self(node: Node) -> list[Node]:
    """node and its descendants in reverse document order."""
    forward = [node]
    forward.extend(_descendants(node))
    forward.reverse()
    return forward


def _ancestors(node: Node) -> list[Node]:
    out: list[Node] = []
    current = node.parent
    while current is not None:
        out.append(current)
        current = current.parent
    return out


def _siblings(node: Node, after: bool) -> AxisNodes:
    parent = node.parent
    if parent is None or node.kind == "attribute":
        return []
    siblings = parent.children
    for index, sibling in enumerate(siblings):
        if sibling is node:
            return siblings[index + 1 :] if after else siblings[:index][::-1]
    return []


def _owner(node: Node) -> Node:
    """following/preceding of an attribute start from its element."""
    return node.parent if node.kind == "attribute" and node.parent is not None else node


def _following(node: Node) -> list[Node]:
    out: list[Node] = []
    start = _owner(node)
    if start is not node:
        out.extend(_descendants(start))
    current: Node | None = start
    while current is not None:
        for sibling in _siblings(current, after=True):
            out.append(sibling)
            out.extend(_descendants(sibling))
        current = current.parent
    return out


def _preceding(node: Node) -> list[Node]:
    out: list[Node] = []
    current: Node | None = _owner(node)
    while current is not None:
        for sibling in _siblings(current, after=False):
            out.extend(_reverse_descendants_or_self(sibling))
        current = current.parent
    return out


AXIS_FUNCTIONS: dict[str, Callable[[Node], AxisNodes]] = {
    "child": _children,
    "descendant": _descendants,
    "descendant-or-self": lambda node: [node, *_descendants(node)],
    "parent": lambda node: [node.parent] if node.parent is not None else [],
    "ancestor": _ancestors,
    "ancestor-or-self": lambda node: [node, *_ancestors(node)],
    "following-sibling": lambda node: _siblings(node, after=True),
    "preceding-sibling": lambda node: _siblings(node, after=False),
    "following": _following,
    "preceding": _preceding,
    "attribute": lambda node: node.attributes if isinstance(node, Element) else _NO_CHILDREN,
    "namespace": lambda node: [],  # as ODK Web Forms: namespace nodes are not modelled
    "self": lambda node: [node],
}


def make_matcher(axis: str, test: NodeTest) -> Matcher:
    """A function (env, node) -> bool for this node test on this axis."""
    kind = test.kind
    if kind == "node":
        return lambda env, node: True
    if kind in ("text", "comment"):
        return lambda env, node: node.kind == kind
    if kind == "pi":
        target = test.local
        return lambda env, node: node.kind == "pi" and (not target or node.name == target)
    principal = "attribute" if axis == "attribute" else "element"
    return _name_matcher(principal, test.prefix, test.local)


def _name_matcher(principal: str, prefix: str | None, local: str) -> Matcher:
    if prefix is None:
        if local == "*":
            return lambda env, node: node.kind == principal
        return lambda env, node: (
            node.kind == principal
            and node.name == local
            and (node.namespace is None or node.namespace == env.default_namespace)
        )

    def match(env: EvalContext, node: Node) -> bool:
        if node.kind != principal or (local != "*" and node.name != local):
            return False
        uri = env.resolve_prefix(prefix)
        if uri is None:
            raise XPathEvalError(f"namespace prefix {prefix!r} is not declared")
        return node.namespace == uri

    return match
