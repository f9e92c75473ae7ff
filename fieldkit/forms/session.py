"""FormSession: one submission being filled.

It is what the GUI, the CLI and the tests drive. An answer change recomputes only the
calculations, relevance, required and read-only states that read the changed path
(`CompiledForm.dependents`, in topological order); constraints are checked when asked.
"""

from __future__ import annotations

import datetime as dt
import heapq
import uuid

from fieldkit.forms import session_output as output
from fieldkit.forms import texts
from fieldkit.forms.errors import FormError
from fieldkit.forms.instance import Instance
from fieldkit.forms.model import Form, Group, Question, strip_positions
from fieldkit.forms.session_events import EventRunner
from fieldkit.forms.values import TYPE_HINTS, fits_type, to_text
from fieldkit.forms.xpath import Element, EvalContext, XPathError
from fieldkit.forms.xpath.nodes import is_ancestor
from fieldkit.i18n import language_code, translate


class FormSession:
    def __init__(self, form: Form, *, lang: str | None = None, now=None, tz: dt.tzinfo | None = None,
                 properties: dict[str, str] | None = None):
        self.form = form
        self.compiled = form.compiled
        self.lang = texts.pick_language(form, lang)
        self.tz = tz
        self._now = now or (lambda: dt.datetime.now(dt.timezone.utc).astimezone(tz))
        self.properties = dict(properties or {})
        self.secondary = self.compiled.secondary_documents()
        self._functions = {"jr:choice-name": self._choice_name}
        self._events = EventRunner(self)
        self._start(Instance(form), first_load=True)

    # -- life cycle ------------------------------------------------------------------

    def _start(self, instance: Instance, *, first_load: bool) -> None:
        self.instance = instance
        self._state: dict[str, dict[Element, object]] = {"relevant": {}, "required": {}, "readonly": {}}
        if first_load:
            self._events.preload()
        self._events.run("odk-instance-first-load" if first_load else None, "odk-instance-load")
        self._recompute(None)

    def from_xml(self, xml: str | bytes) -> "FormSession":
        """Load an existing submission (ODK instance XML) into this session."""
        self._start(Instance(self.form, xml), first_load=False)
        return self

    def set_language(self, lang: str) -> None:
        self.lang = texts.pick_language(self.form, lang)
        self._recompute(None)  # calculations may hold labels (jr:choice-name, jr:itext)

    @property
    def message_language(self) -> str:
        return language_code(self.lang)

    # -- evaluation ------------------------------------------------------------------

    def context(self, node, *, current=None) -> EvalContext:
        return EvalContext(
            node=node, current=current or node, instances=self.secondary, now=self._now,
            tz=self.tz, itext=self.itext, functions=self._functions,
        )

    def evaluate(self, expression, node, *, what: str, kind: str = "value"):
        try:
            context = self.context(node)
            if kind == "boolean":
                return expression.evaluate_boolean(context)
            if kind == "string":
                return expression.evaluate_string(context)
            return expression.evaluate(context)
        except XPathError as error:
            where = self.instance.concrete_path(node) if isinstance(node, Element) else None
            raise FormError(f"{what} expression {expression.source!r} failed: {error}", location=where) from None

    def _recompute(self, changed: set[str] | None) -> None:
        """Re-evaluate what reads `changed` (None: everything), then sync jr:count."""
        computations = self.compiled.computations
        if changed is None:
            pending = list(range(len(computations)))
        else:
            pending = sorted(self.compiled.affected_by(changed))
        done: set[int] = set()
        while pending:
            index = heapq.heappop(pending)
            if index in done:
                continue
            done.add(index)
            computation = computations[index]
            if self._apply(computation):
                for follower in self.compiled.affected_by({computation.path}):
                    if follower not in done:
                        heapq.heappush(pending, follower)
        self._sync_repeat_counts(changed)

    def _apply(self, computation) -> bool:
        """Evaluate one computation on every node of its path; True if a value changed."""
        changed = False
        for node in self.instance.nodes_at(computation.path):
            if computation.attribute == "calculate":
                text = self.evaluate(computation.expression, node, what="calculate", kind="string")
                if node.value != text:
                    node.value = text
                    changed = True
            else:
                result = self.evaluate(computation.expression, node, what=computation.attribute, kind="boolean")
                self._state[computation.attribute][node] = result
        return changed

    def _sync_repeat_counts(self, changed: set[str] | None) -> None:
        for path, expression in self.compiled.repeat_counts.items():
            parent_path = path.rsplit("/", 1)[0]
            for parent in self.instance.nodes_at(parent_path):
                wanted = self.evaluate(expression, parent, what="repeat count", kind="value")
                wanted = _count(wanted)
                have = self.instance.repeat_instances(parent, path)
                if len(have) == wanted:
                    continue
                for _ in range(wanted - len(have)):
                    self._add_repeat_node(parent, path)
                for extra in have[wanted:]:
                    self._remove_node(extra)
                self._recompute(_subtree_paths(self.form, path))

    # -- answers -----------------------------------------------------------------------

    def node(self, path: str) -> Element:
        return self.instance.resolve(path)

    def value(self, path: str) -> str:
        return self.node(path).value

    def set(self, path: str, value) -> None:
        """Answer a question; recompute what depends on it."""
        node = self.node(path)
        text = to_text(value)
        if node.value == text:
            return
        node.value = text
        template = strip_positions(path)
        self._events.value_changed(template, node)
        self._recompute({template})

    def is_relevant(self, path: str) -> bool:
        return self._node_relevant(self.node(path))

    def _node_relevant(self, node) -> bool:
        relevant = self._state["relevant"]
        while node is not None and node.kind == "element":
            if not relevant.get(node, True):
                return False
            node = node.parent
        return True

    def is_required(self, path: str) -> bool:
        return bool(self._state["required"].get(self.node(path), False))

    def is_readonly(self, path: str) -> bool:
        node, readonly = self.node(path), self._state["readonly"]
        while node is not None and node.kind == "element":
            if readonly.get(node, False):
                return True
            node = node.parent
        return False

    # -- validation --------------------------------------------------------------------

    def errors(self) -> list[tuple[str, str, str]]:
        """(path, kind, message) for every relevant answer that is missing or wrong."""
        found = []
        for path in self.compiled.binds:
            for node in self.instance.nodes_at(path):
                error = self._node_error(path, node)
                if error:
                    found.append((self.instance.concrete_path(node), *error))
        return found

    def error(self, path: str) -> tuple[str, str] | None:
        """(kind, message) of one answer, or None: for inline messages as the user types."""
        return self._node_error(strip_positions(path), self.node(path))

    def _node_error(self, path: str, node) -> tuple[str, str] | None:
        if not self._node_relevant(node):
            return None
        bind = self.form.binds.get(path)
        if bind is None:  # a control without a bind: nothing to check
            return None
        value = node.value
        if value == "":
            if self._state["required"].get(node, False):
                return "required", self._message(bind.required_msg, "This answer is required.", node)
            return None
        if not fits_type(value, bind.type):
            expected = translate(TYPE_HINTS[bind.type], self.message_language)
            return "type", translate("Expected {expected}.", self.message_language, expected=expected)
        wrong = self._not_a_choice(path, node, value)
        if wrong is not None:
            return "choice", translate("{value!r} is not one of the choices.", self.message_language, value=wrong)
        constraint = self.compiled.binds[path].get("constraint")
        if constraint is not None and not self.evaluate(constraint, node, what="constraint", kind="boolean"):
            return "constraint", self._message(bind.constraint_msg, "This answer is not allowed.", node)
        return None

    def _not_a_choice(self, path: str, node, value: str) -> str | None:
        """The first part of a select's answer that is none of its choices, or None."""
        question = self.compiled.select_question(path)
        if question is None:
            return None
        if question.choices is not None:
            allowed = {choice.value for choice in question.choices}
        else:
            allowed = texts.itemset_values(self, question, node)
            if allowed is None:
                return None
        return next((part for part in value.split() if part not in allowed), None)

    def _message(self, messages: dict[str, str], default: str, node) -> str:
        if messages:
            return self.render(messages, node)
        return translate(default, self.message_language)

    # -- texts and choices ---------------------------------------------------------------

    def render(self, variants: dict[str, str], node=None) -> str:
        """A text in the session language with its `<output>`s evaluated."""
        return texts.render(self, texts.in_language(variants, self.lang, self.form), node)

    def label(self, path: str) -> str:
        item = self.form.find(path)
        return self.render(item.labels, self.node(path)) if item else ""

    def hint(self, path: str) -> str:
        item = self.form.find(path)
        return self.render(item.hints, self.node(path)) if isinstance(item, Question) else ""

    def itext(self, text_id: str) -> str:
        return texts.itext(self.form, self.lang, text_id)

    def choices(self, path: str) -> list[tuple[str, str]]:
        """(value, label) of a select's choices, honouring its choice filter."""
        question = self.form.find(path)
        if not isinstance(question, Question):
            raise FormError(f"no question at {path!r}")
        if question.choices is not None:
            return [(choice.value, self.render(choice.labels)) for choice in question.choices]
        if question.itemset is None:
            return []
        return texts.itemset_choices(self, question, self.node(path))

    def _choice_name(self, context, value, question_path=""):
        """jr:choice-name(value, ' /data/select '): the label of a choice in the session
        language. ODK passes the select's path as a string, resolved from the context."""
        wanted = _plain_value(value)
        if isinstance(question_path, list):  # a node-set: the select itself
            target = question_path[0] if question_path else None
        else:
            target = self.instance.nearest(str(question_path).strip(), context.node)
        if target is None:
            return wanted
        path = self.instance.concrete_path(target)
        for choice_value, label in self.choices(path):
            if choice_value == wanted:
                return label
        return ""

    # -- repeats -------------------------------------------------------------------------

    def _repeat_parent(self, path: str) -> tuple[Element, str]:
        template = strip_positions(path)
        group = self.form.find(template)
        if not isinstance(group, Group) or not group.repeat:
            raise FormError(f"{path!r} is not a repeat")
        parent_path = path.rstrip("/").rsplit("/", 1)[0]
        return self.node(parent_path), template

    def repeat_count(self, path: str) -> int:
        parent, template = self._repeat_parent(_without_last_position(path))
        return len(self.instance.repeat_instances(parent, template))

    def add_repeat(self, path: str) -> int:
        """Add an instance at the end of a repeat; its 1-based position."""
        parent, template = self._repeat_parent(_without_last_position(path))
        self._add_repeat_node(parent, template)
        self._recompute(_subtree_paths(self.form, template))
        return len(self.instance.repeat_instances(parent, template))

    def _add_repeat_node(self, parent: Element, template: str) -> Element:
        fresh = self.instance.add_repeat(parent, template)
        self._events.new_repeat(template, fresh)
        return fresh

    def remove_repeat(self, path: str) -> None:
        """Remove one repeat instance, e.g. /data/roster[2]."""
        self._repeat_parent(_without_last_position(path))
        self._remove_node(self.node(path))
        self._recompute(_subtree_paths(self.form, strip_positions(path)))

    def _remove_node(self, node: Element) -> None:
        for states in self._state.values():
            for gone in [known for known in states if known is node or is_ancestor(node, known)]:
                del states[gone]
        self.instance.remove(node)

    # -- output --------------------------------------------------------------------------

    def to_xml(self) -> str:
        """The submission as ODK instance XML; non-relevant answers left out as ODK does."""
        return self.instance.to_xml(keep=self._node_relevant)

    def to_dict(self) -> dict:
        """Relevant answers as nested dicts (groups) and lists (repeats), by name."""
        return output.to_dict(self, self.instance.root)

    def answers(self) -> dict[str, str]:
        """Relevant answers by concrete path, leaves only."""
        return output.flat_answers(self, self.instance.root)

    def visible_questions(self) -> list[tuple[str, Question]]:
        """(path, question) of each relevant question with a control, in display order."""
        return output.visible_questions(self)

    def stamp_end(self) -> None:
        """Set jr:preload timestamp/end fields: call when the submission is finalized."""
        self._events.stamp_end()

    def new_instance_id(self) -> str:
        return f"uuid:{uuid.uuid4()}"


def _plain_value(value) -> str:
    if isinstance(value, list):
        return value[0].string_value() if value else ""
    return value if isinstance(value, str) else to_text(value)


def _count(value) -> int:
    if isinstance(value, list):
        value = value[0].string_value() if value else ""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return 0
    return max(0, int(number)) if number == number else 0


def _subtree_paths(form: Form, template: str) -> set[str]:
    return {template} | {item.path for item in form.walk() if item.path.startswith(template + "/")}


def _without_last_position(path: str) -> str:
    """`/data/rep[2]` names the repeat `/data/rep` for counting and adding."""
    if path.endswith("]"):
        return path[: path.rfind("[")]
    return path

