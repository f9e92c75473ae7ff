"""ODK number functions: round with digits, int, pow, logarithms, trigonometry, min/max, random."""

from __future__ import annotations

import math
import random as _random
from collections.abc import Callable, Iterable

from fieldkit.forms.xpath.functions import Frame, builtin
from fieldkit.forms.xpath.values import NAN, XPathValue


def _js_round_half_up(x: float) -> float:
    return float(math.floor(x + 0.5))


@builtin("round", 1, 2)
def round_(f: Frame, value: XPathValue, *digits: XPathValue) -> float:
    """ODK rounding: half away from zero, optionally to a number of decimals."""
    x = f.number(value)
    if x != x or math.isinf(x):
        return x
    places = f.number(digits[0]) if digits else 0.0
    if places != places:
        return NAN
    sign = -1.0 if x < 0 else 1.0
    try:
        multiplier: float = 10.0 ** places
        shifted = abs(x) * multiplier
        if math.isinf(shifted):
            return x
        return _js_round_half_up(shifted) / multiplier * sign
    except (OverflowError, ZeroDivisionError):
        return x if places > 0 else 0.0 * sign


@builtin("int", 1)
def int_(f: Frame, value: XPathValue) -> float:
    x = f.number(value)
    if x != x or math.isinf(x):
        return x
    return float(math.trunc(x))


@builtin("abs", 1)
def abs_(f: Frame, value: XPathValue) -> float:
    return abs(f.number(value))


@builtin("pow", 2)
def pow_(f: Frame, base: XPathValue, exponent: XPathValue) -> float:
    x, y = f.number(base), f.number(exponent)
    try:
        result = math.pow(x, y)
    except OverflowError:
        return math.inf if x > 0 or y % 2 == 0 else -math.inf
    except ValueError:
        # Negative base with a fractional exponent, or 0 to a negative power.
        if x == 0:
            return math.inf
        return NAN
    return result


def _unary_math(name: str, fn: Callable[[float], float], domain: Callable[[float], float] | None = None) -> None:
    def impl(f: Frame, value: XPathValue) -> float:
        x = f.number(value)
        if x != x:
            return NAN
        try:
            return fn(x)
        except (ValueError, OverflowError):
            return domain(x) if domain is not None else NAN

    builtin(name, 1)(impl)


def _log_edge(x: float) -> float:
    return -math.inf if x == 0 else NAN


def _exp(x: float) -> float:
    try:
        return math.exp(x)
    except OverflowError:
        return math.inf


def _exp10(x: float) -> float:
    try:
        return math.pow(10.0, x)
    except OverflowError:
        return math.inf


_unary_math("log", math.log, _log_edge)
_unary_math("log10", math.log10, _log_edge)
_unary_math("exp", _exp)
_unary_math("exp10", _exp10)
_unary_math("sqrt", math.sqrt)
_unary_math("sin", math.sin)
_unary_math("cos", math.cos)
_unary_math("tan", math.tan)
_unary_math("asin", math.asin)
_unary_math("acos", math.acos)
_unary_math("atan", math.atan)


@builtin("atan2", 2)
def atan2(f: Frame, y: XPathValue, x: XPathValue) -> float:
    return math.atan2(f.number(y), f.number(x))


@builtin("pi")
def pi(f: Frame) -> float:
    return math.pi


@builtin("random")
def random(f: Frame) -> float:
    return _random.random()


def _numbers(f: Frame, values: Iterable[XPathValue]) -> list[float]:
    numbers: list[float] = []
    for value in values:
        if type(value) is list:
            numbers.extend(f.number(node.string_value()) for node in value)
        else:
            numbers.append(f.number(value))
    return numbers


def _extreme(f: Frame, values: Iterable[XPathValue], pick: Callable[[list[float]], float]) -> float:
    numbers = _numbers(f, values)
    if not numbers or any(x != x for x in numbers):
        return NAN
    return pick(numbers)


@builtin("min", 1, None)
def min_(f: Frame, *values: XPathValue) -> float:
    return _extreme(f, values, min)


@builtin("max", 1, None)
def max_(f: Frame, *values: XPathValue) -> float:
    return _extreme(f, values, max)
