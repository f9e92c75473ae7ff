"""The province and form pickers of the summaries panel and the export dialog, filled
from one read off the GUI thread."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QComboBox

from fieldkit.ui import labels


@dataclass(frozen=True)
class Choices:
    provinces: list  # fieldkit.communes.Province, in official code order
    forms: list  # fieldkit.services.types.FormEntry


def read_choices(survey) -> Choices:
    """On a worker: the commune directory loads on first use, the catalog reads the store."""
    return Choices(provinces=survey.communes.provinces(), forms=survey.catalog())


def fill_provinces(box: QComboBox, provinces: list, *, everything: str | None) -> None:
    """Provinces by name in the interface language; `everything` first (data None) if given."""
    current = box.currentData()
    box.clear()
    if everything is not None:
        box.addItem(everything, None)
    english = labels.ui_language() == "en"
    for province in provinces:
        box.addItem(province.name_en if english and province.name_en else province.name, province.code)
    box.setCurrentIndex(max(box.findData(current), 0))


def fill_forms(box: QComboBox, forms: list, *, everything: str | None) -> None:
    current = box.currentData()
    box.clear()
    if everything is not None:
        box.addItem(everything, None)
    for entry in forms:
        box.addItem(entry.title_in(labels.ui_language()), entry.form_id)
    box.setCurrentIndex(max(box.findData(current), 0))
