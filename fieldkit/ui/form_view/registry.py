"""Which widget shows a question: by its type, its appearance and, for selects, the
length of its choice list.

| type                          | appearance / list                       | widget            |
| ----------------------------- | --------------------------------------- | ----------------- |
| text, barcode, other strings  | multiline (or multi-line)               | MultilineWidget   |
| text, barcode, other strings  |                                         | TextWidget        |
| integer / decimal             |                                         | Integer / Decimal |
| date, time, dateTime          |                                         | Date / Time / DateTime |
| select_one                    | autocomplete, search*, or > 60 choices  | SearchableSelect  |
| select_one                    | minimal, or 9–60 choices                | DropdownSelect    |
| select_one                    | ≤ 8 choices                             | RadioSelect       |
| select_multiple               | autocomplete, search*, minimal, or > 60 | SearchableMultiSelect |
| select_multiple               |                                         | CheckboxSelect    |
| rank                          |                                         | RankWidget        |
| note                          |                                         | NoteWidget        |
| acknowledge (and trigger)     |                                         | AcknowledgeWidget |
| range                         |                                         | RangeWidget       |
| geopoint                      |                                         | GeopointWidget    |
| geotrace, geoshape            |                                         | GeoTraceWidget    |
| image, audio, video, file, osm|                                         | AttachmentWidget  |
| calculate, hidden             | (not shown)                             | None              |
"""

from __future__ import annotations

from fieldkit.forms.model import Question
from fieldkit.ui.form_view.widgets.attachment import AttachmentWidget
from fieldkit.ui.form_view.widgets.base import QuestionWidget
from fieldkit.ui.form_view.widgets.choices import ChoiceSource
from fieldkit.ui.form_view.widgets.dates import DateTimeWidget, DateWidget, TimeWidget
from fieldkit.ui.form_view.widgets.geo import GeopointWidget, GeoTraceWidget
from fieldkit.ui.form_view.widgets.misc import AcknowledgeWidget, NoteWidget, RangeWidget, RankWidget
from fieldkit.ui.form_view.widgets.number import DecimalWidget, IntegerWidget
from fieldkit.ui.form_view.widgets.search import SearchableMultiSelect, SearchableSelect
from fieldkit.ui.form_view.widgets.select import CheckboxSelect, DropdownSelect, RadioSelect
from fieldkit.ui.form_view.widgets.text import MultilineWidget, TextWidget

SHORT_LIST = 8  # radio buttons up to this many choices
LONG_LIST = 60  # a searchable list beyond this many

_BY_TYPE: dict[str, type[QuestionWidget]] = {
    "integer": IntegerWidget,
    "decimal": DecimalWidget,
    "date": DateWidget,
    "time": TimeWidget,
    "dateTime": DateTimeWidget,
    "note": NoteWidget,
    "acknowledge": AcknowledgeWidget,
    "range": RangeWidget,
    "rank": RankWidget,
    "geopoint": GeopointWidget,
    "geotrace": GeoTraceWidget,
    "geoshape": GeoTraceWidget,
    "image": AttachmentWidget,
    "audio": AttachmentWidget,
    "video": AttachmentWidget,
    "osm": AttachmentWidget,
    "file": AttachmentWidget,
}
NOT_SHOWN = ("calculate", "hidden")


def appearance_words(question: Question) -> set[str]:
    return set((question.appearance or "").replace(",", " ").split())


def _searchable(words: set[str]) -> bool:
    return "autocomplete" in words or any(word.startswith("search") for word in words)


def widget_class(question: Question, choice_count: int = 0) -> type[QuestionWidget] | None:
    """The widget class for `question`, or None for questions nobody sees."""
    if question.type in NOT_SHOWN or question.kind == "none":
        return None
    if question.kind == "output":
        return NoteWidget
    words = appearance_words(question)
    if question.type == "select_one":
        if _searchable(words) or choice_count > LONG_LIST:
            return SearchableSelect
        if "minimal" in words or choice_count > SHORT_LIST:
            return DropdownSelect
        return RadioSelect
    if question.type == "select_multiple":
        if _searchable(words) or "minimal" in words or choice_count > LONG_LIST:
            return SearchableMultiSelect
        return CheckboxSelect
    if question.type in _BY_TYPE:
        return _BY_TYPE[question.type]
    if words & {"multiline", "multi-line"}:
        return MultilineWidget
    return TextWidget


def create_widget(binding, question: Question, path: str, parent=None) -> QuestionWidget | None:
    """The widget for the question at concrete `path`, or None if it is not shown."""
    if question.type not in ("select_one", "select_multiple"):
        cls = widget_class(question)
        return cls(binding, question, path, parent) if cls is not None else None
    # Read the choices once, for both the choice of widget and the widget itself:
    # reading a long filtered list costs tens of milliseconds.
    source = ChoiceSource(binding.session, question, path)
    source.reload(force=True)
    cls = widget_class(question, len(source.choices))
    return cls(binding, question, path, parent, source=source)
