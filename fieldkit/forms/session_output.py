"""What a session gives out: answers as dicts, and the questions a person sees."""

from __future__ import annotations

from fieldkit.forms.model import Group, Question


def _leaf(node) -> bool:
    return not node.element_children()


def to_dict(session, element) -> dict:
    result: dict = {}
    repeats = session.instance.repeat_paths
    for child in element.element_children():
        if not session._node_relevant(child):
            continue
        template = session.instance.template_path(child)
        if template in repeats:
            result.setdefault(child.name, []).append(to_dict(session, child))
        elif _leaf(child):
            result[child.name] = child.value
        else:
            result[child.name] = to_dict(session, child)
    return result


def flat_answers(session, element) -> dict[str, str]:
    instance = session.instance
    answers: dict[str, str] = {}
    _flat(session, element, instance.concrete_path(element), instance.template_path(element), answers)
    return answers


def _flat(session, element, path: str, template: str, answers: dict[str, str]) -> None:
    """Paths are built on the way down: a roster of thousands of rows is not counted
    again for every answer."""
    repeats = session.instance.repeat_paths
    positions: dict[str, int] = {}
    for child in element.element_children():
        child_template = f"{template}/{child.name}"
        step = child.name
        if child_template in repeats:
            positions[child.name] = positions.get(child.name, 0) + 1
            step += f"[{positions[child.name]}]"
        if not session._node_relevant(child):
            continue
        if _leaf(child):
            answers[f"{path}/{step}"] = child.value
        else:
            _flat(session, child, f"{path}/{step}", child_template, answers)


def visible_questions(session) -> list[tuple[str, Question]]:
    found: list[tuple[str, Question]] = []
    _visit(session, session.form.root, session.instance.root, found)
    return found


def _visit(session, group: Group, parent, found) -> None:
    instance = session.instance
    for item in group.children:
        if isinstance(item, Group) and item.repeat:
            for node in instance.repeat_instances(parent, item.path):
                if session._node_relevant(node):
                    _visit(session, item, node, found)
            continue
        if isinstance(item, Group) and not item.name:  # a group without ref: same node
            _visit(session, item, parent, found)
            continue
        node = parent.child(item.path.rsplit("/", 1)[1])
        if node is None or not session._node_relevant(node):
            continue
        if isinstance(item, Group):
            _visit(session, item, node, found)
        elif item.kind != "output" and item.type not in ("calculate", "hidden"):
            found.append((instance.concrete_path(node), item))
