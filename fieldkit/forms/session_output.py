"""What a session gives out: answers as dicts, and the questions a person sees."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeAlias

from fieldkit.forms.model import Group, Question
from fieldkit.forms.xpath import Element

if TYPE_CHECKING:
    from fieldkit.forms.session import FormSession

# Answers by name: a group's as a dict, a repeat's as a list of its instances' dicts.
AnswerTree: TypeAlias = dict[str, "str | AnswerTree | list[AnswerTree]"]


def _leaf(node: Element) -> bool:
    return not node.element_children()


def to_dict(session: FormSession, element: Element) -> AnswerTree:
    result: AnswerTree = {}
    repeats = session.instance.repeat_paths
    for child in element.element_children():
        if not session._node_relevant(child):
            continue
        template = session.instance.template_path(child)
        if template in repeats:
            instances = result.setdefault(child.name, [])
            if isinstance(instances, list):  # a repeat's name is never a leaf's or a group's
                instances.append(to_dict(session, child))
        elif _leaf(child):
            result[child.name] = child.value
        else:
            result[child.name] = to_dict(session, child)
    return result


def flat_answers(session: FormSession, element: Element) -> dict[str, str]:
    instance = session.instance
    answers: dict[str, str] = {}
    _flat(session, element, instance.concrete_path(element), instance.template_path(element), answers)
    return answers


def _flat(session: FormSession, element: Element, path: str, template: str, answers: dict[str, str]) -> None:
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


def visible_questions(session: FormSession) -> list[tuple[str, Question]]:
    found: list[tuple[str, Question]] = []
    _visit(session, session.form.root, session.instance.root, found)
    return found


def _visit(session: FormSession, group: Group, parent: Element, found: list[tuple[str, Question]]) -> None:
    instance = session.instance
    for item in group.children:
        if isinstance(item, Group) and item.repeat:
            for repeat_instance in instance.repeat_instances(parent, item.path):
                if session._node_relevant(repeat_instance):
                    _visit(session, item, repeat_instance, found)
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
