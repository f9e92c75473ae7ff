"""area() (also enclosed-area()), distance() and geofence() over ODK geopoint/geotrace/geoshape strings.

Points are "lat lon [alt [accuracy]]" separated by ';'. Geometry is spherical with
the equatorial radius, as ODK Web Forms computes it.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable
from typing import TypeAlias

from fieldkit.forms.xpath.errors import XPathEvalError
from fieldkit.forms.xpath.functions import Frame, builtin
from fieldkit.forms.xpath.values import XPathValue, to_string

EARTH_RADIUS_METERS = 6_378_100.0
Point: TypeAlias = tuple[float, float]  # latitude, longitude in degrees


def _point(text: str) -> Point | None:
    parts = text.split()
    if not 2 <= len(parts) <= 4:
        return None
    try:
        lat, lon = float(parts[0]), float(parts[1])
    except ValueError:
        return None
    if not (abs(lat) <= 90 and abs(lon) <= 180):
        return None
    return lat, lon


def _points(values: Iterable[XPathValue]) -> list[Point] | None:
    """The points the values hold; None when one of them is not a valid point."""
    texts: list[str] = []
    for value in values:
        if type(value) is list:
            texts.extend(node.string_value() for node in value)
        else:
            texts.append(to_string(value))
    points = []
    for text in texts:
        for piece in text.strip().split(";"):
            point = _point(piece.strip())
            if point is None:
                return None
            points.append(point)
    return points


def _round_cm(value: float) -> float:
    return 0.0 if value == 0 else abs(math.floor(value * 100 + 0.5) / 100)


@builtin("enclosed-area", 1)  # JavaRosa's older name of area()
@builtin("area", 1)
def area(f: Frame, shape: XPathValue) -> float:
    points = _points([shape])
    if points is None or len(points) < 3:
        return 0.0
    if points[0] != points[-1]:
        points.append(points[0])
    total = 0.0
    for (lat1, lon1), (lat2, lon2) in itertools.pairwise(points):
        total += math.radians(lon2 - lon1) * (2 + math.sin(math.radians(lat2)) + math.sin(math.radians(lat1)))
    return _round_cm(total * EARTH_RADIUS_METERS * EARTH_RADIUS_METERS / 2)


def _arc(start: Point, end: Point) -> float:
    phi0, phi1 = math.radians(start[0]), math.radians(end[0])
    delta = math.radians(start[1] - end[1])
    cosine = math.sin(phi0) * math.sin(phi1) + math.cos(phi0) * math.cos(phi1) * math.cos(delta)
    return math.acos(max(-1.0, min(1.0, cosine))) * EARTH_RADIUS_METERS


@builtin("distance", 1, None)
def distance(f: Frame, *values: XPathValue) -> float:
    points = _points(values)
    if points is None or len(points) < 2:
        raise XPathEvalError("distance() needs at least two valid points")
    return _round_cm(sum(_arc(a, b) for a, b in itertools.pairwise(points)))


@builtin("geofence", 2)
def geofence(f: Frame, point: XPathValue, shape: XPathValue) -> bool:
    """True when the point lies inside the closed polygon (ray casting)."""
    located = _points([point])
    polygon = _points([shape])
    if located is None or len(located) != 1 or polygon is None or len(polygon) < 4:
        return False
    if polygon[0] != polygon[-1]:
        return False
    lat, lon = located[0]
    inside = False
    for (lat1, lon1), (lat2, lon2) in itertools.pairwise(polygon):
        if (lon1 > lon) != (lon2 > lon):
            crossing = (lat2 - lat1) * (lon - lon1) / (lon2 - lon1) + lat1
            if lat < crossing:
                inside = not inside
    return inside
