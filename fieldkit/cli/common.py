"""What every command shares: the language it speaks, `_()`, the one refusal, how a
sub-command is added, and the checks on what was typed.

The language is resolved once, by main(): `--lang` (before or after the command's
name), else FIELDKIT_LANG, else the language last chosen in the window (settings.ini in
the data folder), else Vietnamese. It is then the language of domain errors too
(fieldkit.i18n.set_message_language).
"""

from __future__ import annotations

import argparse
import configparser
import functools
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fieldkit import paths
from fieldkit.i18n import language_code, message_language, translate
from fieldkit.text import json_text, printable_values

if TYPE_CHECKING:
    from fieldkit.services.coordinator import CoordinatorService

Run = Callable[[argparse.Namespace], int]  # a command: its parsed arguments -> the exit status
Commands = Any  # what ArgumentParser.add_subparsers() returns (argparse does not name its type)

LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"
SETTINGS_FILE = "settings.ini"  # the window's QSettings (IniFormat), fieldkit.ui.app.settings


class Refused(Exception):
    """A command that cannot go on: main() prints its message, the exit status is 2."""


def language() -> str:
    """The language the command line speaks (main() resolved and set it)."""
    return message_language()


def resolve_language(option: str | None, data_dir: str | None) -> str:
    """--lang, else FIELDKIT_LANG, else the window's saved choice, else Vietnamese."""
    if option in LANGUAGES:
        return option
    typed = os.environ.get("FIELDKIT_LANG")
    if typed:
        return language_code(typed)
    return saved_language(paths.data_dir(data_dir)) or DEFAULT_LANGUAGE


def saved_language(data_dir: Path) -> str | None:
    """The language chosen in the window's menu, read without Qt: QSettings writes
    `language=en` under [General] of <data dir>/settings.ini. None when there is none
    (no file, an unreadable or a damaged one, another value)."""
    settings = configparser.ConfigParser(interpolation=None, strict=False)
    try:
        settings.read(data_dir / SETTINGS_FILE, encoding="utf-8")  # a file it cannot open is skipped
    except (configparser.Error, UnicodeDecodeError):
        return None
    saved = settings.get("General", "language", fallback="").strip().strip('"')
    return saved if saved in LANGUAGES else None


def typed_language(argv: list[str]) -> tuple[str | None, str | None]:
    """(--lang, --data-dir) as typed anywhere in `argv`, before the parser that holds
    the help texts is built (they are in the language resolved from these); (None,
    None) when they cannot be read: the parser then says what is wrong."""
    early = argparse.ArgumentParser(add_help=False, exit_on_error=False)  # abbreviations (--lan) as argparse takes them
    early.add_argument("--lang")
    early.add_argument("--data-dir")
    try:
        typed, _rest = early.parse_known_args(argv)
    except argparse.ArgumentError:
        return None, None
    return typed.lang, typed.data_dir


def _(message: str, **values: object) -> str:
    """A message in the command line's language, its values made printable (fieldkit/text.py)."""
    return translate(message, language(), **printable_values(values))


def add_command(commands: Commands, name: str, help_text: str, *, run: Run | None = None,
                aliases: tuple[str, ...] = ()) -> argparse.ArgumentParser:
    """A sub-command, which takes --lang too; `run` is what it does (main() calls
    `arguments.run(arguments)`)."""
    parser: argparse.ArgumentParser = commands.add_parser(name, help=help_text, aliases=list(aliases))
    # No default: a sub-command's default would overwrite `fieldkit --lang en CMD`.
    parser.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS,
                        help=_("language of the messages and output (default: FIELDKIT_LANG, else the "
                               "window's last choice, else Vietnamese)"))
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


def on_coordinator(handler: Callable[[CoordinatorService, argparse.Namespace], int]) -> Run:
    """A command run on the data folder's CoordinatorService (opened, then closed)."""
    @utf8_arguments
    def run(arguments: argparse.Namespace) -> int:
        from fieldkit.services.coordinator import CoordinatorService

        with CoordinatorService.open(arguments.data_dir) as service:
            return handler(service, arguments)
    return run


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
