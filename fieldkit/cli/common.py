"""What every command shares: the language it speaks, `_()`, the one refusal, how a
sub-command is added, and the checks on what was typed."""

from __future__ import annotations

import argparse
import functools
import os
from collections.abc import Callable
from typing import Any

from fieldkit.i18n import language_code, translate
from fieldkit.text import json_text, printable_values

Run = Callable[[argparse.Namespace], int]  # a command: its parsed arguments -> the exit status
Commands = Any  # what ArgumentParser.add_subparsers() returns (argparse does not name its type)


class Refused(Exception):
    """A command that cannot go on: main() prints its message, the exit status is 2."""


def language() -> str:
    """The language the command line speaks."""
    return language_code(os.environ.get("FIELDKIT_LANG") or "vi")


def _(message: str, **values: object) -> str:
    """A message in the command line's language, its values made printable (fieldkit/text.py)."""
    return translate(message, language(), **printable_values(values))


def add_command(commands: Commands, name: str, help_text: str, *, run: Run | None = None) -> argparse.ArgumentParser:
    """A sub-command; `run` is what it does (main() calls `arguments.run(arguments)`)."""
    parser: argparse.ArgumentParser = commands.add_parser(name, help=help_text)
    if run is not None:
        parser.set_defaults(run=run)
    return parser


def print_json(value: object) -> None:
    print(json_text(value, indent=2, sort_keys=True))


def assignments(pairs: list[str]) -> dict[str, str]:
    """`--set PATH=VALUE` arguments as {path: value}."""
    answers = {}
    for pair in pairs:
        path, equals, value = pair.partition("=")
        if not equals or not path.strip():
            raise Refused(_("--set needs PATH=VALUE, not {pair!r}", pair=pair))
        answers[path.strip()] = value
    return answers


def utf8_arguments(run: Run) -> Run:
    """A command whose arguments are stored or looked up: an argument that is not UTF-8
    reaches Python as lone surrogates (surrogateescape) and is refused with the byte
    where it goes wrong, never stored, never a traceback."""
    @functools.wraps(run)
    def checked(arguments: argparse.Namespace) -> int:
        _refuse_non_utf8(arguments)
        return run(arguments)
    return checked


def _refuse_non_utf8(arguments: argparse.Namespace) -> None:
    from fieldkit.services import answer_messages

    for value in vars(arguments).values():
        for text in value if isinstance(value, list) else [value]:
            if isinstance(text, str) and _not_utf8(text) is not None:
                shown = _as_bytes(text).decode("utf-8", "replace")
                raise Refused(_(answer_messages.BAD_ARGUMENT, argument=shown, position=_not_utf8(text)))


def _as_bytes(text: str) -> bytes:
    try:
        return text.encode("utf-8", "surrogateescape")  # the bytes as they were on the command line
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogatepass")


def _not_utf8(text: str) -> int | None:
    """The 1-based byte position where an argument stops being UTF-8, or None."""
    try:
        _as_bytes(text).decode("utf-8")
    except UnicodeDecodeError as error:
        return error.start + 1
    return None
