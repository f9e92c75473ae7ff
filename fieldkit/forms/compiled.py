"""Every expression of a form, compiled once, and the graph of what depends on what.

A session recomputes after an answer change by walking `dependents` from the changed
path and `followers` from what changed, in the order `fieldkit.forms.dependencies`
fixes, so one change costs only what it touches.
"""

from __future__ import annotations

import threading
from collections import ChainMap
from collections.abc import Iterator, Mapping, MutableMapping
from dataclasses import dataclass, field
from typing import cast

from fieldkit.forms.dependencies import (
    BIND_ATTRIBUTES,
    CHOICES,
    COUNT,
    Candidate,
    Computation,
    follower_scopes,
    followers,
    local_scopes,
    order,
)
from fieldkit.forms.errors import FormError
from fieldkit.forms.model import Form, Question, SetValue
from fieldkit.forms.xpath import Document, Element, Expression, XPathError, compile_expression, parse_xml


@dataclass
class CompiledForm:
    form: Form
    binds: dict[str, dict[str, Expression]]  # path -> attribute -> expression
    computations: list[Computation]  # in topological order
    dependents: dict[str, list[int]]  # instance path -> computations that read it
    unbounded: list[int]  # computations with unknown references
    followers: dict[int, list[int]] = field(default_factory=dict)  # index -> readers of what it writes
    by_path: dict[str, list[int]] = field(default_factory=dict)  # path -> computations evaluated there
    scopes: dict[tuple[int, str], str] = field(default_factory=dict)  # (reader, path read) -> its repeat
    follower_scopes: dict[tuple[int, int], str] = field(default_factory=dict)  # (writer, reader) -> repeat
    paths: set[str] = field(default_factory=set)  # every path of the form's instance and body
    itemsets: dict[str, tuple[Expression, Expression, Expression]] = field(default_factory=dict)
    repeat_counts: dict[str, Expression] = field(default_factory=dict)
    setvalues: list[tuple[SetValue, Expression | None]] = field(default_factory=list)
    _extra: dict[str, Expression] = field(default_factory=dict)
    _secondary: SecondaryDocuments | None = None
    _selects: dict[str, Question] | None = None
    instance_choice_values: dict[str, frozenset[str] | None] = field(default_factory=dict)  # texts.py fills it

    def secondary_documents(self) -> SecondaryDocuments:
        """The secondary instances, each parsed once per form when first read."""
        if self._secondary is None:
            self._secondary = SecondaryDocuments(self.form)
        return self._secondary

    def session_documents(self, last_saved: str | bytes | None) -> Mapping[str, Document]:
        """The secondary instances a session reads: jr://instance/last-saved is the last
        saved submission (the blank form when there is none yet, as in ODK Collect)."""
        documents = self.secondary_documents()
        ids = [key for key, instance in self.form.secondary_instances.items() if instance.last_saved]
        if not ids:
            return documents
        xml = last_saved if last_saved is not None else self.form.instance_xml
        try:
            document = parse_xml(xml, keep_whitespace=False)
        except XPathError as error:
            raise FormError(f"the last saved submission is not well-formed XML: {error}") from None
        # ChainMap only reads the maps after the first: the documents stay a read-only view.
        return ChainMap({key: document for key in ids}, cast("MutableMapping[str, Document]", documents))

    def select_question(self, path: str) -> Question | None:
        """The select question at a path without positions (answers are checked against
        its choices at every save, so no walk over the form each time)."""
        if self._selects is None:
            self._selects = {item.path: item for item in self.form.walk() if isinstance(item, Question)
                             and (item.choices is not None or item.itemset is not None)}
        return self._selects.get(path)

    def expression(self, source: str) -> Expression:
        """Compile an expression met at run time (label outputs) once."""
        compiled = self._extra.get(source)
        if compiled is None:
            compiled = self._extra[source] = compile_expression(source)
        return compiled

    def affected_by(self, paths: set[str]) -> set[int]:
        found = set(self.unbounded)
        for path in paths:
            found.update(self.dependents.get(path, ()))
        return found


class SecondaryDocuments(Mapping[str, Document]):
    """instance id -> parsed document, parsed when first read. Documents are only read,
    so forms whose instances hold the same XML share one parse: the three shipped forms
    carry the same 3,321-commune list, which takes most of a second to parse."""

    def __init__(self, form: Form):
        self._sources = {key: instance.xml for key, instance in form.secondary_instances.items() if instance.xml}

    def __getitem__(self, key: str) -> Document:
        return _parsed_instance(self._sources[key])

    def __iter__(self) -> Iterator[str]:
        return iter(self._sources)

    def __len__(self) -> int:
        return len(self._sources)


_PARSED_LIMIT = 32  # documents kept across forms; a few lists of a few MB at most
_parsed: dict[str, Document] = {}
_parsed_lock = threading.Lock()  # reports read choice labels on a worker thread


def _parsed_instance(xml: str) -> Document:
    with _parsed_lock:
        document = _parsed.get(xml)
        if document is None:
            if len(_parsed) >= _PARSED_LIMIT:
                _parsed.pop(next(iter(_parsed)))
            document = _parsed[xml] = parse_xml(xml, keep_whitespace=False)
        return document


def _compile(source: str, *, where: str, what: str, form: Form) -> Expression:
    try:
        return compile_expression(source)
    except XPathError as error:
        raise FormError(
            f"{what} expression {source!r} is not valid: {error}", location=where, source=form.source
        ) from None


def _compile_binds(form: Form) -> dict[str, dict[str, Expression]]:
    compiled: dict[str, dict[str, Expression]] = {}
    for path, bind in form.binds.items():
        attributes = {}
        for name in (*BIND_ATTRIBUTES, "constraint"):
            source = getattr(bind, name)
            if source:
                attributes[name] = _compile(source, where=path, what=name, form=form)
        compiled[path] = attributes
    return compiled


def _itemset_label_expression(label_ref: str) -> str:
    """`jr:itext(itextId)` labels are looked up by the session; evaluate the id."""
    stripped = label_ref.strip()
    if stripped.startswith("jr:itext(") and stripped.endswith(")"):
        return stripped[len("jr:itext(") : -1]
    return stripped


def _compile_controls(form: Form, compiled: CompiledForm) -> None:
    for item in form.walk():
        if isinstance(item, Question) and item.itemset is not None:
            itemset = item.itemset
            where = f"{item.path} (choice list)"
            compiled.itemsets[item.path] = (
                _compile(itemset.nodeset, where=where, what="choice filter", form=form),
                _compile(itemset.value_ref, where=where, what="choice value", form=form),
                _compile(_itemset_label_expression(itemset.label_ref), where=where, what="choice label", form=form),
            )
        elif not isinstance(item, Question) and item.repeat_count:
            compiled.repeat_counts[item.path] = _compile(
                item.repeat_count, where=item.path, what="repeat count", form=form
            )
    for action in form.setvalues:
        value = action.value
        expression = _compile(value, where=action.ref, what="setvalue", form=form) if value else None
        compiled.setvalues.append((action, expression))


def _candidates(form: Form, compiled: CompiledForm) -> list[Candidate]:
    """Every expression a session keeps up to date, with what it reads."""
    found = []
    for path, attributes in compiled.binds.items():
        for name in BIND_ATTRIBUTES:
            if name in attributes:
                found.append(Candidate(path, name, attributes[name], attributes[name].references(path)))
    for path, expression in compiled.repeat_counts.items():
        # jr:count is evaluated in the context of the repeat: `../n` is a sibling of it
        found.append(Candidate(path, COUNT, expression, expression.references(path)))
    for path, (nodeset, _value, _label) in compiled.itemsets.items():
        references = nodeset.references(path)
        if references:  # a list that reads no answer never filters an answer out
            found.append(Candidate(path, CHOICES, nodeset, references))
    return found


def compile_form(form: Form) -> CompiledForm:
    """Compile every expression of `form`; FormError names the field and expression,
    or the nodes of a cycle."""
    compiled = CompiledForm(form=form, binds=_compile_binds(form), computations=[], dependents={}, unbounded=[])
    _compile_controls(form, compiled)
    paths = compiled.paths = {item.path for item in form.walk()} | set(form.binds) | _instance_paths(form)
    compiled.computations = order(
        _candidates(form, compiled), paths=paths, counted_repeats=set(compiled.repeat_counts), source=form.source
    )
    for computation in compiled.computations:
        if computation.references is None:
            compiled.unbounded.append(computation.index)
            continue
        for path in computation.references:
            compiled.dependents.setdefault(path, []).append(computation.index)
    compiled.followers = followers(compiled.computations, paths)
    repeats = {group.path for group in form.repeats()}
    compiled.scopes = local_scopes(compiled.computations, repeats)
    compiled.follower_scopes = follower_scopes(compiled.computations, compiled.followers, paths, compiled.scopes)
    by_path: dict[str, list[int]] = {}
    for computation in compiled.computations:
        by_path.setdefault(computation.path, []).append(computation.index)
    compiled.by_path = by_path
    return compiled


def _instance_paths(form: Form) -> set[str]:
    found: set[str] = set()
    root = parse_xml(form.instance_xml, keep_whitespace=False).root_element
    stack: list[tuple[Element, str]] = [(root, "")] if root is not None else []
    while stack:
        element, parent = stack.pop()
        path = f"{parent}/{element.name}"
        found.add(path)
        stack.extend((child, path) for child in element.element_children())
    return found
