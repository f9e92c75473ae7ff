"""FormSession: filling a submission, as the GUI and the CLI drive it."""

import datetime as dt
import pathlib

import pytest

from fieldkit.forms import FormError, load_form
from tests.helpers.odk_forms import form_from_md

HOUSEHOLD = """
| survey |
| | type              | name     | label::English (en) | label::Tiếng Việt (vi) | relevant             | required | constraint | constraint_message::English (en) | constraint_message::Tiếng Việt (vi) | calculation | default |
| | integer           | adults   | Adults              | Người lớn              |                      | yes      | . >= 0     | Cannot be negative               | Không được âm                        |             |         |
| | integer           | children | Children            | Trẻ em                 |                      |          | . >= 0 and . <= 20 | At most 20               | Tối đa 20                            |             |         |
| | calculate         | members  |                     |                        |                      |          |            |                                  |                                      | coalesce(${adults}, 0) + coalesce(${children}, 0) | |
| | calculate         | double   |                     |                        |                      |          |            |                                  |                                      | ${members} * 2 |   |
| | select_one yn     | school   | Children at school? | Trẻ em đi học?         | ${children} > 0      | yes      |            |                                  |                                      |             |         |
| | text              | town     | Town                | Thị trấn               |                      |          |            |                                  |                                      |             | Hà Nội  |
| | note              | summary  | ${members} people   | ${members} người       |                      |          |            |                                  |                                      |             |         |
| choices |
| | list_name | name | label::English (en) | label::Tiếng Việt (vi) |
| | yn        | yes  | Yes                 | Có                     |
| | yn        | no   | No                  | Không                  |
| settings |
| | form_id   | default_language   |
| | household | English (en)       |
"""


@pytest.fixture
def household(tmp_path):
    return form_from_md(tmp_path, HOUSEHOLD)


def test_calculations_follow_the_answers_they_read(household):
    session = household.new_session()
    session.set("/data/adults", 2)
    session.set("/data/children", "3")
    assert session.value("/data/members") == "5"
    assert session.value("/data/double") == "10"
    session.set("/data/children", "")
    assert session.value("/data/double") == "4"


def test_relevance_hides_questions_and_their_answers_from_the_submission(household):
    session = household.new_session()
    session.set("/data/children", "0")
    assert not session.is_relevant("/data/school")
    session.set("/data/children", "2")
    session.set("/data/school", "yes")
    assert session.is_relevant("/data/school")
    session.set("/data/children", "0")
    assert "<school>" not in session.to_xml()
    assert "school" not in session.to_dict()


def test_required_answers_are_reported_only_while_relevant(household):
    session = household.new_session()
    kinds = {(path, kind) for path, kind, _ in session.errors()}
    assert ("/data/adults", "required") in kinds
    assert all(path != "/data/school" for path, _ in kinds)
    session.set("/data/children", "1")
    assert ("/data/school", "required") in {(p, k) for p, k, _ in session.errors()}


def test_constraint_messages_come_in_the_session_language(household):
    english = household.new_session(lang="English (en)")
    english.set("/data/adults", "-1")
    assert ("/data/adults", "constraint", "Cannot be negative") in english.errors()
    vietnamese = household.new_session(lang="Tiếng Việt (vi)")
    vietnamese.set("/data/children", "21")
    assert ("/data/children", "constraint", "Tối đa 20") in vietnamese.errors()


def test_a_value_of_the_wrong_type_is_an_error_not_a_crash(household):
    session = household.new_session(lang="English (en)")
    session.set("/data/adults", "two")
    assert session.error("/data/adults") == ("type", "Expected a whole number.")


def test_a_geopoint_out_of_range_is_named_with_its_range_in_the_error_list(tmp_path):
    form = form_from_md(tmp_path, """
| survey |
| | type     | name | label |
| | geopoint | site | Site  |
""")
    english, vietnamese = form.new_session(lang="en"), form.new_session(lang="vi")
    for session in (english, vietnamese):
        session.set("/data/site", "210 105.85")
    assert ("/data/site", "type", "Latitude must be between -90 and 90 degrees (you typed 210.0).") in english.errors()
    assert vietnamese.error("/data/site") == ("type", "Vĩ độ phải nằm trong khoảng từ -90 đến 90 độ (đã nhập 210.0).")
    english.set("/data/site", "21.03 250")
    assert english.error("/data/site") == ("type", "Longitude must be between -180 and 180 degrees (you typed 250.0).")
    english.set("/data/site", "21.03 north")
    assert english.error("/data/site") == ("type", "Expected latitude and longitude in degrees, e.g. 21.0285 105.8542.")


def test_defaults_labels_with_outputs_and_choices_are_translated(household):
    session = household.new_session(lang="Tiếng Việt (vi)")
    assert session.value("/data/town") == "Hà Nội"
    session.set("/data/adults", "4")
    assert session.label("/data/summary") == "4 người"
    assert session.choices("/data/school") == [("yes", "Có"), ("no", "Không")]
    session.set_language("English (en)")
    assert session.label("/data/summary") == "4 people"


def test_a_language_the_form_lacks_shows_its_default(household):
    # ODK: the app's language and the form's are independent (tests/forms/test_languages.py).
    assert household.new_session(lang="Français (fr)").lang == household.default_language


def test_instance_round_trip_keeps_every_answer(household):
    session = household.new_session()
    session.set("/data/adults", "2")
    session.set("/data/children", "1")
    session.set("/data/school", "no")
    xml = session.to_xml()
    restored = household.new_session().from_xml(xml)
    assert restored.to_dict() == session.to_dict()
    assert restored.value("/data/members") == "3"
    assert restored.value("/data/meta/instanceID") == session.value("/data/meta/instanceID")


def test_a_new_submission_gets_an_instance_id(household):
    first, second = household.new_session(), household.new_session()
    assert first.value("/data/meta/instanceID").startswith("uuid:")
    assert first.value("/data/meta/instanceID") != second.value("/data/meta/instanceID")


def test_an_unknown_path_is_a_form_error(household):
    session = household.new_session()
    with pytest.raises(FormError, match="/data/nothing"):
        session.set("/data/nothing", "1")


ROSTER = """
| survey |
| | type         | name    | label   | repeat_count | calculation                  | relevant      | constraint |
| | integer      | count   | How many |             |                              |               |            |
| | begin repeat | person  | Person  | ${count}     |                              |               |            |
| | text         | name    | Name    |              |                              |               |            |
| | integer      | age     | Age     |              |                              |               | . < 130    |
| | text         | school  | School  |              |                              | ../age < 18   |            |
| | calculate    | pos     |         |              | position(..)                 |               |            |
| | end repeat   |         |         |              |                              |               |            |
| | begin repeat | visit   | Visit   |              |                              |               |            |
| | date         | day     | Day     |              |                              |               |            |
| | end repeat   |         |         |              |                              |               |            |
| | calculate    | total_age |       |              | sum(${age})                  |               |            |
| | calculate    | second  |         |              | indexed-repeat(${name}, ${person}, 2) |      |            |
"""


@pytest.fixture
def roster(tmp_path):
    return form_from_md(tmp_path, ROSTER)


def test_repeat_count_follows_the_count_question(roster):
    session = roster.new_session()
    session.set("/data/count", "3")
    assert session.repeat_count("/data/person") == 3
    assert session.value("/data/person[3]/pos") == "3"
    session.set("/data/count", "1")
    assert session.repeat_count("/data/person") == 1


def test_answers_in_repeats_are_addressed_by_position(roster):
    session = roster.new_session()
    session.set("/data/count", "2")
    session.set("/data/person[1]/name", "Lan")
    session.set("/data/person[1]/age", "40")
    session.set("/data/person[2]/name", "Minh")
    session.set("/data/person[2]/age", "12")
    assert session.value("/data/total_age") == "52"
    assert session.value("/data/second") == "Minh"
    assert not session.is_relevant("/data/person[1]/school")
    assert session.is_relevant("/data/person[2]/school")
    assert [row["name"] for row in session.to_dict()["person"]] == ["Lan", "Minh"]


def test_repeats_without_a_count_are_added_and_removed_by_the_user(roster):
    session = roster.new_session()
    start = session.repeat_count("/data/visit")
    assert session.add_repeat("/data/visit") == start + 1
    session.set(f"/data/visit[{start + 1}]/day", "2026-11-26")
    session.remove_repeat("/data/visit[1]")
    assert session.repeat_count("/data/visit") == start
    assert session.value(f"/data/visit[{start}]/day") == "2026-11-26"


def test_constraint_errors_name_the_repeat_instance(roster):
    session = roster.new_session()
    session.set("/data/count", "2")
    session.set("/data/person[2]/age", "200")
    assert [(p, k) for p, k, _ in session.errors()] == [("/data/person[2]/age", "constraint")]


def test_a_repeat_round_trips_through_instance_xml(roster):
    session = roster.new_session()
    session.set("/data/count", "2")
    session.set("/data/person[2]/name", "Minh")
    restored = roster.new_session().from_xml(session.to_xml())
    assert restored.repeat_count("/data/person") == 2
    assert restored.value("/data/person[2]/name") == "Minh"


def test_visible_questions_follow_display_order_and_relevance(roster):
    session = roster.new_session()
    session.set("/data/count", "1")
    session.set("/data/person[1]/age", "30")
    paths = [path for path, _ in session.visible_questions()]
    assert paths[:4] == ["/data/count", "/data/person[1]/name", "/data/person[1]/age", "/data/visit[1]/day"]
    assert "/data/person[1]/school" not in paths
    assert "/data/total_age" not in paths


def test_choice_filters_on_corpus_cascading_selects(corpus_dir):
    form = load_form(corpus_dir / "xlsforms" / "pyxform" / "choice_filter_test.xlsx")
    session = form.new_session()
    assert session.choices("/data/county") == []
    session.set("/data/state", "texas")
    assert [value for value, _ in session.choices("/data/county")] == ["king", "cameron"]
    session.set("/data/county", "cameron")
    assert session.choices("/data/city") == [("brownsville", "brownsville"), ("harlingen", "harlingen")]


def test_an_answer_that_is_none_of_the_choices_is_an_error(household, corpus_dir):
    session = household.new_session(lang="en")
    session.set("/data/children", "2")
    session.set("/data/school", "maybe")
    assert session.error("/data/school") == ("choice", "'maybe' is not one of the choices.")
    session.set("/data/school", "yes")
    assert session.error("/data/school") is None
    cascading = load_form(corpus_dir / "xlsforms" / "pyxform" / "choice_filter_test.xlsx").new_session()
    cascading.set("/data/state", "texas")
    cascading.set("/data/county", "nowhere")  # a code no list holds, filtered or not
    assert cascading.error("/data/county")[0] == "choice"
    cascading.set("/data/county", "cameron")
    assert cascading.error("/data/county") is None


def test_a_multiple_choice_answer_names_the_part_that_is_no_choice():
    form = load_form(pathlib.Path(__file__).resolve().parents[2] / "forms" / "commune_infrastructure.xlsx")
    session = form.new_session(lang="en")
    session.set("/data/findings/problems", "old_equipment nonsense")
    assert session.error("/data/findings/problems") == ("choice", "'nonsense' is not one of the choices.")
    session.set("/data/commune", "99999")  # no commune has this code
    assert ("/data/commune", "choice", "'99999' is not one of the choices.") in session.errors()
    session.set("/data/findings/problems", "old_equipment")
    session.set("/data/commune", "00070")
    assert [error for error in session.errors() if error[1] == "choice"] == []


def test_a_corpus_form_with_a_broken_calculation_loads_but_cannot_be_filled(corpus_dir):
    form = load_form(corpus_dir / "xlsforms" / "pyxform" / "bad_calc.xlsx")
    with pytest.raises(FormError) as caught:
        form.new_session()
    assert "/data/badcalc" in str(caught.value) and "calculate" in str(caught.value)


def test_label_outputs_on_corpus_calculate_form(corpus_dir):
    form = load_form(corpus_dir / "xlsforms" / "pyxform" / "calculate.xls")
    session = form.new_session()
    assert session.value("/data/calculate_test") == "4"
    assert session.label("/data/calculate_test_output").strip() == "2+2 = 4"
    assert session.value("/data/calculate_test_2") == "success"


def test_preloads_use_the_session_clock(tmp_path):
    form = form_from_md(tmp_path, """
        | survey |
        | | type  | name  | label |
        | | start | start |       |
        | | today | day   |       |
        | | deviceid | device |    |
        | | date  | visit | Visit |
    """)
    moment = dt.datetime(2026, 11, 26, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    session = form.new_session(now=lambda: moment, properties={"deviceid": "laptop-7"})
    assert session.value("/data/start").startswith("2026-11-26T09:30:00")
    assert session.value("/data/day") == "2026-11-26"
    assert session.value("/data/device") == "laptop-7"


def test_one_change_recomputes_only_what_reads_it(household):
    compiled = household.compiled
    touched = {compiled.computations[i].path for i in compiled.affected_by({"/data/children"})}
    assert touched == {"/data/members", "/data/school"}
    assert "/data/double" not in touched  # reached through /data/members when it changes


def test_calculations_in_a_cycle_are_a_form_error(tmp_path):
    form = form_from_md(tmp_path, """
        | survey |
        | | type      | name | label | calculation |
        | | calculate | a    |       | ${b} + 1    |
        | | calculate | b    |       | ${a} + 1    |
    """)
    with pytest.raises(FormError, match="cycle"):
        form.new_session()


def test_a_broken_expression_names_the_field_and_the_expression(tmp_path):
    form = form_from_md(tmp_path, """
        | survey |
        | | type    | name | label | relevant |
        | | integer | a    | A     |          |
        | | integer | b    | B     | ${a} >>  |
    """)
    with pytest.raises(FormError) as caught:
        _ = form.compiled
    message = str(caught.value)
    assert "/data/b" in message and "relevant" in message


def test_a_submission_without_its_non_relevant_answers_loads_whole(household):
    session = household.new_session()
    session.set("/data/children", "0")
    xml = session.to_xml()
    assert "<school" not in xml
    restored = household.new_session().from_xml(xml)
    assert restored.value("/data/school") == ""  # back from the form, blank
    restored.set("/data/children", "2")
    restored.set("/data/school", "yes")
    assert restored.to_dict()["school"] == "yes"


def test_nodes_the_form_no_longer_has_are_kept_when_loading(household):
    xml = household.new_session().to_xml().replace("<town>", "<retired>old answer</retired><town>")
    restored = household.new_session().from_xml(xml)
    assert "<retired>old answer</retired>" in restored.to_xml()


def test_a_question_without_a_bind_has_no_error(tmp_path):
    form = form_from_md(tmp_path, """
        | survey |
        | | type    | name | label |
        | | trigger | ok   | OK    |
    """)
    session = form.new_session()
    assert session.error("/data/ok") is None
