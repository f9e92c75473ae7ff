"""The XML tree the expression engine reads and the form session mutates.

A small DOM of our own instead of lxml elements: XPath needs parent links on text
and attribute nodes, document order that survives mutation, and cheap child
lookups by local name, none of which lxml gives directly.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import Self, TypeAlias

# Every structural mutation bumps this counter; cached document-order keys whose
# stamp differs are stale. One global counter (rather than one per tree) keeps
# nodes moved between trees, or detached, correct without bookkeeping.
_mutations = 0


_EMPTY: list[Element] = []
# Most elements declare no namespace and carry no attribute: they share these (read-only)
# instead of an empty dict and list each, 120 bytes an element (a 3,321-commune list has
# 23,000 elements). Adding an attribute gives the element a list of its own.
_NO_DECLARATIONS: Mapping[str | None, str] = MappingProxyType({})
_NO_ATTRIBUTES: tuple[Attribute, ...] = ()


def _mutated() -> None:
    global _mutations
    _mutations += 1


class Node:
    """Common base of all node kinds."""

    __slots__ = ("parent", "_order", "_stamp")
    kind = ""

    def __init__(self) -> None:
        self.parent: ParentNode | None = None
        self._order = 0
        self._stamp = -1

    name = ""
    namespace: str | None = None
    prefix: str | None = None

    def string_value(self) -> str:
        raise NotImplementedError

    @property
    def root(self) -> Node:
        """The top of this node's tree: a Document, or a detached element."""
        node = self
        while node.parent is not None:
            node = node.parent
        return node

    @property
    def document(self) -> Document | None:
        top = self.root
        return top if isinstance(top, Document) else None

    @property
    def root_element(self) -> Element | None:
        top = self.root
        if isinstance(top, Document):
            return top.root_element
        return top if isinstance(top, Element) else None

    def order_key(self) -> int:
        """Position in document order, recomputed lazily after mutations."""
        if self._stamp != _mutations:
            _number_tree(self.root)
        return self._order

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name!r}>"


def _number_tree(top: Node) -> None:
    stamp = _mutations
    counter = 0
    stack: list[Node] = [top]
    while stack:
        node = stack.pop()
        node._order = counter
        node._stamp = stamp
        counter += 1
        if isinstance(node, Element):
            for attr in node.attributes:
                attr._order = counter
                attr._stamp = stamp
                counter += 1
        if isinstance(node, ParentNode) and node.children:
            stack.extend(reversed(node.children))


_INDEX_THRESHOLD = 8  # below this many children a linear scan is as fast


class ParentNode(Node):
    """A node with children: the shared child-list behaviour of Document and Element."""

    __slots__ = ("children", "_index", "_index_stamp", "_version")

    def __init__(self) -> None:
        super().__init__()
        self.children: list[ChildNode] = []
        self._index: dict[str, list[Element]] | None = None
        self._index_stamp = -1
        self._version = 0  # changes of this node's own children (value edits elsewhere keep its index)

    def children_named(self, name: str) -> list[Element]:
        """Element children with this local name, in order (any namespace).

        Form expressions mostly walk named child steps (/data/group/q), so wide
        elements keep a name index, rebuilt lazily after structural mutations.
        """
        children = self.children
        if len(children) < _INDEX_THRESHOLD:
            return [c for c in children if isinstance(c, Element) and c.name == name]
        if self._index_stamp != self._version or self._index is None:
            index: dict[str, list[Element]] = {}
            for c in children:
                if isinstance(c, Element):
                    index.setdefault(c.name, []).append(c)
            self._index = index
            self._index_stamp = self._version
        return self._index.get(name, _EMPTY)

    def element_children(self) -> list[Element]:
        return [c for c in self.children if isinstance(c, Element)]

    def child(self, name: str) -> Element | None:
        """First element child with this local name."""
        for c in self.children:
            if isinstance(c, Element) and c.name == name:
                return c
        return None

    def append(self, node: ChildNode) -> ChildNode:
        return self.insert(len(self.children), node)

    def insert(self, index: int, node: ChildNode) -> ChildNode:
        if node.kind in ("attribute", "document", "namespace"):
            raise ValueError(f"cannot insert a {node.kind} node as a child")
        if node.parent is not None:
            node.parent.remove(node)
        node.parent = self
        self.children.insert(index, node)
        self._version += 1
        _mutated()
        return node

    def insert_all(self, index: int, nodes: Sequence[ChildNode]) -> None:
        """Insert detached nodes at `index` at once (a repeat count adding many)."""
        for node in nodes:
            if node.parent is not None or node.kind in ("attribute", "document", "namespace"):
                raise ValueError("only detached child nodes can be inserted together")
            node.parent = self
        self.children[index:index] = nodes
        self._version += 1
        _mutated()

    def remove_all(self, nodes: Sequence[ChildNode]) -> None:
        """Remove these children at once."""
        gone = {id(node) for node in nodes}
        self.children = [c for c in self.children if id(c) not in gone]
        for node in nodes:
            node.parent = None
        self._version += 1
        _mutated()

    def remove(self, node: Node) -> None:
        for i, c in enumerate(self.children):
            if c is node:
                del self.children[i]
                node.parent = None
                self._version += 1
                _mutated()
                return
        raise ValueError("node is not a child of this node")

    def iter_descendants(self) -> Iterator[ChildNode]:
        """Descendants in document order (attributes excluded)."""
        stack = list(reversed(self.children))
        while stack:
            node = stack.pop()
            yield node
            if isinstance(node, Element) and node.children:
                stack.extend(reversed(node.children))

    def string_value(self) -> str:
        parts = []
        stack = list(reversed(self.children))
        while stack:
            node = stack.pop()
            if isinstance(node, Text):
                parts.append(node.value)
            elif isinstance(node, Element) and not node.blank:
                stack.extend(reversed(node.children))
        return "".join(parts)


class Document(ParentNode):
    __slots__ = ()
    kind = "document"

    @property
    def root_element(self) -> Element | None:
        for c in self.children:
            if isinstance(c, Element):
                return c
        return None


class Element(ParentNode):
    """An element. `blank` marks a node that expressions read as empty (a form session
    sets it on non-relevant nodes, as ODK does) while `value` keeps what it holds."""

    __slots__ = ("name", "namespace", "prefix", "attributes", "nsmap", "blank")
    kind = "element"

    def __init__(
        self,
        name: str,
        namespace: str | None = None,
        prefix: str | None = None,
        nsmap: Mapping[str | None, str] | None = None,
    ) -> None:
        super().__init__()
        self.name = name
        self.namespace = namespace
        self.prefix = prefix
        self.attributes: Sequence[Attribute] = _NO_ATTRIBUTES
        # Namespace declarations made on this element (prefix None = default).
        self.nsmap: Mapping[str | None, str] = dict(nsmap) if nsmap else _NO_DECLARATIONS
        self.blank = False

    @property
    def value(self) -> str:
        """The text this element holds, read as empty or not."""
        children = self.children
        # Fast path for the common leaf: one text child.
        if len(children) == 1 and isinstance(children[0], Text):
            return children[0].value
        if not children:
            return ""
        return super().string_value()

    @value.setter
    def value(self, text: str) -> None:
        children = self.children
        if text and len(children) == 1 and isinstance(children[0], Text):
            # The common answer change: no structural mutation, so cached
            # document order stays valid.
            children[0].value = text
            return
        for c in children:
            c.parent = None
        self.children = []
        if text != "":
            node = Text(text)
            node.parent = self
            self.children.append(node)
        self._version += 1
        _mutated()

    def string_value(self) -> str:
        return "" if self.blank else self.value

    def get(self, name: str, namespace: str | None = None) -> str | None:
        for attr in self.attributes:
            if attr.name == name and attr.namespace == namespace:
                return attr.value
        return None

    def set(self, name: str, value: str, namespace: str | None = None, prefix: str | None = None) -> None:
        for attr in self.attributes:
            if attr.name == name and attr.namespace == namespace:
                attr.value = value
                return
        self.add_attribute(Attribute(name, value, namespace, prefix))
        _mutated()

    def add_attribute(self, attr: Attribute) -> None:
        """Append a detached attribute (no check for one of the same name)."""
        attr.parent = self
        self.attributes = [*self.attributes, attr]

    def remove_attribute(self, name: str, namespace: str | None = None) -> None:
        for attr in self.attributes:
            if attr.name == name and attr.namespace == namespace:
                self.attributes = [kept for kept in self.attributes if kept is not attr] or _NO_ATTRIBUTES
                attr.parent = None
                _mutated()
                return

    def clone(self) -> Element:
        """Deep copy, detached from any tree."""
        copy = Element(self.name, self.namespace, self.prefix, self.nsmap)
        for attr in self.attributes:
            copy.add_attribute(Attribute(attr.name, attr.value, attr.namespace, attr.prefix))
        for c in self.children:
            new_child = c.clone()
            new_child.parent = copy
            copy.children.append(new_child)
        _mutated()
        return copy

    def lookup_namespace(self, prefix: str | None) -> str | None:
        """The URI bound to prefix in scope here (None prefix = default namespace)."""
        node: Node | None = self
        while isinstance(node, Element):
            if prefix in node.nsmap:
                return node.nsmap[prefix] or None
            node = node.parent
        if prefix == "xml":
            return XML_NAMESPACE
        return None


XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace"


class Attribute(Node):
    __slots__ = ("name", "namespace", "prefix", "value")
    kind = "attribute"

    def __init__(self, name: str, value: str, namespace: str | None = None, prefix: str | None = None) -> None:
        super().__init__()
        self.name = name
        self.value = value
        self.namespace = namespace
        self.prefix = prefix

    def string_value(self) -> str:
        return self.value


class _Leaf(Node):
    __slots__ = ("value",)

    def __init__(self, value: str) -> None:
        super().__init__()
        self.value = value

    def string_value(self) -> str:
        return self.value

    def clone(self) -> Self:
        return type(self)(self.value)


class Text(_Leaf):
    __slots__ = ()
    kind = "text"


class Comment(_Leaf):
    __slots__ = ()
    kind = "comment"


class ProcessingInstruction(_Leaf):
    __slots__ = ("name",)
    kind = "pi"

    def __init__(self, target: str, value: str) -> None:
        super().__init__(value)
        self.name = target

    def clone(self) -> ProcessingInstruction:
        return ProcessingInstruction(self.name, self.value)


# What a Document or an Element may hold.
ChildNode: TypeAlias = "Element | Text | Comment | ProcessingInstruction"


def is_ancestor(ancestor: Node, node: Node) -> bool:
    """True when ancestor is a proper ancestor of node."""
    current = node.parent
    while current is not None:
        if current is ancestor:
            return True
        current = current.parent
    return False
