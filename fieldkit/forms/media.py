"""Built-in form media: the province and commune lists the shipped forms select from.

The shipped XLSForms pick the commune with `select_one_from_file provinces.csv` and
`select_one_from_file communes.csv`. Those CSV files are not kept in the repository: they
are generated here, at call time, from the `vietnam-provinces` package (34 provinces and
3,321 communes, wards and special zones after the July 2025 reorganisation), so updating
the package updates the lists.

The CSV layout is the one ODK Collect, Enketo and KoboToolbox read for form media
(JavaRosa parses the header row with commons-csv, UTF-8, comma-separated, quoted when
needed; each header becomes an XML element name, so headers must be valid XML names,
which is why the English label column is `label_en` and not `label::English (en)`):

provinces.csv  name, label, label_en
communes.csv   name, label, label_en, province, division, search

- `name`     the official code (province: 2 digits, commune: 5 digits), the stored value
- `label`    the Vietnamese name, what every client shows (the forms' default language)
- `label_en` the name without accents and with the division type in English,
             e.g. "Ha Noi (city)", "Hoan Kiem (ward)"
- `province` the commune's province code (the forms' choice_filter `province=${province}`)
- `division` xã / phường / đặc khu
- `search`   the Vietnamese name folded for searching: "phuong hoan kiem"

`fold_diacritics` is the one accent-folding helper of the application.
"""

from __future__ import annotations

import csv
import functools
import io
import os
import unicodedata
from pathlib import Path

PROVINCES_CSV = "provinces.csv"
COMMUNES_CSV = "communes.csv"

PROVINCE_COLUMNS = ("name", "label", "label_en")
COMMUNE_COLUMNS = ("name", "label", "label_en", "province", "division", "search")

# Vietnamese division type -> (prefix written in names, English rendering)
_PROVINCE_TYPES = {
    "thành phố trung ương": ("Thành phố ", "city"),
    "tỉnh": ("Tỉnh ", "province"),
}
_COMMUNE_TYPES = {
    "xã": ("Xã ", "commune"),
    "phường": ("Phường ", "ward"),
    "đặc khu": ("Đặc khu ", "special zone"),
}

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


def search_key(text: str) -> str:
    """Folded, lower-cased, single-spaced, ASCII apostrophes and dashes: what a search box
    compares. "Hoàn  Kiếm" -> "hoan kiem", "Ea H’leo" -> "ea h'leo"."""
    return " ".join(fold_diacritics(text).translate(_PUNCTUATION).casefold().split())


def english_name(name: str, division_type: str) -> str:
    """An English rendering of a Vietnamese unit name: "Thành phố Hà Nội" -> "Ha Noi (city)"."""
    prefix, english = (_PROVINCE_TYPES | _COMMUNE_TYPES).get(division_type, ("", ""))
    bare = name[len(prefix):] if prefix and name.startswith(prefix) else name
    folded = fold_diacritics(bare)
    return f"{folded} ({english})" if english else folded


def province_code(code: int | str) -> str:
    """The two-digit official province code: 1 -> "01"."""
    return f"{int(code):02d}"


def commune_code(code: int | str) -> str:
    """The five-digit official commune (ward) code: 70 -> "00070"."""
    return f"{int(code):05d}"


def province_rows() -> list[dict[str, str]]:
    """One row per province, in the package's (official code) order."""
    from vietnam_provinces import Province

    return [
        {
            "name": province_code(province.code),
            "label": province.name,
            "label_en": english_name(province.name, province.division_type.value),
        }
        for province in Province.iter_all()
    ]


def commune_rows() -> list[dict[str, str]]:
    """One row per commune, ward and special zone, in official code order."""
    from vietnam_provinces import Ward

    wards = sorted(Ward.iter_all(), key=lambda ward: int(ward.code))
    return [
        {
            "name": commune_code(ward.code),
            "label": ward.name,
            "label_en": english_name(ward.name, ward.division_type.value),
            "province": province_code(ward.province_code),
            "division": ward.division_type.value,
            "search": search_key(ward.name),
        }
        for ward in wards
    ]


def _csv_bytes(columns: tuple[str, ...], rows: list[dict[str, str]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


@functools.cache
def _all_media() -> dict[str, bytes]:
    return {
        PROVINCES_CSV: _csv_bytes(PROVINCE_COLUMNS, province_rows()),
        COMMUNES_CSV: _csv_bytes(COMMUNE_COLUMNS, commune_rows()),
    }


def builtin_media_names() -> tuple[str, ...]:
    """The file names `builtin_media` knows."""
    return (PROVINCES_CSV, COMMUNES_CSV)


def builtin_media(name: str) -> bytes | None:
    """The content of a built-in media file ("provinces.csv", "communes.csv"), or None.

    `name` may be a bare file name or a jr:// URI / path ending in one.
    """
    base = name.rsplit("/", 1)[-1]
    if base not in builtin_media_names():
        return None
    return _all_media()[base]


def write_builtin_media(directory: str | os.PathLike[str]) -> list[Path]:
    """Write every built-in media file into `directory` (created if needed).

    For uploading with the shipped forms to ODK Central / KoboToolbox, or copying next
    to them for ODK Collect. Each file is written to a temporary name, then renamed.
    Returns the paths written.
    """
    target = Path(directory)
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name in builtin_media_names():
        path = target / name
        partial = path.with_name(path.name + ".partial")
        partial.write_bytes(_all_media()[name])
        os.replace(partial, path)
        written.append(path)
    return written
