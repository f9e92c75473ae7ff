"""A cache of XLSForm conversions, keyed by the workbook's bytes.

pyxform takes most of a second on a 1,000-question workbook; the XForm it produces
depends only on the bytes, the file type and the pyxform version. So a form opened
again (the same form every visit, every restart) skips the conversion. The cache is
an optimisation only: an unwritable or damaged cache never stops a form loading.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path

from fieldkit.files import atomic_write
from fieldkit.paths import cache_dir

_memory: dict[str, str] = {}


@functools.cache
def _pyxform_version() -> str:
    """Read from the package metadata: importing pyxform (and openpyxl with it) takes
    over a second, which opening a cached form or a stored XForm should not pay."""
    return version("pyxform")


def _key(data: bytes, file_type: str) -> str:
    digest = hashlib.sha256(data)
    digest.update(f"\0{file_type}\0pyxform {_pyxform_version()}".encode())
    return digest.hexdigest()


def cached_xform(data: bytes, file_type: str, convert: Callable[[], str]) -> str:
    key = _key(data, file_type)
    if key in _memory:
        return _memory[key]
    path = cache_dir() / "xforms" / f"{key}.xml"
    try:
        xform = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        xform = convert()
        _store(path, xform)
    _memory[key] = xform
    return xform


def _store(path: Path, xform: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # readers see the whole XForm or none; a cache a crash may lose: no flushes
        atomic_write(path, xform, durable=False)
    except OSError:
        pass  # read-only media or a full disk: convert again next time
