"""Predicates: filtering a node list by position or truth.

Choice filters run one predicate over thousands of secondary-instance items, e.g.
`instance('communes')/root/item[province = /data/province]`. The side that does
not depend on the item (`/data/province`) is evaluated once per filtering, not
once per item: each compiled predicate is a function (env, nodes) -> nodes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeAlias

from fieldkit.forms.xpath import parser as ast
from fieldkit.forms.xpath.context import EvalContext, Evaluator
from fieldkit.forms.xpath.operators import compare
from fieldkit.forms.xpath.values import DateValue, NodeSet, XPathValue, to_boolean

# One compiled predicate: the nodes of a (non-empty) node-set that it keeps.
Predicate: TypeAlias = Callable[[EvalContext, NodeSet], NodeSet]

_COMPARISONS = frozenset({"=", "!=", "<", "<=", ">", ">="})
# Functions whose value depends on the node being filtered even without arguments
# pointing at it, or that must be drawn afresh for each node.
_FOCUS_FUNCTIONS = frozenset({"position", "last", "random", "uuid", "id", "lang", "once"})
_NODE_DEFAULT_FUNCTIONS = frozenset(
    {"string", "string-length", "normalize-space", "number", "local-name", "name", "namespace-uri"}
)


def keeps(value: XPathValue, position: int) -> bool:
    """Does a predicate value keep the node at this position?"""
    if type(value) is bool:
        return value
    if type(value) is float or type(value) is DateValue:
        return value == position
    return to_boolean(value)


def focus_free(tree: ast.Expr) -> bool:
    """True when tree's value does not depend on the node, position or size."""
    if isinstance(tree, (ast.Literal, ast.VarRef)):
        return True
    if isinstance(tree, ast.Negate):
        return focus_free(tree.operand)
    if isinstance(tree, ast.Binary):
        return focus_free(tree.left) and focus_free(tree.right)
    if isinstance(tree, ast.Path):
        return tree.absolute or (tree.base is not None and focus_free(tree.base))
    if isinstance(tree, ast.Filter):
        return focus_free(tree.base)
    if isinstance(tree, ast.Call):
        return _call_is_focus_free(tree)
    return False


def _call_is_focus_free(tree: ast.Call) -> bool:
    from fieldkit.forms.xpath.functions import BUILTINS

    prefix, _, local = tree.name.rpartition(":")
    spec = BUILTINS.get(local)
    if prefix or spec is None or local in _FOCUS_FUNCTIONS:
        return False  # custom and prefixed functions may look at the node
    if local in _NODE_DEFAULT_FUNCTIONS and not tree.args:
        return False
    return all(focus_free(arg) for arg in tree.args)


def compile_predicate(tree: ast.Expr, compile_node: Callable[[ast.Expr], Evaluator]) -> Predicate:
    """The filtering function for one predicate."""
    if isinstance(tree, ast.Literal) and type(tree.value) is float:
        return _by_index(tree.value)
    if focus_free(tree):
        return _once(compile_node(tree))
    if isinstance(tree, ast.Binary) and tree.op in _COMPARISONS:
        if focus_free(tree.right):
            return _hoisted(tree.op, compile_node(tree.left), compile_node(tree.right), swapped=False)
        if focus_free(tree.left):
            return _hoisted(tree.op, compile_node(tree.right), compile_node(tree.left), swapped=True)
    return _general(compile_node(tree))


def _by_index(value: float) -> Predicate:
    index = int(value) if value.is_integer() and value >= 1 else 0

    def by_index(env: EvalContext, nodes: NodeSet) -> NodeSet:
        return nodes[index - 1 : index] if index else []

    return by_index


def _once(evaluate: Evaluator) -> Predicate:
    def once(env: EvalContext, nodes: NodeSet) -> NodeSet:
        value = evaluate(env, nodes[0], 1, len(nodes))
        if type(value) is float or type(value) is DateValue:
            return nodes[int(value) - 1 : int(value)] if float(value).is_integer() and value >= 1 else []
        return nodes if to_boolean(value) else []

    return once


def _hoisted(op: str, varying: Evaluator, fixed: Evaluator, swapped: bool) -> Predicate:
    def hoisted(env: EvalContext, nodes: NodeSet) -> NodeSet:
        size = len(nodes)
        constant = fixed(env, nodes[0], 1, size)
        tz = env.tz
        kept: NodeSet = []
        for position, node in enumerate(nodes, 1):
            value = varying(env, node, position, size)
            result = compare(op, constant, value, tz) if swapped else compare(op, value, constant, tz)
            if result:
                kept.append(node)
        return kept

    return hoisted


def _general(evaluate: Evaluator) -> Predicate:
    def general(env: EvalContext, nodes: NodeSet) -> NodeSet:
        size = len(nodes)
        return [node for position, node in enumerate(nodes, 1) if keeps(evaluate(env, node, position, size), position)]

    return general


def apply_predicates(env: EvalContext, nodes: NodeSet, predicates: Sequence[Predicate]) -> NodeSet:
    for predicate in predicates:
        if not nodes:
            break
        nodes = predicate(env, nodes)
    return nodes
