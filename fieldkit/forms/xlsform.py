"""XLSForm -> XForm text, through pyxform, with its errors made FormErrors.

pyxform's messages often start with "[row : N]" and name the sheet ("On the
'survey' sheet"); `FormError.location` then says "sheet 'survey', row N". Where
pyxform names a question or type but not its row ("Unknown question type 'txet'",
"The survey element named 'location' has no label or hint"), the row is found by
reading the survey sheet for that value.
"""

from __future__ import annotations

import io
import re
import warnings
from pathlib import Path

from pyxform.errors import PyXFormError
from pyxform.xls2json_backends import get_xlsform
from pyxform.xls2xform import convert

from fieldkit.forms.errors import FormError

_ROW = re.compile(r"\[row\s*:\s*(\d+)\]\s*")
_SHEET = re.compile(r"(?:'(\w+)' sheet|sheet:?\s+'(\w+)'|sheet named '(\w+)'"
                    r"|\b(survey|choices|settings|entities) sheet)")
_QUOTED = re.compile(r"'([^']+)'")
_HEADER_PROBLEM = re.compile(r"\bheaders?\b", re.IGNORECASE)


def xlsform_to_xform(
    source: Path | bytes, file_type: str, *, form_name: str | None = None, display: str | None = None
) -> str:
    """The XForm of an XLSForm (`file_type` .xlsx, .xls, .csv or .md).

    `form_name` names the instance root (pyxform's default, "data", if None);
    `display` names the form in messages.
    """
    try:
        with warnings.catch_warnings():
            # openpyxl/xlrd warn about Excel features an XLSForm does not use
            # (data validation, unknown extensions): noise for the form author.
            warnings.simplefilter("ignore")
            result = convert(xlsform=source, validate=False, file_type=file_type, form_name=form_name)
    except PyXFormError as error:
        raise _form_error(error, source, file_type, display) from None
    except Exception as error:  # a broken workbook makes openpyxl/xlrd/zipfile raise anything
        problem = f"the file cannot be read as an XLSForm ({file_type}): {_plain(error)}"
        raise FormError(problem, source=display) from None
    xform: str = result.xform
    return xform


def _plain(error: Exception) -> str:
    text = str(error).strip()
    return text or type(error).__name__


def _form_error(error: PyXFormError, source: Path | bytes, file_type: str, display: str | None) -> FormError:
    message = str(error).strip() or "pyxform rejected the form without saying why"
    row_match = _ROW.search(message)
    row = int(row_match.group(1)) if row_match else None
    sheet = _sheet_in(message)
    problem = _ROW.sub("", message).strip()
    if row is None and "Argument 'definition' was not recognized" in message:
        problem = f"the file is not a readable {file_type} XLSForm"
        return FormError(problem, source=display)
    if row is None:
        sheet, row = _locate(error, message, source, file_type, sheet)
    return FormError(problem, location=_location(sheet, row), source=display)


def _sheet_in(message: str) -> str | None:
    match = _SHEET.search(message)
    if not match:
        return None
    return next(group for group in match.groups() if group)


def _location(sheet: str | None, row: int | None) -> str | None:
    if row is not None:
        return f"sheet '{sheet or 'survey'}', row {row}"
    return f"sheet '{sheet}'" if sheet else None


def _locate(error: PyXFormError, message: str, source: Path | bytes, file_type: str,
            sheet: str | None) -> tuple[str | None, int | None]:
    """(sheet, row) for a message without a row: header problems are in row 1; a
    quoted value (a type, a name) is looked for in the survey sheet."""
    if sheet and _HEADER_PROBLEM.search(message):
        return sheet, 1
    wanted = _QUOTED.findall(message) + [arg for arg in error.args[1:] if isinstance(arg, str)]
    row = _find_row(source, file_type, wanted) if wanted else None
    if row is not None:
        return "survey", row
    return sheet, None


def _find_row(source: Path | bytes, file_type: str, wanted: list[str]) -> int | None:
    """The sheet row (header = row 1) whose type or name is one of `wanted`."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            book = get_xlsform(xlsform=io.BytesIO(source) if isinstance(source, bytes) else source, file_type=file_type)
    except Exception:  # reading failed the same way: only a better message was at stake
        return None
    for value in wanted:
        for index, row in enumerate(book.survey or []):
            cells = {str(row.get(column) or "").strip() for column in ("type", "name")}
            if value in cells or f"include {value}" in cells:
                return index + 2  # the header is row 1, the first data row is 2
    return None
