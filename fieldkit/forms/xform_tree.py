"""Instance nodes without a body control, placed in the question tree.

Calculations, hidden fields and metadata (start, end, instanceID...) have a bind
but no control. They still belong to the form's shape, in repeats too, so they go
into the tree as `Question(kind="none")` with type "calculate" or "hidden", where
the primary instance has them: after the instance sibling that precedes them.
An instance container with no body group (`meta`) becomes a Group without labels.
Every element of the primary instance below the root is thus reachable by
`Form.walk()` (attributes are not: they are no question).
"""

from __future__ import annotations

from lxml import etree

from fieldkit.forms.model import Bind, Group, Question, SetValue
from fieldkit.forms.xform_text import XF
from fieldkit.forms.xform_types import question_type


def step_name(element) -> str:
    """An instance element's path step: local name, prefixed outside XForms' namespace."""
    qname = etree.QName(element)
    if qname.namespace in (XF, None) or not element.prefix:
        return qname.localname
    return f"{element.prefix}:{qname.localname}"


def instance_paths(data) -> set[str]:
    """Every element and attribute path of the primary instance (`/data/x/@id`)."""
    paths: set[str] = set()

    def visit(element, path: str) -> None:
        paths.add(path)
        for name in element.attrib:
            paths.add(f"{path}/@{_attribute_step(element, name)}")
        for child in element:
            if isinstance(child.tag, str):
                visit(child, f"{path}/{step_name(child)}")

    visit(data, "/" + step_name(data))
    return paths


def _attribute_step(element, name: str) -> str:
    qname = etree.QName(name)
    if qname.namespace is None:
        return qname.localname
    prefix = next((p for p, uri in element.nsmap.items() if uri == qname.namespace and p), None)
    return f"{prefix}:{qname.localname}" if prefix else qname.localname


class _Placer:
    def __init__(self, root: Group, binds: dict[str, Bind], setvalues: list[SetValue]):
        self.root = root
        self.binds = binds
        self.set_on_change = {action.ref for action in setvalues if action.event == "xforms-value-changed"}
        self.index: dict[str, Question | Group] = {}
        self.after: dict[str, int] = {}  # container path -> position of the last sibling seen
        self.positions: dict[str, dict[int, int]] = {}  # container path -> _positions()
        self._index(root)

    def _index(self, group: Group) -> None:
        self.index.setdefault(group.path, group)
        for child in group.children:
            if isinstance(child, Group):
                if child.name:  # a group without ref shares its parent's path
                    self.index.setdefault(child.path, child)
                self._index(child)
            else:
                self.index.setdefault(child.path, child)

    def visit(self, element, parent_path: str) -> None:
        path = f"{parent_path}/{step_name(element)}"
        children = [child for child in element if isinstance(child.tag, str)]
        known = self.index.get(path)
        if known is not None:
            self._seen(known, parent_path)
        elif not children:
            bind = self.binds.get(path)
            kind_type = question_type("none", bind, set_on_change=path in self.set_on_change)
            question = Question(kind="none", path=path, name=path.rsplit("/", 1)[1], type=kind_type)
            self._place(question, parent_path)
        for child in children:
            self.visit(child, path)

    def _seen(self, item: Question | Group, parent_path: str) -> None:
        container = self.index.get(parent_path)
        if isinstance(container, Group):
            table = self.positions.get(parent_path)
            if table is None:  # rebuilt only after an insertion: linear, not quadratic
                table = self.positions[parent_path] = _positions(container)
            position = table.get(id(item))
            if position is not None:
                self.after[parent_path] = position

    def _container(self, path: str) -> Group | None:
        found = self.index.get(path)
        if found is None:
            parent_path, name = path.rsplit("/", 1)
            found = Group(path=path, name=name)
            if not self._place(found, parent_path):
                return None
        return found if isinstance(found, Group) else None

    def _place(self, item: Question | Group, parent_path: str) -> bool:
        container = self._container(parent_path) if parent_path else None
        if container is None:
            return False  # its parent is a control (rare): the bind still has it
        position = self.after.get(parent_path, -1) + 1
        container.children.insert(position, item)
        self.positions.pop(parent_path, None)
        self.after[parent_path] = position
        self.index[item.path] = item
        return True


def _positions(container: Group) -> dict[int, int]:
    """id(item) -> index of the child of `container` that is the item or holds it in a
    group without ref."""
    table: dict[int, int] = {}

    def mark(item, position: int) -> None:
        table[id(item)] = position
        if isinstance(item, Group) and not item.name:
            for child in item.children:
                mark(child, position)

    for position, child in enumerate(container.children):
        mark(child, position)
    return table


def add_unbound(root: Group, data, binds: dict[str, Bind], setvalues: list[SetValue]) -> None:
    """Put every instance leaf that no control shows into the tree under `root`."""
    placer = _Placer(root, binds, setvalues)
    for child in data:
        if isinstance(child.tag, str):
            placer.visit(child, root.path)
