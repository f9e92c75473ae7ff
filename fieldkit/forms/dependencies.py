"""The order in which a session evaluates a form's computations, and what each triggers.

A computation is one bind attribute, a repeat's `jr:count`, or a select's choice filter,
evaluated on every instance node of its path. Some of them change what expressions
read (their *outputs*):
- a calculation changes its node's value;
- relevance changes how its node and everything under it read (a non-relevant node
  reads as blank, as in ODK);
- a repeat count adds or removes instances, so it changes its whole subtree;
- a choice filter clears a select's answer that is no longer offered.
A computation that reads an output comes after the computation that writes it, so one
ordered pass settles the form. A true cycle (a group's relevance reading a question
inside the group, a count reading its own repeat) is refused when the form is
compiled, naming the nodes, as JavaRosa refuses it.
"""

from __future__ import annotations

import graphlib
from collections.abc import Iterable
from dataclasses import dataclass

from fieldkit.forms.errors import FormError
from fieldkit.forms.xpath import Expression

# Bind attributes whose value a session keeps up to date as answers change.
BIND_ATTRIBUTES = ("calculate", "relevant", "required", "readonly")
COUNT = "count"  # a repeat's jr:count; its path is the repeat's
CHOICES = "choices"  # a select's choice filter; clears answers no longer offered
_SUBTREE_OUTPUTS = ("relevant", COUNT)
_OWN_OUTPUTS = ("calculate", CHOICES)
Key = tuple[str, str]  # (path, attribute): one computation, before it has its index


@dataclass
class Computation:
    """One expression evaluated on every instance node of `path` (for a repeat count:
    once per parent of the repeat's instances)."""

    index: int
    path: str
    attribute: str
    expression: Expression
    references: set[str] | None  # None: may read anything, recompute on every change

    @property
    def writes(self) -> bool:
        return self.attribute in _SUBTREE_OUTPUTS or self.attribute in _OWN_OUTPUTS


@dataclass
class Candidate:
    path: str
    attribute: str
    expression: Expression
    references: set[str] | None


def subtree(path: str, paths: Iterable[str]) -> set[str]:
    """`path` and every path under it."""
    prefix = path + "/"
    return {path} | {other for other in paths if other.startswith(prefix)}


def outputs(candidate: Candidate, paths: Iterable[str]) -> set[str]:
    if candidate.attribute in _SUBTREE_OUTPUTS:
        return subtree(candidate.path, paths)
    if candidate.attribute in _OWN_OUTPUTS:
        return {candidate.path}
    return set()


def order(candidates: list[Candidate], *, paths: set[str], counted_repeats: set[str],
          source: str | None) -> list[Computation]:
    """The candidates as computations in an order where every writer comes before its
    readers; FormError names the nodes of a cycle."""
    keys = [(candidate.path, candidate.attribute) for candidate in candidates]
    writers: dict[str, set[Key]] = {}
    for key, candidate in zip(keys, candidates, strict=True):
        for path in outputs(candidate, paths):
            writers.setdefault(path, set()).add(key)
    graph = {key: _needs(key, candidate, writers, counted_repeats)
             for key, candidate in zip(keys, candidates, strict=True)}
    try:
        ranked = list(graphlib.TopologicalSorter(graph).static_order())
    except graphlib.CycleError as error:
        cycle = " → ".join(path for path, _attribute in error.args[1])
        raise FormError(
            f"the form's calculations and relevance depend on each other in a cycle: {cycle}", source=source
        ) from None
    rank = {key: position for position, key in enumerate(ranked)}
    ordered = sorted(zip(keys, candidates, strict=True), key=lambda pair: rank[pair[0]])
    return [
        Computation(index=index, path=c.path, attribute=c.attribute, expression=c.expression, references=c.references)
        for index, (_key, c) in enumerate(ordered)
    ]


def _needs(key: Key, candidate: Candidate, writers: dict[str, set[Key]], counted_repeats: set[str]) -> set[Key]:
    """The computations that must run before `candidate`."""
    needed: set[Key] = set()
    if candidate.references is None:
        # It may read anything: after every calculation that does not read it back.
        for writing in writers.values():
            needed.update(writer for writer in writing if writer[1] == "calculate" and writer[0] != candidate.path)
        return needed - {key}
    for path in candidate.references:
        for writer in writers.get(path, ()):
            if writer == key and path == candidate.path and candidate.attribute != COUNT:
                continue  # `.` read by its own bind: JavaRosa allows it too
            needed.add(writer)
    for repeat in counted_repeats:  # instances a count adds need their own binds after it
        if candidate.path.startswith(repeat + "/") or (candidate.path == repeat and candidate.attribute != COUNT):
            needed.add((repeat, COUNT))
    return needed


def followers(computations: list[Computation], paths: set[str]) -> dict[int, list[int]]:
    """index -> the computations that read what it writes."""
    readers: dict[str, list[int]] = {}
    for computation in computations:
        for path in computation.references or ():
            readers.setdefault(path, []).append(computation.index)
    found: dict[int, list[int]] = {}
    for computation in computations:
        if not computation.writes:
            continue
        candidate = Candidate(computation.path, computation.attribute, computation.expression, None)
        following = {index for path in outputs(candidate, paths) for index in readers.get(path, ())}
        following.discard(computation.index)
        found[computation.index] = sorted(following)
    return found


def local_scopes(computations: list[Computation], repeats: set[str]) -> dict[tuple[int, str], str]:
    """(computation index, path it reads) -> the repeat whose instance that reading never
    leaves (`../trainings` read in a roster row): an answer changed in one row then needs
    the reader only in that row, so filling N rows costs N, not N squared."""
    scopes = {}
    for computation in computations:
        if computation.attribute == COUNT or computation.references is None:
            continue
        floors = computation.expression.reference_floors(computation.path) or {}
        for path, floor in floors.items():
            scope = _shared_repeat(computation.path, path, floor, repeats)
            if scope is not None:
                scopes[(computation.index, path)] = scope
    return scopes


def _shared_repeat(reader: str, read: str, floor: int, repeats: set[str]) -> str | None:
    """The deepest repeat holding both paths whose instance node the reading stayed under."""
    found = None
    for repeat in repeats:
        if (repeat.count("/") <= floor and reader.startswith(repeat + "/")
                and (read == repeat or read.startswith(repeat + "/"))
                and (found is None or len(repeat) > len(found))):
            found = repeat
    return found


def follower_scopes(computations: list[Computation], followers_of: dict[int, list[int]], paths: set[str],
                    scopes: dict[tuple[int, str], str]) -> dict[tuple[int, int], str]:
    """(writer index, follower index) -> the repeat whose instance holds every read the
    follower makes of what the writer writes; absent when any read leaves it."""
    found: dict[tuple[int, int], str] = {}
    for writer in computations:
        if writer.attribute == COUNT:
            continue
        written = outputs(Candidate(writer.path, writer.attribute, writer.expression, None), paths)
        for index in followers_of.get(writer.index, ()):
            reads = written & (computations[index].references or set())
            kept = {scopes.get((index, path)) for path in reads}
            scope = kept.pop() if len(kept) == 1 else None
            if scope is not None:
                found[(writer.index, index)] = scope
    return found
