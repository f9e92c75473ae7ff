"""XPath operators: arithmetic with JavaScript number semantics, and comparisons."""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import tzinfo
from typing import Protocol, TypeVar

from fieldkit.forms.xpath.nodes import Node
from fieldkit.forms.xpath.values import NAN, XPathValue, to_boolean, to_number

# Comparisons are between two strings, two numbers or two booleans (a bool is a number).
_Compared = TypeVar("_Compared", str, float)


class _Test(Protocol):
    def __call__(self, a: _Compared, b: _Compared, /) -> bool: ...


def _divide(a: float, b: float) -> float:
    if b == 0:
        if a != a or a == 0:
            return NAN
        return math.copysign(math.inf, a) * math.copysign(1.0, b)
    return a / b


def _modulo(a: float, b: float) -> float:
    # JavaScript %: the result takes the sign of the dividend.
    if b == 0 or a != a or b != b or math.isinf(a):
        return NAN
    if math.isinf(b):
        return a
    return math.fmod(a, b)


def _multiply(a: float, b: float) -> float:
    return a * b


ARITHMETIC: dict[str, Callable[[float, float], float]] = {
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "*": _multiply,
    "div": _divide,
    "mod": _modulo,
}

_NUMERIC_TESTS: dict[str, _Test] = {
    "=": lambda a, b: a == b,
    "!=": lambda a, b: a != b,
    "<": lambda a, b: a < b,
    "<=": lambda a, b: a <= b,
    ">": lambda a, b: a > b,
    ">=": lambda a, b: a >= b,
}


def compare(op: str, a: XPathValue, b: XPathValue, tz: tzinfo | None = None) -> bool:
    """XPath 1.0 comparison (section 3.4), dates compared as days."""
    if type(a) is list:
        return _compare_sets(op, a, b, tz) if type(b) is list else _compare_set_with(op, a, b, False, tz)
    if type(b) is list:
        return _compare_set_with(op, b, a, True, tz)
    test = _NUMERIC_TESTS[op]
    if op in ("=", "!="):
        if type(a) is bool or type(b) is bool:
            return test(to_boolean(a), to_boolean(b))
        if type(a) is str and type(b) is str:
            return test(a, b)
    return test(to_number(a, tz), to_number(b, tz))


def _compare_sets(op: str, a: list[Node], b: list[Node], tz: tzinfo | None) -> bool:
    test = _NUMERIC_TESTS[op]
    if op in ("=", "!="):
        right = {node.string_value() for node in b}
        if op == "=":
            return any(node.string_value() in right for node in a)
        return any(test(x.string_value(), y) for x in a for y in right)
    left_numbers = [to_number(node.string_value(), tz) for node in a]
    right_numbers = [to_number(node.string_value(), tz) for node in b]
    return any(test(x, y) for x in left_numbers for y in right_numbers)


def _compare_set_with(op: str, nodes: list[Node], other: XPathValue, swapped: bool, tz: tzinfo | None) -> bool:
    """A node-set compared with a value that is not one; `swapped`: the value is on the left."""
    test = _NUMERIC_TESTS[op]
    equality = op in ("=", "!=")
    if equality and type(other) is bool:
        return test(to_boolean(nodes), other)
    if equality and type(other) is str:
        return any(test(node.string_value(), other) for node in nodes)
    number = to_number(other, tz)
    if swapped:
        return any(test(number, to_number(node.string_value(), tz)) for node in nodes)
    return any(test(to_number(node.string_value(), tz), number) for node in nodes)
