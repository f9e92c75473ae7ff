"""XML text to our node tree and back. lxml does the parsing."""

from __future__ import annotations

import sys
import zlib
from collections.abc import Mapping
from xml.sax.saxutils import escape

from lxml import etree

from fieldkit.forms.xpath.context import STANDARD_NAMESPACES
from fieldkit.forms.xpath.errors import XPathError
from fieldkit.forms.xpath.nodes import (
    XML_NAMESPACE,
    Attribute,
    ChildNode,
    Comment,
    Document,
    Element,
    Node,
    ParentNode,
    ProcessingInstruction,
    Text,
    _mutated,
)

# A namespace prefix (None: the default namespace) -> its URI, as declared in scope.
Scope = dict[str | None, str]

_PARSER_OPTIONS = dict(resolve_entities=False, no_network=True, huge_tree=True)


def _split(qname: str) -> tuple[str, str | None]:
    """(local name, namespace URI), interned: a list of thousands of items repeats a few
    names, kept once each instead of once an element."""
    if qname.startswith("{"):
        uri, local = qname[1:].split("}", 1)
        return sys.intern(local), sys.intern(uri)
    return sys.intern(qname), None


def parse_xml(text: str | bytes, *, keep_whitespace: bool = True) -> Document:
    """Parse XML text into a Document. Raises XPathError on malformed XML."""
    if isinstance(text, str):
        # lxml refuses str input that carries an encoding declaration.
        text = text.strip().encode("utf-8")
    parser = etree.XMLParser(remove_blank_text=not keep_whitespace, **_PARSER_OPTIONS)
    try:
        root = etree.fromstring(text, parser)
    except etree.XMLSyntaxError as exc:
        raise XPathError(f"malformed XML: {exc}") from exc
    doc = Document()
    before = list(root.itersiblings(preceding=True))
    for sibling in reversed(before):
        _append_misc(doc, sibling)
    _append(doc, _convert(root))
    for sibling in root.itersiblings():
        _append_misc(doc, sibling)
    _mutated()
    return doc


def _append(parent: ParentNode, child: ChildNode) -> None:
    child.parent = parent
    parent.children.append(child)


def _append_misc(parent: ParentNode, item: etree._Element) -> None:
    if isinstance(item, etree._Comment):
        _append(parent, Comment(item.text or ""))
    elif isinstance(item, etree._ProcessingInstruction):
        _append(parent, ProcessingInstruction(item.target, item.text or ""))


def _new_element(source: etree._Element) -> Element:
    local, uri = _split(source.tag)
    parent_map = source.getparent().nsmap if source.getparent() is not None else {}
    declared = {p: u for p, u in source.nsmap.items() if parent_map.get(p) != u}
    element = Element(local, uri, source.prefix, declared)
    for qname, value in source.attrib.items():
        name, ns = _split(qname)
        prefix = None
        if ns is not None:
            prefix = next((p for p, u in source.nsmap.items() if u == ns and p), None)
            if ns == "http://www.w3.org/XML/1998/namespace":
                prefix = "xml"
        _append_attr(element, Attribute(name, value, ns, prefix))
    return element


def _append_attr(element: Element, attr: Attribute) -> None:
    element.add_attribute(attr)


def _convert(root: etree._Element) -> Element:
    """Iteratively convert an lxml element subtree (deep trees must not recurse). Equal
    texts are kept once (`shared`): a list's province codes, its kinds of commune."""
    top = _new_element(root)
    stack = [(root, top)]
    shared: dict[str, str] = {}
    while stack:
        source, target = stack.pop()  # its children not converted yet: it has none
        if source.text:
            text = Text(shared.setdefault(source.text, source.text))
            text.parent = target
            target.children = [text]  # a leaf's list sized for its one text (appending reserves four)
        for child in source:
            if isinstance(child.tag, str):
                element = _new_element(child)
                _append(target, element)
                stack.append((child, element))
                # Children of this element are filled later; its tail must follow
                # it now, so tails are appended here in order.
            else:
                _append_misc(target, child)
            if child.tail:
                _append(target, Text(child.tail))
    return top


def serialize(node: Node) -> str:
    """XML text of a document or element, with namespace declarations, no XML declaration."""
    parts: list[str] = []
    if isinstance(node, Document):
        for child in node.children:
            _write(child, parts, {})
    else:
        _write(node, parts, {})
    return "".join(parts)


_ATTRIBUTE_ESCAPES = {'"': "&quot;", "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"}


def quoteattr(value: str) -> str:
    """Double-quoted attribute value; whitespace escaped so it survives re-parsing."""
    return '"' + escape(value, _ATTRIBUTE_ESCAPES) + '"'


def _qname(prefix: str | None, name: str) -> str:
    return f"{prefix}:{name}" if prefix else name


def _namespaces_needed(node: Element, scope: Scope) -> Scope:
    """Prefix -> URI declarations this element must carry, beyond those in scope."""
    wanted = dict(node.nsmap)
    if node.prefix not in wanted and scope.get(node.prefix, "") != (node.namespace or ""):
        wanted[node.prefix] = node.namespace or ""
    for attr in node.attributes:
        prefix = _attribute_prefix(attr, {**scope, **wanted})
        if prefix != "xml" and prefix and attr.namespace and scope.get(prefix) != attr.namespace:
            wanted.setdefault(prefix, attr.namespace)
    return {p: u for p, u in wanted.items() if scope.get(p, "") != u}


def _attribute_prefix(attr: Attribute, scope: Mapping[str | None, str]) -> str | None:
    """The prefix to write a namespaced attribute with (attributes need one)."""
    if not attr.namespace:
        return None
    if attr.prefix:
        return attr.prefix
    if attr.namespace == XML_NAMESPACE:
        return "xml"
    for bindings in (scope, STANDARD_NAMESPACES):
        for prefix, uri in bindings.items():
            if prefix and uri == attr.namespace:
                return prefix
    # An invented prefix, stable for the URI so repeated calls agree.
    return f"ns{zlib.crc32(attr.namespace.encode()):x}"


def _element_open(node: Element, scope: Scope) -> tuple[str, Scope]:
    needed = _namespaces_needed(node, scope)
    scope = {**scope, **needed}
    declarations = "".join(
        f" xmlns:{prefix}={quoteattr(uri)}" if prefix else f" xmlns={quoteattr(uri)}"
        for prefix, uri in needed.items()
    )
    attrs = "".join(
        f" {_qname(_attribute_prefix(a, scope), a.name)}={quoteattr(a.value)}" for a in node.attributes
    )
    return f"<{_qname(node.prefix, node.name)}{declarations}{attrs}", scope


def _write(node: Node, parts: list[str], scope: Scope) -> None:
    if isinstance(node, Text):
        parts.append(escape(node.value))
    elif isinstance(node, Comment):
        parts.append(f"<!--{node.value}-->")
    elif isinstance(node, ProcessingInstruction):
        parts.append(f"<?{node.name} {node.value}?>")
    elif isinstance(node, Element):
        opening, inner_scope = _element_open(node, scope)
        if not node.children:
            parts.append(opening + "/>")
            return
        parts.append(opening + ">")
        for child in node.children:
            _write(child, parts, inner_scope)
        parts.append(f"</{_qname(node.prefix, node.name)}>")
