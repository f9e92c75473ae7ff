"""XPath values and the conversions between them.

Values are plain Python: str, float, bool, and list (a node-set in document order).
A date is a DateValue: a float (days since 1970-01-01T00:00Z) that also carries
its ISO text, so `date('2020-01-02') + 1` is arithmetic while `string(date(..))`
is the date text, as in ODK.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from datetime import tzinfo
from decimal import Decimal
from typing import TypeAlias, cast

from fieldkit.forms.xpath.nodes import Node

INF = math.inf
NAN = math.nan

# What an expression evaluates to. A node-set is a list of nodes; a date is a DateValue,
# which is a float. Which of them a function takes or gives is known only when it runs.
NodeSet: TypeAlias = list[Node]
XPathValue: TypeAlias = str | float | bool | NodeSet


class DateValue(float):
    """Days since the epoch that converts to string as an ISO date/date-time."""

    __slots__ = ("text", "truth")
    text: str
    truth: bool

    def __new__(cls, days: float, text: str, truth: bool | None = None) -> DateValue:
        value = super().__new__(cls, days)
        value.text = text
        value.truth = (days == days and days != 0) if truth is None else truth
        return value

    def __repr__(self) -> str:
        return f"DateValue({float(self)!r}, {self.text!r})"


def format_number(x: float) -> str:
    """Number to string as JavaScript's Number#toString (what ODK Web Forms shows)."""
    if x != x:
        return "NaN"
    if x == INF:
        return "Infinity"
    if x == -INF:
        return "-Infinity"
    if x == 0:
        return "0"
    if x.is_integer() and abs(x) < 2**53:  # exact: shortest digits are the integer's
        return str(int(x))
    sign = "-" if x < 0 else ""
    dec = Decimal(repr(abs(x))).normalize()
    _, digit_tuple, exponent = dec.as_tuple()
    digits = "".join(map(str, digit_tuple))
    k = len(digits)
    n = k + int(exponent)  # value = 0.digits * 10**n (finite: NaN and infinities returned above)
    if k <= n <= 21:
        body = digits + "0" * (n - k)
    elif 0 < n <= 21:
        body = digits[:n] + "." + digits[n:]
    elif -6 < n <= 0:
        body = "0." + "0" * (-n) + digits
    else:
        mantissa = digits[0] + ("." + digits[1:] if k > 1 else "")
        e = n - 1
        body = f"{mantissa}e{'+' if e >= 0 else '-'}{abs(e)}"
    return sign + body


_NUMBER = re.compile(r"[ \t\r\n]*(-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)[ \t\r\n]*\Z")

# Set by the dates module: converts an ISO date/date-time string to epoch days
# (or None). Kept as a hook so this module stays free of time-zone code.
date_string_to_days: Callable[[str, tzinfo | None], float | None] | None = None


def string_to_number(text: str, tz: tzinfo | None = None) -> float:
    match = _NUMBER.match(text)
    if match:
        return float(match.group(1))
    if date_string_to_days is not None and len(text) >= 10 and text[4:5] == "-":
        days = date_string_to_days(text, tz)
        if days is not None:
            return days
    return NAN



# Exact types (`type(value) is`), not isinstance: a DateValue is a float and a bool an
# int, and each converts its own way.
def to_string(value: XPathValue) -> str:
    if type(value) is str:
        return value
    if type(value) is list:
        return value[0].string_value() if value else ""
    if type(value) is bool:
        return "true" if value else "false"
    if type(value) is DateValue:
        return value.text
    return format_number(cast(float, value))  # every other kind returned above


def to_number(value: XPathValue, tz: tzinfo | None = None) -> float:
    if type(value) is float:
        return value
    if type(value) is bool:
        return 1.0 if value else 0.0
    if type(value) is str:
        return string_to_number(value, tz)
    if type(value) is list:
        return string_to_number(value[0].string_value(), tz) if value else NAN
    return float(cast(float, value))  # a DateValue: every other kind returned above


def to_boolean(value: XPathValue) -> bool:
    if type(value) is bool:
        return value
    if type(value) is float:
        return value == value and value != 0
    if type(value) is DateValue:
        return value.truth
    return len(cast("str | NodeSet", value)) > 0  # every other kind returned above
