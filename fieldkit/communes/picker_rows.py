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
from collections.abc import Sequence
from dataclasses import astuple, dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from fieldkit import paths
from fieldkit.communes.directory import Commune, CommuneDirectory, Province
from fieldkit.communes.folding import search_key
from fieldkit.files import atomic_write

log = logging.getLogger(__name__)
FORMAT = 2  # 2: every field of Commune and Province


@dataclass(frozen=True)
class Row:
    commune: Commune
    key: str  # "phuong hoan kiem thanh pho ha noi 00070": what the type-ahead compares
    recent: bool


def make_rows(communes: Sequence[Commune], recent: Sequence[Commune]) -> list[Row]:
    """Rows in display order: recent ones (most recent first), then the rest in the
    given (official code) order."""
    province_keys = {commune.province_name: search_key(commune.province_name) for commune in communes}
    rows = [Row(commune, f"{search_key(commune.name)} {province_keys[commune.province_name]} {commune.code}", False)
            for commune in communes]
    return in_recent_order(rows, [commune.code for commune in recent])


def in_recent_order(rows: list[Row], recent_codes: list[str]) -> list[Row]:
    first = {code: position for position, code in enumerate(recent_codes)}
    marked = [Row(row.commune, row.key, row.commune.code in first) for row in rows]
    return sorted(marked, key=lambda row: first.get(row.commune.code, len(first)))  # stable


def load(recent_codes: list[str]) -> tuple[list[Province], list[Row]]:
    """Provinces and rows (recent first), from the cache when it is current."""
    path = _cache_path()
    cached = _read(path) if path is not None else None
    if cached is None:
        cached = _build()
        if path is not None:
            _write(path, cached)
    provinces = [Province(*fields) for fields in cached["provinces"]]
    rows = [Row(Commune(*fields), key, False) for *fields, key in cached["rows"]]
    return provinces, in_recent_order(rows, recent_codes)


def _cache_path() -> Path | None:
    try:
        version = metadata.version("vietnam-provinces")
    except metadata.PackageNotFoundError:
        return None
    return paths.cache_dir() / f"commune-picker-{FORMAT}-{version}.json"


def _build() -> dict[str, Any]:
    directory = CommuneDirectory()
    provinces = directory.provinces()
    communes = [commune for province in provinces for commune in directory.in_province(province.code)]
    rows = make_rows(communes, [])
    return {"provinces": [astuple(province) for province in provinces],
            "rows": [[*astuple(row.commune), row.key] for row in rows]}


def _read(path: Path) -> dict[str, Any] | None:
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
