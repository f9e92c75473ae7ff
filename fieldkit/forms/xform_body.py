"""The XForm `<h:body>`: groups, repeats and controls, with their texts and choices.

`parse_body` returns the children of the form's root group; `fieldkit.forms.xform`
then adds the instance nodes that have no control (calculations, metadata).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import TypeGuard

from lxml import etree

from fieldkit.forms.model import ActionKind, Bind, Choice, ControlKind, Group, Itemset, Question, SetValue
from fieldkit.forms.xform_actions import action_events, check_single_target
from fieldkit.forms.xform_text import (
    JR,
    ODK,
    Itext,
    XmlElement,
    element_texts,
    fail,
    is_xf,
    local,
    resolve_media,
    resolve_texts,
)
from fieldkit.forms.xform_types import question_type

_XF_CONTROLS = ("input", "select1", "select", "upload", "trigger", "range", "output")
# Attributes a Question has its own field for; the others go to Question.attributes.
_OWN_ATTRIBUTES = {"ref", "bind", "appearance", "mediatype"}
_RANGE_ATTRIBUTES = ("start", "end", "step")


@dataclass
class BodyContext:
    """What parsing the body needs from the model, and collects for it."""

    itext: Itext
    binds: dict[str, Bind]
    bind_ids: dict[str, str]  # <bind id=...> -> nodeset, for controls written bind="id"
    paths: set[str]  # every node of the primary instance: what refs may point at
    source: str | None
    setvalues: list[SetValue] = field(default_factory=list)
    instance: XmlElement | None = None  # the primary instance's root element, for action checks
    warnings: list[str] = field(default_factory=list)


def in_instance(path: str, paths: set[str]) -> bool:
    """Is `path` a node of the primary instance? Paths with predicates, functions or
    wildcards are not checked (they are expressions, evaluated at run time)."""
    return path in paths or any(char in path for char in "[]()*")


def _checked(path: str, element: XmlElement, attribute: str, ctx: BodyContext) -> str:
    if not in_instance(path, ctx.paths):
        message = f"the <{local(element)}> points at {path}, which is not in the primary instance"
        raise fail(message, element, attribute, source=ctx.source)
    return path


def resolve_path(ref: str, context: str) -> str:
    """An absolute instance path for `ref`, read relative to the `context` path."""
    ref = ref.strip()
    steps = [] if ref.startswith("/") else context.strip("/").split("/")
    for step in ref.strip("/").split("/"):
        if step in ("", "."):
            continue
        if step == "..":
            if steps:
                steps.pop()
            continue
        steps.append(_local_step(step))
    return "/" + "/".join(steps)


def _local_step(step: str) -> str:
    """`orx:meta` -> `meta`: instance paths name elements by local name, as the
    session's index of the instance does (attributes keep their prefix)."""
    name, bracket, rest = step.partition("[")
    if step.startswith("@") or ":" not in name:
        return step
    return name.split(":", 1)[1] + bracket + rest


def parse_body(body: XmlElement | None, root_path: str, ctx: BodyContext) -> list[Question | Group]:
    return _children(body, root_path, ctx) if body is not None else []


def _children(parent: XmlElement, context: str, ctx: BodyContext) -> list[Question | Group]:
    items: list[Question | Group] = []
    for element in parent:
        kind = control_kind(element)
        if kind is not None:
            items.append(_question(element, kind, context, ctx))
        elif is_xf(element, "group"):
            items.append(_group(element, context, ctx))
        elif is_xf(element, "repeat"):
            items.append(_repeat(element, context, ctx, wrapper=None))
        else:
            # Actions directly in a group or repeat (odk-new-repeat defaults); labels,
            # hints and unknown markup are read by their owner or ignored.
            ctx.setvalues.extend(parse_action(element, context, None, ctx))
    return items


def control_kind(element: XmlElement) -> ControlKind | None:
    name = local(element)
    if _is_xf_control(name) and is_xf(element, name):
        return name
    if name == "rank" and etree.QName(element).namespace == ODK:
        return "rank"
    return None


def _is_xf_control(name: str) -> TypeGuard[ControlKind]:
    return name in _XF_CONTROLS


def _bound_path(element: XmlElement, attribute: str, context: str, ctx: BodyContext) -> str | None:
    """The instance path a body element is bound to, via `ref`/`nodeset` or `bind`."""
    ref = element.get(attribute)
    if ref is None and element.get("bind") is not None:
        ref = ctx.bind_ids.get(element.get("bind").strip())
        if ref is None:
            raise fail("refers to a bind id that no <bind> has", element, "bind", source=ctx.source)
    if ref is None or not ref.strip():
        return None
    return _checked(resolve_path(ref, context), element, attribute if element.get(attribute) else "bind", ctx)


def _texts(element: XmlElement, name: str, ctx: BodyContext) -> tuple[dict[str, str], str | None]:
    """(texts, itext id) of the first `<label>` or `<hint>` child."""
    for child in element:
        if is_xf(child, name):
            return element_texts(child, ctx.itext)
    return {}, None


def _group(element: XmlElement, context: str, ctx: BodyContext) -> Group:
    # JavaRosa reads a group's node from `ref`, `nodeset` or `bind` alike.
    path = _bound_path(element, "nodeset" if element.get("ref") is None else "ref", context, ctx)
    inner = [child for child in element if isinstance(child.tag, str) and local(child) not in ("label", "hint")]
    if len(inner) == 1 and is_xf(inner[0], "repeat"):
        # pyxform (and most hand-written forms) wrap a repeat in a group holding its
        # label: one Group(repeat=True) in the model, not two items with one path.
        repeat_path = _bound_path(inner[0], "nodeset", context, ctx)
        if path is None or path == repeat_path:
            return _repeat(inner[0], context, ctx, wrapper=element)
    labels, _ = _texts(element, "label", ctx)
    hints, _ = _texts(element, "hint", ctx)
    if path is not None and _wraps_repeat_of(element, path, context, ctx):
        # A group bound to the node of a repeat it holds, beside other controls: the
        # repeat owns that path; the group only gathers them on screen.
        return Group(path=context, name="", labels=labels, hints=hints,
                     appearance=element.get("appearance"), children=_children(element, path, ctx))
    own_path = path or context  # a group without ref only groups controls on screen
    return Group(
        path=own_path,
        name=own_path.rsplit("/", 1)[1] if path else "",
        labels=labels,
        hints=hints,
        appearance=element.get("appearance"),
        children=_children(element, own_path, ctx),
    )


def _wraps_repeat_of(element: XmlElement, path: str, context: str, ctx: BodyContext) -> bool:
    return any(is_xf(child, "repeat") and _bound_path(child, "nodeset", path, ctx) == path
               for child in element if isinstance(child.tag, str))


def _repeat(element: XmlElement, context: str, ctx: BodyContext, wrapper: XmlElement | None) -> Group:
    path = _bound_path(element, "nodeset", context, ctx)
    if path is None:
        raise fail("a repeat has no nodeset", element, source=ctx.source)
    labels, _ = _texts(element, "label", ctx)
    hints, _ = _texts(element, "hint", ctx)
    if wrapper is not None:
        labels = labels or _texts(wrapper, "label", ctx)[0]
        hints = hints or _texts(wrapper, "hint", ctx)[0]
    appearance = element.get("appearance") or (wrapper.get("appearance") if wrapper is not None else None)
    count = element.get(f"{{{JR}}}count")
    return Group(
        path=path,
        name=path.rsplit("/", 1)[1],
        repeat=True,
        labels=labels,
        hints=hints,
        appearance=appearance,
        repeat_count=count.strip() if count and count.strip() else None,
        no_add_remove=(element.get(f"{{{JR}}}noAddRemove") or "").strip() in ("true()", "true"),
        children=_children(element, path, ctx),
    )


def _question(element: XmlElement, kind: ControlKind, context: str, ctx: BodyContext) -> Question:
    path = _bound_path(element, "ref", context, ctx)
    if path is None:
        raise fail(f"the <{local(element)}> control has no ref", element, source=ctx.source)
    labels, label_id = _texts(element, "label", ctx)
    hints, hint_id = _texts(element, "hint", ctx)
    appearance = element.get("appearance")
    mediatype = element.get("mediatype")
    own = _OWN_ATTRIBUTES | (set(_RANGE_ATTRIBUTES) if kind == "range" else set())
    for child in element:
        # A control is a binding element: actions in it read refs from its node.
        ctx.setvalues.extend(parse_action(child, path, path, ctx))
    choices, itemset = _choices(element, ctx), _itemset(element, ctx)
    if kind in ("select1", "select", "rank") and choices is None and itemset is None:
        # JavaRosa refuses the form: "Select question '...' has no choices".
        raise fail(f"the <{local(element)}> for {path} has no choices (no <item> and no <itemset>)", element,
                   source=ctx.source)
    return Question(
        kind=kind,
        path=path,
        name=path.rsplit("/", 1)[1],
        type=question_type(kind, ctx.binds.get(path), mediatype),
        labels=labels,
        hints=hints,
        guidance_hints=resolve_texts(ctx.itext, hint_id, "guidance") if hint_id else {},
        label_media=resolve_media(ctx.itext, label_id) if label_id else {},
        appearance=appearance,
        mediatype=mediatype,
        choices=choices,
        itemset=itemset,
        range=_range(element, ctx) if kind == "range" else None,
        attributes={name: value for name, value in element.attrib.items() if name not in own},
        label_itext_id=label_id,
    )


def _range(element: XmlElement, ctx: BodyContext) -> dict[str, str]:
    """start/end/step as written; JavaRosa refuses a form where one is not a number."""
    bounds = {name: element.get(name).strip() for name in _RANGE_ATTRIBUTES if (element.get(name) or "").strip()}
    for name, text in bounds.items():
        try:
            number = Decimal(text)
        except InvalidOperation:
            number = None
        if number is None or not number.is_finite():
            raise fail(f"the range's {name} is {text!r}, which is not a number", element, name, source=ctx.source)
    return bounds


def _choices(element: XmlElement, ctx: BodyContext) -> list[Choice] | None:
    items = [child for child in element if is_xf(child, "item")]
    if not items:
        return None
    choices = []
    for item in items:
        value = next((child for child in item if is_xf(child, "value")), None)
        if value is None:
            raise fail("a choice (<item>) has no <value>", item, source=ctx.source)
        label = next((child for child in item if is_xf(child, "label")), None)
        labels, label_id = element_texts(label, ctx.itext) if label is not None else ({}, None)
        media = resolve_media(ctx.itext, label_id) if label_id else {}
        choices.append(Choice(value=(value.text or "").strip(), labels=labels, media=media))
    return choices


def _itemset(element: XmlElement, ctx: BodyContext) -> Itemset | None:
    itemset = next((child for child in element if is_xf(child, "itemset")), None)
    if itemset is None:
        return None
    refs = {}
    for name in ("value", "label"):
        child = next((c for c in itemset if is_xf(c, name)), None)
        if child is None or not (child.get("ref") or "").strip():
            raise fail(f"the choice list has no <{name} ref=...>", itemset, "nodeset", source=ctx.source)
        refs[name] = child.get("ref").strip()
    nodeset = (itemset.get("nodeset") or "").strip()
    if not nodeset:
        raise fail("the choice list (<itemset>) has no nodeset", itemset, source=ctx.source)
    return Itemset(nodeset=nodeset, value_ref=refs["value"], label_ref=refs["label"])


def parse_action(element: XmlElement, context: str, trigger: str | None, ctx: BodyContext, *,
                 in_model: bool = False) -> list[SetValue]:
    """`<setvalue>` / `<odk:setgeopoint>` as SetValues, one per event it listens to.

    `trigger` is the control the action sits in: its xforms-value-changed actions run
    when that control's answer changes. The target is `ref` or `bind` (a bind's id).
    """
    action: ActionKind
    if is_xf(element, "setvalue"):
        action = "setvalue"
    elif local(element) == "setgeopoint" and etree.QName(element).namespace == ODK:
        action = "setgeopoint"
    else:
        return []
    events = action_events(element, action, ctx.source, in_model=in_model)
    path = _action_target(element, action, context, ctx)
    if in_model:
        check_single_target(element, path, ctx)
    value = element.get("value")
    if value is None and action == "setvalue" and element.text and element.text.strip():
        value = _literal(element.text)  # text content is a literal value, not an expression
    return [
        SetValue(
            event=event,
            ref=path,
            value=value,
            trigger_path=trigger if event == "xforms-value-changed" else None,
            action=action,
        )
        for event in events
    ]


def _action_target(element: XmlElement, action: str, context: str, ctx: BodyContext) -> str:
    """The instance path an action sets: its `bind` id's node, else its `ref`."""
    bind = (element.get("bind") or "").strip()
    if bind:
        path = ctx.bind_ids.get(bind)
        if path is None:
            raise fail(f"the {action} action refers to a bind id that no <bind> has", element, "bind",
                       source=ctx.source)
        return _checked(path, element, "bind", ctx)
    ref = element.get("ref")
    if not ref or not ref.strip():
        raise fail(f"the {action} action has no target: it needs a ref (or a bind id)", element, source=ctx.source)
    return _checked(resolve_path(ref, context), element, "ref", ctx)


def _literal(text: str) -> str:
    """An XPath expression whose value is `text`."""
    if "'" not in text:
        return f"'{text}'"
    if '"' not in text:
        return f'"{text}"'
    return "concat(" + ", \"'\", ".join(f"'{part}'" for part in text.split("'")) + ")"
