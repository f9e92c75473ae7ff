"""The hybrid logical clock never goes back, whatever the wall clock does."""

from fieldkit.store.hlc import HybridLogicalClock, format_hlc, parse_hlc


def clock_reading(*readings):
    values = iter(readings)
    return HybridLogicalClock(wall_ms=lambda: next(values))


def test_timestamps_sort_as_text_in_time_order():
    assert format_hlc(1_764_130_000_000, 3) == "000001764130000000.000003"
    assert parse_hlc("000001764130000000.000003") == (1_764_130_000_000, 3)
    assert format_hlc(999, 12) < format_hlc(1000, 0)


def test_a_wall_clock_moving_forward_resets_the_counter():
    clock = clock_reading(1000, 1005)
    assert [clock.now(), clock.now()] == [format_hlc(1000, 0), format_hlc(1005, 0)]


def test_the_same_millisecond_or_a_clock_set_back_bumps_the_counter():
    clock = clock_reading(1000, 1000, 900, 1001)
    stamps = [clock.now() for _ in range(4)]
    assert stamps == [format_hlc(1000, 0), format_hlc(1000, 1), format_hlc(1000, 2), format_hlc(1001, 0)]


def test_observing_a_later_remote_timestamp_moves_past_it():
    clock = clock_reading(1000, 1000)
    clock.now()
    clock.observe(format_hlc(5000, 7))
    assert clock.now() == format_hlc(5000, 8)


def test_the_clock_resumes_after_the_last_stored_timestamp():
    clock = HybridLogicalClock(last=format_hlc(5000, 2), wall_ms=lambda: 10)
    assert clock.now() == format_hlc(5000, 3)
