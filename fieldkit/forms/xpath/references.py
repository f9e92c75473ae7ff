"""Static dependency analysis: which instance nodes does an expression read?

Paths are reported absolute and position-free ("/data/rep/q"), attributes as
"/data/q/@attr". Anything that cannot be pinned to named child steps (`//`, `*`,
reverse axes, id()...) makes the whole answer None, meaning "depends on anything".
Paths into secondary instances (instance('id')/...) are not reported, but the
main-instance paths inside their predicates are.
"""

from __future__ import annotations

import re

from fieldkit.forms.xpath import parser as ast

# Marker context for paths inside a secondary instance.
SECONDARY = ("<secondary>",)
_UNKNOWABLE_FUNCTIONS = frozenset({"id"})
_POSITIONS = re.compile(r"\[[^\]]*\]")


class _Unknowable(Exception):
    pass


def find_references(tree, context_path: str) -> set[str] | None:
    context = tuple(part for part in _POSITIONS.sub("", context_path).split("/") if part)
    found: set[str] = set()
    try:
        _visit(tree, context, context, found)
    except _Unknowable:
        return None
    return found


def _visit(tree, context: tuple, current: tuple, found: set[str]) -> None:
    kind = type(tree)
    if kind is ast.Literal or kind is ast.VarRef:
        return
    if kind is ast.Negate:
        _visit(tree.operand, context, current, found)
    elif kind is ast.Binary:
        _visit(tree.left, context, current, found)
        _visit(tree.right, context, current, found)
    elif kind is ast.Call:
        _visit_call(tree, context, current, found)
    elif kind is ast.Path:
        _visit_path(tree, context, current, found)
    elif kind is ast.Filter:
        _visit(tree.base, context, current, found)
        for predicate in tree.predicates:
            _visit(predicate, SECONDARY, current, found)
    else:
        raise _Unknowable


def _local(name: str) -> str:
    return name.rpartition(":")[2]


def _visit_call(tree: ast.Call, context: tuple, current: tuple, found: set[str]) -> None:
    name = _local(tree.name)
    if name in _UNKNOWABLE_FUNCTIONS:
        raise _Unknowable
    if name == "current" and not tree.args:
        _report(current, found)
        return
    if name in ("string", "string-length", "normalize-space", "number",
                "local-name", "name", "namespace-uri", "once") and not tree.args:
        # Zero-argument forms read the context node itself.
        _report(context, found)
        return
    if name == "once":
        _report(context, found)
    for arg in tree.args:
        _visit(arg, context, current, found)


def _report(path: tuple, found: set[str]) -> None:
    if path is SECONDARY or (path and path[0] == SECONDARY[0]):
        return
    found.add("/" + "/".join(path))


def _start(tree: ast.Path, context: tuple, current: tuple, found: set[str]) -> tuple:
    if tree.absolute:
        return ()
    base = tree.base
    if base is None:
        return context
    if type(base) is ast.Call and _local(base.name) == "current" and not base.args:
        return current
    if type(base) is ast.Call and _local(base.name) == "instance":
        for arg in base.args:
            _visit(arg, context, current, found)
        return SECONDARY
    raise _Unknowable


def _visit_path(tree: ast.Path, context: tuple, current: tuple, found: set[str]) -> None:
    path = _start(tree, context, current, found)
    for step in tree.steps:
        path = _advance(path, step)
        for predicate in step.predicates:
            _visit(predicate, path, current, found)
    _report(path, found)


def _advance(path: tuple, step: ast.Step) -> tuple:
    """The path after one step, or _Unknowable when it is not a plain named step."""
    test = step.test
    secondary = path is SECONDARY or (path and path[0] == SECONDARY[0])
    if secondary:
        return SECONDARY
    if step.axis == "parent" and test.kind == "node":
        if not path:
            raise _Unknowable
        return path[:-1]
    if path and path[-1].startswith("@"):
        raise _Unknowable  # attributes have no children
    if step.axis == "self" and (test.kind == "node" or test.kind == "name"):
        return path
    if test.kind == "name" and test.local != "*":
        if step.axis == "child":
            return (*path, test.local)
        if step.axis == "attribute":
            return (*path, "@" + test.local)
    raise _Unknowable
