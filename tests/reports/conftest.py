"""Fixtures of the report tests: one real data folder, filled through the survey service
with the shipped forms for a few communes, shared by a module's tests (filling is slow)."""

import pytest

from fieldkit.reports import ReportService
from fieldkit.services import SurveyService
from fieldkit.services.coordinator import CoordinatorService
from tests.helpers.report_answers import (
    BA_DINH,
    HAI_BA_TRUNG,
    HOAN_KIEM,
    INFRASTRUCTURE,
    MINUTES,
    STAFFING,
    THUC_PHAN,
    submit,
)

# What each commune's infrastructure survey says differently from INFRASTRUCTURE.
BA_DINH_INFRASTRUCTURE = {
    "/data/services/records_digitised_pct": "80", "/data/services/records_online_pct": "60",
    "/data/services/procedures_total": "100", "/data/services/procedures_configured": "100",
    "/data/findings/problems": "no_signal budget",
}
HAI_BA_TRUNG_INFRASTRUCTURE = {
    "/data/network/tsl_connected": "no", "/data/equipment/computers": "10", "/data/equipment/computers_old": "9",
    "/data/services/records_digitised_pct": "10", "/data/services/records_online_pct": "5",
    "/data/services/procedures_total": "100", "/data/services/procedures_configured": "50",
    "/data/findings/problems": "old_equipment",
}
THUC_PHAN_INFRASTRUCTURE = {
    "/data/services/records_digitised_pct": "20", "/data/services/records_online_pct": "15",
    "/data/findings/problems": "none",
}
NOT_COUNTED = {"/data/services/records_digitised_pct": "99", "/data/services/records_online_pct": "99"}


def infrastructure(changes: dict) -> dict:
    answers = {**INFRASTRUCTURE, **changes}
    if "/data/network/tsl_connected" in changes and changes["/data/network/tsl_connected"] == "no":
        answers.pop("/data/network/tsl_bandwidth")
    return answers


@pytest.fixture(scope="module")
def filled(tmp_path_factory):
    """(survey service, the answers that count per (commune, form), the data folder,
    the answers of every live submission that is not a marked duplicate, by form)."""
    home = tmp_path_factory.mktemp("reports-home")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("FIELDKIT_CACHE_DIR", str(home / "cache"))
        data_dir = home / "data"
        survey = SurveyService.open(data_dir)
        survey.set_visit(delegation="Đoàn công tác số 1", members=["Nguyễn Văn An", "Trần Thị Bình"],
                         at_keyboard="Nguyễn Văn An").result()
        counted, live = _fill(survey)
        yield survey, counted, data_dir, live
        survey.close()


def _fill(survey) -> tuple[dict[tuple[str, str], dict], dict[str, list[dict]]]:
    counted, live = {}, {}
    for commune, changes in ((HOAN_KIEM, {}), (BA_DINH, BA_DINH_INFRASTRUCTURE),
                             (HAI_BA_TRUNG, HAI_BA_TRUNG_INFRASTRUCTURE), (THUC_PHAN, THUC_PHAN_INFRASTRUCTURE)):
        revision = submit(survey, "commune_infrastructure", commune, infrastructure(changes))
        counted[(commune, "commune_infrastructure")] = revision.answers
    for form_id, answers in (("commune_staffing", STAFFING), ("visit_minutes", MINUTES)):
        counted[(HOAN_KIEM, form_id)] = submit(survey, form_id, HOAN_KIEM, answers).answers
    draft_only = {**STAFFING, "/data/it_staff": "0"}
    counted[(BA_DINH, "commune_staffing")] = submit(survey, "commune_staffing", BA_DINH, draft_only,
                                                    finalize=False).answers
    for (_commune, form_id), answers in counted.items():
        live.setdefault(form_id, []).append(answers)
    # a later draft does not replace a finalized submission (in the form summary, it counts)
    later = submit(survey, "commune_infrastructure", HOAN_KIEM, infrastructure(NOT_COUNTED), finalize=False)
    live["commune_infrastructure"].append(later.answers)
    # a second visit the coordinator marked as a duplicate does not count
    duplicate = submit(survey, "commune_infrastructure", HAI_BA_TRUNG, infrastructure(NOT_COUNTED))
    original = next(row for row in survey.submissions(form_id="commune_infrastructure", commune=HAI_BA_TRUNG)
                    if row.record_id != duplicate.record_id)
    CoordinatorService(survey.store).mark_duplicate(duplicate.record_id, duplicate_of=original.record_id)
    return counted, live


@pytest.fixture(scope="module")
def reports(filled):
    return ReportService(filled[0])


@pytest.fixture(scope="module")
def counted(filled):
    return filled[1]
