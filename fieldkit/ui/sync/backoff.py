"""A minimal exponential backoff for the window's automatic sync, used until
fieldkit.sync.dropbox.backoff (the command line's, same interface) is in the tree."""

from __future__ import annotations

import random


class Backoff:
    """Delays after failures double from `first` up to `ceiling` seconds, with a little
    jitter so that ten laptops on one hotspot do not knock on the server together."""

    def __init__(self, *, first: float = 30.0, ceiling: float = 30 * 60.0, jitter: float = 0.1) -> None:
        self.first, self.ceiling, self.jitter = first, ceiling, jitter
        self.failures = 0

    def next_delay(self, success: bool) -> float:
        """Seconds to wait before the next pass: after a success, `first` (and the count
        starts over); after a failure, twice the previous delay, at most `ceiling`."""
        if success:
            self.reset()
            return self.first
        self.failures += 1
        delay = min(self.ceiling, self.first * 2 ** (self.failures - 1))
        return delay * (1 + random.uniform(-self.jitter, self.jitter))

    def reset(self) -> None:
        self.failures = 0
