"""The printable document every summary is built as, and the renderer's only input."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Document:
    """A summary ready to print: HTML in the subset Qt's rich text understands (headings,
    paragraphs, tables, `<img src="NAME" width="...">`), and the PNG bytes of each image
    it names. Building one needs no Qt; `fieldkit.ui.printing` lays it out on A4 pages
    with the shipped Noto Sans font, for the preview, the printer and PDF files alike."""

    title: str
    html: str
    images: dict[str, bytes] = field(default_factory=dict)
    landscape: bool = False
