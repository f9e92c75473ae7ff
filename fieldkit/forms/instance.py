"""The primary instance of a session: its XML tree, repeat templates and paths.

Paths are XForm instance paths. A *template path* has no positions (`/data/rep/q`)
and names a bind; a *concrete path* gives the position of every repeat instance on
the way (`/data/rep[2]/q`), 1-based as in XPath.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from fieldkit.forms.errors import FormError
from fieldkit.forms.model import Form
from fieldkit.forms.paths import InstancePath
from fieldkit.forms.xpath import Document, Element, Node, XPathError, parse_xml, serialize
from fieldkit.forms.xpath.nodes import ParentNode, is_ancestor

JR_NAMESPACE = "http://openrosa.org/javarosa"


class Instance:
    """The instance tree being filled, with an index from template path to nodes."""

    def __init__(self, form: Form, xml: str | bytes | None = None):
        self.form = form
        self.repeat_paths = {group.path for group in form.repeats()}
        self.document: Document = parse_xml(form.instance_xml, keep_whitespace=False)
        self.root: Element = _root_element(self.document)
        self.templates: dict[str, Element] = {}
        self._sibling_names: dict[str, list[str]] | None = None
        self._index: dict[str, list[Element]] = {}
        self._take_templates()
        if xml is not None:
            self._load(xml)

    # -- structure -------------------------------------------------------------------

    def _take_templates(self) -> None:
        """Keep each repeat's template aside, and take every `jr:template` node out of the
        instance and out of the templates of enclosing repeats (a new outer instance
        starts with no inner one made of a template): what remains are real instances."""
        for path in sorted(self.repeat_paths, key=len):
            found = descend(self.root, "/" + self.root.name, path)
            for outer, outer_template in list(self.templates.items()):
                if path.startswith(outer + "/"):
                    found += descend(outer_template, outer, path)
            marked = [node for node in found if node.get("template", JR_NAMESPACE) is not None]
            template = marked[0] if marked else (found[0] if found else None)
            if template is None:
                continue
            self.templates[path] = _blank_copy(template)
            for node in marked:
                if node.parent is not None:
                    node.parent.remove(node)

    def _load(self, xml: str | bytes) -> None:
        try:
            loaded = parse_xml(xml, keep_whitespace=False)
        except (XPathError, ValueError) as error:  # malformed; or text no encoding can hold (lone surrogates)
            raise FormError(f"the submission is not well-formed XML: {error}") from None
        loaded_root = loaded.root_element
        if loaded_root is None or loaded_root.name != self.root.name:
            found = loaded_root.name if loaded_root is not None else "nothing"
            raise FormError(f"the submission's root element is <{found}>, the form expects <{self.root.name}>")
        self._merge(self.root, loaded_root, "/" + self.root.name)
        self.changed_structure()

    def _merge(self, target: Element, source: Element, path: str) -> None:
        """Fill the blank `target` with the submission's `source`, as ODK does: nodes
        the submission left out (non-relevant ones) come back blank from the form, and
        nodes the form no longer has are kept, never dropped."""
        for attribute in source.attributes:
            target.set(attribute.name, attribute.value, attribute.namespace, prefix=attribute.prefix)
        if not source.element_children() and not target.element_children():
            target.value = source.value
            return
        loaded: dict[str, list[Element]] = {}
        for child in source.element_children():
            loaded.setdefault(child.name, []).append(child)
        for repeat in sorted(self.repeat_paths):
            if repeat.rsplit("/", 1)[0] == path:
                self._merge_repeat(target, repeat, loaded.pop(repeat.rsplit("/", 1)[1], []))
        for child in target.element_children():
            matches = loaded.pop(child.name, None)
            if matches and f"{path}/{child.name}" not in self.repeat_paths:
                self._merge(child, matches[0], f"{path}/{child.name}")
        for extras in loaded.values():
            for extra in extras:
                target.append(extra.clone())

    def _merge_repeat(self, parent: Element, repeat: str, instances: list[Element]) -> None:
        parent.remove_all(self.repeat_instances(parent, repeat))
        for blank, instance in zip(self.add_repeat(parent, repeat, len(instances)), instances, strict=True):
            self._merge(blank, instance, repeat)

    def changed_structure(self, under: str | None = None) -> None:
        """Forget the nodes of the paths under `under` (None: of every path)."""
        if under is None or self._index is None:
            self._index = {}
            return
        prefix = under + "/"
        self._index = {path: nodes for path, nodes in self._index.items()
                       if path != under and not path.startswith(prefix)}

    def nodes_at(self, template_path: str) -> list[Element]:
        """Every instance node of a template path, in document order. Found along the
        path and kept until the structure under it changes: a row added to a roster
        does not make every other path be looked up again."""
        nodes = self._index.get(template_path)
        if nodes is None:
            nodes = self._index[template_path] = descend(self.root, "/" + self.root.name, template_path)
        return nodes

    def nearest(self, template_path: str, node: Node) -> Element | None:
        """The node of `template_path` closest to `node`: in repeats, the one in the
        same repeat instance (how ODK resolves a path named from inside a repeat)."""
        targets = self.nodes_at(template_path)
        if len(targets) <= 1:
            return targets[0] if targets else None
        ancestor: Node | None = node
        while ancestor is not None:
            for target in targets:
                if target is ancestor or is_ancestor(ancestor, target):
                    return target
            ancestor = ancestor.parent
        return targets[0]

    # -- paths -----------------------------------------------------------------------

    def resolve(self, path: str) -> Element:
        """The node at a concrete path; a missing position means the first instance."""
        try:
            steps = InstancePath.parse(path).steps
        except ValueError:
            raise FormError(f"no question at {path!r}") from None
        if steps[0].name != self.root.name:
            raise FormError(f"no question at {path!r}: paths start with /{self.root.name}/")
        node = self.root
        for name, position in steps[1:]:
            matches = node.children_named(name)
            index = (position or 1) - 1
            if not 0 <= index < len(matches):
                raise FormError(f"no question at {path!r}")
            node = matches[index]
        return node

    def template_path(self, node: Node) -> str:
        names = []
        current: Node | None = node
        while isinstance(current, Element):
            names.append(current.name)
            current = current.parent
        return "/" + "/".join(reversed(names))

    def concrete_path(self, node: Node) -> str:
        steps = []
        template = self.template_path(node)
        current: Node | None = node
        while isinstance(current, Element):
            step, parent = current.name, current.parent
            if template in self.repeat_paths and parent is not None:
                step += f"[{parent.children_named(current.name).index(current) + 1}]"
            steps.append(step)
            current = parent
            template = template.rsplit("/", 1)[0]
        return "/" + "/".join(reversed(steps))

    # -- repeats ---------------------------------------------------------------------

    def repeat_instances(self, parent: Element, template_path: str) -> list[Element]:
        return list(parent.children_named(template_path.rsplit("/", 1)[1]))

    def add_repeat(self, parent: Element, template_path: str, count: int = 1) -> list[Element]:
        """Insert `count` fresh instances after the last one (or where the template stood)."""
        template = self.templates.get(template_path)
        if template is None:
            raise FormError(f"{template_path} is not a repeat")
        fresh = [template.clone() for _ in range(count)]
        existing = self.repeat_instances(parent, template_path)
        if existing:
            parent.insert_all(parent.children.index(existing[-1]) + 1, fresh)
        else:
            parent.insert_all(self._template_position(parent, template_path), fresh)
        self.changed_structure(template_path)
        return fresh

    def _template_position(self, parent: Element, template_path: str) -> int:
        """Where the repeat goes among its siblings, by the blank instance's order."""
        if self._sibling_names is None:
            blank = _root_element(parse_xml(self.form.instance_xml, keep_whitespace=False))
            self._sibling_names = {}
            for node, path in _walk(blank, "/" + blank.name):
                self._sibling_names.setdefault(path, [child.name for child in node.element_children()])
        names = self._sibling_names.get(template_path.rsplit("/", 1)[0], [])
        name = template_path.rsplit("/", 1)[1]
        before = set(names[: names.index(name)]) if name in names else set(names)
        position = 0
        for index, child in enumerate(parent.children):
            if child.kind == "element" and child.name in before:
                position = index + 1
        return position

    def remove(self, nodes: list[Element]) -> None:
        """Remove nodes (repeat instances), each parent's at once."""
        by_parent: dict[int, tuple[ParentNode, list[Element]]] = {}
        for node in nodes:
            if node.parent is not None:  # one already taken out has nothing to leave
                by_parent.setdefault(id(node.parent), (node.parent, []))[1].append(node)
        for path in {self.template_path(node) for node in nodes}:
            self.changed_structure(path)
        for parent, children in by_parent.values():
            parent.remove_all(children)

    def to_xml(self, keep: Callable[[Element], bool]) -> str:
        """The instance as XML, with only the nodes `keep(node)` accepts."""
        copy = self.root.clone()
        _prune(copy, self.root, keep)
        return serialize(copy)


def _root_element(document: Document) -> Element:
    root = document.root_element
    if root is None:  # the XForm's reader refuses such a form: never seen here
        raise FormError("the form's primary instance has no root element")
    return root


def _walk(element: Element, path: str) -> Iterator[tuple[Element, str]]:
    yield element, path
    for child in element.element_children():
        yield from _walk(child, f"{path}/{child.name}")


def descend(top: Element, top_path: str, path: str) -> list[Element]:
    """The elements at `path` under `top`, which stands at `top_path`."""
    if path != top_path and not path.startswith(top_path + "/"):
        return []
    level = [top]
    for name in path[len(top_path):].strip("/").split("/") if path != top_path else []:
        level = [child for node in level for child in node.element_children() if child.name == name]
    return level


def _blank_copy(template: Element) -> Element:
    copy = template.clone()
    copy.remove_attribute("template", JR_NAMESPACE)
    return copy


def _prune(copy: Element, original: Element, keep: Callable[[Element], bool]) -> None:
    for copy_child, child in zip(list(copy.element_children()), original.element_children(), strict=True):
        if keep(child):
            _prune(copy_child, child, keep)
        else:
            copy.remove(copy_child)
