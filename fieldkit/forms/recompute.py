"""One ordered pass over a session's computations after something changed.

What to evaluate is kept per computation: every node of its path, or only the nodes of
repeat instances just added (their binds must be evaluated, whatever they read). The
pass takes computations in the order `fieldkit.forms.dependencies` fixed, so a count
adds instances before their binds run and a calculation settles before its readers;
nothing recurses, and the work is bounded.
"""

from __future__ import annotations

import heapq
import math
from typing import TYPE_CHECKING

from fieldkit.forms.dependencies import CHOICES, COUNT, Computation
from fieldkit.forms.errors import FormError
from fieldkit.forms.instance import descend
from fieldkit.forms.values import calculated_text
from fieldkit.forms.xpath import Element, Node
from fieldkit.forms.xpath.values import XPathValue

if TYPE_CHECKING:
    from fieldkit.forms.session import FormSession

_RERUNS = 4  # an unbounded computation (`//x`) may be woken again by later ones
# More instances than any commune's roster, in one repeat or added by one change; a
# count beyond it (1e300, or 10,000 x 10,000 nested) gets no more, so work stays bounded.
MAX_REPEAT_COUNT = 10_000


class Pass:
    def __init__(self, session: FormSession):
        self.session = session
        self.compiled = session.compiled
        self.dirty: dict[int, set[Element] | None] = {}  # None: every node
        self.queue: list[int] = []
        self.runs: dict[int, int] = {}
        self.budget = MAX_REPEAT_COUNT  # instances counts may add in one pass, nested ones included

    # -- what to evaluate -----------------------------------------------------------

    def mark(self, index: int, nodes: set[Element] | None = None) -> None:
        if index in self.dirty:
            known = self.dirty[index]
            if known is not None:
                self.dirty[index] = None if nodes is None else known | nodes
            return
        self.dirty[index] = None if nodes is None else set(nodes)
        heapq.heappush(self.queue, index)

    def mark_everything(self, *, with_choices: bool) -> None:
        for computation in self.compiled.computations:
            if with_choices or computation.attribute != CHOICES:
                self.mark(computation.index)

    def mark_readers(self, paths: set[str], node: Element | None = None) -> None:
        """The computations that read `paths`; when `node` is the one that changed, a
        reader that stays in its repeat instance is marked in that instance only."""
        compiled = self.compiled
        for index in compiled.affected_by(paths):
            scope = None
            if node is not None:
                read = paths & (compiled.computations[index].references or set())
                scopes = {compiled.scopes.get((index, path)) for path in read}
                scope = scopes.pop() if len(scopes) == 1 else None
            self.mark(index, None if scope is None or node is None else self.in_scope(index, scope, [node]))

    def in_scope(self, index: int, scope: str, changed: list[Element]) -> set[Element] | None:
        """The nodes of computation `index` in the `scope` repeat instances holding the
        `changed` nodes (None, every node, when one of them is not inside such an instance)."""
        instance = self.session.instance
        path = self.compiled.computations[index].path
        depth = scope.count("/")
        found: set[Element] = set()
        for node in changed:
            steps = instance.template_path(node).count("/") - depth
            if steps < 0:
                return None
            holder: Node | None = node
            for _ in range(steps):
                holder = holder.parent if holder is not None else None
            if not isinstance(holder, Element):  # the instance always holds it: never seen
                return None
            found.update(descend(holder, scope, path))
        return found

    def mark_fresh(self, fresh: list[Element]) -> None:
        """Repeat instances just added (of one repeat): every bind inside them, and
        whatever reads them."""
        if not fresh:
            return
        top = self.session.instance.template_path(fresh[0])
        by_path: dict[str, set[Element]] = {}
        stack = [(instance, top) for instance in fresh]
        while stack:
            element, path = stack.pop()
            by_path.setdefault(path, set()).add(element)
            stack.extend((child, f"{path}/{child.name}") for child in element.element_children())
        for path, elements in by_path.items():
            for index in self.compiled.by_path.get(path, ()):
                if self.compiled.computations[index].attribute != COUNT:
                    self.mark(index, elements)
                elif path != top:  # a nested repeat's count, once per new owner
                    self.mark(index, by_path.get(path.rsplit("/", 1)[0], set()))
        self.mark_readers(set(by_path), fresh[0] if len(fresh) == 1 else None)

    # -- the pass -------------------------------------------------------------------

    def run(self) -> None:
        computations = self.compiled.computations
        while self.queue:
            index = heapq.heappop(self.queue)
            nodes = self.dirty.pop(index)
            runs = self.runs[index] = self.runs.get(index, 0) + 1
            computation = computations[index]
            if runs > _RERUNS:
                raise FormError(
                    f"the form's {computation.attribute} of {computation.path} does not settle: "
                    f"{computation.expression.source!r}", location=computation.path)
            changed = self.apply(computation, nodes)
            if changed:
                self._mark_followers(index, changed)

    def _mark_followers(self, index: int, changed: list[Element] | bool) -> None:
        compiled = self.compiled
        for follower in compiled.followers.get(index, ()):
            scope = compiled.follower_scopes.get((index, follower))
            nodes = None if scope is None or isinstance(changed, bool) else self.in_scope(follower, scope, changed)
            self.mark(follower, nodes)
        for unbounded in compiled.unbounded:
            if unbounded != index:
                self.mark(unbounded)

    def apply(self, computation: Computation, nodes: set[Element] | None) -> list[Element] | bool:
        """Evaluate one computation on its nodes: the nodes whose value or relevance
        changed (True when a count changed the structure)."""
        if computation.attribute == COUNT:
            return self._apply_count(computation, nodes)
        targets = self._targets(computation, nodes)
        if computation.attribute == "calculate":
            return [node for node in targets if self._calculate(computation, node)]
        if computation.attribute == CHOICES:
            return [node for node in targets if self.session.keep_offered_choices(node)]
        return self.session.store_state(computation, targets)

    def _targets(self, computation: Computation, nodes: set[Element] | None) -> list[Element]:
        """The nodes to evaluate, in document order when the computation reads its own
        path (one row's value may read another's); the marked ones directly otherwise,
        so an answer in one row of a long roster costs one row, not the whole roster."""
        instance = self.session.instance
        if nodes is None or computation.path in (computation.references or ()):
            every = instance.nodes_at(computation.path)
            return every if nodes is None else [node for node in every if node in nodes]
        root = instance.document
        return [node for node in nodes if node.root is root]

    def _calculate(self, computation: Computation, node: Element) -> bool:
        session = self.session
        result = session.evaluate(computation.expression, node, what="calculate")
        text = calculated_text(result, session.form.binds[computation.path].type)
        if node.value == text:
            return False
        node.value = text
        return True

    def _apply_count(self, computation: Computation, nodes: set[Element] | None) -> bool:
        session = self.session
        instance = session.instance
        parents = instance.nodes_at(computation.path.rsplit("/", 1)[0])
        if nodes is not None:
            parents = [parent for parent in parents if parent in nodes]
        changed = False
        for parent in parents:
            wanted = repeat_count(session.evaluate(computation.expression, _probe(parent, computation.path),
                                                   what="repeat count"))
            have = instance.repeat_instances(parent, computation.path)
            if have[wanted:]:
                session.remove_nodes(have[wanted:])
            if wanted > len(have):
                added = min(wanted - len(have), self.budget)
                self.budget -= added
                self.mark_fresh(session.add_repeat_nodes(parent, computation.path, added))
            changed = changed or wanted != len(have)
        return changed


def _probe(parent: Element, repeat_path: str) -> Element:
    """A stand-in for the repeat at `parent`: jr:count is read in the repeat's context
    (`../n` is the repeat's sibling), and there may be no instance yet."""
    probe = Element(repeat_path.rsplit("/", 1)[1])
    probe.parent = parent  # not among parent's children: nothing else sees it
    return probe



def repeat_count(value: XPathValue) -> int:
    if isinstance(value, list):
        value = value[0].string_value() if value else ""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return 0
    if not math.isfinite(number):
        return 0
    return min(MAX_REPEAT_COUNT, max(0, int(number)))
