"""Repeats inside repeats, and a corpus form's repeat inside a group: exact rows at every level."""

import csv
import json
import sqlite3

import pytest

from fieldkit.reports.export import export_submissions
from fieldkit.services import SurveyService
from tests.helpers.export_world import HOAN_KIEM, repeat_instances

# No form of ../shared/corpus has a repeat inside a repeat (the five with repeats have one
# level), so this one is written here, as an XLSForm in markdown.
NESTED_FORM = """
| survey |
|        | type         | name      | label     |
|        | text         | village   | Village   |
|        | begin repeat | household | Household |
|        | text         | head      | Head      |
|        | begin repeat | member    | Member    |
|        | text         | member_name | Name    |
|        | integer      | age       | Age       |
|        | end repeat   |           |           |
|        | end repeat   |           |           |
| settings |
|          | form_id           | version |
|          | nested_households | 1       |
"""

HOUSEHOLDS = {"Lan": ["Lan", "Minh", "Hà"], "Bình": [], "Cúc": ["Cúc", "Đào"]}


@pytest.fixture
def service(tmp_path):
    service = SurveyService.open(tmp_path / "data")
    yield service
    service.close()


def _fill_nested(service, tmp_path, households: dict[str, list[str]]) -> str:
    form_file = tmp_path / "nested_households.md"
    form_file.write_text(NESTED_FORM, encoding="utf-8")
    service.add_form(form_file)
    answers = {"/data/village": "Thôn Đông"}
    for number, (head, members) in enumerate(households.items(), start=1):
        answers[f"/data/household[{number}]/head"] = head
        for position, name in enumerate(members, start=1):
            answers[f"/data/household[{number}]/member[{position}]/member_name"] = name
            answers[f"/data/household[{number}]/member[{position}]/age"] = str(20 + position)
    submission = service.open_submission(form_id="nested_households", commune_code=HOAN_KIEM)
    submission.set_many(answers, autosave=False)
    return submission.save().result().record_id


def _set_as_another_tool_would(session, answers: dict[str, str]) -> None:
    """Answers straight into the session, calculated ones included: what a submission made
    by another tool may hold, which the exports must write as they are."""
    from fieldkit.services.submission import ensure_repeat_instances

    for path, value in answers.items():
        ensure_repeat_instances(session, path)
        session.set(path, value)


def _answers(service, record_id: str) -> dict[str, str]:
    return service.store.revision(service.store.record(record_id).winner_rev).answers


def _read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_a_repeat_inside_a_repeat_links_each_member_to_its_household(service, tmp_path):
    record_ids = [_fill_nested(service, tmp_path, HOUSEHOLDS), _fill_nested(service, tmp_path, {"Dũng": ["Dũng"]})]
    record_id, stored = record_ids[0], [_answers(service, record_id) for record_id in record_ids]
    answers = stored[0]
    result = export_submissions(service, format="csv", out=tmp_path / "xuat")
    households = _read_csv(tmp_path / "xuat" / "nested_households__household.csv")
    members = _read_csv(tmp_path / "xuat" / "nested_households__household__member.csv")
    ours = [row for row in households if row["_record_id"] == record_id]
    assert len(ours) == len(repeat_instances(answers, "/data/household")) == 3  # Bình's has no member
    members_stored = sum(len(repeat_instances(answers, "/data/household/member")) for answers in stored)
    assert members_stored == 6  # 3 + 2 + 1: a household added while filling starts with no member, as in ODK
    assert result.rows == {"nested_households": 2, "nested_households__household": 4,
                           "nested_households__household__member": members_stored}
    by_key = {row["_key"]: row for row in households}
    for member in members:
        household = by_key[member["_parent_key"]]  # every member's parent is a household row
        assert member["_record_id"] == household["_record_id"]
        assert member["_key"] == f"{household['_key']}/member[{member['_index']}]"
    names = {row["head"]: [member["member_name"] for member in members
                           if member["_parent_key"] == row["_key"] and member["member_name"]] for row in ours}
    assert names == HOUSEHOLDS
    assert ours[0]["_key"] == f"{record_id}/household[1]" and ours[0]["_parent_key"] == record_id


def test_nested_repeats_in_sqlite_and_json(service, tmp_path):
    record_id = _fill_nested(service, tmp_path, HOUSEHOLDS)
    export_submissions(service, format="sqlite", out=tmp_path / "a.sqlite")
    connection = sqlite3.connect(tmp_path / "a.sqlite")
    joined = connection.execute(
        "SELECT h.head, m.member_name, m.age FROM nested_households__household__member m "
        "JOIN nested_households__household h ON h._key = m._parent_key ORDER BY h._index, m._index").fetchall()
    assert joined == [("Lan", "Lan", 21), ("Lan", "Minh", 22), ("Lan", "Hà", 23),
                      ("Cúc", "Cúc", 21), ("Cúc", "Đào", 22)]  # Bình's household has no member
    links = connection.execute("PRAGMA foreign_key_list(nested_households__household__member)").fetchall()
    assert [(link[2], link[3], link[4]) for link in links] == [("nested_households__household", "_parent_key", "_key")]
    connection.close()
    export_submissions(service, format="json", out=tmp_path / "a.json")
    [item] = json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))
    assert item["_record_id"] == record_id
    assert [[member["member_name"] for member in household.get("member", []) if member["member_name"]]
            for household in item["data"]["household"]] == list(HOUSEHOLDS.values())


def test_a_corpus_form_whose_repeat_sits_in_a_group(service, tmp_path, corpus_dir):
    """xlsform_spec_test: /data/everything/repeat_test (jr:count), groups inside it."""
    entry = service.add_form(corpus_dir / "xlsforms" / "pyxform" / "xlsform_spec_test.xlsx")
    repeat = "/data/everything/repeat_test"
    record_ids = []
    for count in (2, 0, 3):
        submission = service.open_submission(form_id=entry.form_id, version=entry.version)
        answers = {"/data/everything/repeat_test_count": str(count)}
        answers.update({f"{repeat}[{position}]/group_test/required_text": f"dòng {position}"
                        for position in range(1, count + 1)})
        _set_as_another_tool_would(submission.session, answers)  # the count is a calculation (2): services refuse it
        record_ids.append(submission.save().result().record_id)
    stored = [_answers(service, record_id) for record_id in record_ids]
    assert [len(repeat_instances(answers, repeat)) for answers in stored] == [2, 0, 3]

    result = export_submissions(service, format="csv", out=tmp_path / "xuat")
    assert entry.form_id == "Spec test"  # not a file name nor an SQL name: made one
    table = "Spec_test__repeat_test"
    assert result.rows[table] == 5 and result.rows["Spec_test"] == 3
    rows = _read_csv(tmp_path / "xuat" / f"{table}.csv")
    assert [row["group_test/required_text"] for row in rows] == ["dòng 1", "dòng 2", "dòng 1", "dòng 2", "dòng 3"]
    assert "name/table_list_question" in rows[0]  # a group named "name" inside the repeat: a prefix

    export_submissions(service, format="json", out=tmp_path / "a.json")
    submissions = {item["_record_id"]: item for item in json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))}
    nested = [submissions[record_id]["data"]["everything"].get("repeat_test", []) for record_id in record_ids]
    assert [[item["group_test"]["required_text"] for item in items] for items in nested] == [
        ["dòng 1", "dòng 2"], [], ["dòng 1", "dòng 2", "dòng 3"]]
