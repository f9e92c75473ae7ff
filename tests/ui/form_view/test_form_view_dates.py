"""Date, time and date-time questions: Qt's editors that can stay unanswered."""

import datetime as dt

from PySide6.QtCore import Qt

FORM = """
| survey |
| | type     | name    | label::English (en) | constraint         | constraint_message::English (en) |
| | date     | visit   | Visit date          | . <= '2030-01-01'  | Not after 2030                   |
| | time     | arrival | Arrival time        |                    |                                  |
| | dateTime | meeting | Meeting             |                    |                                  |
| settings |
| | form_id | default_language |
| | dates   | English (en)     |
"""


def test_an_untouched_date_stays_unanswered(make_form, open_view):
    view, target = open_view(make_form(FORM))
    widget = view.widget_for("/data/visit")
    assert widget.edit.is_empty()
    assert widget.edit.text().strip() == ""
    assert target.session.value("/data/visit") == ""
    assert not widget.clear_button.isEnabled()


def test_typing_a_date_answers_it(make_form, open_view, qtbot):
    view, target = open_view(make_form(FORM))
    widget = view.widget_for("/data/visit")
    widget.edit.setFocus()
    qtbot.keyClicks(widget.edit, "03/04/2025")  # the "/" after two digits is not doubled
    assert target.session.value("/data/visit") == "2025-04-03"
    assert widget.edit.text() == "03/04/2025"
    qtbot.mouseClick(widget.clear_button, Qt.MouseButton.LeftButton)
    assert target.session.value("/data/visit") == ""
    assert widget.edit.is_empty()


def test_an_arrow_key_starts_from_today(make_form, open_view, qtbot):
    view, target = open_view(make_form(FORM))
    widget = view.widget_for("/data/visit")
    widget.edit.setFocus()
    qtbot.keyClick(widget.edit, Qt.Key.Key_Up)
    assert target.session.value("/data/visit") == dt.date.today().isoformat()


def test_constraint_on_a_date(make_form, open_view, qtbot):
    view, target = open_view(make_form(FORM))
    widget = view.widget_for("/data/visit")
    widget.edit.setFocus()
    qtbot.keyClicks(widget.edit, "01022031")
    assert target.session.value("/data/visit") == "2031-02-01"
    assert widget.error_text() == "Not after 2030"


def test_time_and_midnight(make_form, open_view, qtbot):
    view, target = open_view(make_form(FORM))
    widget = view.widget_for("/data/arrival")
    widget.edit.setFocus()
    qtbot.keyClicks(widget.edit, "0930")
    assert target.session.value("/data/arrival").startswith("09:30:00.000")
    qtbot.mouseClick(widget.clear_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(widget.edit, "0000")  # midnight is an answer, not "empty"
    assert target.session.value("/data/arrival").startswith("00:00:00.000")
    assert widget.edit.text() == "00:00"
    assert widget.error_text() == ""


def test_datetime_keeps_the_local_offset(make_form, open_view, qtbot):
    view, target = open_view(make_form(FORM))
    widget = view.widget_for("/data/meeting")
    widget.edit.setFocus()
    qtbot.keyClicks(widget.edit, "261120261415")
    stored = dt.datetime.fromisoformat(target.session.value("/data/meeting"))
    assert stored.tzinfo is not None
    assert stored.astimezone().replace(tzinfo=None) == dt.datetime(2026, 11, 26, 14, 15)


def test_answers_from_the_session_are_shown(make_form, open_view):
    form = make_form(FORM)
    view, target = open_view(form)
    target.session.set("/data/visit", "2024-12-31")
    target.session.set("/data/arrival", "07:05:00.000+07:00")
    view.refresh()
    assert view.widget_for("/data/visit").edit.text() == "31/12/2024"
    assert view.widget_for("/data/arrival").edit.text() == "07:05"
