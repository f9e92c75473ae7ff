"""randomize(): JavaRosa's seeded shuffle, so a seed gives the same order as ODK Collect."""

from __future__ import annotations

import hashlib
import math
import random
from datetime import tzinfo

from fieldkit.forms.xpath.values import NodeSet, XPathValue, to_number, to_string

_MAX_INT_32 = 2_147_483_647
_MIN_STD = 16_807  # Park-Miller "minimal standard" multiplier


class _ParkMiller:
    def __init__(self, seed: int) -> None:
        initial = _java_remainder(seed, _MAX_INT_32)
        if initial <= 0:
            initial += _MAX_INT_32 - 1
        self.state = initial

    def random(self) -> float:
        self.state = (self.state * _MIN_STD) % _MAX_INT_32
        return (self.state - 1) / (_MAX_INT_32 - 1)


def _java_remainder(a: int, b: int) -> int:
    """a % b with the sign of a, as in Java and JavaScript."""
    remainder = abs(a) % b
    return remainder if a >= 0 else -remainder


def _java_long(x: float) -> int:
    """Java's double.longValue(): NaN -> 0, saturating, truncating."""
    if x != x:
        return 0
    if x >= 2**63 - 1:
        return 2**63 - 1
    if x <= -(2**63):
        return -(2**63)
    return int(x)


def _string_seed(text: str) -> int:
    """A non-numeric seed: first 64 bits of its SHA-256, as a signed long."""
    if text == "":
        return 0
    return int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:8], "big", signed=True)


def _seed_of(value: XPathValue, tz: tzinfo | None) -> int:
    number = to_number(value, tz)
    if number != number:
        return _string_seed(to_string(value))
    return _java_long(number)


def randomize_nodes(nodes: NodeSet, tz: tzinfo | None, seed_value: XPathValue | None) -> NodeSet:
    if seed_value is None:
        generator = random.Random()
        next_random = generator.random
    else:
        next_random = _ParkMiller(_seed_of(seed_value, tz)).random
    result = list(nodes)  # each slot is written before it is read (the inside-out shuffle)
    for i, node in enumerate(nodes):
        j = int(math.floor(next_random() * (i + 1)))
        if j != i:
            result[i] = result[j]
        result[j] = node
    return result
