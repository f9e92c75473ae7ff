"""Giving memory back after the heavy moments of the day: the window open, a summary
laid out and previewed, a PDF written, a form closed.

glibc keeps what Python and Qt free in its heaps (one per thread that allocated: the
workers build the summaries), to reuse; the window then holds 10 to 20 MB it no longer
uses after each of those moments. `malloc_trim` returns it to the system. Elsewhere
(macOS, Windows, musl) there is no such call and that part is not done.

PySide6 reads the source of every module imported after it (`inspect.getsource`, to
see whether the module asks for its `__feature__` switches), which leaves every line of
every module in `linecache`: 14 MB once the window is open, more with each screen first
opened. Only tracebacks read that cache, and they read the files again when it is empty.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import linecache

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
    """Forget the module sources PySide6 read, and return the heaps' free pages to the
    system now."""
    linecache.clearcache()
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


def release_soon() -> None:
    """`release_freed_memory` once what was just closed has been deleted."""
    QTimer.singleShot(DELAY_MS, release_freed_memory)
