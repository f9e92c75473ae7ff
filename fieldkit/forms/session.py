"""FormSession: one submission being filled.

It is what the GUI, the CLI and the tests drive. An answer change recomputes only the
calculations, relevance, required and read-only states, repeat counts and choice
filters that read the changed path, in one ordered pass (`fieldkit.forms.recompute`);
constraints are checked when asked. As in ODK, a non-relevant node reads as blank in
every expression, and keeps its value until it is relevant again.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from typing import Literal, TypedDict, overload

from fieldkit.forms import session_output as output
from fieldkit.forms import texts
from fieldkit.forms.dependencies import Computation, subtree
from fieldkit.forms.errors import FormError
from fieldkit.forms.instance import Instance
from fieldkit.forms.model import Form, Group, Question, Texts
from fieldkit.forms.paths import InstancePath, strip_positions
from fieldkit.forms.recompute import Pass
from fieldkit.forms.session_events import EventRunner
from fieldkit.forms.session_output import AnswerTree
from fieldkit.forms.values import TYPE_HINTS, fits_type, stored_text, to_text, type_problem
from fieldkit.forms.xpath import Element, EvalContext, Expression, Node, XPathError
from fieldkit.forms.xpath.values import XPathValue
from fieldkit.i18n import language_code, translate

Clock = Callable[[], dt.datetime]


class SessionOptions(TypedDict, total=False):
    """What `Form.new_session` passes on to a FormSession, besides the language."""

    now: Clock | None
    tz: dt.tzinfo | None
    properties: dict[str, str] | None
    last_saved: str | bytes | None


class FormSession:
    def __init__(self, form: Form, *, lang: str | None = None, now: Clock | None = None,
                 tz: dt.tzinfo | None = None, properties: dict[str, str] | None = None,
                 last_saved: str | bytes | None = None):
        """`last_saved`: the instance XML of the last saved submission of this form, read
        by the form as `instance('__last-saved')` (jr://instance/last-saved)."""
        self.form = form
        self.compiled = form.compiled
        self.asked_language = lang
        self.lang = texts.pick_language(form, lang)
        self.tz = tz
        self._now = now or (lambda: dt.datetime.now(dt.UTC).astimezone(tz))
        self.properties = dict(properties or {})
        self.secondary = self.compiled.session_documents(last_saved)
        self._functions: dict[str, Callable[..., object]] = {"jr:choice-name": self._choice_name}
        self._events = EventRunner(self)
        self._start(Instance(form), first_load=True)

    # -- life cycle ------------------------------------------------------------------

    def _start(self, instance: Instance, *, first_load: bool) -> None:
        self.instance = instance
        self._state: dict[str, dict[Element, bool]] = {"relevant": {}, "required": {}, "readonly": {}}
        if first_load:
            self._events.preload()
        self._events.run("odk-instance-first-load" if first_load else None, "odk-instance-load")
        self._recompute(None)

    def from_xml(self, xml: str | bytes) -> FormSession:
        """Load an existing submission (ODK instance XML) into this session."""
        self._start(Instance(self.form, xml), first_load=False)
        return self

    def set_language(self, lang: str) -> None:
        self.asked_language = lang
        self.lang = texts.pick_language(self.form, lang)
        self._recompute(None)  # calculations may hold labels (jr:choice-name, jr:itext)

    @property
    def message_language(self) -> str:
        """The language of fieldkit's own messages: the one asked for, even when the form
        lacks it and shows its default language (as ODK keeps the app's language)."""
        asked = self.asked_language
        if asked and texts.matching_language(self.form, asked) is None:
            return language_code(asked)
        return language_code(self.lang)

    # -- evaluation ------------------------------------------------------------------

    def context(self, node: Node, *, current: Node | None = None) -> EvalContext:
        return EvalContext(
            node=node, current=current or node, instances=self.secondary, now=self._now,
            tz=self.tz, itext=self.itext, functions=self._functions,
        )

    @overload
    def evaluate(self, expression: Expression, node: Node, *, what: str, kind: Literal["boolean"]) -> bool: ...
    @overload
    def evaluate(self, expression: Expression, node: Node, *, what: str, kind: Literal["string"]) -> str: ...
    @overload
    def evaluate(self, expression: Expression, node: Node, *, what: str,
                 kind: Literal["value"] = "value") -> XPathValue: ...

    def evaluate(self, expression: Expression, node: Node, *, what: str, kind: str = "value") -> XPathValue:
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

    def _recompute(self, changed: set[str] | None, *, fresh: tuple[Element, ...] = (),
                   node: Element | None = None) -> None:
        """Re-evaluate what reads `changed` (None: everything; `node`: the one node that
        changed) and the binds of `fresh` repeat instances, in one ordered pass."""
        recompute = Pass(self)
        if changed is None:
            # Choice filters clear answers when what they read changes, not on opening
            # a stored submission (its answers were valid when it was saved).
            recompute.mark_everything(with_choices=False)
        else:
            recompute.mark_readers(changed, node)
        recompute.mark_fresh(list(fresh))
        recompute.run()

    def store_state(self, computation: Computation, nodes: list[Element]) -> list[Element]:
        """Keep a relevant/required/readonly result; the nodes whose relevance changed."""
        states = self._state[computation.attribute]
        changed: list[Element] = []
        for node in nodes:
            result = self.evaluate(computation.expression, node, what=computation.attribute, kind="boolean")
            before = states.get(node, True)
            states[node] = result
            if computation.attribute == "relevant" and before != result:
                self._mark_blank(node)
                changed.append(node)
        return changed

    def _mark_blank(self, top: Element) -> None:
        """Non-relevant nodes, and everything under them, read as blank."""
        relevant = self._state["relevant"]
        parent = top.parent
        stack: list[tuple[Element, bool]] = [(top, isinstance(parent, Element) and parent.blank)]
        while stack:
            node, parent_blank = stack.pop()
            blank = parent_blank or not relevant.get(node, True)
            if blank == node.blank and node is not top:
                continue
            node.blank = blank
            stack.extend((child, blank) for child in node.element_children())

    # -- answers -----------------------------------------------------------------------

    def node(self, path: str) -> Element:
        return self.instance.resolve(path)

    def value(self, path: str) -> str:
        """The answer held at `path` (a non-relevant one too: it comes back when the
        question is relevant again, as in ODK)."""
        return self.node(path).value

    def set(self, path: str, value: object) -> None:
        """Answer a question; recompute what depends on it, then run the question's
        xforms-value-changed actions."""
        node = self.node(path)
        template = self.instance.template_path(node)
        text = to_text(value)
        bind = self.form.binds.get(template)
        if bind is not None:
            text = stored_text(text, bind.type)
        if node.value == text:
            return
        node.value = text
        self._recompute({template}, node=node)
        self._events.value_changed(template, node)

    def is_relevant(self, path: str) -> bool:
        return self._node_relevant(self.node(path))

    def _node_relevant(self, node: Element) -> bool:
        return not node.blank

    def is_required(self, path: str) -> bool:
        return bool(self._state["required"].get(self.node(path), False))

    def is_readonly(self, path: str) -> bool:
        node: Node | None = self.node(path)
        readonly = self._state["readonly"]
        while isinstance(node, Element):
            if readonly.get(node, False):
                return True
            node = node.parent
        return False

    # -- validation --------------------------------------------------------------------

    def errors(self) -> list[tuple[str, str, str]]:
        """(path, kind, message) for every relevant answer that is missing or wrong."""
        found: list[tuple[str, str, str]] = []
        for path in self.compiled.binds:
            for node in self.instance.nodes_at(path):
                error = self._node_error(path, node)
                if error:
                    found.append((self.instance.concrete_path(node), *error))
        return found

    def error(self, path: str) -> tuple[str, str] | None:
        """(kind, message) of one answer, or None: for inline messages as the user types."""
        return self._node_error(strip_positions(path), self.node(path))

    def _node_error(self, path: str, node: Element) -> tuple[str, str] | None:
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
            precise = type_problem(value, bind.type, self.message_language)
            return "type", precise or translate("Expected {expected}.", self.message_language, expected=expected)
        wrong = self._not_a_choice(path, node, value)
        if wrong is not None:
            return "choice", translate("{value!r} is not one of the choices.", self.message_language, value=wrong)
        constraint = self.compiled.binds[path].get("constraint")
        if constraint is not None and not self.evaluate(constraint, node, what="constraint", kind="boolean"):
            return "constraint", self._message(bind.constraint_msg, "This answer is not allowed.", node)
        return None

    def _not_a_choice(self, path: str, node: Element, value: str) -> str | None:
        """The first part of a select's answer that is none of its choices, or None."""
        question = self.compiled.select_question(path)
        if question is None:
            return None
        allowed: frozenset[str] | set[str] | None
        if question.choices is not None:
            allowed = {choice.value for choice in question.choices}
        else:
            allowed = texts.itemset_values(self, question, node)
            if allowed is None:
                return None
        return next((part for part in value.split() if part not in allowed), None)

    def _message(self, messages: Texts, default: str, node: Element) -> str:
        if messages:
            return self.render(messages, node)
        return translate(default, self.message_language)

    # -- texts and choices ---------------------------------------------------------------

    def render(self, variants: Texts, node: Node | None = None) -> str:
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

    def _choice_name(self, context: EvalContext, value: XPathValue, question_path: XPathValue = "") -> str:
        """jr:choice-name(value, ' /data/select '): the label of a choice in the session
        language. ODK passes the select's path as a string, resolved from the context."""
        wanted = _plain_value(value)
        if isinstance(question_path, list):  # a node-set: the select itself
            target = question_path[0] if question_path else None
        elif str(question_path).strip().startswith("/"):
            target = self.instance.nearest(strip_positions(str(question_path).strip()), context.node)
        else:  # relative to the node being computed: ' ../colour '
            found = self.compiled.expression(str(question_path).strip()).evaluate(context.with_node(context.node))
            target = found[0] if isinstance(found, list) and found else None
        if target is None:
            return wanted
        path = self.instance.concrete_path(target)
        for choice_value, label in self.choices(path):
            if choice_value == wanted:
                return label
        return ""

    def keep_offered_choices(self, node: Element) -> bool:
        """Clear what a select's answer holds that its choice filter no longer offers (a
        multiple select keeps the choices still offered); True if the answer changed."""
        if not node.value:
            return False
        path = self.instance.concrete_path(node)
        offered = {value for value, _label in self.choices(path)}
        question = self.compiled.select_question(strip_positions(path))
        if question is not None and question.kind == "select":
            kept = " ".join(part for part in node.value.split() if part in offered)
        else:
            kept = node.value if node.value in offered else ""
        if kept == node.value:
            return False
        node.value = kept
        return True

    # -- repeats -------------------------------------------------------------------------

    def _repeat_parent(self, path: str) -> tuple[Element, str]:
        """The node holding the repeat `path` names, and the repeat's template path.
        One instance of a repeat (`/data/rep[2]`) names its repeat (`/data/rep`) for
        counting and adding."""
        try:
            repeat = InstancePath.parse(path).without_position()
        except ValueError:
            raise FormError(f"{path!r} is not a repeat") from None
        group = self.form.find(repeat.template)
        if repeat.parent is None or not isinstance(group, Group) or not group.repeat:
            raise FormError(f"{str(repeat)!r} is not a repeat")
        return self.node(str(repeat.parent)), repeat.template

    def repeat_count(self, path: str) -> int:
        parent, template = self._repeat_parent(path)
        return len(self.instance.repeat_instances(parent, template))

    def add_repeat(self, path: str, count: int = 1) -> int:
        """Add `count` instances at the end of a repeat; the 1-based position of the last.
        Every bind of the new instances is evaluated, whatever it reads."""
        parent, template = self._repeat_parent(path)
        self._recompute(set(), fresh=tuple(self.add_repeat_nodes(parent, template, count)))
        return len(self.instance.repeat_instances(parent, template))

    def add_repeat_nodes(self, parent: Element, template: str, count: int) -> list[Element]:
        fresh = self.instance.add_repeat(parent, template, count)
        for instance in fresh:
            self._mark_blank(instance)
            self._events.new_repeat(template, instance)
        return fresh

    def remove_repeat(self, path: str) -> None:
        """Remove one repeat instance, e.g. /data/roster[2]."""
        self._repeat_parent(path)
        self.remove_nodes([self.node(path)])
        self._recompute(subtree(strip_positions(path), self.compiled.paths))

    def remove_nodes(self, nodes: list[Element]) -> None:
        for top in nodes:
            for node in (top, *top.iter_descendants()):
                if isinstance(node, Element):  # states are kept for elements only
                    for states in self._state.values():
                        states.pop(node, None)
        self.instance.remove(nodes)

    # -- output --------------------------------------------------------------------------

    def to_xml(self) -> str:
        """The submission as ODK instance XML; non-relevant answers left out as ODK does."""
        return self.instance.to_xml(keep=self._node_relevant)

    def to_dict(self) -> AnswerTree:
        """Relevant answers as nested dicts (groups) and lists (repeats), by name."""
        return output.to_dict(self, self.instance.root)

    def answers(self) -> dict[str, str]:
        """Relevant answers by concrete path, leaves only."""
        return output.flat_answers(self, self.instance.root)

    def visible_questions(self) -> list[tuple[str, Question]]:
        """(path, question) of each relevant question with a control, in display order."""
        return output.visible_questions(self)

    def stamp_end(self) -> None:
        """Call when the submission is finalized: set jr:preload timestamp/end fields and
        recompute every calculation, so none keeps a value set by hand."""
        self._events.stamp_end()
        self._recompute(None)

    def new_instance_id(self) -> str:
        return f"uuid:{uuid.uuid4()}"


def _plain_value(value: XPathValue) -> str:
    if isinstance(value, list):
        return value[0].string_value() if value else ""
    return value if isinstance(value, str) else to_text(value)

