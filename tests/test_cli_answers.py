"""What `fieldkit submit --answers` and `fieldkit edit --set` refuse, as a user sees it:
one plain line naming the field or the file, exit status 2, nothing saved, never a
traceback."""

import json
import os
import pathlib
import subprocess
import sys
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fieldkit.cli import main
from fieldkit.services.answers_file import AnswersFileError, read_answers_file

REPO = pathlib.Path(__file__).resolve().parents[1]
STAFFING = REPO / "forms" / "commune_staffing.xlsx"


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory):
    """A data folder that knows the staffing form (added once: converting it takes a while)."""
    folder = tmp_path_factory.mktemp("cli-answers") / "data"
    empty = folder.parent / "empty.json"
    empty.write_text("{}", encoding="utf-8")
    os.environ["FIELDKIT_LANG"] = "en"
    try:
        assert main(["--data-dir", str(folder), "submit", str(STAFFING), "--answers", str(empty)]) == 0
    finally:
        del os.environ["FIELDKIT_LANG"]
    return folder


@pytest.fixture
def fieldkit(data_dir, capsys, monkeypatch):
    """fieldkit(*arguments) -> (exit status, stdout, stderr), in English."""
    monkeypatch.setenv("FIELDKIT_LANG", "en")

    def run(*arguments):
        status = main(["--data-dir", str(data_dir), *map(str, arguments)])
        out, err = capsys.readouterr()
        return status, out, err
    return run


@pytest.fixture
def submit(fieldkit, tmp_path):
    """submit(file content as bytes or a JSON-able value) -> (status, stdout, stderr)."""
    def run(content, *more):
        path = tmp_path / "answers.json"
        path.write_bytes(content if isinstance(content, bytes) else json.dumps(content).encode("utf-8"))
        return fieldkit("submit", "commune_staffing", "--answers", path, "--commune", "00070", *more)
    return run


def record_count(fieldkit) -> int:
    status, out, _err = fieldkit("records", "--json")
    assert status == 0
    return len(json.loads(out))


@pytest.mark.parametrize("answers, message", [
    ({"/data/total_staff": 12, "/data/roster_count": 77},
     "cannot set an answer: /data/roster_count is calculated by the form and cannot be set."),
    ({"/data/meta/instanceID": "uuid:mine"},
     "cannot set an answer: /data/meta/instanceID is read-only in this form and cannot be set."),
    ({"/data/total_staff": 10**20},
     "cannot set an answer: /data/total_staff: 100000000000000000000 is outside what a whole number can hold "
     "(-9223372036854775808 to 9223372036854775807)."),
    ({"/data/visit_date": "2025-02-30"},
     "cannot set an answer: /data/visit_date: 2025-02-30 is not a day of the calendar."),
    ({"/data/roster[1000000]/name": "x"},
     "cannot set an answer: /data/roster[1000000]/name: row 1000000 is beyond the limit of 10000 rows of a repeat."),
    ({"/data/total_staff": ["12"]},
     "cannot set an answer: /data/total_staff: a list is an answer only to a multiple-choice question."),
])
def test_an_answer_the_form_does_not_allow_is_refused(fieldkit, submit, answers, message):
    before = record_count(fieldkit)
    status, out, err = submit(answers, "--finalize")
    assert (status, out, err.strip()) == (2, "", message)
    assert record_count(fieldkit) == before


@pytest.mark.parametrize("content, message", [
    (b'{"/data/total_staff": 1' + b"0" * 400 + b"}",
     "cannot set an answer: /data/total_staff: 10000000000000000000…00000000 is outside what a whole number can hold"),
    (b'{"/data/total_staff": 1e400}',
     "cannot set an answer: /data/total_staff: the answer is not a finite number."),
    (b'{"/data/training_needs": "\\ud800"}', "answers.json: the answer to '/data/training_needs' holds a character "
                                             "that cannot be stored (U+D800, at position 1)."),
    (b'{"\\ud800": 1}', "answers.json: the key '\\ud800' holds a character that cannot be stored "
                        "(U+D800, at position 1)."),
    (b'{"/data/training_needs": "caf\xe9"}', "answers.json is not UTF-8 text (byte 30 cannot be read)."),
    (b"[" * 5000 + b"]" * 5000, "answers.json is nested too deeply to be a file of answers."),
    (b'{"a":' * 5000 + b"1" + b"}" * 5000, "answers.json is nested too deeply to be a file of answers."),
    (b'{"/data/total_staff": {"value": 1}}', "answers.json: the answer to '/data/total_staff' must be text, a number, "
                                             "true/false, null or a list of choice names, not an object."),
    (b'{"/data/roster[1]/trainings": [1, 2]}', "not a list holding something other than text."),
    (b'{"/data/total_staff": NaN}', "answers.json holds NaN, which is not a number JSON allows."),
    (b'{"/data/total_staff": 1' + b"0" * 5000 + b"}",
     "answers.json holds a number of 5001 digits, too long to be an answer."),
    (b'{"/data/total_staff": 1, "/data/total_staff": 2}', "answers.json gives '/data/total_staff' twice."),
    (b'["/data/total_staff"]', "answers.json must hold a JSON object of answers keyed by instance path"),
    (b'{"/data/total_staff": ', "answers.json is not valid JSON: Expecting value (line 1, column 23)."),
])
def test_a_bad_file_of_answers_is_one_plain_line(fieldkit, submit, content, message):
    before = record_count(fieldkit)
    status, out, err = submit(content)
    assert status == 2 and out == ""
    assert message in err and err.count("\n") == 1 and "Traceback" not in err
    assert record_count(fieldkit) == before


def test_a_huge_repeat_position_is_refused_at_once(submit):
    started = time.perf_counter()
    status, _out, err = submit({"/data/roster[1000000]/name": "x"})
    assert status == 2 and "beyond the limit" in err
    assert time.perf_counter() - started < 5


def test_what_real_users_write_is_accepted(fieldkit, submit):
    """A BOM (Notepad), null for no answer, numbers, true/false and a list for a multiple choice."""
    answers = {"/data/total_staff": 12, "/data/it_staff": 1.0, "/data/training_needs": None,
               "/data/roster[2]/trainings": ["digital_transformation", "telecommunications"]}
    status, out, err = submit(b"\xef\xbb\xbf" + json.dumps(answers).encode("utf-8"))
    assert status == 0, err
    [row] = [row for row in json.loads(fieldkit("records", "--json")[1]) if row["record_id"] == out.split()[-1]]
    assert row["status"] == "draft"


def test_an_edit_cannot_set_a_calculated_field(fieldkit, submit):
    record_id = submit({"/data/total_staff": 12})[1].split()[-1]
    status, _out, err = fieldkit("edit", record_id, "--set", "/data/trained_pct=130")
    assert (status, err.strip()) == (
        2, "cannot set an answer: /data/trained_pct is calculated by the form and cannot be set.")


def test_messages_are_in_vietnamese_by_default(fieldkit, submit, monkeypatch):
    monkeypatch.delenv("FIELDKIT_LANG")
    status, _out, err = submit({"/data/roster_count": 77})
    assert (status, err.strip()) == (
        2, "không đặt được câu trả lời: /data/roster_count do biểu mẫu tự tính nên không thể đặt giá trị.")


def test_an_argument_that_is_not_utf8_is_a_plain_message(data_dir, tmp_path):
    """Bytes as a Latin-1 terminal sends them: Python sees lone surrogates (surrogateescape)."""
    environment = {**os.environ, "FIELDKIT_LANG": "en"}
    command = [os.fsencode(sys.executable), b"-m", b"fieldkit.cli", b"--data-dir", os.fsencode(data_dir),
               b"edit", b"some-record", b"--set", b"/data/training_needs=caf\xe9"]
    result = subprocess.run(command, capture_output=True, env=environment, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.decode("utf-8").strip() == (
        "/data/training_needs=caf\ufffd: the argument is not valid UTF-8 text (byte 25).")


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=12)


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(document=json_values)
def test_any_json_is_read_as_answers_or_refused_in_plain_words(tmp_path, document):
    path = tmp_path / "random.json"
    path.write_bytes(json.dumps(document).encode("utf-8", "surrogatepass"))
    try:
        answers = read_answers_file(path)
    except AnswersFileError as error:
        assert str(error) and error.text("en")
        return
    for key, value in answers.items():
        key.encode("utf-8")
        assert value is None or isinstance(value, (str, int, float, bool)) or all(
            isinstance(choice, str) for choice in value)


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=st.binary(max_size=64))
def test_any_bytes_are_read_as_answers_or_refused_in_plain_words(tmp_path, content):
    path = tmp_path / "random.json"
    path.write_bytes(content)
    try:
        assert isinstance(read_answers_file(path), dict)
    except AnswersFileError as error:
        assert error.text("vi")
