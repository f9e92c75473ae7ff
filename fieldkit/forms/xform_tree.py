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
from fieldkit.forms.xform_text import XmlElement
from fieldkit.forms.xform_types import question_type

Item = Question | Group


def step_name(element: XmlElement) -> str:
    """An instance element's path step: its local name (`orx:meta` is `meta`), as the
    session's index of the instance and the references of expressions name it."""
    name: str = etree.QName(element).localname
    return name


def instance_paths(data: XmlElement) -> set[str]:
    """Every element and attribute path of the primary instance (`/data/x/@id`)."""
    paths: set[str] = set()

    def visit(element: XmlElement, path: str) -> None:
        paths.add(path)
        for name in element.attrib:
            paths.add(f"{path}/@{_attribute_step(element, name)}")
        for child in element:
            if isinstance(child.tag, str):
                visit(child, f"{path}/{step_name(child)}")

    visit(data, "/" + step_name(data))
    return paths


def _attribute_step(element: XmlElement, name: str) -> str:
    qname = etree.QName(name)
    local_name: str = qname.localname
    if qname.namespace is None:
        return local_name
    prefix = next((p for p, uri in element.nsmap.items() if uri == qname.namespace and p), None)
    return f"{prefix}:{local_name}" if prefix else local_name


class _Placer:
    """Places unbound nodes after their preceding instance sibling.

    Insertions are collected first and merged into each container's children in one
    pass at the end (`finish`): inserting one by one into a 1,000-child list while
    tracking positions was quadratic.
    """

    def __init__(self, root: Group, binds: dict[str, Bind], setvalues: list[SetValue]):
        self.root = root
        self.binds = binds
        self.set_on_change = {action.ref for action in setvalues if action.event == "xforms-value-changed"}
        self.index: dict[str, Item] = {}
        self.anchor: dict[str, Item] = {}  # container path -> last sibling seen or placed
        self.pending: dict[str, dict[int, list[Item]]] = {}  # container path -> id(anchor) -> new items
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

    def visit(self, element: XmlElement, parent_path: str) -> None:
        path = f"{parent_path}/{step_name(element)}"
        children = [child for child in element if isinstance(child.tag, str)]
        known = self.index.get(path)
        if known is not None:
            self.anchor[parent_path] = known
        elif not children:
            bind = self.binds.get(path)
            kind_type = question_type("none", bind, set_on_change=path in self.set_on_change)
            question = Question(kind="none", path=path, name=path.rsplit("/", 1)[1], type=kind_type)
            self._place(question, parent_path)
        for child in children:
            self.visit(child, path)

    def _container(self, path: str) -> Group | None:
        found = self.index.get(path)
        if found is None:
            parent_path, name = path.rsplit("/", 1)
            found = Group(path=path, name=name)
            if not self._place(found, parent_path):
                return None
        return found if isinstance(found, Group) else None

    def _place(self, item: Item, parent_path: str) -> bool:
        container = self._container(parent_path) if parent_path else None
        if container is None:
            return False  # its parent is a control (rare): the bind still has it
        anchor = self.anchor.get(parent_path)
        self.pending.setdefault(parent_path, {}).setdefault(id(anchor), []).append(item)
        self.anchor[parent_path] = item
        self.index[item.path] = item
        return True

    def finish(self) -> None:
        for path, by_anchor in self.pending.items():
            container = self.index[path]
            if not isinstance(container, Group):  # _place only files items under groups
                continue
            container.children[:] = _in_anchor_order(container, by_anchor)


def _top_level(container: Group) -> dict[int, list[Item]]:
    """id(child) -> the items inside it when it is a group without ref."""
    table: dict[int, list[Item]] = {}

    def collect(group: Group, found: list[Item]) -> None:
        for item in group.children:
            found.append(item)
            if isinstance(item, Group) and not item.name:
                collect(item, found)

    for child in container.children:
        if isinstance(child, Group) and not child.name:
            collect(child, table.setdefault(id(child), []))
    return table


def add_unbound(root: Group, data: XmlElement, binds: dict[str, Bind], setvalues: list[SetValue]) -> None:
    """Put every instance leaf that no control shows into the tree under `root`."""
    placer = _Placer(root, binds, setvalues)
    for child in data:
        if isinstance(child.tag, str):
            placer.visit(child, root.path)
    placer.finish()


def _in_anchor_order(container: Group, by_anchor: dict[int, list[Item]]) -> list[Item]:
    """The container's children, each followed by the items anchored after it."""
    top = _top_level(container)
    placed: list[Item] = []

    def emit(item: Item) -> None:
        placed.append(item)
        for follower in by_anchor.get(id(item), []):
            emit(follower)

    for follower in by_anchor.get(id(None), []):
        emit(follower)
    for child in container.children:
        emit(child)
        for inner in top.get(id(child), []):  # anchors inside a group without ref
            for follower in by_anchor.get(id(inner), []):
                emit(follower)
    return placed
