"""The commune picker's rows, ready before the window needs them. Qt-free.

Building them means reading the `vietnam-provinces` lists and folding 3,321 names for
searching: about half a second, on every start. The rows only change with that package,
so they are kept in the cache folder as JSON keyed by its version and read back in a few
milliseconds; the service's `CommuneDirectory` is then loaded later, off the start-up
path, for look-ups. A missing, stale or unreadable cache is rebuilt; a cache folder that
cannot be written is simply not used.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from fieldkit import paths
from fieldkit.files import atomic_write

log = logging.getLogger(__name__)
FORMAT = 1


@dataclass(frozen=True)
class PickerProvince:
    code: str  # "01"
    name: str  # "Thành phố Hà Nội"


@dataclass(frozen=True)
class PickerCommune:
    """What the picker shows and hands on: the fields of `fieldkit.communes.Commune`
    the window uses (code, names)."""

    code: str  # "00070"
    name: str  # "Phường Hoàn Kiếm"
    province_code: str
    province_name: str


@dataclass(frozen=True)
class Row:
    commune: PickerCommune
    key: str  # "phuong hoan kiem thanh pho ha noi 00070": what the type-ahead compares
    recent: bool


def make_rows(communes, recent) -> list[Row]:
    """Rows in display order: recent ones (most recent first), then the rest in the
    given (official code) order. `communes` and `recent` are Commune-like objects."""
    from fieldkit.forms.media import search_key

    province_keys = {commune.province_name: search_key(commune.province_name) for commune in communes}
    rows = [Row(PickerCommune(commune.code, commune.name, commune.province_code, commune.province_name),
                f"{search_key(commune.name)} {province_keys[commune.province_name]} {commune.code}", False)
            for commune in communes]
    return in_recent_order(rows, [commune.code for commune in recent])


def in_recent_order(rows: list[Row], recent_codes: list[str]) -> list[Row]:
    first = {code: position for position, code in enumerate(recent_codes)}
    marked = [Row(row.commune, row.key, row.commune.code in first) for row in rows]
    return sorted(marked, key=lambda row: first.get(row.commune.code, len(first)))  # stable


def load(recent_codes: list[str]) -> tuple[list[PickerProvince], list[Row]]:
    """Provinces and rows (recent first), from the cache when it is current."""
    path = _cache_path()
    cached = _read(path) if path is not None else None
    if cached is None:
        cached = _build()
        if path is not None:
            _write(path, cached)
    provinces = [PickerProvince(code, name) for code, name in cached["provinces"]]
    rows = [Row(PickerCommune(*fields), key, False) for *fields, key in cached["rows"]]
    return provinces, in_recent_order(rows, recent_codes)


def _cache_path() -> Path | None:
    try:
        version = metadata.version("vietnam-provinces")
    except metadata.PackageNotFoundError:
        return None
    return paths.cache_dir() / f"commune-picker-{FORMAT}-{version}.json"


def _build() -> dict:
    from fieldkit.communes import CommuneDirectory

    directory = CommuneDirectory()
    provinces = directory.provinces()
    communes = [commune for province in provinces for commune in directory.in_province(province.code)]
    rows = make_rows(communes, [])
    return {"provinces": [[province.code, province.name] for province in provinces],
            "rows": [[row.commune.code, row.commune.name, row.commune.province_code, row.commune.province_name,
                      row.key] for row in rows]}


def _read(path: Path) -> dict | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or len(data.get("rows", ())) < 1000:
        return None  # damaged or truncated: rebuild
    return data


def _write(path: Path, data: dict) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, json.dumps(data, ensure_ascii=False), durable=False)  # a cache: a crash costs a rebuild
    except OSError as error:  # a read-only cache folder: work without the cache
        log.info("commune list not cached (%s)", error)
