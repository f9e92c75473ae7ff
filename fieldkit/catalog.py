"""The delegation's shipped forms: the XLSForms in the repository's `forms/` folder.

From a source checkout or an installed package they sit beside the package
(`Path(fieldkit.__file__).parents[1] / "forms"`); in a PyInstaller build, under the
bundle folder (`sys._MEIPASS / "forms"`). FIELDKIT_FORMS_DIR overrides both.
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
from pathlib import Path

import fieldkit
from fieldkit.i18n import language_code

# The suffixes fieldkit.forms.load reads; not imported from there, because that module
# loads pyxform (most of a second) and listing the folder must not.
FORM_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".csv", ".md", ".xml")


def shipped_forms_dir() -> Path:
    override = os.environ.get("FIELDKIT_FORMS_DIR")
    if override:
        return Path(override)
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "forms"
    return Path(fieldkit.__file__).resolve().parents[1] / "forms"


def shipped_form_files() -> list[Path]:
    """The shipped form files, by name; an absent folder gives none."""
    folder = shipped_forms_dir()
    if not folder.is_dir():
        return []
    return sorted(path for path in folder.iterdir()
                  if path.suffix.lower() in FORM_SUFFIXES and path.is_file() and not path.name.startswith(("~$", ".")))


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def form_titles(form) -> dict[str, str]:
    """A form's title by language code. XForms have one title; the shipped forms write
    it "Vietnamese / English", in the order of their languages, so that is split.
    "" always holds the whole title."""
    titles = {"": form.title or form.id}
    parts = [part.strip() for part in re.split(r"\s+/\s+", form.title or "")]
    codes = [language_code(language) for language in form.languages]
    if len(parts) == len(codes) > 1 and len(set(codes)) == len(codes):
        titles.update(zip(codes, parts, strict=True))
    return titles
