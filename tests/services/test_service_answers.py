"""Answers entering the store through the services: what `Submission.set` and
`set_many` refuse (with a message naming the field) and what they keep."""

import time

import pytest

from fieldkit.services import AnswerRefused
from fieldkit.services.answers import MAX_REPEAT_INSTANCES
from tests.helpers.survey_data import HOAN_KIEM, STAFFING_COMPLETE, watch_autosaves


@pytest.fixture
def staffing(service):
    return service.open_submission(form_id="commune_staffing", commune_code=HOAN_KIEM, lang="en")


def refusal(call) -> AnswerRefused:
    with pytest.raises(AnswerRefused) as refused:
        call()
    return refused.value


def test_a_calculated_field_cannot_be_set(staffing):
    staffing.set_many(STAFFING_COMPLETE, autosave=False)
    refused = refusal(lambda: staffing.set("/data/roster_count", 77))
    assert refused.text("en") == "/data/roster_count is calculated by the form and cannot be set."
    assert refused.text("vi") == "/data/roster_count do biểu mẫu tự tính nên không thể đặt giá trị."
    assert staffing.session.value("/data/roster_count") == "1"  # still what the form computes


def test_a_calculated_field_inside_a_repeat_cannot_be_set(staffing):
    refused = refusal(lambda: staffing.set_many({"/data/roster[1]/is_trained": "1"}))
    assert refused.path == "/data/roster[1]/is_trained"


def test_a_read_only_field_cannot_be_set(staffing):
    before = staffing.session.value("/data/meta/instanceID")
    refused = refusal(lambda: staffing.set("/data/meta/instanceID", "uuid:mine"))
    assert refused.text("en") == "/data/meta/instanceID is read-only in this form and cannot be set."
    assert staffing.session.value("/data/meta/instanceID") == before


def test_a_group_is_not_an_answer(staffing):
    refused = refusal(lambda: staffing.set("/data/roster[1]", "x"))
    assert "is a group, not a question" in refused.text("en")


@pytest.mark.parametrize("path, value, message", [
    ("/data/total_staff", 10**20, "/data/total_staff: 100000000000000000000 is outside what a whole number can hold"),
    ("/data/total_staff", str(10**400), "is outside what a whole number can hold"),
    ("/data/total_staff", "12a", "/data/total_staff: Expected a whole number."),
    ("/data/total_staff", float("inf"), "/data/total_staff: the answer is not a finite number."),
    ("/data/total_staff", float("nan"), "the answer is not a finite number."),
    ("/data/visit_date", "2025-02-30", "/data/visit_date: 2025-02-30 is not a day of the calendar."),
    ("/data/training_needs", "a\x0cb", "(U+000C, at position 2)"),
    ("/data/training_needs", "a\ud800", "(U+D800, at position 2)"),
    ("/data/total_staff", ["1"], "a list is an answer only to a multiple-choice question"),
    ("/data/roster[1]/trainings", ["digital_transformation", "two words"], "each choice in the list"),
    ("/data/total_staff", {"a": 1}, "a dict is not an answer"),
])
def test_a_value_the_field_cannot_hold_is_refused_and_nothing_changes(staffing, path, value, message):
    autosaves = watch_autosaves(staffing)
    refused = refusal(lambda: staffing.set(path, value))
    assert message in refused.text("en")
    assert not staffing.dirty and autosaves == []


def test_values_the_type_holds_are_kept(staffing):
    staffing.set_many({"/data/total_staff": 2**63 - 1, "/data/visit_date": "2024-02-29",
                       "/data/roster[1]/trainings": ["digital_transformation", "telecommunications"]}, autosave=False)
    assert staffing.session.value("/data/total_staff") == "9223372036854775807"
    assert staffing.session.value("/data/roster[1]/trainings") == "digital_transformation telecommunications"


def test_an_int_answered_with_a_fraction_keeps_its_whole_part(staffing):
    staffing.set("/data/total_staff", 2.5)
    assert staffing.session.value("/data/total_staff") == "2"


def test_the_window_keeps_what_a_person_types_until_it_is_corrected(staffing):
    autosaves = watch_autosaves(staffing)
    staffing.set("/data/total_staff", "12a", as_typed=True)
    assert staffing.session.value("/data/total_staff") == "12a"
    assert ("/data/total_staff", "type") in {(path, kind) for path, kind, _message in staffing.errors()}
    staffing.set("/data/training_needs", "pasted\x0b text", as_typed=True)  # an invisible control character
    assert staffing.session.value("/data/training_needs") == "pasted text"
    autosaves[-1].result()  # the working copy holds XML that reads back


def test_the_window_cannot_set_a_calculated_field_either(staffing):
    refusal(lambda: staffing.set("/data/trained_pct", "130", as_typed=True))


def test_set_many_checks_every_answer_before_setting_any(staffing):
    answers = {"/data/total_staff": 12, "/data/roster[3]/name": "Lan", "/data/roster_count": 77}
    refused = refusal(lambda: staffing.set_many(answers))
    assert refused.path == "/data/roster_count"
    assert staffing.session.value("/data/total_staff") == ""
    assert staffing.session.repeat_count("/data/roster") == 1  # no row was added


def test_a_key_that_is_not_a_path_is_refused(staffing):
    refused = refusal(lambda: staffing.set_many({1: "x"}))
    assert refused.text("en").startswith("1 is not a field path")


def test_a_repeat_position_beyond_the_limit_is_refused_at_once(staffing):
    started = time.perf_counter()
    refused = refusal(lambda: staffing.set_many({"/data/roster[1000000]/name": "x"}))
    assert time.perf_counter() - started < 1
    assert refused.text("en") == (
        f"/data/roster[1000000]/name: row 1000000 is beyond the limit of {MAX_REPEAT_INSTANCES} rows of a repeat.")
    assert staffing.session.repeat_count("/data/roster") == 1


def test_a_position_of_a_thousand_digits_is_refused_too(staffing):
    refused = refusal(lambda: staffing.set(f"/data/roster[{'9' * 1000}]/name", "x"))
    assert "is beyond the limit" in refused.text("en")


def test_answers_adding_too_many_rows_together_are_refused_before_any_is_added(service):
    minutes = service.open_submission(form_id="visit_minutes", commune_code=HOAN_KIEM)
    half = MAX_REPEAT_INSTANCES // 2 + 2
    answers = {f"/data/participants[{half}]/participant_name": "A",
               f"/data/recommendations[{half}]/recommendation": "B"}
    started = time.perf_counter()
    refused = refusal(lambda: minutes.set_many(answers))
    assert time.perf_counter() - started < 1
    assert refused.text("en").startswith(f"These answers would add {2 * half - 2} repeat rows")
    assert minutes.session.repeat_count("/data/participants") == 1


def test_rows_are_added_as_the_positions_need_them(staffing):
    staffing.set_many({"/data/roster[3]/name": "C", "/data/roster[2]/name": "B"}, autosave=False)
    assert staffing.session.repeat_count("/data/roster") == 3
    assert staffing.session.value("/data/roster_count") == "3"


NESTED_FORM = """
| survey |
|        | type         | name        | label     |
|        | begin repeat | household   | Household |
|        | begin repeat | member      | Member    |
|        | text         | member_name | Name      |
|        | end repeat   |             |           |
|        | end repeat   |             |           |
| settings |
|          | form_id           | version |
|          | nested_households | 1       |
"""


@pytest.fixture
def households(service, tmp_path):
    form_file = tmp_path / "nested_households.md"
    form_file.write_text(NESTED_FORM, encoding="utf-8")
    service.add_form(form_file)
    return service.open_submission(form_id="nested_households", commune_code=HOAN_KIEM)


def test_rows_inside_an_outer_row_not_there_yet_are_added_with_it(households):
    households.set_many({"/data/household[2]/member[3]/member_name": "Lan"}, autosave=False)
    assert households.session.repeat_count("/data/household") == 2
    assert households.session.repeat_count("/data/household[2]/member") == 3
    assert households.session.value("/data/household[2]/member[3]/member_name") == "Lan"


def test_rows_inside_an_outer_row_not_there_yet_count_towards_the_limit(households):
    path = f"/data/household[2]/member[{MAX_REPEAT_INSTANCES}]/member_name"
    refused = refusal(lambda: households.set_many({path: "Lan"}))
    assert refused.text("en").startswith(f"These answers would add {MAX_REPEAT_INSTANCES + 1} repeat rows")
    assert households.session.repeat_count("/data/household") == 1
