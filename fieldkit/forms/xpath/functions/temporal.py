"""ODK date and time functions."""

from __future__ import annotations

from fieldkit.forms.xpath import dates
from fieldkit.forms.xpath.functions import Frame, builtin
from fieldkit.forms.xpath.values import NAN, DateValue, XPathValue, to_string


@builtin("date", 1)
def date(f: Frame, value: XPathValue) -> XPathValue:
    return dates.coerce_date(value, f.tz)


@builtin("date-time", 1)
def date_time(f: Frame, value: XPathValue) -> XPathValue:
    return dates.coerce_date(value, f.tz)


@builtin("decimal-date-time", 1)
def decimal_date_time(f: Frame, value: XPathValue) -> float:
    if type(value) is float or type(value) is DateValue:
        return float(value)
    days = dates.string_to_days(to_string(value), f.tz)
    return NAN if days is None else days


@builtin("decimal-time", 1)
def decimal_time(f: Frame, value: XPathValue) -> float:
    return dates.decimal_time(to_string(value), f.tz)


@builtin("format-date", 2)
def format_date(f: Frame, value: XPathValue, pattern: XPathValue) -> str:
    return dates.format_date(value, to_string(pattern), f.tz)


@builtin("format-date-time", 2)
def format_date_time(f: Frame, value: XPathValue, pattern: XPathValue) -> str:
    return dates.format_date(value, to_string(pattern), f.tz)


@builtin("today")
def today(f: Frame) -> DateValue:
    return dates.today_value(f.env.now(), f.tz)


@builtin("now")
def now(f: Frame) -> DateValue:
    return dates.now_value(f.env.now(), f.tz)
