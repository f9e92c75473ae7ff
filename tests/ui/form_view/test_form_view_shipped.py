"""Each shipped form filled end to end through the widgets, as a person would: keys
typed, buttons clicked, choices picked, repeats added with their button. At the end
the session has no errors and holds exactly what was entered."""

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QFileDialog

from fieldkit.communes import search_key
from fieldkit.forms import load_form
from fieldkit.ui.form_view.widgets.attachment import AttachmentWidget
from fieldkit.ui.form_view.widgets.dates import DateWidget
from fieldkit.ui.form_view.widgets.geo import GeopointWidget
from fieldkit.ui.form_view.widgets.misc import AcknowledgeWidget, NoteWidget
from fieldkit.ui.form_view.widgets.number import DecimalWidget, IntegerWidget
from fieldkit.ui.form_view.widgets.search import SearchableSelect
from fieldkit.ui.form_view.widgets.select import CheckboxSelect, DropdownSelect, RadioSelect
from fieldkit.ui.form_view.widgets.text import MultilineWidget, TextWidget

FORMS = Path(__file__).resolve().parents[3] / "forms"
# The 15th of last month: in the past (visit dates cannot be in the future) and a day
# every month has, whatever day the tests run.
DAY = (dt.date.today().replace(day=1) - dt.timedelta(days=1)).replace(day=15)


class Filler:
    """Answers each question widget the way a person would, remembering the answer."""

    def __init__(self, qtbot, type_text, click, picture):
        self.qtbot, self.type_text, self.click, self.picture = qtbot, type_text, click, picture
        self.expected: dict[str, str] = {}

    def fill(self, widget) -> None:
        for kind, method in self.METHODS:
            if isinstance(widget, kind):
                self.expected[widget.path] = method(self, widget)
                return
        raise AssertionError(f"no way to fill {type(widget).__name__} at {widget.path}")

    def integer(self, widget):
        self.qtbot.keyClicks(widget.editor, "3")
        return "3"

    def decimal(self, widget):
        self.qtbot.keyClicks(widget.editor, "2,5")  # typed with a decimal comma
        return "2.5"

    def text(self, widget):
        answer = f"Nguyễn Thị Hoà {len(self.expected) + 1}"  # each field its own text
        self.type_text(widget.editor, answer)
        return answer

    def multiline(self, widget):
        widget.editor.setFocus()
        self.type_text(widget.editor, "Mất điện thường xuyên")
        self.qtbot.keyClick(widget.editor, Qt.Key.Key_Return)
        self.type_text(widget.editor, "vào mùa mưa")
        return "Mất điện thường xuyên\nvào mùa mưa"

    def date(self, widget):
        if not widget.edit.is_empty():  # a default (today): clear it, type another
            self.qtbot.mouseClick(widget.clear_button, Qt.MouseButton.LeftButton)
        widget.edit.setFocus()
        self.qtbot.keyClicks(widget.edit, DAY.strftime("%d/%m/%Y"))
        return DAY.isoformat()

    def buttons(self, widget):
        self.click(widget.buttons[0])
        return widget.buttons[0].property("choice_value")

    def dropdown(self, widget):
        widget.combo.setFocus()
        self.qtbot.keyClick(widget.combo, Qt.Key.Key_Down)
        return widget.source.choices[0][0]

    def search(self, widget):
        value, label = widget.source.choices[0]
        widget.filter.setFocus()
        self.qtbot.keyClicks(widget.filter, search_key(label))  # typed without accents
        self.qtbot.keyClick(widget.filter, Qt.Key.Key_Return)
        return value

    def geopoint(self, widget):
        QApplication.clipboard().setText("21.0285, 105.8542")
        widget.parts[0].setFocus()
        self.qtbot.keyClick(widget.parts[0], Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
        return "21.0285 105.8542"

    def attachment(self, widget):
        self.qtbot.mouseClick(widget.choose_button, Qt.MouseButton.LeftButton)
        return self.picture.name

    def acknowledge(self, widget):
        self.click(widget.editor)
        return "OK"

    METHODS = [
        (DecimalWidget, decimal), (IntegerWidget, integer), (MultilineWidget, multiline), (TextWidget, text),
        (DateWidget, date), (RadioSelect, buttons), (CheckboxSelect, buttons), (DropdownSelect, dropdown),
        (SearchableSelect, search), (GeopointWidget, geopoint), (AttachmentWidget, attachment),
        (AcknowledgeWidget, acknowledge),
    ]


def _fill_page(view, filler, qtbot) -> None:
    """Fill what the page shows, again as answers reveal more; add one more instance
    to each repeat (with its Add button) once its first instance is done."""
    done: set[str] = set()
    extended: set[str] = set()
    while True:
        pending = [w for w in view.current_page.visible_questions()
                   if w.path not in done and not isinstance(w, NoteWidget)]
        if pending:
            filler.fill(pending[0])
            done.add(pending[0].path)
            continue
        sections = [s for s in _repeat_sections(view.current_page) if s.path not in extended and s.add_button]
        if not sections:
            return
        extended.add(sections[0].path)
        qtbot.mouseClick(sections[0].add_button, Qt.MouseButton.LeftButton)


def _repeat_sections(container):
    from fieldkit.ui.form_view.repeat import RepeatSection

    for element in container.elements:
        if isinstance(element, RepeatSection):
            yield element
        elif hasattr(element, "elements"):
            yield from _repeat_sections(element)


@pytest.fixture
def picture(tmp_path, monkeypatch):
    path = tmp_path / "tru_so_xa.png"
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.darkCyan)
    assert image.save(str(path))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(path), ""))
    return path


@pytest.mark.parametrize("name", ["commune_infrastructure", "commune_staffing", "visit_minutes"])
def test_fill_a_shipped_form_through_the_widgets(name, open_view, qtbot, type_text, click, picture):
    view, target = open_view(load_form(FORMS / f"{name}.xlsx"))
    filler = Filler(qtbot, type_text, click, picture)
    visited = []
    for index, page in enumerate(view.pages):
        if page.is_relevant():
            view.show_page(index)
            _fill_page(view, filler, qtbot)
            visited.append(index)
    session = target.session
    assert session.errors() == []
    assert {path: session.value(path) for path in filler.expected} == filler.expected
    shown = {path for path, question in session.visible_questions() if question.type != "note"}
    assert shown <= set(filler.expected)  # every question a person sees was answered
    for repeat in session.form.repeats():
        assert session.repeat_count(repeat.path) == 2  # the first instance and one added
    answered, required = view.progress_counts()
    assert answered == required > 0

