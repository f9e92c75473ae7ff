"""How long to wait before the next sync: a steady interval while passes succeed, an
exponential backoff while they fail (a server that is down is not hammered, and a laptop
on battery does not wake every few seconds for a network that is not there).

Clock-free: it only says how long; the caller sleeps (`fieldkit sync --watch`) or starts
a timer (the window). Jitter spreads ten laptops that lost the same server apart, so
they do not all come back in the same second.
"""

from __future__ import annotations

import random
from collections.abc import Callable

STEADY_SECONDS = 5 * 60.0
FIRST_RETRY_SECONDS = 30.0
LONGEST_RETRY_SECONDS = 30 * 60.0
JITTER = 0.2  # each retry delay is drawn within ±20 % of its nominal value


class Backoff:
    """next_delay(success=...) after each pass; reset() when something (a network that
    came back, "Sync now") makes the next pass worth trying at once."""

    def __init__(self, *, steady: float = STEADY_SECONDS, first_retry: float = FIRST_RETRY_SECONDS,
                 longest_retry: float = LONGEST_RETRY_SECONDS, jitter: float = JITTER,
                 uniform: Callable[[float, float], float] = random.uniform) -> None:
        if not 0 < first_retry <= longest_retry or steady <= 0 or not 0 <= jitter < 1:
            raise ValueError("delays must be positive, first_retry <= longest_retry, 0 <= jitter < 1")
        self.steady = steady
        self.first_retry = first_retry
        self.longest_retry = longest_retry
        self.jitter = jitter
        self._uniform = uniform  # injectable, so a test can say which draw it wants
        self.failures = 0  # passes failed in a row

    def next_delay(self, *, success: bool) -> float:
        """Seconds to wait after a pass that succeeded or failed."""
        if success:
            self.failures = 0
            return self.steady
        self.failures += 1
        return self._jittered(self.nominal_retry())

    def nominal_retry(self) -> float:
        """The retry delay before jitter: first_retry doubled per failure past the first, capped."""
        if self.failures == 0:
            return 0.0
        # capped before doubling too far: 2 ** 1000 would overflow a float
        doublings = min(self.failures - 1, 64)
        return min(self.first_retry * 2.0 ** doublings, self.longest_retry)

    def reset(self) -> None:
        """Forget the failures: the next failure waits first_retry again."""
        self.failures = 0

    def _jittered(self, nominal: float) -> float:
        low, high = nominal * (1 - self.jitter), nominal * (1 + self.jitter)
        return min(max(self._uniform(low, high), low), high)
