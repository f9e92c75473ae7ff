"""Everything the application knows about provinces and communes. Qt-free.

- `source`      the `vietnam-provinces` lists as rows of strings (also the forms' media)
- `folding`     `search_key` (accent-free, case-free text, what every search box compares),
                `joined_key` (the same without the spaces between syllables)
- `directory`   `CommuneDirectory`: look-ups and search, with `Commune` and `Province`
- `picker_rows` the commune picker's rows, cached between starts

Nothing here reads the package's lists at import time.
"""

from fieldkit.communes.directory import Commune, CommuneDirectory, Province
from fieldkit.communes.folding import fold_diacritics, join_syllables, joined_key, search_key

__all__ = ["Commune", "CommuneDirectory", "Province", "fold_diacritics", "join_syllables", "joined_key", "search_key"]
