"""`load_form`: any form file (XLSForm .xlsx .xls .csv .md, or XForm .xml) -> Form.

The file type is the caller's `file_type`, else the file's extension; the content
then has the last word where it is unambiguous: an OLE2 workbook is .xls and a ZIP
is .xlsx whatever the name says (people rename .xls files to .xlsx), and content
with no usable name is sniffed (XML, Markdown table, CSV). XLSForms are converted
by pyxform and then read like any XForm: there is one form model builder.
"""

from __future__ import annotations

import os
from pathlib import Path

from fieldkit.forms.errors import FormError
from fieldkit.forms.form_media import MediaLookup
from fieldkit.forms.model import Form
from fieldkit.forms.xform import parse_xform
from fieldkit.forms.xform_cache import cached_xform

FILE_TYPES = (".xlsx", ".xlsm", ".xls", ".csv", ".md", ".xml")
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = b"PK\x03\x04"
_BINARY = {_OLE2: ".xls", _ZIP: ".xlsx"}


def load_form(source: str | os.PathLike[str] | bytes, file_type: str | None = None) -> Form:
    """Load a form; raises FormError, and nothing else, when it is broken."""
    path: Path | None
    if isinstance(source, bytes | bytearray):
        path, display, data = None, None, bytes(source)
    else:
        path = Path(source)
        display, data = str(path), _read(path)
    if not data.strip():
        raise FormError("the file is empty", source=display)
    kind = _file_type(data, _normalize(file_type, display), path)
    media = _beside(path) if path is not None else None
    if kind == ".xml":
        return parse_xform(data, source=display, media=media)

    def convert() -> str:
        from fieldkit.forms.xlsform import xlsform_to_xform  # pyxform loads only when not cached

        return xlsform_to_xform(path if path is not None else data, kind, display=display)

    xform = cached_xform(data, kind, convert)
    return parse_xform(xform, source=display, media=media)


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise FormError("there is no such file", source=str(path)) from None
    except IsADirectoryError:
        raise FormError("this is a folder, not a form file", source=str(path)) from None
    except OSError as error:
        raise FormError(f"the file cannot be read: {error.strerror or error}", source=str(path)) from None
    except ValueError:  # a NUL byte in the path
        raise FormError("this is not a valid file path", source=repr(str(path))) from None


def _normalize(file_type: str | None, display: str | None) -> str | None:
    if file_type is None:
        return None
    normalized = "." + file_type.strip().lower().lstrip(".")
    if normalized not in FILE_TYPES:
        known = ", ".join(FILE_TYPES)
        raise FormError(f"unknown form file type {file_type!r} (known: {known})", source=display)
    return normalized


def _file_type(data: bytes, asked: str | None, path: Path | None) -> str:
    """The type to read `data` as: asked, else the extension; the content decides
    between the two Excel formats and where neither gives a known type."""
    named = asked or (path.suffix.lower() if path is not None and path.suffix.lower() in FILE_TYPES else None)
    sniffed = sniff(data)
    if sniffed in (".xls", ".xlsx") and named not in (sniffed, ".xlsm" if sniffed == ".xlsx" else None):
        return sniffed
    if named is not None:
        return named
    if sniffed is None:
        where = str(path) if path is not None else None
        raise FormError("this is not a form file: not a workbook, XForm, CSV or Markdown table", source=where)
    return sniffed


def sniff(data: bytes) -> str | None:
    """The file type the content looks like, or None."""
    for magic, kind in _BINARY.items():
        if data.startswith(magic):
            return kind
    head = data[:5000]
    try:
        text = head.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        if error.start < len(head) - 3:
            return None  # not UTF-8 text (a character cut at the end is no proof)
        text = head[: error.start].decode("utf-8-sig")
    stripped = text.lstrip()
    if stripped.startswith("<"):
        return ".xml"
    if stripped.startswith("|"):
        return ".md"
    if "," in stripped:
        return ".csv"
    return None


def _beside(path: Path) -> MediaLookup:
    """Media lookup for a form file: its folder, then its `<name>-media` folder
    (the layout ODK Collect and Central use)."""
    folders = [path.parent, path.parent / f"{path.stem}-media"]

    def lookup(name: str) -> bytes | None:
        relative = Path(name)
        if relative.is_absolute() or ".." in relative.parts:
            return None  # a form must not read files outside its folders
        for folder in folders:
            candidate = folder / relative
            if candidate.is_file():
                try:
                    return candidate.read_bytes()
                except OSError:
                    return None
        return None

    return lookup
