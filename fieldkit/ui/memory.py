"""Giving memory back after the heavy moments of the day: a summary laid out and
previewed, a PDF written, a form closed.

glibc keeps what Python, Qt and matplotlib free in its heaps (one per thread that
allocated: the workers build the summaries), to reuse; the window then holds 10 to 20 MB
it no longer uses after each of those moments. `malloc_trim` returns it to the system.
Elsewhere (macOS, Windows, musl) there is no such call and nothing is done.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools

from PySide6.QtCore import QTimer

# Late enough that the deleteLater of the dialogs and views just closed has run.
DELAY_MS = 200


@functools.cache
def _malloc_trim():
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        return libc.malloc_trim
    except (OSError, AttributeError):  # not glibc
        return None


def release_freed_memory() -> None:
    """Return the heaps' free pages to the system now."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


def release_soon() -> None:
    """`release_freed_memory` once what was just closed has been deleted."""
    QTimer.singleShot(DELAY_MS, release_freed_memory)
