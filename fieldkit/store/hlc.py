"""A hybrid logical clock: wall-clock milliseconds plus a counter, never going back.

Timestamps order revisions across laptops whose clocks disagree a little: a clock set
back (or a burst of saves within one millisecond) bumps the counter instead of going
backwards, and `observe()` moves past a timestamp received from another device, so a
revision made after seeing another always sorts after it. The text form
`f"{physical_ms:018d}.{logical:06d}"` sorts as the time does.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable

# The latest physical time a revision may carry: the start of the year 9999 (UTC). Every
# time up to it can be shown in any time zone; a later one is a clock error, refused at
# import (fieldkit.sync.verify). The bound is fixed, not relative to the receiver's clock,
# so every receiver and every worker process decides alike (imports stay order-free); a
# clock merely ahead (by more than a day) is flagged, not refused (fieldkit.sync.commit).
MAX_PHYSICAL_MS = 253_370_764_800_000
CLOCK_SKEW_LIMIT_MS = 24 * 3600 * 1000  # a laptop clock a day ahead is wrong, not a time zone: not adopted


def format_hlc(physical_ms: int, logical: int) -> str:
    return f"{physical_ms:018d}.{logical:06d}"


def parse_hlc(text: str) -> tuple[int, int]:
    """"000001764130000000.000003" -> (1764130000000, 3); ValueError if malformed."""
    physical, dot, logical = text.partition(".")
    if not dot or len(physical) != 18 or len(logical) != 6 or not (physical + logical).isdigit():
        raise ValueError(f"not a hybrid logical clock timestamp: {text!r}")
    return int(physical), int(logical)


def hlc_milliseconds(text: str) -> int:
    return parse_hlc(text)[0]


def beyond_any_clock(text: str) -> bool:
    """A well-formed timestamp whose physical time is beyond MAX_PHYSICAL_MS: a clock error."""
    return hlc_milliseconds(text) > MAX_PHYSICAL_MS


def hlc_datetime(text: str, zone: dt.tzinfo) -> dt.datetime:
    """The physical time of a timestamp in `zone`, to the second; one beyond what a
    datetime holds (stored before MAX_PHYSICAL_MS was enforced) shows as the latest
    time that can be shown, never an error."""
    seconds = min(hlc_milliseconds(text), MAX_PHYSICAL_MS) // 1000
    return dt.datetime.fromtimestamp(seconds, tz=zone)


class HybridLogicalClock:
    def __init__(self, *, last: str | None = None, wall_ms: Callable[[], int] | None = None):
        self._wall_ms = wall_ms or (lambda: time.time_ns() // 1_000_000)
        self._physical, self._logical = parse_hlc(last) if last else (0, 0)
        self._lock = threading.Lock()

    def now(self) -> str:
        """A timestamp greater than every one this clock gave or observed."""
        with self._lock:
            wall = self._wall_ms()
            if wall > self._physical:
                self._physical, self._logical = wall, 0
            else:
                self._logical += 1
            return format_hlc(self._physical, self._logical)

    def observe(self, remote: str) -> None:
        """Move past a timestamp received from another device."""
        physical, logical = parse_hlc(remote)
        with self._lock:
            if (physical, logical) > (self._physical, self._logical):
                self._physical, self._logical = physical, logical

    @property
    def last(self) -> str:
        with self._lock:
            return format_hlc(self._physical, self._logical)
