"""Answer values: from Python to the instance's text, and checks of their data type."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Sequence

from fieldkit.forms.xpath.values import XPathValue, to_string
from fieldkit.i18n import translate

# ASCII digits only: Python's \d and float() also take other scripts' digits ("١٢"),
# which no export, SQLite or ODK reads as a number.
_INTEGER = re.compile(r"[+-]?[0-9]+")
_DECIMAL = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?")
_PLAIN_DECIMAL = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)")  # as typed: no exponent
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_TIME = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\.[0-9]+)?)?(Z|[+-][0-9][0-9]:?[0-9][0-9])?")
_DATETIME = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T" + _TIME.pattern)

# What SQLite, XLSX and every export hold as an integer: a signed 64-bit number.
INT_MIN, INT_MAX = -(2**63), 2**63 - 1


def to_text(value: object) -> str:
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


def _is_int(text: str) -> bool:
    """A whole number a signed 64-bit integer holds (the digits are counted first, so a
    number of a million digits costs nothing)."""
    if not _INTEGER.fullmatch(text) or len(text.lstrip("+-").lstrip("0")) > 19:
        return False
    return INT_MIN <= int(text) <= INT_MAX


def _is_decimal(text: str) -> bool:
    """A finite number: 1e400 overflows to infinity, which no export can hold."""
    return bool(_DECIMAL.fullmatch(text)) and math.isfinite(float(text))


def _is_date(text: str) -> bool:
    """A day of the calendar as YYYY-MM-DD (2025-02-30 is not one)."""
    if not _DATE.fullmatch(text):
        return False
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _is_datetime(text: str) -> bool:
    if not _DATETIME.fullmatch(text):
        return False
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


_CHECKS: dict[str, Callable[[str], bool]] = {
    "int": _is_int,
    "integer": _is_int,
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


INT_TYPES = ("int", "integer")
TOO_LARGE = "{value} is outside what a whole number can hold ({low} to {high})."
NOT_FINITE = "{value} is too large to be kept as a number."
NO_SUCH_DATE = "{value} is not a day of the calendar."
LATITUDE_RANGE = "Latitude must be between -90 and 90 degrees (you typed {value})."
LONGITUDE_RANGE = "Longitude must be between -180 and 180 degrees (you typed {value})."
NEGATIVE_ACCURACY = "The accuracy cannot be negative (you typed {value})."
VIETNAMESE = {  # read by fieldkit.i18n (CATALOGUE_MODULES)
    TOO_LARGE: "{value} vượt quá giới hạn của một số nguyên (từ {low} đến {high}).",
    NOT_FINITE: "{value} quá lớn, không lưu được dưới dạng số.",
    NO_SUCH_DATE: "{value} không phải là một ngày có thật.",
    LATITUDE_RANGE: "Vĩ độ phải nằm trong khoảng từ -90 đến 90 độ (đã nhập {value}).",
    LONGITUDE_RANGE: "Kinh độ phải nằm trong khoảng từ -180 đến 180 độ (đã nhập {value}).",
    NEGATIVE_ACCURACY: "Độ chính xác không được là số âm (đã nhập {value}).",
}


def normalized(text: str, data_type: str) -> str:
    """What ODK keeps of an answer entered as `text`: an int question answered 2.5
    holds 2 (the number truncated toward zero); anything else unchanged."""
    bare = text.strip()
    if data_type in INT_TYPES and not _INTEGER.fullmatch(bare) and _is_decimal(bare):
        return str(math.trunc(float(bare)))
    return text


def geopoint_range_problem(parts: Sequence[str], lang: str = "vi") -> str | None:
    """Which of a geopoint's numbers (latitude, longitude, altitude, accuracy, as typed)
    is out of its range, in words; None when none is. Texts that are no number are left
    to the type check."""
    limits = ((0, LATITUDE_RANGE, -90.0, 90.0), (1, LONGITUDE_RANGE, -180.0, 180.0),
              (3, NEGATIVE_ACCURACY, 0.0, math.inf))
    problems = []
    for index, message, low, high in limits:
        text = parts[index].strip() if index < len(parts) else ""
        if _is_decimal(text) and not low <= float(text) <= high:
            problems.append(translate(message, lang, value=text))
    return " ".join(problems) or None


def type_problem(text: str, data_type: str, lang: str = "vi") -> str | None:
    """Why a non-empty answer is not a value of the data type, in words; None when it is.

    More precise than the hint of `session.errors()`: a whole number too large for
    64 bits, a number that overflows, a date the calendar does not have."""
    bare = text.strip()
    if not bare or fits_type(bare, data_type):
        return None
    shown = bare if len(bare) <= 40 else f"{bare[:20]}…{bare[-8:]}"
    if data_type in INT_TYPES and _INTEGER.fullmatch(bare):
        return translate(TOO_LARGE, lang, value=shown, low=INT_MIN, high=INT_MAX)
    if data_type == "decimal" and _DECIMAL.fullmatch(bare):
        return translate(NOT_FINITE, lang, value=shown)
    calendar = {"date": _DATE, "dateTime": _DATETIME}.get(data_type)
    if calendar is not None and calendar.fullmatch(bare):
        return translate(NO_SUCH_DATE, lang, value=shown)
    parts = bare.split()
    if data_type == "geopoint" and 2 <= len(parts) <= 4 and (out_of_range := geopoint_range_problem(parts, lang)):
        return out_of_range
    expected = translate(TYPE_HINTS[data_type], lang)
    return translate("Expected {expected}.", lang, expected=expected)


def calculated_text(result: XPathValue, data_type: str) -> str:
    """A calculation's value as the instance stores it (see `stored_text`); NaN is blank."""
    if isinstance(result, float) and math.isnan(result):
        return ""
    return stored_text(to_string(result), data_type)


def stored_text(text: str, data_type: str) -> str:
    """An answer as ODK (JavaRosa) stores a value of its data type: an integer keeps its
    whole part (`2.5` -> `2`), a decimal is written as a double (`12` -> `12.0`), a
    geopoint's numbers too, and a number that is not finite is blank."""
    if data_type in INT_TYPES:
        return _whole_number_text(text)
    if data_type == "decimal":
        return _double_text(text)
    if data_type == "geopoint" and _PLAIN_DECIMAL.fullmatch(text.split()[0] if text.split() else ""):
        return " ".join(_double_text(part) for part in text.split())
    return text


def _whole_number_text(text: str) -> str:
    if _INTEGER.fullmatch(text.strip()):
        return text
    try:
        number = float(text)
    except ValueError:
        return text  # not a number at all: the type check reports it
    return str(int(number)) if math.isfinite(number) else ""


def _double_text(text: str) -> str:
    if not _PLAIN_DECIMAL.fullmatch(text.strip()):
        try:
            return "" if not math.isfinite(float(text)) else text
        except ValueError:
            return text  # not a number at all: the type check reports it
    written = repr(float(text))
    return written if "e" not in written and float(written) == float(text) else text
