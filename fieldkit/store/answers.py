"""Answers as the store holds them, made safe to read: every value a text (or None).

The services store each answer as text, but a submission written by an older version or
by another tool may hold anything JSON can: numbers of any size (10^400), -0, true,
null, lists, escapes of lone surrogates ("\\ud800"). The store hands summaries and exports
the answers through `answers_from_json` (fieldkit.store.reports), so that no stored value
can stop them:
- numbers are kept as the text they were written with (never rounded, never an
  OverflowError, however many digits);
- true/false become "true"/"false", null no answer (left out), lists and objects their JSON text;
- lone surrogates (which no file can hold in UTF-8) become U+FFFD.
"""

from __future__ import annotations

import json

REPLACEMENT = "\ufffd"


def answers_from_json(text: str | None) -> dict[str, str]:
    """The answers object of a revision (JSON text) as {path: text}; null is no answer."""
    if not text:
        return {}
    found = json.loads(text, parse_int=str, parse_float=str, parse_constant=str)
    if not isinstance(found, dict):
        return {}
    if "\\u" in text and _has_surrogates(text):
        return {clean_text(key): as_text(value) for key, value in found.items() if value is not None}
    for key, value in list(found.items()) if _has_other_values(found) else ():
        if value is None:
            del found[key]  # null: no answer
        elif value.__class__ is not str:
            found[key] = as_text(value)
    return found


def _has_other_values(found: dict[str, object]) -> bool:
    for value in found.values():
        if value.__class__ is not str:
            return True
    return False


def _has_surrogates(text: str) -> bool:
    lowered = text.lower()
    return any(f"\\ud{digit}" in lowered for digit in "89abcdef")


def as_text(value: object) -> str:
    """A stored value (not null: no answer) as text."""
    if value is True or value is False:
        return "true" if value else "false"
    if not isinstance(value, str):
        value = json.dumps(value, ensure_ascii=False)
    return clean_text(value)


def clean_text(value: str) -> str:
    """`value` with each lone surrogate replaced, so that it can be written as UTF-8."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return "".join(REPLACEMENT if "\ud800" <= character <= "\udfff" else character for character in value)
    return value
