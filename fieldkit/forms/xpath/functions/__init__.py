"""The function library: registry, arity checks and call compilation.

Builtins receive a Frame (the focus and the EvalContext) then their evaluated
arguments; "lazy" builtins (if, coalesce, once...) receive the argument closures
and evaluate only what they need.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import tzinfo
from typing import TypeAlias, TypeVar

from fieldkit.forms.xpath import parser as ast
from fieldkit.forms.xpath.context import FUNCTION_NAMESPACES, JAVAROSA, STANDARD_NAMESPACES, EvalContext, Evaluator
from fieldkit.forms.xpath.errors import XPathEvalError
from fieldkit.forms.xpath.nodes import Node
from fieldkit.forms.xpath.values import NodeSet, XPathValue, to_boolean, to_number, to_string

# A builtin's implementation: Frame, then the argument values (or, for a lazy builtin,
# the argument evaluators); the arity registered with it is checked before the call.
Implementation: TypeAlias = Callable[..., XPathValue]
_Implementation = TypeVar("_Implementation", bound=Implementation)


class Frame:
    """The focus of a function call: EvalContext plus node, position and size."""

    __slots__ = ("env", "node", "position", "size")

    def __init__(self, env: EvalContext, node: Node, position: int, size: int) -> None:
        self.env = env
        self.node = node
        self.position = position
        self.size = size

    def eval(self, argument: Evaluator) -> XPathValue:
        return argument(self.env, self.node, self.position, self.size)

    def string(self, value: XPathValue) -> str:
        return to_string(value)

    def number(self, value: XPathValue) -> float:
        return to_number(value, self.env.tz)

    def boolean(self, value: XPathValue) -> bool:
        return to_boolean(value)

    @property
    def tz(self) -> tzinfo | None:
        return self.env.tz


@dataclass(frozen=True)
class Builtin:
    impl: Implementation
    min_args: int
    max_args: int | None  # None: any number
    lazy: bool = False
    jr_only: bool = False  # reachable only as jr:name (jr:itext, jr:choice-name)


BUILTINS: dict[str, Builtin] = {}


def builtin(name: str, min_args: int = 0, max_args: int | None = -1, *, lazy: bool = False,
            jr_only: bool = False) -> Callable[[_Implementation], _Implementation]:
    """Register a builtin; max_args=-1 means exactly min_args, None means variadic."""

    def register(impl: _Implementation) -> _Implementation:
        upper = min_args if max_args == -1 else max_args
        BUILTINS[name] = Builtin(impl, min_args, upper, lazy, jr_only)
        return impl

    return register


def node_set(value: XPathValue, function: str) -> NodeSet:
    if type(value) is not list:
        raise XPathEvalError(f"{function}() needs a node-set argument, got {_describe(value)}")
    return value


def _describe(value: XPathValue) -> str:
    if type(value) is bool:
        return "a boolean"
    if type(value) is str:
        return f"the string {value!r}"
    return f"the number {to_string(value)}"


def _lookup(name: str) -> Builtin | None:
    prefix, _, local = name.rpartition(":")
    if not prefix:
        spec = BUILTINS.get(local)
        return None if spec is None or spec.jr_only else spec
    uri = STANDARD_NAMESPACES.get(prefix)
    if uri not in FUNCTION_NAMESPACES:
        return None
    spec = BUILTINS.get(local)
    if spec is not None and spec.jr_only and uri != JAVAROSA:
        return None
    return spec


def _arity_ok(spec: Builtin, count: int) -> bool:
    return count >= spec.min_args and (spec.max_args is None or count <= spec.max_args)


def _check_arity(spec: Builtin, name: str, count: int) -> None:
    if spec.max_args is None:
        expected = f"at least {spec.min_args}"
    elif spec.min_args == spec.max_args:
        expected = str(spec.min_args)
    else:
        expected = f"{spec.min_args} to {spec.max_args}"
    plural = "" if expected == "1" else "s"
    raise XPathEvalError(f"{name}() takes {expected} argument{plural}, got {count}")


def compile_call(tree: ast.Call, args: list[Evaluator]) -> Evaluator:
    """The closure for a function call; custom functions in env.functions win."""
    from fieldkit.forms.xpath.compiler import normalize

    name = tree.name
    local = name.rpartition(":")[2]
    spec = _lookup(name)
    # Arity is checked when the call is evaluated, not compiled: as in ODK,
    # `false() and substring()` is false rather than an error.
    arity_ok = spec is not None and _arity_ok(spec, len(args))

    def call(env: EvalContext, node: Node, pos: int, size: int) -> XPathValue:
        custom = env.functions
        if custom:
            fn = custom.get(name) or custom.get(local)
            if fn is not None:
                values = [arg(env, node, pos, size) for arg in args]
                return normalize(fn(env.with_node(node, pos, size), *values))
        if spec is None:
            raise XPathEvalError(f"unknown function {name}()")
        if not arity_ok:
            _check_arity(spec, name, len(args))
        frame = Frame(env, node, pos, size)
        if spec.lazy:
            return spec.impl(frame, *args)
        return spec.impl(frame, *[arg(env, node, pos, size) for arg in args])

    return call


# Register the library.
from fieldkit.forms.xpath.functions import core, geo, numeric, odk, signed, temporal  # noqa: E402,F401
