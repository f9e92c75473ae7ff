"""Syntax tree to a tree of Python closures.

Every compiled piece has the signature ev(env, node, position, size) -> value,
where env is the EvalContext (instances, namespaces, functions...) and the other
three are the XPath focus. Passing the focus as arguments rather than building a
context object per node keeps predicate evaluation allocation-light.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeAlias, cast

from fieldkit.forms.xpath import parser as ast
from fieldkit.forms.xpath.axes import AXIS_FUNCTIONS, FLAT_AXES, REVERSE_AXES, make_matcher
from fieldkit.forms.xpath.context import EvalContext, Evaluator
from fieldkit.forms.xpath.errors import XPathEvalError
from fieldkit.forms.xpath.functions import compile_call
from fieldkit.forms.xpath.nodes import Node, ParentNode
from fieldkit.forms.xpath.operators import ARITHMETIC, compare
from fieldkit.forms.xpath.predicates import Predicate, apply_predicates, compile_predicate
from fieldkit.forms.xpath.values import NodeSet, XPathValue, to_boolean, to_number

# The nodes one node reaches on a step's axis that pass its node test.
Candidates: TypeAlias = Callable[[EvalContext, Node], NodeSet]
# One step of a path from a node-set: (node-set reached, whether it is flat: no node in
# it holds another, so a flat axis from it needs no sort).
StepRun: TypeAlias = Callable[[EvalContext, NodeSet, bool], tuple[NodeSet, bool]]


def sort_unique(nodes: NodeSet) -> NodeSet:
    """Document order, duplicates removed."""
    unique = list(dict.fromkeys(nodes))
    if len(unique) > 1:
        unique.sort(key=lambda node: node.order_key())
    return unique


def compile_node(tree: ast.Expr) -> Evaluator:
    """Compile any syntax-tree node to its evaluator closure."""
    if isinstance(tree, ast.Literal):
        value = tree.value
        return lambda env, node, pos, size: value
    if isinstance(tree, ast.VarRef):
        return _compile_variable(tree.name)
    if isinstance(tree, ast.Negate):
        operand = compile_node(tree.operand)
        return lambda env, node, pos, size: -to_number(operand(env, node, pos, size), env.tz)
    if isinstance(tree, ast.Binary):
        return _compile_binary(tree)
    if isinstance(tree, ast.Path):
        return _compile_path(tree)
    if isinstance(tree, ast.Filter):
        return _compile_filter(tree)
    if isinstance(tree, ast.Call):
        return compile_call(tree, [compile_node(arg) for arg in tree.args])
    raise TypeError(f"unknown syntax node {tree!r}")


def _compile_variable(name: str) -> Evaluator:
    def variable(env: EvalContext, node: Node, pos: int, size: int) -> XPathValue:
        try:
            value = env.variables[name]
        except KeyError:
            raise XPathEvalError(f"variable ${name} is not defined") from None
        return normalize(value)

    return variable


def normalize(value: object) -> XPathValue:
    """A Python value from outside (variables, custom functions) as an XPath value."""
    if value is None:
        return ""
    if isinstance(value, (bool, str, float)):
        return value
    if isinstance(value, int):
        return float(value)
    if hasattr(value, "kind") and hasattr(value, "parent"):
        return [cast(Node, value)]
    if isinstance(value, (list, tuple)):
        return sort_unique(list(value))  # a list from outside holds nodes
    raise XPathEvalError(f"unsupported value {value!r}")


# -- operators ----------------------------------------------------------------


def _compile_binary(tree: ast.Binary) -> Evaluator:
    op = tree.op
    left = compile_node(tree.left)
    right = compile_node(tree.right)
    if op == "or":
        return lambda env, n, p, s: to_boolean(left(env, n, p, s)) or to_boolean(right(env, n, p, s))
    if op == "and":
        return lambda env, n, p, s: to_boolean(left(env, n, p, s)) and to_boolean(right(env, n, p, s))
    if op == "|":
        return _compile_union(left, right)
    if op in ARITHMETIC:
        fn = ARITHMETIC[op]
        return lambda env, n, p, s: fn(to_number(left(env, n, p, s), env.tz), to_number(right(env, n, p, s), env.tz))
    return lambda env, n, p, s: compare(op, left(env, n, p, s), right(env, n, p, s), env.tz)


def _compile_union(left: Evaluator, right: Evaluator) -> Evaluator:
    def union(env: EvalContext, node: Node, pos: int, size: int) -> XPathValue:
        a = left(env, node, pos, size)
        b = right(env, node, pos, size)
        if type(a) is not list or type(b) is not list:
            raise XPathEvalError("the operands of '|' must be node-sets")
        return sort_unique(a + b)

    return union


# -- paths --------------------------------------------------------------------


def _compile_predicates(trees: tuple[ast.Expr, ...]) -> tuple[Predicate, ...]:
    return tuple(compile_predicate(tree, compile_node) for tree in trees)


def _candidates(axis: str, test: ast.NodeTest) -> Candidates:
    """(env, node) -> the nodes on `axis` from node that pass `test`, in axis order."""
    if axis == "child" and test.kind == "name" and test.prefix is None and test.local != "*":
        local = test.local

        def named_children(env: EvalContext, node: Node) -> NodeSet:
            # The hot path of form expressions: /data/group/question.
            if not isinstance(node, ParentNode):
                return []
            default = env.default_namespace
            return [c for c in node.children_named(local) if c.namespace is None or c.namespace == default]

        return named_children
    axis_nodes = AXIS_FUNCTIONS[axis]
    match = make_matcher(axis, test)
    return lambda env, node: [c for c in axis_nodes(node) if match(env, c)]


def _compile_step(step: ast.Step) -> StepRun:
    candidates = _candidates(step.axis, step.test)
    predicates = _compile_predicates(step.predicates)
    reverse = step.axis in REVERSE_AXES
    keeps_flat = step.axis in FLAT_AXES

    def select(env: EvalContext, node: Node) -> NodeSet:
        found = candidates(env, node)
        if predicates:
            found = apply_predicates(env, found, predicates)
        if reverse and len(found) > 1:
            found.reverse()  # positions counted in axis order; results in document order
        return found

    def run(env: EvalContext, nodes: NodeSet, flat: bool) -> tuple[NodeSet, bool]:
        if len(nodes) == 1:
            found = select(env, nodes[0])
            return found, len(found) <= 1 or (flat and keeps_flat)
        out: NodeSet = []
        for node in nodes:
            out.extend(select(env, node))
        if flat and keeps_flat:
            return out, True
        return sort_unique(out), len(out) <= 1

    return run


def _simple_moves(tree: ast.Path) -> list[str] | None:
    """For paths of plain child names, '..' and '.', the moves ("..", "." or a name)."""
    if tree.base is not None:
        return None
    moves: list[str] = []
    for step in tree.steps:
        test = step.test
        if step.predicates:
            return None
        if step.axis in ("parent", "self") and test.kind == "node":
            moves.append(".." if step.axis == "parent" else ".")
        elif step.axis == "child" and test.kind == "name" and test.prefix is None and test.local != "*":
            moves.append(test.local)
        else:
            return None
    return moves


def _compile_simple_path(absolute: bool, moves: list[str]) -> Evaluator:
    """The common form path (/data/a, ../b, item/name) without the general step machinery.

    Every node reached is at the same depth, so the lists stay in document order
    and only '..' can produce (adjacent) duplicates.
    """

    def simple_path(env: EvalContext, node: Node, pos: int, size: int) -> XPathValue:
        if absolute:
            node = (env.current if env.current is not None else env.node).root
        nodes = [node]
        default = env.default_namespace
        for move in moves:
            if move == ".":
                continue
            found: NodeSet = []
            for current in nodes:
                if move == "..":
                    parent = current.parent
                    if parent is not None and (not found or found[-1] is not parent):
                        found.append(parent)
                elif isinstance(current, ParentNode):
                    found.extend(
                        c for c in current.children_named(move) if c.namespace is None or c.namespace == default
                    )
            nodes = found
            if not nodes:
                break
        return nodes

    return simple_path


def _compile_path(tree: ast.Path) -> Evaluator:
    moves = _simple_moves(tree)
    if moves is not None:
        return _compile_simple_path(tree.absolute, moves)
    steps = [_compile_step(step) for step in tree.steps]
    base = compile_node(tree.base) if tree.base is not None else None
    absolute = tree.absolute

    def path(env: EvalContext, node: Node, pos: int, size: int) -> XPathValue:
        nodes: XPathValue
        if absolute:
            # "/" is the root of the evaluation's own document (that of current()),
            # not of the node being filtered: in `instance('c')/root/item[cf = /data/s]`
            # /data/s is in the main instance, as in ODK.
            top = env.current if env.current is not None else env.node
            nodes = [top.root]
        elif base is not None:
            nodes = base(env, node, pos, size)
            if type(nodes) is not list:
                raise XPathEvalError("a path step can only follow a node-set")
        else:
            nodes = [node]
        flat = len(nodes) <= 1
        for step in steps:
            if not nodes:
                return nodes
            nodes, flat = step(env, nodes, flat)
        return nodes

    return path


def _compile_filter(tree: ast.Filter) -> Evaluator:
    base = compile_node(tree.base)
    predicates = _compile_predicates(tree.predicates)

    def filtered(env: EvalContext, node: Node, pos: int, size: int) -> XPathValue:
        nodes = base(env, node, pos, size)
        if type(nodes) is not list:
            raise XPathEvalError("predicates can only filter a node-set")
        return apply_predicates(env, nodes, predicates)

    return filtered
