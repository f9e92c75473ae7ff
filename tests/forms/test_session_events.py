"""Values the form sets by itself: setvalue on events, choice names, and every corpus
form opened, checked and round-tripped through instance XML."""

import datetime as dt

import pytest

from fieldkit.forms import FormError, load_form
from tests.helpers.odk_forms import form_from_md

EVENTS = """
| survey |
| | type          | name    | label::English (en) | label::Tiếng Việt (vi) | trigger   | calculation | default           |
| | select_one c  | colour  | Colour              | Màu                    |           |             |                   |
| | dateTime      | changed | Changed             | Đổi lúc                | ${colour} | now()       |                   |
| | calculate     | cname   |                     |                        |           | jr:choice-name(${colour}, '${colour}') | |
| | begin repeat  | r       | R                   | R                      |           |             |                   |
| | integer       | n       | N                   | N                      |           |             | position(..) * 10 |
| | end repeat    |         |                     |                        |           |             |                   |
| choices |
| | list_name | name | label::English (en) | label::Tiếng Việt (vi) |
| | c         | red  | Red                 | Đỏ                     |
| | c         | blue | Blue                | Xanh                   |
"""

MOMENT = dt.datetime(2026, 11, 26, 8, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))


@pytest.fixture
def events(tmp_path):
    return form_from_md(tmp_path, EVENTS)


def test_a_trigger_sets_its_question_when_the_watched_answer_changes(events):
    session = events.new_session(now=lambda: MOMENT, tz=MOMENT.tzinfo)
    assert session.value("/data/changed") == ""
    session.set("/data/colour", "red")
    assert session.value("/data/changed").startswith("2026-11-26T08:00:00")


def test_choice_name_gives_the_label_in_the_session_language(events):
    session = events.new_session(lang="English (en)")
    session.set("/data/colour", "blue")
    assert session.value("/data/cname") == "Blue"
    session.set_language("Tiếng Việt (vi)")
    assert session.value("/data/cname") == "Xanh"


def test_new_repeat_instances_get_their_default_from_their_position(events):
    session = events.new_session()
    assert session.value("/data/r[1]/n") == "10"
    session.add_repeat("/data/r")
    session.add_repeat("/data/r")
    assert [session.value(f"/data/r[{i}]/n") for i in (1, 2, 3)] == ["10", "20", "30"]


def _corpus_forms(corpus_dir):
    folders = ("pyxform", "web-forms")
    return [path for folder in folders for path in sorted((corpus_dir / "xlsforms" / folder).iterdir())]


def test_every_corpus_form_opens_checks_and_round_trips(corpus_dir):
    opened = 0
    for path in _corpus_forms(corpus_dir):
        form = load_form(path)
        if path.name == "bad_calc.xlsx":  # its calculation is prose, not an expression
            with pytest.raises(FormError):
                form.new_session()
            continue
        session = form.new_session()
        session.errors()
        session.visible_questions()
        for question in form.questions():
            if question.type in ("select_one", "select_multiple") and "[" not in question.path:
                session.choices(question.path)
        xml = session.to_xml()
        assert form.new_session().from_xml(xml).to_xml() == xml, path.name
        opened += 1
    assert opened == len(_corpus_forms(corpus_dir)) - 1
