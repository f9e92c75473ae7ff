"""Qt rich-text HTML (the QTextDocument subset) and numbers and dates as each language
writes them: Vietnamese 3.321 and 12,5; English 3,321 and 12.5."""

from __future__ import annotations

import datetime as dt
import math
import re
import statistics
from html import escape as _escape

ENGLISH_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                  "October", "November", "December")
TABLE = '<table border="1" cellpadding="4" cellspacing="0" width="100%" style="border-collapse: collapse">'
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


def printable(value: str) -> str:
    """`value` without the control characters and lone surrogates no page can show."""
    return _CONTROL.sub("", value) if _CONTROL.search(value) else value


def escape(value: str) -> str:
    """HTML-escaped, without the control characters and lone surrogates no page can show
    (an answer written by another tool may hold them)."""
    return _escape(printable(value))


def lines(value: str) -> str:
    """Escaped, with each line break typed in an answer kept as a line break."""
    return escape(value.replace("\r\n", "\n").replace("\r", "\n")).replace("\n", "<br>")


class Flagged(str):
    """A table cell printed in red, bold, with `note` (why) under it: an answer that fails
    its form's checks."""

    note: str

    def __new__(cls, value: str, note: str) -> Flagged:
        flagged = super().__new__(cls, value)
        flagged.note = note
        return flagged


WARNING_COLOUR = "#b3261e"
HEAD_CELL = '<th style="background-color: #e8e8e8" align="{align}">{text}</th>'


def number(value: float | int | None, lang: str, *, decimals: int = 1) -> str:
    """A number with at most `decimals` decimals (trailing zeros dropped); "–" when missing."""
    if value is None or not math.isfinite(value):
        return "–"
    text = f"{round(float(value), decimals):,.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if lang == "vi":
        text = text.translate(str.maketrans({",": ".", ".": ","}))
    return text


def percent(value: float | None, lang: str) -> str:
    return "–" if value is None else f"{number(value, lang)}%"


def long_date(iso: str, lang: str) -> str:
    """2026-11-26 -> "ngày 26 tháng 11 năm 2026" / "26 November 2026"; other text as it is."""
    try:
        day = dt.date.fromisoformat(iso[:10])
    except ValueError:
        return iso
    if lang == "vi":
        return f"ngày {day.day:02d} tháng {day.month:02d} năm {day.year}"
    return f"{day.day} {ENGLISH_MONTHS[day.month - 1]} {day.year}"


def median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None


def text(value: str) -> str:
    return escape(value or "")


def heading(value: str, level: int = 2) -> str:
    return f"<h{level}>{escape(value)}</h{level}>"


def paragraph(value: str, *, align: str = "", bold: bool = False, italic: bool = False) -> str:
    body = lines(value)
    if bold:
        body = f"<b>{body}</b>"
    if italic:
        body = f"<i>{body}</i>"
    return f'<p align="{align}">{body}</p>' if align else f"<p>{body}</p>"


def bullets(items: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{cell(item)}</li>" for item in items) + "</ul>"


def cell(value: str) -> str:
    """A table cell's or a list item's HTML: its lines kept; a Flagged one marked."""
    if isinstance(value, Flagged):
        return (f'<span style="color: {WARNING_COLOUR}"><b>{lines(value)}</b><br>'
                f"<i>{lines(value.note)}</i></span>")
    return lines(value)


def banner(value: str) -> str:
    """A boxed warning across the page, in red: what a reader must not miss (a draft)."""
    return (f'<table border="2" cellpadding="6" cellspacing="0" width="100%" '
            f'style="border-collapse: collapse; border-color: {WARNING_COLOUR}" bgcolor="#fdecea">'
            f'<tr><td><span style="color: {WARNING_COLOUR}"><b>{lines(value)}</b></span></td></tr></table>')


def table(headers: list[str], rows: list[list[str]], *, numeric: set[int] = frozenset(),
          widths: tuple[int, ...] = ()) -> str:
    """A bordered table; the columns in `numeric` are right-aligned, `widths` in percent.
    Cells are escaped, their line breaks kept."""
    return sectioned_table(headers, [("", rows)], numeric=numeric, widths=widths)


def sectioned_table(headers: list[str], sections: list[tuple[str, list[list[str]]]], *,
                    numeric: set[int] = frozenset(), widths: tuple[int, ...] = ()) -> str:
    """A table whose rows come in titled sections (a bold row spanning the table). The
    header row is the table's head: a page break repeats it, and never leaves it alone at
    the foot of a page."""
    def align(column: int) -> str:
        return "right" if column in numeric else "left"

    def width(column: int) -> str:
        return f' width="{widths[column]}%"' if column < len(widths) else ""

    head = "".join(HEAD_CELL.format(align=align(column), text=escape(header)).replace("<th ", f"<th{width(column)} ")
                   for column, header in enumerate(headers))
    body = ""
    for title, rows in sections:
        if title:
            body += f'<tr><td colspan="{len(headers)}"><b>{escape(title)}</b></td></tr>'
        body += "".join(
            "<tr>" + "".join(f'<td align="{align(column)}">{cell(value)}</td>' for column, value in enumerate(row))
            + "</tr>" for row in rows)
    return f"{TABLE}<thead><tr>{head}</tr></thead>{body}</table>"


def image(name: str, *, width: int) -> str:
    return f'<p align="center"><img src="{escape(name)}" width="{width}"></p>'


def page(title_html: str, *parts: str) -> str:
    return ('<html><body style="font-family: \'Noto Sans\'; font-size: 10pt">'
            + title_html + "".join(parts) + "</body></html>")
