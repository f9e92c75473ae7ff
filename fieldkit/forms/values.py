"""Answer values: from Python to the instance's text, and checks of their data type."""

from __future__ import annotations

import datetime as dt
import math
import re

_INTEGER = re.compile(r"[+-]?\d+")
_TIME = re.compile(r"([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)?")


def to_text(value) -> str:
    """The instance text of an answer given as a Python value."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, (list, tuple, set, frozenset)):
        return " ".join(to_text(item) for item in value)
    return str(value)


def _is_decimal(text: str) -> bool:
    try:
        return math.isfinite(float(text))
    except ValueError:
        return False


def _is_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == 10


def _is_datetime(text: str) -> bool:
    try:
        dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def _is_geopoint(text: str) -> bool:
    parts = text.split()
    if not 2 <= len(parts) <= 4 or not all(_is_decimal(part) for part in parts):
        return False
    latitude, longitude = float(parts[0]), float(parts[1])
    return -90 <= latitude <= 90 and -180 <= longitude <= 180


def _are_geopoints(text: str) -> bool:
    points = [point for point in text.split(";") if point.strip()]
    return bool(points) and all(_is_geopoint(point) for point in points)


_CHECKS = {
    "int": lambda text: bool(_INTEGER.fullmatch(text)),
    "integer": lambda text: bool(_INTEGER.fullmatch(text)),
    "decimal": _is_decimal,
    "date": _is_date,
    "time": lambda text: bool(_TIME.fullmatch(text)),
    "dateTime": _is_datetime,
    "geopoint": _is_geopoint,
    "geotrace": _are_geopoints,
    "geoshape": _are_geopoints,
    "boolean": lambda text: text in ("true", "false", "1", "0"),
}

# What each data type expects, for the message of a value that does not fit.
TYPE_HINTS = {
    "int": "a whole number",
    "integer": "a whole number",
    "decimal": "a number",
    "date": "a date as YYYY-MM-DD",
    "time": "a time as HH:MM",
    "dateTime": "a date and time as YYYY-MM-DDTHH:MM",
    "geopoint": "latitude and longitude in degrees, e.g. 21.0285 105.8542",
    "geotrace": "points separated by ';'",
    "geoshape": "points separated by ';'",
    "boolean": "true or false",
}


def fits_type(text: str, data_type: str) -> bool:
    """Whether a non-empty answer text is a value of the bind's data type."""
    check = _CHECKS.get(data_type)
    return True if check is None else check(text.strip())
