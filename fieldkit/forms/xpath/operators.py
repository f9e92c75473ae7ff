"""XPath operators: arithmetic with JavaScript number semantics, and comparisons."""

from __future__ import annotations

import math

from fieldkit.forms.xpath.values import NAN, to_boolean, to_number


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


ARITHMETIC = {
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "*": _multiply,
    "div": _divide,
    "mod": _modulo,
}

_NUMERIC_TESTS = {
    "=": lambda a, b: a == b,
    "!=": lambda a, b: a != b,
    "<": lambda a, b: a < b,
    "<=": lambda a, b: a <= b,
    ">": lambda a, b: a > b,
    ">=": lambda a, b: a >= b,
}


def compare(op: str, a, b, tz=None) -> bool:
    """XPath 1.0 comparison (section 3.4), dates compared as days."""
    a_set = type(a) is list
    b_set = type(b) is list
    if a_set or b_set:
        return _compare_sets(op, a, b, a_set, b_set, tz)
    test = _NUMERIC_TESTS[op]
    if op in ("=", "!="):
        if type(a) is bool or type(b) is bool:
            return test(to_boolean(a), to_boolean(b))
        if type(a) is str and type(b) is str:
            return test(a, b)
    return test(to_number(a, tz), to_number(b, tz))


def _compare_sets(op: str, a, b, a_set: bool, b_set: bool, tz) -> bool:
    test = _NUMERIC_TESTS[op]
    equality = op in ("=", "!=")
    if a_set and b_set:
        if equality:
            right = {node.string_value() for node in b}
            if op == "=":
                return any(node.string_value() in right for node in a)
            return any(test(x.string_value(), y) for x in a for y in right)
        left_numbers = [to_number(node.string_value(), tz) for node in a]
        right_numbers = [to_number(node.string_value(), tz) for node in b]
        return any(test(x, y) for x in left_numbers for y in right_numbers)
    nodes, other, swapped = (a, b, False) if a_set else (b, a, True)
    kind = type(other)
    if equality and kind is bool:
        return test(to_boolean(nodes), other)
    if equality and kind is str:
        return any(test(node.string_value(), other) for node in nodes)
    number = to_number(other, tz)
    if swapped:
        return any(test(number, to_number(node.string_value(), tz)) for node in nodes)
    return any(test(to_number(node.string_value(), tz), number) for node in nodes)
