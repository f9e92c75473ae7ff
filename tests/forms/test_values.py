"""Which answers a data type holds (fieldkit.forms.values): what SQLite, XLSX and every
export can keep, and what the calendar has."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fieldkit.forms.values import INT_MAX, INT_MIN, fits_type, normalized, type_problem


@given(st.integers(min_value=INT_MIN, max_value=INT_MAX))
def test_every_64_bit_integer_is_a_whole_number(number):
    assert fits_type(str(number), "int")


@given(st.one_of(st.integers(min_value=INT_MAX + 1), st.integers(max_value=INT_MIN - 1)))
def test_an_integer_beyond_64_bits_is_not(number):
    assert not fits_type(str(number), "int")
    assert "outside what a whole number can hold" in type_problem(str(number), "int", "en")


def test_a_number_of_a_million_digits_is_refused_without_converting_it():
    assert not fits_type("1" * 1_000_000, "int")  # int() of it would raise: counted, not converted


@pytest.mark.parametrize("text", ["١٢", "1_000", "12a", "", "+", "1.0"])
def test_only_ascii_digits_make_a_whole_number(text):
    assert not fits_type(text, "integer") or text == ""


@pytest.mark.parametrize("text, fits", [
    ("2.5", True), ("-0.5", True), (".5", True), ("1e-05", True), ("1e308", True),
    ("1e400", False), ("-1e400", False), ("inf", False), ("nan", False), ("Infinity", False),
    ("1_0", False), ("١٢", False),
])
def test_a_decimal_is_a_finite_number_in_ascii_digits(text, fits):
    assert fits_type(text, "decimal") is fits


def test_an_overflowing_decimal_is_explained():
    assert type_problem("1e400", "decimal", "en") == "1e400 is too large to be kept as a number."
    assert type_problem("abc", "decimal", "en") == "Expected a number."


@pytest.mark.parametrize("text, fits", [
    ("2024-02-29", True), ("2025-02-28", True), ("2025-02-30", False), ("2025-02-29", False),
    ("2025-13-01", False), ("2025-W01-1", False), ("20250101", False),
])
def test_a_date_is_a_day_of_the_calendar_as_yyyy_mm_dd(text, fits):
    assert fits_type(text, "date") is fits


def test_a_date_that_does_not_exist_is_named_in_both_languages():
    assert type_problem("2025-02-30", "date", "en") == "2025-02-30 is not a day of the calendar."
    assert type_problem("2025-02-30", "date", "vi") == "2025-02-30 không phải là một ngày có thật."
    assert type_problem("2025-02-30T10:00", "dateTime", "en") == "2025-02-30T10:00 is not a day of the calendar."


@pytest.mark.parametrize("text, fits", [
    ("2026-11-26T09:30:00.000+07:00", True), ("2026-11-26T09:30", True), ("2026-11-26T09:30:00Z", True),
    ("2026-11-26", False), ("2026-02-30T09:30", False), ("2026-11-26T25:00", False),
])
def test_a_date_and_time(text, fits):
    assert fits_type(text, "dateTime") is fits


def test_a_value_that_fits_has_no_problem():
    assert type_problem("12", "int") is None
    assert type_problem("", "int") is None  # no answer is not a wrong one


def test_an_int_answered_with_a_fraction_keeps_the_whole_part_as_odk_does():
    assert normalized("2.5", "int") == "2"
    assert normalized("-2.9", "integer") == "-2"
    assert normalized("2.5", "decimal") == "2.5"
    assert normalized("abc", "int") == "abc"  # not a number: left for the type check to refuse
