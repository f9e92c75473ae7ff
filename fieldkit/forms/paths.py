"""Instance paths: where one node of a submission is, as `/data/roster[2]/children[1]/name`.

An instance path has one step per element from the root element down. A step is the
element's name and, on an instance of a repeat, its 1-based position among its
siblings of that name (`roster[2]`); a step without a position means the first, as
in XPath. The same path without positions (`/data/roster/children/name`) is its
*template*: the path of the node's bind, question and computations, shared by the
node of every repeat instance.

Paths come from the session (which writes the position of every repeat instance),
from stored answers and from people (`fieldkit edit --set`, answers files), so
`InstancePath.parse` reads them as the session always has: with or without the slashes
at either end (`data/q`, `/data/q/`), a doubled slash as one. `str()` always writes the
canonical `/data/q`. Positions are written in ASCII digits and start at 1.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import NamedTuple


class Step(NamedTuple):
    """One element on the way: its name and, in a repeat, its 1-based position."""

    name: str
    position: int | None = None

    def __str__(self) -> str:
        return self.name if self.position is None else f"{self.name}[{self.position}]"


@dataclass(frozen=True, slots=True)
class InstancePath:
    """A path to one node of the primary instance; see the module docstring."""

    steps: tuple[Step, ...]

    def __post_init__(self) -> None:
        """Every path made can be written out and read back: no empty path, no step
        name holding '/', '[' or ']', no position below 1."""
        if not self.steps:
            raise ValueError("an instance path has at least one step (the root element)")
        for name, position in self.steps:
            _check_step(name, position)

    @classmethod
    def parse(cls, text: str) -> InstancePath:
        """The path `text` writes; ValueError when it is none (an empty step name, a
        position that is not a whole number from 1, a stray bracket)."""
        return _parse(text)

    @classmethod
    def try_parse(cls, text: str) -> InstancePath | None:
        """The path `text` writes, or None when it is none (it names no node of any form)."""
        try:
            return _parse(text)
        except ValueError:
            return None

    def __str__(self) -> str:
        return "/" + "/".join([str(step) for step in self.steps])

    def __repr__(self) -> str:
        return f"InstancePath({str(self)!r})"

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(step.name for step in self.steps)

    @property
    def name(self) -> str:
        """The name of the node itself (the last step)."""
        return self.steps[-1].name

    @property
    def position(self) -> int | None:
        """The node's own position: set when the path names one instance of a repeat."""
        return self.steps[-1].position

    @property
    def positions(self) -> tuple[int, ...]:
        """The positions written on the way, outermost first: (2, 1) for
        `/data/roster[2]/children[1]/name`."""
        return tuple(step.position for step in self.steps if step.position is not None)

    @property
    def template(self) -> str:
        """The path without positions (`/data/roster/children/name`): the bind's path."""
        return "/" + "/".join([step.name for step in self.steps])

    @property
    def parent(self) -> InstancePath | None:
        """The path of the node's parent; None for the root element."""
        return _known_valid(self.steps[:-1]) if len(self.steps) > 1 else None

    @property
    def repeats(self) -> tuple[tuple[InstancePath, int], ...]:
        """(repeat, position) of each repeat instance the node lies in, outermost first,
        the node itself included when it is one: (`/data/roster`, 2) and
        (`/data/roster[2]/children`, 1) for `/data/roster[2]/children[1]/name`."""
        return tuple((_known_valid((*self.steps[:index], Step(step.name))), step.position)
                     for index, step in enumerate(self.steps) if step.position is not None)

    @property
    def repeat_instance(self) -> InstancePath | None:
        """The innermost repeat instance the node lies in (or is); None outside repeats."""
        for index in range(len(self.steps) - 1, -1, -1):
            if self.steps[index].position is not None:
                return _known_valid(self.steps[: index + 1])
        return None

    def without_position(self) -> InstancePath:
        """The path with the node's own position dropped: the repeat (`/data/roster`)
        that a repeat instance (`/data/roster[2]`) is one of."""
        if self.position is None:
            return self
        return _known_valid((*self.steps[:-1], Step(self.name)))

    def at(self, position: int) -> InstancePath:
        """The instance at `position` of the repeat this path names: `/data/roster` at 3
        is `/data/roster[3]`."""
        return InstancePath((*self.steps[:-1], Step(self.name, position)))

    def child(self, name: str, position: int | None = None) -> InstancePath:
        """The path of the child `name` (at `position`, for one instance of a repeat)."""
        return InstancePath((*self.steps, Step(name, position)))


def strip_positions(path: str) -> str:
    """`/data/rep[2]/q` -> `/data/rep/q`: the template of an instance path. Text that is
    no instance path comes back unchanged (it names no node of any form)."""
    try:
        return _parse(path).template
    except ValueError:
        return path


# A session parses the path of the question being answered at every keystroke, and
# the same few hundred paths recur: parsed once each.
@functools.lru_cache(maxsize=8192)
def _parse(text: str) -> InstancePath:
    steps = []
    for part in text.split("/"):
        if not part:
            continue  # the slashes at either end, or a doubled one
        name, position = part, None
        if part[-1] == "]":
            name, bracket, digits = part[:-1].partition("[")
            if not bracket or not (digits.isascii() and digits.isdigit()):
                raise ValueError(f"{text!r} is not an instance path: {part!r} is not a name and a position")
            position = int(digits)  # int() refuses a number of thousands of digits
        _check_step(name, position)
        steps.append(Step(name, position))
    if not steps:
        raise ValueError(f"{text!r} is not an instance path: it names no element")
    return _known_valid(tuple(steps))


def _known_valid(steps: tuple[Step, ...]) -> InstancePath:
    """The path of steps already checked (parsed, or part of a path): made without
    checking them again, as parsing is on the way of every answer a session sets."""
    path = object.__new__(InstancePath)
    object.__setattr__(path, "steps", steps)
    return path


def _check_step(name: str, position: int | None) -> None:
    if not name or "/" in name or "[" in name or "]" in name:
        raise ValueError(f"{name!r} is no step of an instance path: it needs a name without '/', '[' or ']'")
    if position is not None and position < 1:
        raise ValueError(f"repeat positions start at 1, not {position}")
