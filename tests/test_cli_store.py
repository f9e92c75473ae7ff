"""`fieldkit submit`, `records` and `edit`, run as a user runs them: real processes on a
real data folder."""

import json
import os
import pathlib
import subprocess
import sys

import pytest

REPO = pathlib.Path(__file__).resolve().parents[1]
STAFFING = REPO / "forms" / "commune_staffing.xlsx"
COMPLETE = {
    "/data/total_staff": 12, "/data/one_stop_staff": 3, "/data/it_staff": 1,
    "/data/roster[1]/name": "Nguyễn Thị Lan", "/data/roster[1]/role": "it_officer",
    "/data/roster[1]/trainings": ["digital_transformation", "telecommunications"],
    "/data/roster[1]/has_signature_cert": "yes", "/data/training_needs": "information_security",
    "/data/roster[2]/name": "Lê Văn C", "/data/roster[2]/role": "civil_servant",
    "/data/roster[2]/trainings": "none", "/data/roster[2]/has_signature_cert": "no",
}


@pytest.fixture
def fieldkit(tmp_path):
    def run(*arguments, lang="en"):
        environment = {**os.environ, "FIELDKIT_LANG": lang}
        return subprocess.run([sys.executable, "-m", "fieldkit.cli", "--data-dir", str(tmp_path / "data"),
                               *map(str, arguments)], capture_output=True, text=True, env=environment, cwd=tmp_path)
    return run


@pytest.fixture
def answers(tmp_path):
    def write(values, name="answers.json"):
        path = tmp_path / name
        path.write_text(json.dumps(values, ensure_ascii=False), encoding="utf-8")
        return path
    return write


def records(fieldkit):
    result = fieldkit("records", "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_submit_saves_a_draft_and_prints_the_record_id_last(fieldkit, answers):
    result = fieldkit("submit", STAFFING, "--answers", answers({"/data/total_staff": 12}), "--commune", "00070")
    assert result.returncode == 0, result.stderr
    record_id = result.stdout.splitlines()[-1]
    [row] = records(fieldkit)
    assert (row["record_id"], row["status"], row["commune_name"], row["form_id"]) == (
        record_id, "draft", "Phường Hoàn Kiếm", "commune_staffing")


def test_submit_finalize_with_every_answer_right_by_form_id(fieldkit, answers):
    fieldkit("submit", STAFFING, "--answers", answers({}), "--commune", "00004")  # the store learns the form
    result = fieldkit("submit", "commune_staffing", "--answers", answers(COMPLETE), "--commune", "00070",
                      "--finalize")
    assert result.returncode == 0, result.stdout + result.stderr
    finalized = [row for row in records(fieldkit) if row["status"] == "finalized"]
    assert [row["record_id"] for row in finalized] == [result.stdout.splitlines()[-1]]


def test_submit_finalize_lists_the_errors_and_saves_nothing(fieldkit, answers):
    wrong = {**COMPLETE, "/data/it_staff": 40}
    del wrong["/data/training_needs"]
    result = fieldkit("submit", STAFFING, "--answers", answers(wrong), "--commune", "00070", "--finalize")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0] == "Cannot finalize: 2 answers must be corrected."
    assert "  /data/it_staff: The count must be 0 or more and cannot exceed the total staff." in lines
    assert "  /data/training_needs: This question requires an answer." in lines
    assert records(fieldkit) == []


def test_a_second_submission_for_the_same_commune_warns_of_a_duplicate(fieldkit, answers):
    fieldkit("submit", STAFFING, "--answers", answers({}), "--commune", "00070")
    result = fieldkit("submit", STAFFING, "--answers", answers({}), "--commune", "00070")
    assert result.returncode == 0
    assert "already has a submission of this form" in result.stderr


def test_edit_makes_a_new_revision_with_the_change(fieldkit, answers):
    submitted = fieldkit("submit", STAFFING, "--answers", answers(COMPLETE), "--commune", "00070", "--finalize")
    record_id = submitted.stdout.splitlines()[-1]
    [before] = records(fieldkit)

    result = fieldkit("edit", record_id, "--set", "/data/it_staff=2", "--set", "/data/roster[1]/name=Lan")
    assert result.returncode == 0, result.stdout + result.stderr
    [after] = records(fieldkit)
    assert after["head_rev"] == result.stdout.splitlines()[-1] != before["head_rev"]
    assert after["status"] == "finalized"


def test_an_edit_that_breaks_a_finalized_record_is_refused(fieldkit, answers):
    submitted = fieldkit("submit", STAFFING, "--answers", answers(COMPLETE), "--commune", "00070", "--finalize")
    record_id = submitted.stdout.splitlines()[-1]
    [before] = records(fieldkit)
    result = fieldkit("edit", record_id, "--set", "/data/it_staff=99")
    assert result.returncode == 1
    assert "/data/it_staff" in result.stdout
    assert records(fieldkit)[0]["head_rev"] == before["head_rev"]


def test_records_prints_one_line_per_submission(fieldkit, answers):
    assert fieldkit("records").stdout == "No submissions yet.\n"
    fieldkit("submit", STAFFING, "--answers", answers({}), "--commune", "00070")
    [line] = fieldkit("records").stdout.splitlines()
    assert "commune_staffing  00070 Phường Hoàn Kiếm, Thành phố Hà Nội  draft" in line


def test_messages_are_in_vietnamese_by_default(fieldkit, answers):
    assert fieldkit("records", lang="").stdout == "Chưa có phiếu nào.\n"
    result = fieldkit("edit", "no-such-record", "--set", "/data/x=1", lang="")
    assert result.returncode == 2
    assert result.stderr.strip() == "Thư mục dữ liệu này không có phiếu no-such-record."


@pytest.mark.parametrize("arguments, message", [
    (("submit", "no_such_form", "--answers", "{answers}"), "There is no form 'no_such_form'"),
    (("submit", "missing.xlsx", "--answers", "{answers}"), "there is no such file"),
    (("submit", STAFFING, "--answers", "{answers}", "--commune", "99999"), "there is no commune with code 99999"),
    (("submit", STAFFING, "--answers", "nowhere.json"), "cannot read nowhere.json"),
    (("edit", "x", "--set", "no-equals-sign"), "--set needs PATH=VALUE"),
])
def test_mistakes_are_plain_messages_with_status_2(fieldkit, answers, arguments, message):
    path = answers({})
    result = fieldkit(*[str(path) if argument == "{answers}" else argument for argument in arguments])
    assert result.returncode == 2, result.stdout + result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_an_unknown_answer_path_is_a_plain_message(fieldkit, answers):
    result = fieldkit("submit", STAFFING, "--answers", answers({"/data/nothing_here": 1}))
    assert result.returncode == 2
    assert result.stderr.startswith("cannot set an answer:")


def test_answers_that_are_not_json_are_a_plain_message(fieldkit, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    result = fieldkit("submit", STAFFING, "--answers", bad)
    assert result.returncode == 2 and "is not valid JSON" in result.stderr
