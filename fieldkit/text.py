"""Text that came from outside, made safe to print on a terminal.

A device name, an author, a file name on a stick, a form title or a reason quoting a
bundle can hold terminal escape sequences (ESC [ ..., the C1 controls, DEL), which a
terminal obeys, and Unicode format characters (U+202E RIGHT-TO-LEFT OVERRIDE, the other
bidi controls, zero-width characters), which make text look like other text. `printable`
shows each such character as a visible escape (`\\x1b`, `\\u202e`); letters, spaces,
combining marks and Vietnamese diacritics stay as they are. Every print of the command
line goes through `echo` (text) or `json_text` (JSON), so nothing slips past.
"""

from __future__ import annotations

import json
import sys
import unicodedata

# Controls (C0, DEL, C1), format characters (bidi controls, zero-width ones, BOM), lone
# surrogates (unprintable, and they crash an encoder), line and paragraph separators.
_UNSAFE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})


def _unsafe(character: str) -> bool:
    return not character.isprintable() and unicodedata.category(character) in _UNSAFE_CATEGORIES


_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _shown(character: str) -> str:
    if character in _NAMED:
        return _NAMED[character]
    code = ord(character)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def printable(value, *, keep: str = "") -> str:
    """`value` as text with every control, format or separator character shown as an
    escape (`\\x1b`, `\\u202e`), line breaks and tabs too unless named in `keep`."""
    text = value if isinstance(value, str) else str(value)
    if text.isprintable():
        return text
    return "".join(_shown(character) if character not in keep and _unsafe(character) else character
                   for character in text)


def printable_values(values: dict) -> dict:
    """The values of a message's placeholders made printable (numbers stay numbers, so
    format specs such as `{count:,}` still apply)."""
    return {name: value if value is None or isinstance(value, (int, float)) else printable(value)
            for name, value in values.items()}


def echo(text="", *, file=None) -> None:
    """Print a message: its own line breaks stay, every other unsafe character is shown
    as an escape (the values in it should already have gone through `printable`)."""
    print(printable(text, keep="\n"), file=file if file is not None else sys.stdout)


def _json_escape(character: str) -> str:
    code = ord(character)
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def json_text(value, **options) -> str:
    """JSON for a terminal: json.dumps (ensure_ascii=False, so Vietnamese stays readable)
    leaves DEL, the C1 controls, U+202E and lone surrogates raw inside strings; they are
    written as `\\uXXXX` escapes here, which a JSON reader reads back to the same text."""
    text = json.dumps(value, ensure_ascii=False, **options)
    if text.isprintable():
        return text
    return "".join(_json_escape(character) if character != "\n" and _unsafe(character) else character
                   for character in text)
