"""External secondary instances: a media file turned into instance XML, as ODK does.

- CSV (`jr://file-csv/x.csv`, also `jr://file/x.csv`): UTF-8, optional BOM, comma
  or (when the header line has one, as JavaRosa accepts) semicolon separated; the
  first row names the columns, each further row becomes
  `<item><col>value</col>...</item>` under `<root>`. Headers must be XML names
  (ODK fails the same way on `label::English`).
- XML (`jr://file/x.xml`): kept as written (its XML declaration dropped).
- GeoJSON (`jr://file/x.geojson`): each feature becomes an `<item>` with
  `<geometry>` in ODK's geo format ("lat lon altitude accuracy", points joined by
  "; "), `<id>` when the feature has one, and one child per property.

A file that cannot be read this way is a broken form: FormError naming the file.
"""

from __future__ import annotations

import csv
import io
import json
import re
import threading
from collections.abc import Sequence
from typing import Any

from lxml import etree

from fieldkit.forms.errors import FormError

_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>\s*")
# Forms that carry the same file share its XML: the three shipped forms each hold the
# 3,321-commune list, 1 MB as text. The last few files converted are kept.
_CONVERTED_LIMIT = 8
_converted: dict[tuple[str, bytes], str] = {}
_converted_lock = threading.Lock()  # forms load on worker threads


def instance_xml(name: str, data: bytes, source: str | None = None) -> str | None:
    """The instance XML of media file `name`, or None for a kind ODK does not read."""
    suffix = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    convert = {"csv": csv_to_xml, "xml": xml_as_is, "geojson": geojson_to_xml}.get(suffix)
    if convert is None:
        return None
    with _converted_lock:
        xml = _converted.get((suffix, data))
    if xml is not None:
        return xml
    try:
        xml = convert(data)
    except (ValueError, TypeError, AttributeError, IndexError) as error:
        # Decoding, CSV/JSON/XML syntax, and GeoJSON of an unexpected shape.
        raise FormError(f"the media file cannot be read: {error}", location=name, source=source) from None
    with _converted_lock:
        if len(_converted) >= _CONVERTED_LIMIT:
            _converted.pop(next(iter(_converted)))
        return _converted.setdefault((suffix, data), xml)


def _text(data: bytes) -> str:
    return data.decode("utf-8-sig")


def csv_to_xml(data: bytes) -> str:
    text = _text(data)
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=csv_delimiter(text)))
    root = etree.Element("root")
    if not rows:
        return _xml_text(root)
    headers = [header.strip() for header in rows[0]]
    for header in headers:
        _check_name(header, "column")
    for row in rows[1:]:
        if not any(cell.strip() for cell in row):
            continue  # blank lines (often the last one) are no item
        item = etree.SubElement(root, "item")
        for position, header in enumerate(headers):
            etree.SubElement(item, header).text = row[position] if position < len(row) else ""
    return _xml_text(root)


def csv_delimiter(text: str) -> str:
    """`;` when the header line has one (as JavaRosa decides: spreadsheets in many
    locales save CSV with semicolons), else `,`. A column name cannot hold `;` (it
    is no XML name character), so a header with one is never comma-separated."""
    header = text.split("\n", 1)[0]
    return ";" if ";" in header else ","


def _check_name(name: str, what: str) -> None:
    try:
        etree.Element(name)
    except ValueError:
        raise ValueError(f"the {what} name {name!r} is not a valid XML element name") from None


def xml_as_is(data: bytes) -> str:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise ValueError(f"not well-formed XML: {error}") from None
    return _DECLARATION.sub("", _text(data), count=1)


def geojson_to_xml(data: bytes) -> str:
    document = json.loads(_text(data))
    features = document.get("features") if isinstance(document, dict) else None
    if not isinstance(features, list):
        raise ValueError("a GeoJSON FeatureCollection (with 'features') is expected")
    root = etree.Element("root")
    for feature in features:
        item = etree.SubElement(root, "item")
        etree.SubElement(item, "geometry").text = _geometry((feature or {}).get("geometry"))
        if feature.get("id") is not None:
            etree.SubElement(item, "id").text = str(feature["id"])
        for key, value in (feature.get("properties") or {}).items():
            if key == "id" and feature.get("id") is not None:
                continue
            _check_name(key, "property")
            etree.SubElement(item, key).text = "" if value is None else str(value)
    return _xml_text(root)


def _xml_text(root: etree._Element) -> str:
    text: str = etree.tostring(root, encoding="unicode")
    return text


def _geometry(geometry: object) -> str:
    if not isinstance(geometry, dict):
        return ""
    # JSON as read: a shape other than GeoJSON's fails below, and instance_xml says so.
    coordinates: Any = geometry.get("coordinates")
    kind = geometry.get("type")
    points: list[Sequence[float]]
    if kind == "Point":
        points = [coordinates]
    elif kind == "LineString":
        points = coordinates
    elif kind == "Polygon":
        points = coordinates[0] if coordinates else []
    else:
        raise ValueError(f"GeoJSON geometry {kind!r} is not supported (Point, LineString, Polygon are)")
    return "; ".join(_point(point) for point in points)


def _point(point: Sequence[float]) -> str:
    longitude, latitude, *rest = point
    altitude = rest[0] if rest else 0
    return f"{latitude} {longitude} {altitude} 0"
