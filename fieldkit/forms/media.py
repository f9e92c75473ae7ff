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
- `label_en` the name in English: the Vietnamese name, the package has no English names
- `province` the commune's province code (the forms' choice_filter `province=${province}`)
- `division` xã / phường / đặc khu
- `search`   the Vietnamese name folded for searching: "phuong hoan kiem"

The rows themselves, and the accent folding of the `search` column, come from the
commune module (`fieldkit.communes`).
"""

from __future__ import annotations

import csv
import functools
import io
import os
from pathlib import Path

from fieldkit.communes.source import commune_rows, province_rows
from fieldkit.files import atomic_write

PROVINCES_CSV = "provinces.csv"
COMMUNES_CSV = "communes.csv"

PROVINCE_COLUMNS = ("name", "label", "label_en")
COMMUNE_COLUMNS = ("name", "label", "label_en", "province", "division", "search")


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
    to them for ODK Collect. Each file is written whole or not at all (fieldkit.files).
    Returns the paths written.
    """
    target = Path(directory)
    target.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for name in builtin_media_names():
        path = target / name
        atomic_write(path, _all_media()[name])
        written.append(path)
    return written
