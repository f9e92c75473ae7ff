"""A file of answers (`fieldkit submit --answers FILE.json`): read and checked before
any of it is used.

The file is a JSON object keyed by instance path (`/data/roster[2]/name`); a value is
text, a number, true/false, null (no answer) or, for a multiple-choice question, a
list of choice names. The file crosses a trust boundary (anyone may have written it),
so `AnswersFile` (pydantic) fixes its shape, and whatever is wrong — bytes that are not
UTF-8, JSON that is not JSON or nests thousands of levels, a lone surrogate, an object
where an answer should be — is an `AnswersFileError` with a message saying what and
where, never a traceback.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, NoReturn

from pydantic import AfterValidator, RootModel, StrictBool, StrictFloat, StrictInt, StrictStr, ValidationError
from pydantic_core import PydanticCustomError

from fieldkit.errors import FieldkitError
from fieldkit.services import answer_messages as messages
from fieldkit.services.answers import unstorable_character

MAX_NUMBER_DIGITS = 4000  # far beyond any int64 or double; Python refuses int() of 4,300 digits


def _storable(text: str) -> str:
    bad = unstorable_character(text)
    if bad is not None:
        raise PydanticCustomError("unstorable", "unstorable character", {"position": bad[0], "character": bad[1]})
    return text


Text = Annotated[StrictStr, AfterValidator(_storable)]
Answer = StrictBool | StrictInt | StrictFloat | Text | None | list[Text]


class AnswersFile(RootModel[dict[Text, Answer]]):
    """{instance path: answer}: text, int, float, bool, null or a list of choice names."""


class AnswersFileError(FieldkitError, ValueError):
    """A file of answers that cannot be used; `text(lang)`, `str()` in the CLI language.
    Its `kind` value (what was found instead of an answer) is a message of its own."""

    kind = "answers_file"
    message_values = ("kind",)


def read_answers_file(path: str | Path) -> dict[str, Answer]:
    """The answers of a file: {path: value}, values as `AnswersFile` allows them.
    OSError when the file cannot be read; AnswersFileError for anything else wrong."""
    data = Path(path).read_bytes()
    try:
        text = data.decode("utf-8-sig")  # a BOM, as Windows Notepad writes, is fine
    except UnicodeDecodeError as error:
        raise AnswersFileError(messages.NOT_UTF8, path=path, position=error.start + 1) from None
    raw = _parse(text, path)
    if not isinstance(raw, dict):
        raise AnswersFileError(messages.NOT_AN_OBJECT, path=path)
    try:
        return AnswersFile.model_validate(raw).root
    except ValidationError as error:
        raise _explained(error, raw, path) from None


def _parse(text: str, path: str | Path) -> object:
    def number(digits: str) -> int:
        if len(digits) > MAX_NUMBER_DIGITS:
            raise AnswersFileError(messages.TOO_LONG_NUMBER, path=path, digits=len(digits.lstrip("+-")))
        return int(digits)

    def constant(name: str) -> NoReturn:
        raise AnswersFileError(messages.NOT_A_NUMBER, path=path, constant=name)

    try:
        return json.loads(text, parse_int=number, parse_constant=constant, object_pairs_hook=_unique(path))
    except json.JSONDecodeError as error:
        raise AnswersFileError(messages.NOT_JSON, path=path, error=error.msg, line=error.lineno,
                               column=error.colno) from None
    except RecursionError:
        raise AnswersFileError(messages.TOO_DEEP, path=path) from None


def _unique(path: str | Path) -> Callable[[list[tuple[str, object]]], dict[str, object]]:
    def pairs(items: list[tuple[str, object]]) -> dict[str, object]:
        found: dict[str, object] = {}
        for key, value in items:
            if key in found:
                raise AnswersFileError(messages.DUPLICATE_KEY, path=path, key=_key(key))
            found[key] = value
        return found
    return pairs


def _explained(error: ValidationError, raw: dict[str, object], path: str | Path) -> AnswersFileError:
    """The first problem pydantic found, in the user's words."""
    problems = error.errors()
    problem = next((found for found in problems if found["type"] == "unstorable"), problems[0])
    key, inside_key = _raw_key(problem["loc"][0], raw), "[key]" in problem["loc"]
    if problem["type"] == "unstorable":
        context = problem.get("ctx", {})
        return AnswersFileError(messages.BAD_KEY if inside_key else messages.BAD_TEXT, path=path, key=_key(key),
                                position=context.get("position"), character=context.get("character"))
    kind = type(raw.get(key)).__name__
    return AnswersFileError(messages.BAD_VALUE, path=path, key=_key(key), kind=messages.KINDS.get(kind, kind))


def _raw_key(key: str | int, raw: dict[str, object]) -> str:
    """The key as the file holds it (pydantic reports a lone surrogate as U+FFFD). A key
    of a JSON object is text: pydantic's location of one is never a list index."""
    if isinstance(key, str) and key in raw:
        return key
    return next((found for found in raw if unstorable_character(found)), str(key))


def _key(key: str) -> str:
    """A key as it can be printed: repr escapes what a terminal cannot show."""
    return ascii(key) if unstorable_character(str(key)) else repr(key)
