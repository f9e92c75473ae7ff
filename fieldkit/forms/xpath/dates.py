"""ODK date handling: ISO strings <-> instants <-> days since the epoch.

Dates without a time are midnight in the evaluation time zone (ctx.tz, or the
system zone when None), as in ODK Web Forms.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo

from fieldkit.forms.xpath import values
from fieldkit.forms.xpath.values import NAN, DateValue

DAY_SECONDS = 86400.0
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)

_ISO = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})"
    r"(?:T(\d{2})(?::(\d{2})(?::(\d{2})(\.\d+)?)?)?(Z|[-+]\d{2}:\d{2})?)?\Z"
)
_UNPADDED = re.compile(r"(\d{4})-([1-9]|\d{2})-([1-9]|\d{2})(T.*)?\Z")
_DATE_PREFIX = re.compile(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[-+]\d{2}:\d{2})?)?")
_TIME = re.compile(r"(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[-+]\d{2}:\d{2})?\Z")


def local_zone(tz: tzinfo | None) -> tzinfo:
    if tz is not None:
        return tz
    zone = datetime.now().astimezone().tzinfo
    return zone if zone is not None else UTC


def _offset(text: str | None, tz: tzinfo | None) -> tzinfo | None:
    """tzinfo for 'Z'/'+HH:MM', or None for local; raises ValueError if out of range."""
    if text is None:
        return None
    if text == "Z":
        return UTC
    hours, minutes = int(text[1:3]), int(text[4:6])
    if hours > 23 or minutes > 59:
        raise ValueError("offset out of range")
    delta = timedelta(hours=hours, minutes=minutes)
    return timezone(-delta if text[0] == "-" else delta)


def _fraction_micros(fraction: str | None) -> int:
    if not fraction:
        return 0
    return int((fraction[1:] + "000000")[:6])


def parse_iso(text: str, tz: tzinfo | None) -> datetime | None:
    """An aware datetime for an ISO date or date-time string, or None."""
    match = _ISO.match(text)
    if match is None:
        return None
    year, month, day, hour, minute, second, fraction, offset = match.groups()
    try:
        zone = _offset(offset, tz)
        naive = datetime(
            int(year), int(month), int(day),
            int(hour or 0), int(minute or 0), int(second or 0), _fraction_micros(fraction),
        )
    except ValueError:
        return None
    if zone is None:
        return naive.replace(tzinfo=local_zone(tz))
    return naive.replace(tzinfo=zone)


def to_days(moment: datetime) -> float:
    return (moment - EPOCH) / timedelta(days=1)


def from_days(days: float, tz: tzinfo | None) -> datetime | None:
    if days != days or abs(days) > 3e6:
        return None
    return (EPOCH + timedelta(days=days)).astimezone(local_zone(tz))


def iso_text(moment: datetime) -> str:
    """ISO text as ODK Web Forms shows it: date only at local midnight."""
    if (moment.hour, moment.minute, moment.second, moment.microsecond) == (0, 0, 0, 0):
        return moment.strftime("%Y-%m-%d")
    offset = moment.utcoffset() or timedelta(0)
    total = int(offset.total_seconds() // 60)
    sign = "-" if total < 0 else "+"
    hours, minutes = divmod(abs(total), 60)
    millis = moment.microsecond // 1000
    return f"{moment:%Y-%m-%dT%H:%M:%S}.{millis:03d}{sign}{hours:02d}:{minutes:02d}"


def date_value(moment: datetime | None, tz: tzinfo | None) -> DateValue:
    """A DateValue whose text is in the evaluation zone."""
    if moment is None:
        return DateValue(NAN, "Invalid Date", False)
    return DateValue(to_days(moment), iso_text(moment.astimezone(local_zone(tz))))


def string_to_days(text: str, tz: tzinfo | None) -> float | None:
    moment = parse_iso(text, tz)
    return None if moment is None else to_days(moment)


values.date_string_to_days = string_to_days


def coerce_date(value: values.XPathValue, tz: tzinfo | None) -> DateValue | str:
    """date() / date-time(): a DateValue, or '' for '' and booleans."""
    if type(value) is bool:
        return ""
    if type(value) is float or type(value) is DateValue:
        return date_value(from_days(float(value), tz), tz)
    text = values.to_string(value)
    if text == "":
        return ""
    if not _DATE_PREFIX.match(text):
        unpadded = _UNPADDED.match(text)
        if unpadded is None:
            return date_value(None, tz)
        year, month, day, rest = unpadded.groups()
        text = f"{year}-{month.zfill(2)}-{day.zfill(2)}{rest or ''}"
    return date_value(parse_iso(text, tz), tz)


def number_of_date_string(text: str, tz: tzinfo | None) -> DateValue | None:
    """number('2020-01-02'): epoch days whose string form is the whole day count."""
    moment = parse_iso(text, tz)
    if moment is None:
        return None
    if "T" in text:
        days = to_days(moment)
        whole = int(days // 1)
    else:
        whole = (date(moment.year, moment.month, moment.day) - date(1970, 1, 1)).days
        days = to_days(moment)
    return DateValue(days, str(whole), True)


def decimal_time(text: str, tz: tzinfo | None) -> float:
    """Fraction of the day, in the evaluation zone, of an ISO time string."""
    match = _TIME.match(text)
    if match is None:
        return NAN
    hour, minute, second, fraction, offset = match.groups()
    try:
        zone = _offset(offset, tz)
        naive = datetime(1970, 1, 1, int(hour), int(minute), int(second or 0), _fraction_micros(fraction))
    except ValueError:
        return NAN
    if zone is not None:
        local = naive.replace(tzinfo=zone).astimezone(local_zone(tz)).replace(tzinfo=None)
        naive = local.replace(year=1970, month=1, day=1)
    seconds = (naive - datetime(1970, 1, 1)).total_seconds()
    return seconds / DAY_SECONDS


_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
_DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

_FORMATTERS: dict[str, Callable[[datetime], str]] = {
    "Y": lambda m: f"{m.year:04d}",
    "y": lambda m: f"{m.year:04d}"[2:],
    "m": lambda m: f"{m.month:02d}",
    "n": lambda m: str(m.month),
    "b": lambda m: _MONTHS[m.month - 1],
    "d": lambda m: f"{m.day:02d}",
    "e": lambda m: str(m.day),
    "a": lambda m: _DAYS[m.weekday()],
    "H": lambda m: f"{m.hour:02d}",
    "h": lambda m: str(m.hour),
    "M": lambda m: f"{m.minute:02d}",
    "S": lambda m: f"{m.second:02d}",
    "3": lambda m: f"{m.microsecond // 1000:03d}",
}
_FORMAT_CODE = re.compile(r"%([YymnbdeaHhMS3])")


def format_date(value: values.XPathValue, pattern: str, tz: tzinfo | None) -> str:
    """format-date / format-date-time with ODK's % codes; '' when not a date."""
    if type(value) is float or type(value) is DateValue:
        found = from_days(float(value), tz)
    else:
        found = parse_iso(values.to_string(value), tz)
        if found is not None:
            found = found.astimezone(local_zone(tz))
    if found is None:
        return ""
    moment = found
    return _FORMAT_CODE.sub(lambda match: _FORMATTERS[match.group(1)](moment), pattern)


def now_value(moment: datetime, tz: tzinfo | None) -> DateValue:
    return date_value(moment, tz)


def today_value(moment: datetime, tz: tzinfo | None) -> DateValue:
    local = moment.astimezone(local_zone(tz))
    midnight = local.replace(hour=0, minute=0, second=0, microsecond=0)
    return date_value(midnight, tz)
