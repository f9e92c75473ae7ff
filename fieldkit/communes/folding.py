"""Accent folding: the one place where Vietnamese text is made comparable as typed.

People type names without accents and in any case ("hoan kiem" for "Phường Hoàn Kiếm");
every search box of the application (the commune directory, the picker, the choice
lists, the submissions browser) compares `search_key`s.
"""

from __future__ import annotations

import unicodedata

_LETTERS_WITHOUT_DECOMPOSITION = str.maketrans({"đ": "d", "Đ": "D"})
# typographic apostrophes and dashes, as some names write them ("Ea H’leo"), -> ASCII
_PUNCTUATION = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "–": "-", "—": "-"})


def fold_diacritics(text: str) -> str:
    """The text without accents or tone marks, case kept: "Phường Đông Hòa" -> "Phuong Dong Hoa".

    NFD-decompose, drop the combining marks, map đ/Đ (which do not decompose) to d/D.
    Lower-case the result (`search_key`) to compare for searching.
    """
    decomposed = unicodedata.normalize("NFD", text.translate(_LETTERS_WITHOUT_DECOMPOSITION))
    kept = "".join(char for char in decomposed if not unicodedata.combining(char))
    return unicodedata.normalize("NFC", kept)


_BETWEEN_SYLLABLES = str.maketrans("", "", " '-")


def joined_key(text: str) -> str:
    """`search_key` without the spaces, apostrophes and dashes between syllables, as
    people leave them out when they type: "Ea H’leo" -> "eahleo" (found by "ea hleo")."""
    return join_syllables(search_key(text))


def join_syllables(key: str) -> str:
    """`joined_key` of a text whose `search_key` is `key` (no second folding)."""
    return key.translate(_BETWEEN_SYLLABLES)


def search_key(text: str) -> str:
    """Folded, lower-cased, single-spaced, ASCII apostrophes and dashes: what a search box
    compares. "Hoàn  Kiếm" -> "hoan kiem", "Ea H’leo" -> "ea h'leo"."""
    return " ".join(fold_diacritics(text).translate(_PUNCTUATION).casefold().split())
