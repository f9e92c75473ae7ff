"""The evaluation context: context node plus everything an expression may consult."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, tzinfo
from typing import TypeAlias

from fieldkit.forms.xpath.nodes import XML_NAMESPACE, Document, Node
from fieldkit.forms.xpath.values import XPathValue

XHTML = "http://www.w3.org/1999/xhtml"
XFORMS = "http://www.w3.org/2002/xforms"
JAVAROSA = "http://openrosa.org/javarosa"
ODK = "http://www.opendatakit.org/xforms"
OPENROSA = "http://openrosa.org/xforms"
ENKETO = "http://enketo.org/xforms"
FN = "http://www.w3.org/2005/xpath-functions"

# The bindings every ODK form may use without declaring them.
STANDARD_NAMESPACES: Mapping[str, str] = {
    "h": XHTML,
    "html": XHTML,
    "xhtml": XHTML,
    "jr": JAVAROSA,
    "javarosa": JAVAROSA,
    "odk": ODK,
    "orx": OPENROSA,
    "xf": XFORMS,
    "enk": ENKETO,
    "fn": FN,
    "xml": XML_NAMESPACE,
}

# Function-name prefixes whose functions are all in one flat library.
FUNCTION_NAMESPACES = frozenset({JAVAROSA, ODK, OPENROSA, XFORMS, ENKETO, FN})


def _real_now() -> datetime:
    return datetime.now(UTC)


@dataclasses.dataclass
class EvalContext:
    """Where and with what an expression is evaluated.

    `current` is current()'s node (defaults to `node`); absolute paths start at
    the root of its tree, even inside predicates over secondary instances.
    `functions` add or override functions by name (called as fn(ctx, *evaluated_args)).
    """

    node: Node
    position: int = 1
    size: int = 1
    current: Node | None = None
    instances: Mapping[str, Document] = dataclasses.field(default_factory=dict)
    now: Callable[[], datetime] = _real_now
    tz: tzinfo | None = None
    itext: Callable[[str], str] | None = None
    variables: Mapping[str, object] = dataclasses.field(default_factory=dict)  # normalized when read
    functions: Mapping[str, Callable[..., object]] = dataclasses.field(default_factory=dict)
    namespaces: Mapping[str, str] = dataclasses.field(default_factory=dict)
    # Unprefixed name tests match nodes in no namespace and in this one. The
    # XForms namespace by default: an XForm's instance inherits it.
    default_namespace: str | None = XFORMS

    def with_node(self, node: Node, position: int = 1, size: int = 1) -> EvalContext:
        """A copy focused on another node (current() stays the same)."""
        current = self.current if self.current is not None else self.node
        return dataclasses.replace(self, node=node, position=position, size=size, current=current)

    def resolve_prefix(self, prefix: str) -> str | None:
        uri = self.namespaces.get(prefix)
        if uri is None:
            uri = STANDARD_NAMESPACES.get(prefix)
        return uri


# A compiled expression, or any part of one: its value for a focus (node, position, size).
Evaluator: TypeAlias = Callable[[EvalContext, Node, int, int], XPathValue]
