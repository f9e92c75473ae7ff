"""The same snapshot of a filled form from both engines, and what differs.

A snapshot maps every concrete instance path (1-based positions for repeat instances,
as fieldkit writes them: /data/roster[2]/name) to its value, relevance and required
flag; groups and repeat instances appear with their relevance only, and `repeats`
counts the instances under each concrete repeat path.

fieldkit's snapshot is built from the session's public API only (value, is_relevant,
is_required, repeat_count) walking the form's instance template, so it does not depend
on the session's internals.

What is normalised, and why (everything else must match exactly):
- uuids: `uuid:…` instanceIDs and uuid() values are random in both engines.
- timestamps: nodes filled by jr:preload="timestamp" or calculated from now() hold the
  clock time of each engine's own run; only their shape (an ISO dateTime) is compared.
- `required` is compared on relevant nodes only: neither engine enforces it elsewhere.
- values are compared on relevant leaves only: the web-forms engine reports a
  non-relevant leaf's value as "" while it keeps the answer (it comes back when the
  node is relevant again), fieldkit's `value()` gives the kept answer; neither submits
  it. How expressions read a non-relevant node shows in the nodes that read it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from fieldkit.forms.model import strip_positions

JR_TEMPLATE = "{http://openrosa.org/javarosa}template"
UUID = re.compile(r"^(uuid:)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
DATETIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:?\d\d)?$")


@dataclass
class Snapshot:
    leaves: dict[str, dict] = field(default_factory=dict)  # path -> value/relevant/required
    containers: dict[str, bool] = field(default_factory=dict)  # group path -> relevant
    repeats: dict[str, int] = field(default_factory=dict)  # repeat path -> instance count


def _children(element) -> list:
    return [child for child in element if isinstance(child.tag, str) and child.get(JR_TEMPLATE) is None]


def _prototypes(element) -> dict[str, object]:
    """Each child name once, in order; a repeat's jr:template wins as its shape."""
    found: dict[str, object] = {}
    for child in element:
        if isinstance(child.tag, str):
            name = etree.QName(child).localname
            if name not in found or child.get(JR_TEMPLATE) is not None:
                found[name] = child
    return found


def fieldkit_snapshot(form, session) -> Snapshot:
    snap = Snapshot()
    repeat_paths = {group.path for group in form.repeats()}
    root = etree.fromstring(form.instance_xml.encode("utf-8"))
    _visit(session, snap, repeat_paths, root, "/" + etree.QName(root).localname)
    return snap


def _visit(session, snap, repeat_paths, element, path) -> None:
    if not _children(element) and not len([c for c in element if isinstance(c.tag, str)]):
        snap.leaves[path] = {
            "value": session.value(path),
            "relevant": session.is_relevant(path),
            "required": session.is_required(path),
        }
        return
    for name, child in _prototypes(element).items():
        child_path = f"{path}/{name}"
        if strip_positions(child_path) in repeat_paths:
            count = session.repeat_count(child_path)
            snap.repeats[child_path] = count
            for position in range(1, count + 1):
                concrete = f"{child_path}[{position}]"
                snap.containers[concrete] = session.is_relevant(concrete)
                _visit(session, snap, repeat_paths, child, concrete)
        elif child.get(JR_TEMPLATE) is None:
            if _children(child) or len(child):
                snap.containers[child_path] = session.is_relevant(child_path)
            _visit(session, snap, repeat_paths, child, child_path)


def oracle_snapshot(answer: dict) -> Snapshot:
    snap = Snapshot(repeats=dict(answer["repeats"]))
    for node in answer["nodes"]:
        snap.leaves[node["path"]] = {key: node[key] for key in ("value", "relevant", "required")}
    for node in answer["containers"]:
        if node["node_type"] in ("group", "repeat-instance"):
            snap.containers[node["path"]] = node["relevant"]
    return snap


def clock_paths(form) -> set[str]:
    """Template paths whose value is the clock time (jr:preload timestamp, now())."""
    return {
        path for path, bind in form.binds.items()
        if bind.preload == "timestamp" or "now()" in (bind.calculate or "")
    }


def _normal(value: str, clocked: bool) -> str:
    if UUID.match(value):
        return "uuid:<random>" if value.startswith("uuid:") else "<uuid>"
    if clocked and DATETIME.match(value):
        return "<clock dateTime>"
    return value


def differences(form, ours: Snapshot, odk: Snapshot, ignore=None) -> list[str]:
    """One line per difference, 'path: what fieldkit has vs what ODK has'.

    `ignore(path, key, ours, odk) -> bool` drops documented ODK-engine exceptions."""
    clocked = clock_paths(form)
    found = [f"repeat {path}: fieldkit {ours.repeats.get(path)} instances vs ODK {odk.repeats.get(path)}"
             for path in sorted(set(ours.repeats) | set(odk.repeats))
             if ours.repeats.get(path) != odk.repeats.get(path)]
    for path in sorted(set(ours.containers) | set(odk.containers)):
        mine, theirs = ours.containers.get(path), odk.containers.get(path)
        if mine != theirs and not (ignore and ignore(path, "relevant", mine, theirs)):
            found.append(f"group {path}: relevant fieldkit {mine} vs ODK {theirs}")
    for path in sorted(set(ours.leaves) | set(odk.leaves)):
        found += _leaf_differences(path, ours.leaves.get(path), odk.leaves.get(path),
                                   strip_positions(path) in clocked, ignore)
    return found


def _leaf_differences(path, mine, theirs, clocked, ignore) -> list[str]:
    if mine is None or theirs is None:
        return [f"{path}: only in {'ODK' if mine is None else 'fieldkit'}"]
    found = []
    for key in ("value", "relevant", "required"):
        a, b = mine[key], theirs[key]
        if key == "value":
            a, b = _normal(a, clocked), _normal(b, clocked)
        if key != "relevant" and not (mine["relevant"] and theirs["relevant"]):
            continue
        if a != b and not (ignore and ignore(path, key, a, b)):
            found.append(f"{path}: {key} fieldkit {a!r} vs ODK {b!r}")
    return found
