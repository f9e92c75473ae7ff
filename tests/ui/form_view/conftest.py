"""Helpers for the form view's widget tests: small forms written as markdown XLSForms,
and a tiny target over a plain FormSession (the services' Submission stands there in
the application)."""

import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt

from fieldkit.forms import load_form
from tests.helpers.shell import type_text as type_key_by_key


class SessionTarget:
    """What FormView needs from a Submission, over a bare FormSession."""

    def __init__(self, session):
        self.session = session
        self.attached: dict[str, str] = {}
        self.calls: list[tuple] = []

    def set(self, path, value):
        self.calls.append(("set", path, value))
        self.session.set(path, value)

    def add_repeat(self, path):
        self.calls.append(("add_repeat", path))
        return self.session.add_repeat(path)

    def remove_repeat(self, path):
        self.calls.append(("remove_repeat", path))
        self.session.remove_repeat(path)

    def attach(self, path, file_path):
        name = Path(file_path).name
        self.attached[path] = file_path
        self.session.set(path, name)
        return name


HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config, items):
    """The offscreen platform warns that it "does not support propagateSizeHints()"
    whenever a window is shown: noise, not a fault of the view."""
    for item in items:
        if HERE in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.qt_log_ignore("does not support propagateSizeHints"))


@pytest.fixture
def type_text(qtbot):
    """type_text(widget, text): type key by key, non-ASCII letters included
    (tests.helpers.shell.type_text, bound to this test's qtbot)."""
    return lambda widget, text: type_key_by_key(qtbot, widget, text)


@pytest.fixture
def click(qtbot):
    """click(button): a left click where a person clicks a radio button or check box:
    on its indicator (Qt ignores clicks on the empty stretch right of the text)."""

    def click_(button):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))

    return click_


@pytest.fixture
def make_form(tmp_path):
    """make_form(markdown) -> Form, from an XLSForm written as markdown tables."""

    def make(text, name="form.md"):
        path = tmp_path / name
        path.write_text(textwrap.dedent(text).strip() + "\n", encoding="utf-8")
        return load_form(path)

    return make


@pytest.fixture
def open_view(qtbot):
    """open_view(form, lang=None) -> (FormView, SessionTarget), shown and focused."""
    from fieldkit.ui.form_view import FormView

    def open_(form, lang=None):
        target = SessionTarget(form.new_session(lang=lang))
        view = FormView(target)
        qtbot.addWidget(view)
        view.resize(1000, 800)
        with qtbot.waitActive(view):
            view.show()
            view.activateWindow()
        return view, target

    return open_


@pytest.fixture
def vietnamese(qapp):
    """The interface in Vietnamese (the app's Qt catalogue) for one test, English after."""
    from fieldkit.ui.translators import Translators

    translators = Translators(qapp)
    translators.install("vi")
    yield
    translators.install("en")
