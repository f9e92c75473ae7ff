"""Values a session sets by itself: jr:preload and setvalue actions on their events."""

from __future__ import annotations


class EventRunner:
    def __init__(self, session):
        self.session = session
        self.by_event: dict[str, list] = {}
        for action, expression in session.compiled.setvalues:
            self.by_event.setdefault(action.event, []).append((action, expression))

    def preload(self) -> None:
        """jr:preload: identity, timestamps and device properties of a new submission."""
        session = self.session
        for path, bind in session.form.binds.items():
            if not bind.preload:
                continue
            value = self._preload_value(bind.preload, (bind.preload_params or "").strip())
            if value is None:
                continue
            for node in session.instance.nodes_at(path):
                if node.value == "":
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
                for node in session.instance.nodes_at(path):
                    node.value = end

    def run(self, *events: str | None) -> None:
        for event in events:
            for action, expression in self.by_event.get(event, []) if event else []:
                for node in self.session.instance.nodes_at(action.ref):
                    self._set(node, action, expression)

    def _set(self, node, action, expression, context=None) -> None:
        if action.action == "setgeopoint":
            return  # no location sensor on a laptop: the member types the coordinates
        value = ""
        if expression is not None:
            value = self.session.evaluate(expression, context or node, what="setvalue", kind="string")
        node.value = value

    def new_repeat(self, template: str, fresh) -> None:
        """odk-new-repeat: actions whose target lies inside the new repeat instance."""
        for action, expression in self.by_event.get("odk-new-repeat", []):
            if not action.ref.startswith(template + "/") and action.ref != template:
                continue
            relative = action.ref[len(template):].strip("/")
            node = fresh
            for name in relative.split("/") if relative else []:
                node = node.child(name) if node is not None else None
            if node is not None:
                self._set(node, action, expression)

    def value_changed(self, template: str, node) -> None:
        """xforms-value-changed actions nested in the control that was answered."""
        actions = [pair for pair in self.by_event.get("xforms-value-changed", []) if pair[0].trigger_path == template]
        for action, expression in actions:
            target = self.session.instance.nearest(action.ref, node)
            if target is not None:
                self._set(target, action, expression, context=node)
        if actions:
            self.session._recompute({action.ref for action, _ in actions})

