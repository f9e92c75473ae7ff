"""Static dependency analysis: which instance nodes does an expression read?

Paths are reported absolute and position-free ("/data/rep/q"), attributes as
"/data/q/@attr". Anything that cannot be pinned to named child steps (`//`, `*`,
reverse axes, id()...) makes the whole answer None, meaning "depends on anything".
Paths into secondary instances (instance('id')/...) are not reported, but the
main-instance paths inside their predicates are.
"""

from __future__ import annotations

import re
from typing import TypeAlias

from fieldkit.forms.xpath import parser as ast

Steps: TypeAlias = tuple[str, ...]  # a path's names from the root
Place: TypeAlias = tuple[Steps, int]  # a path, and the fewest steps from the root its reading passed
Floors: TypeAlias = dict[str, int]  # path read -> its floor

# Marker context for paths inside a secondary instance.
SECONDARY: Steps = ("<secondary>",)
_UNKNOWABLE_FUNCTIONS = frozenset({"id"})
_POSITIONS = re.compile(r"\[[^\]]*\]")


class _Unknowable(Exception):
    pass


def find_references(tree: ast.Expr, context_path: str) -> set[str] | None:
    floors = find_reference_floors(tree, context_path)
    return None if floors is None else set(floors)


def find_reference_floors(tree: ast.Expr, context_path: str) -> Floors | None:
    """Each path read, with its *floor*: the fewest steps from the root that reaching it
    passed through. A read from inside a repeat whose floor is at least the repeat's
    depth (`../name`) stays in the context's own repeat instance; an absolute path has
    floor 0."""
    context = tuple(part for part in _POSITIONS.sub("", context_path).split("/") if part)
    found: Floors = {}
    try:
        _visit(tree, (context, len(context)), (context, len(context)), found)
    except _Unknowable:
        return None
    return found


def _visit(tree: ast.Expr, context: Place, current: Place, found: Floors) -> None:
    """`context` and `current` are places: (path, floor)."""
    if isinstance(tree, (ast.Literal, ast.VarRef)):
        return
    if isinstance(tree, ast.Negate):
        _visit(tree.operand, context, current, found)
    elif isinstance(tree, ast.Binary):
        _visit(tree.left, context, current, found)
        _visit(tree.right, context, current, found)
    elif isinstance(tree, ast.Call):
        _visit_call(tree, context, current, found)
    elif isinstance(tree, ast.Path):
        _visit_path(tree, context, current, found)
    elif isinstance(tree, ast.Filter):
        _visit(tree.base, context, current, found)
        for predicate in tree.predicates:
            _visit(predicate, (SECONDARY, 0), current, found)
    else:
        raise _Unknowable


def _local(name: str) -> str:
    return name.rpartition(":")[2]


def _visit_call(tree: ast.Call, context: Place, current: Place, found: Floors) -> None:
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


def _secondary(path: Steps) -> bool:
    return path is SECONDARY or bool(path and path[0] == SECONDARY[0])


def _report(place: Place, found: Floors) -> None:
    path, floor = place
    if _secondary(path):
        return
    key = "/" + "/".join(path)
    found[key] = min(found.get(key, floor), floor)


def _start(tree: ast.Path, context: Place, current: Place, found: Floors) -> Place:
    if tree.absolute:
        return (), 0
    base = tree.base
    if base is None:
        return context
    if type(base) is ast.Call and _local(base.name) == "current" and not base.args:
        return current
    if type(base) is ast.Call and _local(base.name) == "instance":
        for arg in base.args:
            _visit(arg, context, current, found)
        return SECONDARY, 0
    raise _Unknowable


def _visit_path(tree: ast.Path, context: Place, current: Place, found: Floors) -> None:
    place = _start(tree, context, current, found)
    for step in tree.steps:
        path = _advance(place[0], step)
        place = (path, min(place[1], len(path)))
        for predicate in step.predicates:
            _visit(predicate, place, current, found)
    _report(place, found)


def _advance(path: Steps, step: ast.Step) -> Steps:
    """The path after one step, or _Unknowable when it is not a plain named step."""
    test = step.test
    if _secondary(path):
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
