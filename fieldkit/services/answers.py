"""Answers that enter the store: each one checked before it is set.

Every answer set through the services (`Submission.set`, `set_many`: the CLI, scripts,
the GUI) is one the form allows: a question of the form, not calculated and not
read-only; a value of its data type that SQLite, XLSX and every export can hold; text
that XML and UTF-8 can store; a repeat position within `MAX_REPEAT_INSTANCES`. What
is not is refused with `AnswerRefused`, whose message names the field and says what is
wrong, before anything is set.

The window keeps what a person types even when it is not a value yet ("12a" in a
number): `as_typed=True` stores such text, and `session.errors()` reports it until
it is corrected, as the form view shows it.
"""

from __future__ import annotations

import datetime as dt
import math
import re

from fieldkit.errors import FieldkitError
from fieldkit.forms.model import Group, Question
from fieldkit.forms.paths import InstancePath, strip_positions
from fieldkit.forms.session import FormSession
from fieldkit.forms.values import normalized, to_text, type_problem
from fieldkit.services import answer_messages as messages

MAX_REPEAT_INSTANCES = 10_000  # rows of one repeat, and rows one call may add
# What XML 1.0 cannot hold (and lone surrogates, which UTF-8 cannot): the instance
# XML of a working copy or a revision holding one could never be read back.
UNSTORABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_LIST_KINDS = ("select", "rank")  # questions whose answer is a list of choice names
_PLAIN = (str, int, float, dt.date, dt.time)


class AnswerRefused(FieldkitError, ValueError):
    """An answer the form does not allow. `path` is the field as given; `text(lang)`
    the message in a language; `str()` in the command line's (i18n.message_language)."""

    kind = "answer_refused"

    def __init__(self, message: str, *, path: str = "", lang: str | None = None, **values: object) -> None:
        self.path = path
        super().__init__(message, lang=lang, field=path, **values)

    def shown_values(self, lang: str) -> dict[str, str]:
        values = super().shown_values(lang)
        if "data_type" in values:  # a value of the wrong type: say why in this language
            values["problem"] = str(type_problem(values["answer"], values["data_type"], lang))
        return values


def unstorable_character(text: str) -> tuple[int, str] | None:
    """(1-based position, U+XXXX) of the first character no instance XML can store."""
    found = UNSTORABLE.search(text)
    return None if found is None else (found.start() + 1, f"U+{ord(found.group()):04X}")


def check_path(path: object) -> str:
    """A path given as text that UTF-8 can store; positions within the limit."""
    if not isinstance(path, str):
        raise AnswerRefused(messages.NOT_A_PATH, path=repr(path))
    bad = unstorable_character(path)
    if bad is not None:
        raise AnswerRefused(messages.UNSTORABLE_PATH, path=path.encode("utf-8", "backslashreplace").decode(),
                            position=bad[0], character=bad[1])
    for _repeat, position in _repeats(path):
        if position > MAX_REPEAT_INSTANCES:
            raise AnswerRefused(messages.TOO_MANY_ROWS, path=path, position=_shown(str(position)),
                                limit=MAX_REPEAT_INSTANCES)
    return path


def _repeats(path: str) -> tuple[tuple[InstancePath, int], ...]:
    """(repeat, position) of each repeat instance an answer's path lies in, outermost
    first; none for text that is no instance path (setting it raises the session's
    FormError)."""
    parsed = InstancePath.try_parse(path)
    return parsed.repeats if parsed is not None else ()


def plan_repeats(session: FormSession, paths: list[str]) -> None:
    """Refuse at once answers that would add more rows than `MAX_REPEAT_INSTANCES`,
    before a single row is added (each position is checked by `check_path`); then add
    the rows each repeat needs at once, outer repeats first (one recompute per repeat,
    not one per row: 3,000 roster rows would otherwise recompute the totals 3,000 times)."""
    wanted: dict[InstancePath, int] = {}
    for path in paths:
        for repeat, position in _repeats(path):
            wanted[repeat] = max(wanted.get(repeat, 0), position)
    added = sum(max(0, count - _existing_rows(session, str(repeat))) for repeat, count in wanted.items())
    if added > MAX_REPEAT_INSTANCES:
        raise AnswerRefused(messages.TOO_MANY_NEW_ROWS, count=added, limit=MAX_REPEAT_INSTANCES)
    for repeat in sorted(wanted, key=lambda repeat: len(repeat.positions)):
        ensure_repeat_instances(session, str(repeat.at(wanted[repeat])))


def _existing_rows(session, repeat: str) -> int:
    try:
        return session.repeat_count(repeat)
    except Exception:  # noqa: BLE001 - a row of an outer repeat not there yet: none; a wrong path fails when set
        return 0


def ensure_repeat_instances(session: FormSession, path: str) -> None:
    """Add the repeat instances a path with positions needs: /data/roster[3]/name makes
    sure the roster has three rows. Counts each repeat once; refuses positions beyond
    `MAX_REPEAT_INSTANCES` before adding anything."""
    check_path(path)
    for repeat, wanted in _repeats(path):
        repeat_path = str(repeat)
        missing = wanted - session.repeat_count(repeat_path)
        if missing > 0:
            session.add_repeat(repeat_path, count=missing)  # at once: one recompute, not one per row


class Fields:
    """The form's questions and groups by path (positions stripped), read once."""

    def __init__(self, form):
        self.form = form
        self._items = {item.path: item for item in form.walk()}

    def question(self, path: str) -> Question | None:
        """The question at `path`; AnswerRefused for a group or a calculated field.
        None when the form has no such path (setting it raises the session's FormError)."""
        template = strip_positions(path)
        item = self._items.get(template)
        if isinstance(item, Group):
            raise AnswerRefused(messages.A_GROUP, path=path)
        bind = self.form.binds.get(template)
        if bind is not None and bind.calculate:
            raise AnswerRefused(messages.CALCULATED, path=path)
        return item

    def data_type(self, path: str) -> str:
        bind = self.form.binds.get(strip_positions(path))
        return bind.type if bind is not None else "string"


def answer_text(fields: Fields, path: str, value, *, as_typed: bool = False) -> str:
    """The instance text of `value` as an answer at `path`, or AnswerRefused.

    Checks what needs no row of the instance: the field (a question, not calculated),
    the shape of the value, its characters and its data type."""
    question = fields.question(check_path(path))
    text = _value_text(question, path, value)
    bad = unstorable_character(text)
    if bad is not None and as_typed:
        return UNSTORABLE.sub("", text)  # an invisible control character pasted: dropped, not a crash
    if bad is not None:
        raise AnswerRefused(messages.UNSTORABLE_VALUE, path=path, position=bad[0], character=bad[1])
    data_type = fields.data_type(path)
    text = normalized(text, data_type)
    if not as_typed and type_problem(text, data_type) is not None:
        raise AnswerRefused(messages.WRONG_TYPE, path=path, answer=text, data_type=data_type)
    return text


def _value_text(question: Question | None, path: str, value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and not math.isfinite(value):
        raise AnswerRefused(messages.NOT_FINITE, path=path)
    if isinstance(value, (bool, *_PLAIN)):
        return to_text(value)
    if isinstance(value, (list, tuple)):
        if question is not None and question.kind not in _LIST_KINDS:
            raise AnswerRefused(messages.LIST_NOT_ALLOWED, path=path)
        for choice in value:
            if not isinstance(choice, str) or not choice.strip() or len(choice.split()) != 1:
                raise AnswerRefused(messages.BAD_CHOICE, path=path, choice=_shown(repr(choice)))
        return " ".join(choice.strip() for choice in value)
    raise AnswerRefused(messages.NOT_AN_ANSWER, path=path, kind=type(value).__name__)


def check_settable(session, path: str) -> None:
    """Refuse a field that is read-only now (its own readonly, or a read-only group's)."""
    if session.is_readonly(path):
        raise AnswerRefused(messages.READ_ONLY, path=path)


def _shown(text: str) -> str:
    return text if len(text) <= 40 else f"{text[:20]}…{text[-8:]}"
