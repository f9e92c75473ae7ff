"""The demo a newcomer learns on (fieldkit.demo): one province's communes surveyed by two
laptops whose bundles a coordinator imported, with one hard conflict, one soft conflict
and one duplicate visit, every submission finalized and valid; read back here through
the same services the window uses."""

import datetime as dt

import pytest

from fieldkit.communes import CommuneDirectory
from fieldkit.demo.answers import FORMS, INFRASTRUCTURE, STAFFING
from fieldkit.demo.people import PROVINCE
from fieldkit.demo.scenario import DemoRefused, build_demo
from fieldkit.reports.service import ReportService
from fieldkit.services import SurveyService
from fieldkit.services.coordinator import CoordinatorService
from fieldkit.services.types import Status

TODAY = dt.date.today()
# Stamped by the form or the device when saved, not typed: they differ from one build to the next.
STAMPED = ("/data/start", "/data/end", "/data/deviceid", "/data/meta/instanceID")


def open_demo(folder):
    survey = SurveyService.open(folder)
    return survey, CoordinatorService.sharing_store_of(survey)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The demo built once, and the coordinator's services over it."""
    with pytest.MonkeyPatch.context() as patch:  # the forms' cache too stays out of the real home
        patch.setenv("FIELDKIT_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        steps = []
        made = build_demo(tmp_path_factory.mktemp("demo") / "coordinator",
                          progress=lambda step, values: steps.append(step))
    survey, coordinator = open_demo(made.folder)
    yield made, survey, coordinator, steps
    survey.close()


def answers_by_visit(survey) -> dict:
    """(form, commune, author) -> the answers typed (not the stamps), of every submission."""
    found = {}
    for row in survey.submissions():
        revision = survey.store.revision(survey.store.record(row.record_id).winner_rev)
        typed = {path: value for path, value in revision.answers.items() if path not in STAMPED}
        found[(row.form_id, row.commune_code, revision.author)] = typed
    return found


def test_every_commune_of_the_province_has_a_submission_of_each_shipped_form(demo):
    made, survey, _coordinator, _steps = demo
    communes = {commune.code for commune in CommuneDirectory().in_province(PROVINCE)}
    assert made.province == "Lai Châu" and made.communes == len(communes) == 38
    for form_id in FORMS:
        assert {row.commune_code for row in survey.submissions(form_id=form_id)} == communes, form_id
    assert made.submissions == {"commune_infrastructure": 38, "commune_staffing": 39, "visit_minutes": 38}


def test_there_is_exactly_one_hard_and_one_soft_conflict(demo):
    made, survey, coordinator, _steps = demo
    conflicts = sorted(coordinator.conflicts(), key=lambda conflict: conflict["kind"])
    assert [conflict["kind"] for conflict in conflicts] == ["hard", "soft"] and made.conflicts == {"hard": 1, "soft": 1}
    hard, soft = conflicts
    assert hard["form_id"] == INFRASTRUCTURE and "/data/equipment/computers" in hard["fields"]
    assert soft["form_id"] == STAFFING and soft["fields"] == []
    # each side finalized its correction: the `end` timestamps both set make no hard conflict
    assert [head["status"] for head in soft["heads"]] == ["finalized", "finalized"]
    assert "/data/end" not in hard["fields"]
    for conflict in conflicts:  # each between the two laptops
        assert sorted(head["device"] for head in conflict["heads"]) == ["Laptop 1 — Đoàn 3", "Laptop 2 — Đoàn 3"]


def test_one_commune_was_visited_twice_for_its_staffing_by_the_two_laptops(demo):
    made, survey, coordinator, _steps = demo
    [group] = coordinator.duplicates()
    assert made.duplicates == 1
    assert {visit.form_id for visit in group} == {STAFFING} and len({visit.commune for visit in group}) == 1
    authors = {survey.store.revision(survey.store.record(visit.record_id).winner_rev).site_id for visit in group}
    assert len(group) == len(authors) == 2


def test_the_coordinator_trusts_both_laptops(demo):
    made, survey, coordinator, _steps = demo
    laptops = [device for device in coordinator.devices() if device["fingerprint"] != survey.store.identity.fingerprint]
    assert sorted((device["name"], device["state"]) for device in laptops) == [
        ("Laptop 1 — Đoàn 3", "trusted"), ("Laptop 2 — Đoàn 3", "trusted")]
    assert made.devices == ["Laptop 1 — Đoàn 3", "Laptop 2 — Đoàn 3"]


def test_every_submission_is_finalized_and_passes_its_forms_checks_when_opened_again(demo):
    _made, survey, _coordinator, _steps = demo
    rows = survey.submissions()
    assert len(rows) == 115 and {row.status for row in rows} == {Status.FINALIZED}
    for row in rows:
        submission = survey.open_submission(record_id=row.record_id)
        assert submission.errors() == [], (row.form_id, row.commune_code)
        submission.close()


def test_every_version_in_a_conflict_passes_its_forms_checks_too(demo):
    _made, survey, coordinator, _steps = demo
    for conflict in coordinator.conflicts():
        for head in conflict["heads"]:
            revision = survey.store.revision(head["rev_id"])
            session = survey.form(revision.form_id, revision.form_version).new_session()
            assert session.from_xml(revision.instance_xml).errors() == []


def test_the_visits_are_recent_and_none_is_in_the_future(demo):
    _made, survey, _coordinator, _steps = demo
    dates = {dt.date.fromisoformat(answers["/data/visit_date"]) for answers in answers_by_visit(survey).values()}
    assert min(dates) >= TODAY - dt.timedelta(days=14) and max(dates) < TODAY


def test_the_answers_vary_from_good_signal_and_new_computers_to_none_and_old_ones(demo):
    _made, survey, _coordinator, _steps = demo
    infrastructure = [answers for (form_id, _commune, _author), answers in answers_by_visit(survey).items()
                      if form_id == INFRASTRUCTURE]
    staffing = [answers for (form_id, _commune, _author), answers in answers_by_visit(survey).items()
                if form_id == STAFFING]
    signals = {answers["/data/office_area/office_mobile"] for answers in infrastructure}
    assert {"good", "weak"} <= signals
    assert {"none"} <= {answers.get("/data/remote_area/remote_mobile") for answers in infrastructure}
    old = [int(answers["/data/equipment/computers_old"]) * 2 >= int(answers["/data/equipment/computers"])
           for answers in infrastructure]
    assert any(old) and not all(old)
    assert {"yes", "no"} == {answers["/data/network/tsl_connected"] for answers in infrastructure}
    problems = " ".join(answers["/data/findings/problems"] for answers in infrastructure).split()
    assert {"no_signal", "old_equipment", "missing_connections", "staff_shortage"} <= set(problems)
    assert {"0", "1", "2"} <= {answers["/data/it_staff"] for answers in staffing}
    assert any("other" in answers["/data/training_needs"].split() for answers in staffing)


def test_a_commune_summary_and_a_form_summary_build_with_their_charts(demo):
    _made, survey, _coordinator, _steps = demo
    reports = ReportService(survey)
    commune = reports.commune_summary("03445", lang="vi")  # Xã Mường Tè
    form = reports.form_summary(INFRASTRUCTURE, lang="en", province=PROVINCE)
    for document in (commune, form):
        assert document.images and all(image.startswith(b"\x89PNG") for image in document.images.values())
    assert "Xã Mường Tè" in commune.html and "38" in form.html
    province = reports.province_summary(PROVINCE, lang="vi")
    assert province.images


def test_it_reports_each_step_as_it_goes(demo):
    _made, _survey, _coordinator, steps = demo
    assert steps == ["survey", *["commune"] * 19, "survey", *["commune"] * 19, "review", "import"]


def test_two_builds_give_the_same_answers(demo, tmp_path):
    _made, survey, _coordinator, _steps = demo
    again = build_demo(tmp_path / "again")
    second, _ = open_demo(again.folder)
    try:
        assert answers_by_visit(second) == answers_by_visit(survey)
        assert len(answers_by_visit(second)) == 115
    finally:
        second.close()


def test_a_folder_that_holds_anything_is_refused_and_left_as_it_was(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "notes.txt").write_text("dữ liệu thật", encoding="utf-8")
    with pytest.raises(DemoRefused) as refused:
        build_demo(folder)
    assert refused.value.kind == "not_empty"
    assert [path.name for path in folder.iterdir()] == ["notes.txt"]
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    with pytest.raises(DemoRefused) as refused:
        build_demo(tmp_path / "a-file")
    assert refused.value.kind == "not_a_folder"
