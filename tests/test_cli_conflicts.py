"""`fieldkit conflicts` names each answer the versions disagree on by its question's
label, in the command's language, with each version's answer, as the window's review does."""

from __future__ import annotations

import json

import pytest

from fieldkit.cli import main
from fieldkit.services import SurveyService
from fieldkit.services.coordinator import CoordinatorService

FORM = "commune_staffing"
STAFFING = {"/data/total_staff": "12", "/data/one_stop_staff": "3", "/data/roster[1]/name": "Nguyễn Thị Lan"}


def _save(survey: SurveyService, answers: dict, *, record_id: str | None = None) -> str:
    if record_id is None:
        submission = survey.open_submission(form_id=FORM, commune_code="00070")
    else:
        submission = survey.open_submission(record_id=record_id, resume_working_copy=False)
    submission.set_many(answers)
    submission.save().result()
    submission.close()
    return submission.record_id


@pytest.fixture(scope="module")
def coordinator_dir(tmp_path_factory):
    """Lan makes a record; Minh receives it, sets 15 staff and another name in the roster's
    first row and removes the one-stop count; Lan meanwhile sets 13 staff. The
    coordinator imports both: one hard conflict."""
    root = tmp_path_factory.mktemp("conflicts")
    lan, minh = (SurveyService.open(root / name, device_name=name) for name in ("lan", "minh"))
    coordinator = CoordinatorService.open(root / "coordinator", device_name="coordinator")
    try:
        record = _save(lan, STAFFING)
        CoordinatorService(lan.store).export(root / "lan-1.fkb", full=True)
        CoordinatorService(minh.store).trust(lan.store.identity.fingerprint)
        CoordinatorService(minh.store).import_paths([root / "lan-1.fkb"])
        _save(minh, {"/data/total_staff": "15", "/data/roster[1]/name": "Lê Văn Minh", "/data/one_stop_staff": None},
              record_id=record)
        _save(lan, {"/data/total_staff": "13"}, record_id=record)
        for survey, name in ((lan, "lan"), (minh, "minh")):
            CoordinatorService(survey.store).export(root / f"{name}.fkb", full=True)
            coordinator.trust(survey.store.identity.fingerprint)
        coordinator.import_paths([root / "lan.fkb", root / "minh.fkb"])
    finally:
        for service in (lan, minh, coordinator):
            service.close()
    return root / "coordinator"


def conflicts(capsys, coordinator_dir, *arguments: str) -> list[str]:
    assert main(["--data-dir", str(coordinator_dir), "conflicts", *arguments]) == 0
    return capsys.readouterr().out.splitlines()


def test_each_disagreement_is_labelled_with_each_versions_answer(coordinator_dir, capsys):
    lines = conflicts(capsys, coordinator_dir, "--lang", "en")
    [conflict] = json.loads("\n".join(conflicts(capsys, coordinator_dir, "--json")))
    by_device = {head["device"]: head["rev_id"] for head in conflict["heads"]}
    lan, minh = by_device["lan"], by_device["minh"]
    assert lines[0].startswith(f"{conflict['record_id']}: hard conflict, 2 versions")
    assert lines[1] == "  fields changed on both sides: /data/total_staff"
    assert lines[2:4] == [f"  {head['rev_id']}  {head['device']}  {head['author']}  {head['hlc']}"
                          for head in conflict["heads"]]
    assert lines[4:] == [
        "  Of which working at the public administrative service centre (one-stop) (/data/one_stop_staff):",
        *answers_of(conflict, {lan: "3", minh: "(no answer)"}),
        "  Full name #1 (/data/roster[1]/name):",
        *answers_of(conflict, {lan: "Nguyễn Thị Lan", minh: "Lê Văn Minh"}),
        "  Total staff of the commune (/data/total_staff):",
        *answers_of(conflict, {lan: "13", minh: "15"}),
    ]  # what both sides left as it was is not shown


def answers_of(conflict: dict, values: dict[str, str]) -> list[str]:
    """Each version's answer, in the order the conflict lists its versions."""
    return [f"    {head['rev_id']}: {values[head['rev_id']]}" for head in conflict["heads"]]


def test_the_labels_speak_the_commands_language(coordinator_dir, capsys, monkeypatch):
    monkeypatch.setenv("FIELDKIT_LANG", "en")
    lines = conflicts(capsys, coordinator_dir, "--lang", "vi")
    assert lines[0].endswith(" phiên bản, đang hiển thị: " + lines[0].rsplit(" ", 1)[-1])
    assert "  Họ và tên #1 (/data/roster[1]/name):" in lines
    assert "  Tổng số cán bộ, công chức, viên chức của xã (/data/total_staff):" in lines
    assert any(line.endswith(": (không có câu trả lời)") for line in lines)


def test_json_stays_as_it_was(coordinator_dir, capsys):
    [conflict] = json.loads("\n".join(conflicts(capsys, coordinator_dir, "--json")))
    assert "labels" not in conflict and conflict["fields"] == ["/data/total_staff"]
