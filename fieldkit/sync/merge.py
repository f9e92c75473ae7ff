"""Merge rules (DESIGN.md §6) over the revisions a store holds.

The merged state is the union of revisions, so it needs no merging code of its own:
`records` (fieldkit.store.revisions.record_row) already keeps every head and shows the
provisional winner, max (hlc, rev_id). This module says what kind each conflict is and
makes resolutions:

- hard: some answer path was changed on two sides since their common ancestor, to
  different values (two sides making the same change agree, so that is not hard);
  edit against delete is always hard: someone must decide.
- soft: the sides changed different answers; taking both is a sensible default.

Fields a device fills by itself (the `end` timestamp each finalize sets, the meta group:
`automatic`, from fieldkit.forms.automatic) never make a conflict hard: two laptops that
each finalize a different correction changed different answers.

A resolution is a new revision of this device whose parents are all the heads; it
travels like any other, so a second coordinator that imports it is resolved too.
"""

from __future__ import annotations

import copy
import json
import re
import sqlite3
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from fieldkit.store.revisions import get_revision, record_revisions
from fieldkit.store.sync_state import conflicted_records
from fieldkit.store.trust import device_names
from fieldkit.store.values import JsonObject, Revision

HARD, SOFT = "hard", "soft"
_REPEAT_POSITION = re.compile(r"\[\d+\]")

# (form_id, form_version) -> the paths a device fills by itself in that form version
AutomaticPaths = Callable[[str, str], frozenset[str]] | None

# A conflict, as `conflicts` lists it and `fieldkit conflicts` prints it (JSON): {record_id,
# form_id, commune, kind, delete, fields, winner, heads: [{rev_id, site_id, seq, hlc, author,
# deleted, status, answers, changed, device}]}; the services add labels to it, so it stays a dict.
Conflict = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Resolution:
    """What a resolution revision holds; the caller signs and stores it (Store.commit_revision)."""
    parents: list[str]
    form_id: str
    form_version: str
    data: JsonObject
    deleted: bool


def heads_of(revisions: Sequence[Revision]) -> list[Revision]:
    """Revisions no other names as parent, provisional winner last."""
    named = {parent for revision in revisions for parent in revision.parents}
    return sorted((revision for revision in revisions if revision.rev_id not in named),
                  key=lambda revision: (revision.hlc, revision.rev_id))


def _ancestors(rev_id: str, by_id: Mapping[str, Revision]) -> set[str]:
    """rev_id and every revision it descends from (among those held)."""
    seen: set[str] = set()
    stack = [rev_id]
    while stack:
        current = stack.pop()
        if current in seen or current not in by_id:
            continue
        seen.add(current)
        stack.extend(by_id[current].parents)
    return seen


def common_ancestor(left: str, right: str, by_id: Mapping[str, Revision]) -> Revision | None:
    """The latest revision both descend from (None: they share no history)."""
    common = _ancestors(left, by_id) & _ancestors(right, by_id)
    if not common:
        return None
    return max((by_id[rev_id] for rev_id in common), key=lambda revision: (revision.hlc, revision.rev_id))


def changed_answers(base: Revision | None, revision: Revision) -> dict[str, object]:
    """Answer path -> new value (None: removed) of what `revision` changed since `base`."""
    before = base.answers if base else {}
    after = revision.answers
    return {path: after.get(path) for path in set(before) | set(after) if before.get(path) != after.get(path)}


def conflicting_fields(left: Revision, right: Revision, by_id: Mapping[str, Revision], *,
                       automatic: frozenset[str] = frozenset()) -> list[str]:
    """The answer paths both changed to different values, but for `automatic` ones
    (instance paths without repeat positions)."""
    base = common_ancestor(left.rev_id, right.rev_id, by_id)
    left_changes, right_changes = changed_answers(base, left), changed_answers(base, right)
    return sorted(path for path in set(left_changes) & set(right_changes)
                  if left_changes[path] != right_changes[path] and _REPEAT_POSITION.sub("", path) not in automatic)


def describe_conflict(revisions: Sequence[Revision], *, automatic: AutomaticPaths = None) -> Conflict | None:
    """The conflict a record's revisions hold, or None (one head, or every head deleted)."""
    heads = heads_of(revisions)
    if len(heads) < 2 or all(head.deleted for head in heads):
        return None
    by_id = {revision.rev_id: revision for revision in revisions}
    deletion = any(head.deleted for head in heads)
    filled = frozenset().union(*(automatic(head.form_id, head.form_version) for head in heads if automatic))
    fields: set[str] = set()
    for index, left in enumerate(heads):
        for right in heads[index + 1:]:
            if not left.deleted and not right.deleted:
                fields.update(conflicting_fields(left, right, by_id, automatic=filled))
    winner = heads[-1]
    base = _shared_ancestor(heads, by_id)
    return {"record_id": winner.record_id, "form_id": winner.form_id,
            "commune": winner.data.get("commune", ""), "kind": HARD if fields or deletion else SOFT,
            "delete": deletion, "fields": sorted(fields), "winner": winner.rev_id,
            "heads": [_head_summary(head, base) for head in heads]}


def _shared_ancestor(heads: Sequence[Revision], by_id: Mapping[str, Revision]) -> Revision | None:
    """The latest revision every head descends from (None: they share no history)."""
    base: Revision | None = heads[0]
    for head in heads[1:]:
        if base is None:
            return None
        base = common_ancestor(base.rev_id, head.rev_id, by_id)
    return base


def _head_summary(head: Revision, base: Revision | None) -> dict[str, Any]:
    """One head as a conflict lists it; `changed`: the answer paths it changed since the
    revision all heads share, which a review takes from it by default (both sides'
    changes, DESIGN.md §6)."""
    return {"rev_id": head.rev_id, "site_id": head.site_id, "seq": head.seq, "hlc": head.hlc,
            "author": head.author, "deleted": head.deleted, "status": head.data.get("status"),
            "answers": head.data.get("answers", {}),
            "changed": [] if head.deleted else sorted(changed_answers(base, head))}  # a deletion: the person decides


def conflicts(connection: sqlite3.Connection, *, automatic: AutomaticPaths = None) -> list[Conflict]:
    """Every record's conflict, by record id; each head names its device."""
    names = device_names(connection)
    found = []
    for record_id in conflicted_records(connection):
        conflict = describe_conflict(record_revisions(connection, record_id), automatic=automatic)
        if conflict is not None:
            for head in conflict["heads"]:
                head["device"] = names.get(head["site_id"], "")
            found.append(conflict)
    return found


def resolution(connection: sqlite3.Connection, *, record_id: str, take: str | None = None,
               answers: dict[str, str] | None = None,
               instance: Callable[[Revision, dict[str, str]], str | None] | None = None) -> Resolution:
    """What a resolution revision holds.

    `take`: one head's content as it is (a deleted head: the record stays deleted).
    `answers`: the provisional winner (or `take`) with these answers set; its
    instance_xml is `instance(base revision, answers)` (the whole instance with them set,
    made with the form), or dropped when that gives None (no form at hand). The caller
    signs and stores it (Store.commit_revision) with every head as parent."""
    heads = heads_of(record_revisions(connection, record_id))
    if not heads:
        raise KeyError(record_id)
    base = heads[-1] if take is None else get_revision(connection, take)
    if base is None or base.rev_id not in {head.rev_id for head in heads}:
        raise ValueError(f"{take} is not a head of {record_id}")
    data = copy.deepcopy(base.data)
    if answers:
        data["answers"] = {**data.get("answers", {}), **answers}
        xml = instance(base, answers) if instance and base.instance_xml else None
        if xml is None:  # the answers changed without the form at hand: the session is rebuilt from them
            data.pop("instance_xml", None)
        else:
            data["instance_xml"] = xml
    return Resolution(parents=sorted(head.rev_id for head in heads), form_id=base.form_id,
                      form_version=base.form_version, data=data, deleted=bool(base.deleted and not answers))


def dumps(conflict_list: list[Conflict]) -> str:
    return json.dumps(conflict_list, ensure_ascii=False, indent=2, sort_keys=True)
