"""Answers that fail their form's own checks, found when a summary is built by the form
engine itself (fieldkit.forms): the submission's instance is loaded into a session of
the form version it was made with, and every relevant answer that breaks a constraint,
is not of its type or is not one of its choices is set apart (`Answers.without`), so
no figure is computed from it and the commune record prints it marked.

A missing required answer is not an invalid one: a summary leaves it blank as it is.

The commune record checks each of its submissions (three sessions, a few tenths of a
second). A province or national summary checks the submissions whose revision counted
errors when saved: finalizing refuses errors, so a finalized revision has none, and a
session per submission of a whole country would take minutes.
"""

from __future__ import annotations

from collections.abc import Callable

from fieldkit.forms.errors import FormError
from fieldkit.forms.model import Form
from fieldkit.reports.data import Answers, Invalid
from fieldkit.reports.formtext import form_language

NOT_AN_ANSWER_ERROR = "required"  # a blank answer: left blank, not marked

InstanceReader = Callable[[str], str | None]  # rev_id -> the instance XML of that revision


def invalid_answers(form: Form, instance_xml: str, lang: str) -> dict[str, Invalid]:
    """Path -> the answer and the form's message, for each answer of the instance that
    fails its form's checks; messages in `lang` where the form has it. {} when the
    instance cannot be loaded in this form (nothing to say about its answers)."""
    try:
        session = form.new_session(lang=form_language(form, lang) or None)
        session.from_xml(instance_xml)
        errors = session.errors()
    except FormError:
        return {}
    return {path: Invalid(session.value(path), message)
            for path, kind, message in errors if kind != NOT_AN_ANSWER_ERROR}


def checked(answers: Answers, form: Form, read_instance: InstanceReader, lang: str) -> Answers:
    """`answers` with those failing their form's checks set apart."""
    if answers.version is None:
        return answers
    instance = read_instance(answers.version.rev_id)
    if not instance:  # a revision written by another tool without its instance
        return answers
    return answers.without(invalid_answers(form, instance, lang))
