"""A new submission's answers taken from the visit entered at the start (the delegation,
its members), so the visit-minutes form does not ask for them a second time.

The shipped visit-minutes form names these questions `delegation_name` and, in its
participants repeat, `participant_name` and `participant_role` (whose choice `delegation`
marks a member of the delegation); a form that has none of them gets nothing. Only empty
answers are filled, once, when the submission is new: the person can still change them,
and a saved submission is never touched.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from fieldkit.forms.model import Group, Question
from fieldkit.services.answers import ensure_repeat_instances

if TYPE_CHECKING:
    from fieldkit.forms import Form
    from fieldkit.forms.session import FormSession
    from fieldkit.services.types import VisitContext

DELEGATION_QUESTION = "delegation_name"
MEMBER_QUESTION = "participant_name"
SIDE_QUESTION = "participant_role"
DELEGATION_SIDE = "delegation"


def visit_answers(form: Form, session: FormSession, visit: VisitContext) -> dict[str, str]:
    """The delegation's name and the members' names, by path with positions, for the
    questions still empty."""
    answers: dict[str, str] = {}
    delegation = _question(form.root, DELEGATION_QUESTION)
    if delegation is not None and visit.delegation and not session.value(delegation.path):
        answers[delegation.path] = visit.delegation
    repeat = _members_repeat(form)
    if repeat is not None and not _has_participants(session, repeat):
        for row, name in enumerate(visit.members, start=1):
            answers[f"{repeat.path}[{row}]/{MEMBER_QUESTION}"] = name
    return answers


def prefill_from_visit(form: Form, session: FormSession, visit: VisitContext) -> None:
    """Set `visit_answers`, each member's side too when the form offers "delegation"."""
    for path, value in visit_answers(form, session, visit).items():
        ensure_repeat_instances(session, path)
        session.set(path, value)
        side = path.removesuffix(MEMBER_QUESTION) + SIDE_QUESTION
        if path.endswith(f"/{MEMBER_QUESTION}") and form.find(side) is not None \
                and DELEGATION_SIDE in (value for value, _label in session.choices(side)):
            session.set(side, DELEGATION_SIDE)


def _members_repeat(form: Form) -> Group | None:
    return next((group for group in form.repeats() if _question(group, MEMBER_QUESTION, nested=False)), None)


def _has_participants(session: FormSession, repeat: Group) -> bool:
    """Someone already wrote participants: theirs stay."""
    rows = session.repeat_count(repeat.path)
    return any(session.value(f"{repeat.path}[{row}]/{MEMBER_QUESTION}") for row in range(1, rows + 1))


def _question(group: Group, name: str, *, nested: bool = True) -> Question | None:
    """The question called `name` in the group (outside repeats when `nested`, which
    looks into plain groups; never into a repeat, whose rows are counted apart)."""
    for child in group.children:
        if isinstance(child, Question) and child.name == name:
            return child
        if nested and isinstance(child, Group) and not child.repeat:
            found = _question(child, name)
            if found is not None:
                return found
    return None
