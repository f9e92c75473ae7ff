"""Form view benchmark: typing in the 3,321-commune searchable list, opening the
largest shipped form's FormView, and one keystroke in a text question.

Run: QT_QPA_PLATFORM=offscreen python bench/bench_form_view.py  (prints JSON; figures
go into BENCHMARKS.md). Targets (issue 3): a filter keystroke < 20 ms, opening < 300 ms.

- Filter keystroke: a key pressed in the search box of a select_one_from_file
  communes.csv question without a choice filter (all 3,321 communes), until the list
  has repainted: QTest.keyClick, then processEvents on a shown window.
- Open: FormView(target) for the form with the most questions
  (commune_infrastructure), shown and painted; the form itself already loaded.
  "All pages" adds building every page (pages are built when first shown).
- Text keystroke: a key typed in a text question: the answer reaches the session,
  the page and the progress refresh.
- Number keystroke: the same for a digit typed in an integer question, whose box
  checks each key before the session does.
"""

from __future__ import annotations

import json
import os
import pathlib
import statistics
import sys
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from fieldkit.forms import load_form  # noqa: E402
from fieldkit.ui.form_view import FormView  # noqa: E402

FORMS = pathlib.Path(__file__).resolve().parents[1] / "forms"
QUERIES = ["phuong hoan kiem", "xa dak", "ea h'leo", "tan an", "dong hoa"]
COMMUNES_FORM = """| survey |
| | type | name | label | appearance |
| | select_one_from_file communes.csv | commune | Commune | autocomplete |
"""


class Target:
    def __init__(self, session):
        self.session = session

    def set(self, path, value):
        self.session.set(path, value)

    def add_repeat(self, path):
        return self.session.add_repeat(path)

    def remove_repeat(self, path):
        self.session.remove_repeat(path)


def _shown(view: FormView) -> FormView:
    view.resize(1100, 800)
    view.show()
    QApplication.processEvents()
    return view


def _summary(times: list[float]) -> dict:
    ordered = sorted(times)
    return {
        "median_ms": round(statistics.median(ordered), 2),
        "p95_ms": round(ordered[int(len(ordered) * 0.95) - 1], 2),
        "max_ms": round(ordered[-1], 2),
        "samples": len(ordered),
    }


def filter_keystrokes(workdir: pathlib.Path) -> dict:
    path = workdir / "communes.md"
    path.write_text(COMMUNES_FORM, encoding="utf-8")
    view = _shown(FormView(Target(load_form(path).new_session())))
    widget = view.widget_for("/data/commune")
    times = []
    for query in QUERIES * 4:
        widget.filter.clear()
        widget.search("")
        QApplication.processEvents()
        for char in query:
            start = time.perf_counter()
            QTest.keyClick(widget.filter, char)
            QApplication.processEvents()
            times.append((time.perf_counter() - start) * 1000)
    result = _summary(times)
    result["choices"] = widget.model.total()
    view.close()
    return result


def open_form(rounds: int = 10) -> dict:
    form = load_form(FORMS / "commune_infrastructure.xlsx")
    opened, all_pages = [], []
    for _ in range(rounds):
        session = form.new_session()
        start = time.perf_counter()
        view = _shown(FormView(Target(session)))
        opened.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        for index in range(len(view.pages)):
            view.show_page(index)
        QApplication.processEvents()
        all_pages.append((time.perf_counter() - start) * 1000)
        view.close()
        view.deleteLater()
        QApplication.processEvents()
    return {
        "form": "commune_infrastructure",
        "questions": len(form.questions()),
        "pages": len(view.pages),
        "open_median_ms": round(statistics.median(opened), 1),
        "open_max_ms": round(max(opened), 1),
        "all_pages_median_ms": round(statistics.median(all_pages), 1),
    }


def text_keystrokes() -> dict:
    form = load_form(FORMS / "commune_infrastructure.xlsx")
    view = _shown(FormView(Target(form.new_session())))
    widget = view.widget_for("/data/services/one_stop_software")
    view.show_page(view.page_of(widget.path))
    widget.editor.setFocus()
    times = []
    for char in "Phan mem mot cua dien tu VNPT iGate " * 3:
        start = time.perf_counter()
        QTest.keyClick(widget.editor, char if char != " " else Qt.Key.Key_Space)
        QApplication.processEvents()
        times.append((time.perf_counter() - start) * 1000)
    view.close()
    return _summary(times)


def number_keystrokes() -> dict:
    """Digits typed in an integer question (the box checks each key, then the session)."""
    form = load_form(FORMS / "commune_infrastructure.xlsx")
    view = _shown(FormView(Target(form.new_session())))
    widget = view.widget_for("/data/equipment/computers")
    view.show_page(view.page_of(widget.path))
    widget.editor.setFocus()
    times = []
    for _ in range(12):
        widget.editor.clear()
        for char in "1234567890":
            start = time.perf_counter()
            QTest.keyClick(widget.editor, char)
            QApplication.processEvents()
            times.append((time.perf_counter() - start) * 1000)
    view.close()
    return _summary(times)


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as workdir:
        os.environ.setdefault("FIELDKIT_CACHE_DIR", str(pathlib.Path(workdir) / "cache"))
        report = {
            "filter_keystroke_3321_communes": filter_keystrokes(pathlib.Path(workdir)),
            "open_largest_shipped_form": open_form(),
            "text_keystroke": text_keystrokes(),
            "number_keystroke": number_keystrokes(),
        }
    print(json.dumps(report, indent=2, ensure_ascii=False))
    app.quit()


if __name__ == "__main__":
    main()
