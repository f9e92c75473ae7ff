"""How long `fieldkit sync --watch` and the window wait between passes: no clock, no sleep."""

import pytest

from fieldkit.sync.dropbox.backoff import Backoff


def without_jitter(low, high):
    return (low + high) / 2


def test_after_a_success_the_wait_is_steady():
    backoff = Backoff(uniform=without_jitter)
    assert [backoff.next_delay(success=True) for _ in range(3)] == [300, 300, 300]


def test_failures_double_the_wait_up_to_half_an_hour():
    backoff = Backoff(uniform=without_jitter)
    waits = [backoff.next_delay(success=False) for _ in range(10)]
    assert waits == [30, 60, 120, 240, 480, 960, 1800, 1800, 1800, 1800]


def test_a_success_or_a_reset_starts_the_backoff_over():
    backoff = Backoff(uniform=without_jitter)
    for _ in range(5):
        backoff.next_delay(success=False)
    assert backoff.next_delay(success=True) == 300
    assert backoff.next_delay(success=False) == 30
    backoff.next_delay(success=False)
    backoff.reset()
    assert backoff.next_delay(success=False) == 30


def test_jitter_stays_within_a_fifth_of_the_nominal_wait():
    draws = []
    backoff = Backoff(uniform=lambda low, high: draws.append((low, high)) or high)
    assert backoff.next_delay(success=False) == 36
    assert draws == [(24, 36)]


def test_a_week_of_failures_does_not_overflow():
    backoff = Backoff(uniform=without_jitter)
    for _ in range(20_000):
        last = backoff.next_delay(success=False)
    assert last == 1800


def test_nonsense_settings_are_refused():
    with pytest.raises(ValueError):
        Backoff(first_retry=60, longest_retry=30)
