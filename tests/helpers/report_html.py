"""Reading a summary's HTML back as a reader sees it: texts and table rows."""

import re
import struct
from html import escape
from html.parser import HTMLParser


class _Tables(HTMLParser):
    def __init__(self):
        super().__init__()
        self.rows: list[list[str]] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = []
        elif tag == "br" and self._cell is not None:
            self._cell.append(" ")

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append(" ".join("".join(self._cell).split()))
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def table_rows(html: str) -> list[list[str]]:
    parser = _Tables()
    parser.feed(html)
    return parser.rows


def rows(html: str, first_cell: str) -> list[list[str]]:
    """The table rows whose first cell is `first_cell`, in order."""
    return [cells for cells in table_rows(html) if cells and cells[0] == first_cell]


def row(html: str, first_cell: str) -> list[str]:
    """The first table row whose first cell is `first_cell` (there must be one)."""
    found = rows(html, first_cell)
    assert found, f"no row {first_cell!r}"
    return found[0]


def plain_text(html: str) -> str:
    from html import unescape

    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height of a PNG; AssertionError when the bytes are not one."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def image_names(html: str) -> list[str]:
    return re.findall(r'<img src="([^"]+)"', html)


def section(html: str, heading: str) -> str:
    """The HTML from an <h3> heading to the next one."""
    start = html.index(f"<h3>{escape(heading)}</h3>")
    end = html.find("<h3>", start + 4)
    return html[start:end if end != -1 else len(html)]
