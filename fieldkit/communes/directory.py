"""The commune directory: 34 provinces and 3,321 communes, wards and special zones,
searchable as people type them.

People type names without accents and in any case ("hoan kiem"), or the official code
("00070"). Folded keys are computed once, when the directory is first used, so one
keystroke only compares plain ASCII strings (well under a millisecond per thousand rows).
Reading the package's lists takes a few hundred milliseconds, so nothing is read (or
imported) until the first call: building a `CommuneDirectory` costs nothing at startup.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from fieldkit.communes.folding import search_key
from fieldkit.communes.source import commune_rows, province_rows


@dataclass(frozen=True)
class Province:
    code: str  # two digits, "01"
    name: str  # "Thành phố Hà Nội"
    name_en: str  # in English: the Vietnamese name (the package has no English names)


@dataclass(frozen=True)
class Commune:
    code: str  # five digits, "00070"
    name: str  # "Phường Hoàn Kiếm"
    province_code: str
    province_name: str
    division: str  # xã / phường / đặc khu
    name_en: str = ""  # as Province.name_en


@dataclass(frozen=True)
class _Entry:
    commune: Commune
    key: str  # "phuong hoan kiem"
    bare_key: str  # the name without its division word: "hoan kiem"
    together: str  # the name and its province: "phuong hoan kiem thanh pho ha noi"


# Ranks of a match, best first: the order search() returns them in (after recent ones).
_PREFIX, _WORD, _SUBSTRING, _WITH_PROVINCE = range(4)


class CommuneDirectory:
    """Search and look up communes. `recent_codes` gives the codes picked lately, most
    recent first (the service reads them from the store's settings)."""

    def __init__(self, *, recent_codes: Callable[[], Iterable[str]] | None = None):
        self._recent_codes = recent_codes or (lambda: ())
        self._lock = threading.Lock()
        self._entries: list[_Entry] | None = None
        self._by_code: dict[str, _Entry] = {}
        self._by_province: dict[str, list[_Entry]] = {}
        self._provinces: list[Province] = []

    # -- loading -----------------------------------------------------------------------

    def _load(self) -> list[_Entry]:
        if self._entries is not None:
            return self._entries
        with self._lock:  # the GUI may warm it up on a worker thread
            if self._entries is None:
                self._provinces = [Province(row["name"], row["label"], row["label_en"]) for row in province_rows()]
                names = {province.code: province.name for province in self._provinces}
                entries = [_entry(row, names.get(row["province"], "")) for row in commune_rows()]
                self._by_code = {entry.commune.code: entry for entry in entries}
                for entry in entries:
                    self._by_province.setdefault(entry.commune.province_code, []).append(entry)
                self._entries = entries
        return self._entries

    def warm_up(self) -> None:
        """Read the lists now (e.g. on a background thread while the window opens)."""
        self._load()

    # -- look-ups ----------------------------------------------------------------------

    def provinces(self) -> list[Province]:
        """Every province, in official code order."""
        self._load()
        return list(self._provinces)

    def province(self, code: str) -> Province | None:
        self._load()
        return next((province for province in self._provinces if province.code == code), None)

    def get(self, code: str) -> Commune | None:
        """The commune with this official code ("00070" or 70), or None."""
        self._load()
        entry = self._by_code.get(_normal_code(code))
        return entry.commune if entry else None

    def in_province(self, province_code: str) -> list[Commune]:
        """Every commune of a province, in official code order."""
        return [entry.commune for entry in self._load() if entry.commune.province_code == province_code]

    def __len__(self) -> int:
        return len(self._load())

    def recent(self, limit: int = 10) -> list[Commune]:
        """The communes picked lately, most recent first."""
        found = [self.get(code) for code in self._recent_codes()]
        return [commune for commune in found if commune is not None][:limit]

    # -- search ------------------------------------------------------------------------

    def search(self, query: str, *, province: str | None = None, limit: int = 50) -> list[Commune]:
        """Communes matching what was typed, accents and case ignored.

        Order: recently picked first, then names starting with the query, then names with
        a word starting with it, then names containing it, then names that only match
        together with their province ("hoan kiem ha noi"); official code order within each.
        A query of digits matches codes by prefix. An empty query lists every commune
        (of the province), recent ones first.
        """
        wanted = search_key(query)
        entries = self._load() if province is None else self._by_province.get(province, [])
        found = [entry.commune for entry in self._recent_entries(province) if _rank(entry, wanted) is not None]
        picked = {commune.code for commune in found}
        tiers: list[list[Commune]] = [[] for _rank_name in range(_WITH_PROVINCE + 1)]
        first_word, digits = wanted.split(" ", 1)[0], wanted.isdigit()
        for entry in entries:
            if not digits and first_word not in entry.together:
                continue  # the common case, decided by one substring test
            rank = _rank(entry, wanted)
            if rank is None or entry.commune.code in picked:
                continue
            tiers[rank].append(entry.commune)
            if len(tiers[_PREFIX]) >= limit:
                break  # nothing later can come before these: a one-letter query stops early
        for tier in tiers:
            found.extend(tier)
        return found[:limit]

    def _recent_entries(self, province: str | None) -> list[_Entry]:
        entries = [self._by_code.get(_normal_code(code)) for code in self._recent_codes()]
        return [entry for entry in entries
                if entry is not None and (province is None or entry.commune.province_code == province)]


def _entry(row: dict[str, str], province_name: str) -> _Entry:
    commune = Commune(
        code=row["name"], name=row["label"], province_code=row["province"], province_name=province_name,
        division=row["division"], name_en=row["label_en"],
    )
    key = row["search"]
    division = search_key(row["division"]) + " "
    bare = key[len(division):] if key.startswith(division) else key
    return _Entry(commune, key, bare, f"{key} {search_key(province_name)}")


def _rank(entry: _Entry, wanted: str) -> int | None:
    if not wanted:
        return _PREFIX
    if wanted.isdigit():  # "00070" or "70"
        code = entry.commune.code
        return _PREFIX if code.startswith(wanted) or code.lstrip("0").startswith(wanted) else None
    if entry.bare_key.startswith(wanted) or entry.key.startswith(wanted):
        return _PREFIX
    if " " + wanted in entry.key:
        return _WORD
    if wanted in entry.key:
        return _SUBSTRING
    if all(word in entry.together for word in wanted.split()):
        return _WITH_PROVINCE
    return None


def _normal_code(code: int | str) -> str:
    text = str(code).strip()
    return text.zfill(5) if text.isdigit() else text
