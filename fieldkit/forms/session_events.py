"""Values a session sets by itself: jr:preload and setvalue actions on their events."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from fieldkit.forms.model import SetValue
from fieldkit.forms.values import calculated_text
from fieldkit.forms.xpath import Attribute, Element, Expression

if TYPE_CHECKING:
    from fieldkit.forms.session import FormSession

Action = tuple[SetValue, Expression | None]  # an action and its compiled value (None: set to blank)


class EventRunner:
    def __init__(self, session: FormSession):
        self.session = session
        self.by_event: dict[str, list[Action]] = {}
        for action, expression in session.compiled.setvalues:
            self.by_event.setdefault(action.event, []).append((action, expression))

    def preload(self) -> None:
        """jr:preload: identity, timestamps and device properties of a new submission.
        A preload replaces the blank form's default (a copied form's old instanceID
        must never identify a new submission)."""
        session = self.session
        for path, bind in session.form.binds.items():
            if not bind.preload:
                continue
            value = self._preload_value(bind.preload, (bind.preload_params or "").strip())
            if value is None:
                continue
            for node in self.targets(path):
                node.value = value

    def _preload_value(self, kind: str, params: str) -> str | None:
        session = self.session
        now = session._now()
        if kind == "uid":
            return session.new_instance_id()
        if kind == "timestamp" and params == "start":
            return now.isoformat(timespec="milliseconds")
        if kind == "date" and params == "today":
            return now.date().isoformat()
        if kind == "property":
            return session.properties.get(params, "")
        return None  # timestamp/end is stamped when the submission is finalized

    def stamp_end(self) -> None:
        session = self.session
        end = session._now().isoformat(timespec="milliseconds")
        for path, bind in session.form.binds.items():
            if bind.preload == "timestamp" and (bind.preload_params or "").strip() == "end":
                for node in self.targets(path):
                    node.value = end

    def targets(self, ref: str, near: Element | None = None) -> Sequence[Element | Attribute]:
        """The nodes `ref` names: an instance path, or an expression when it holds a
        predicate (`/data/rep[position()=1]/x`) or names an attribute (`/data/@v`).
        `near`: the node whose repeat instance a plain path is read in."""
        session = self.session
        if "[" in ref or "@" in ref:
            found = session.evaluate(session.compiled.expression(ref), near or session.instance.root,
                                     what="setvalue target")
            return [node for node in found if isinstance(node, (Element, Attribute))] if isinstance(found, list) else []
        if near is not None:
            target = session.instance.nearest(ref, near)
            return [target] if target is not None else []
        return session.instance.nodes_at(ref)

    def run(self, *events: str | None) -> None:
        for event in events:
            for action, expression in self.by_event.get(event, []) if event else []:
                for node in self.targets(action.ref):
                    self._set(node, action, expression)

    def _set(self, node: Element | Attribute, action: SetValue, expression: Expression | None) -> None:
        """Set one target; the value is read in the target's context (XForms 1.0)."""
        if action.action == "setgeopoint":
            return  # no location sensor on a laptop: the member types the coordinates
        value = ""
        if expression is not None:
            result = self.session.evaluate(expression, node, what="setvalue")
            bind = self.session.form.binds.get(self.session.instance.template_path(node)) if isinstance(
                node, Element) else None
            value = calculated_text(result, bind.type if bind is not None else "string")
        node.value = value

    def new_repeat(self, template: str, fresh: Element) -> None:
        """odk-new-repeat: actions whose target lies inside the new repeat instance."""
        for action, expression in self.by_event.get("odk-new-repeat", []):
            if not action.ref.startswith(template + "/") and action.ref != template:
                continue
            relative = action.ref[len(template):].strip("/")
            node: Element | None = fresh
            for name in relative.split("/") if relative else []:
                node = node.child(name) if node is not None else None
            if node is not None:
                self._set(node, action, expression)

    def value_changed(self, template: str, node: Element) -> None:
        """xforms-value-changed actions nested in the control that was answered; they
        run after the recalculation that the answer caused."""
        actions = [pair for pair in self.by_event.get("xforms-value-changed", []) if pair[0].trigger_path == template]
        changed = set()
        for action, expression in actions:
            for target in self.targets(action.ref, near=node):
                self._set(target, action, expression)
                if isinstance(target, Element):
                    changed.add(self.session.instance.template_path(target))
        if changed:
            self.session._recompute(changed)
