"""Filters select exactly the submissions they name; bad filters are refused clearly."""

import json

import pytest

from fieldkit.reports.export import ExportError, export_submissions


def _exported(world, tmp_path, **filters) -> set[str]:
    out = tmp_path / f"loc-{len(list(tmp_path.iterdir()))}.json"
    result = export_submissions(world.service, format="json", out=out, **filters)
    found = {item["_record_id"] for item in json.loads(out.read_text(encoding="utf-8"))}
    assert result.submissions == len(found)
    return found


def _names(world, record_ids: set[str]) -> set[str]:
    return {name for name, record_id in world.records.items() if record_id in record_ids}


def test_no_filter_exports_every_live_submission_and_never_a_deleted_one(world, tmp_path):
    live = {record.record_id for record in world.service.store.records()}
    assert _exported(world, tmp_path) == live == set(world.records.values())
    assert len(world.service.store.records(include_deleted=True)) == len(live) + 1


@pytest.mark.parametrize(("filters", "expected"), [
    ({"form_id": "commune_staffing"}, {"staffing_hk", "staffing_bd", "staffing_hcm"}),
    ({"form_id": "visit_minutes"}, {"minutes"}),
    ({"province": "79"}, {"staffing_hcm"}),
    ({"province": "01"}, {"staffing_hk", "staffing_bd", "infrastructure", "minutes"}),
    ({"status": "finalized"}, {"staffing_hk", "staffing_hcm"}),
    ({"status": "draft"}, {"staffing_bd", "infrastructure", "minutes"}),
    ({"status": "has_errors"}, set()),
    ({"date_from": "2025-11-22"}, {"staffing_hcm", "infrastructure", "minutes", "staffing_bd"}),
    ({"date_to": "2025-11-21"}, {"staffing_hk"}),
    ({"date_from": "2025-11-22", "date_to": "2025-11-22"}, {"staffing_hcm", "infrastructure"}),
    ({"form_id": "commune_staffing", "province": "01", "status": "finalized"}, {"staffing_hk"}),
])
def test_filters_select_exactly_the_submissions_they_name(world, tmp_path, filters, expected):
    assert _names(world, _exported(world, tmp_path, **filters)) == expected


def test_date_filters_agree_with_the_day_each_submission_last_changed(world, tmp_path):
    for day in sorted(set(world.days.values())):
        wanted = {name for name, changed in world.days.items() if changed == day}
        assert _names(world, _exported(world, tmp_path, date_from=day, date_to=day)) == wanted


def test_a_form_filter_exports_only_that_forms_tables_even_when_empty(world, tmp_path):
    result = export_submissions(world.service, format="csv", out=tmp_path / "bb", form_id="visit_minutes",
                                status="finalized")
    assert result.submissions == 0
    assert result.files == ["visit_minutes.csv", "visit_minutes__participants.csv", "visit_minutes__issues.csv",
                            "visit_minutes__recommendations.csv"]
    header = (tmp_path / "bb" / "visit_minutes.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(header) == 1 and header[0].startswith("_key,_form_version,_commune,")


def test_progress_counts_up_to_the_number_of_submissions(world, tmp_path):
    calls = []
    export_submissions(world.service, format="xlsx", out=tmp_path / "a.xlsx",
                       progress=lambda done, total: calls.append((done, total)))
    assert calls[0] == (0, 5) and calls[-1] == (5, 5)
    assert [done for done, _total in calls] == sorted(done for done, _total in calls)


@pytest.mark.parametrize(("arguments", "english", "vietnamese"), [
    ({"format": "pdf"}, "There is no export format 'pdf'", "Không có định dạng xuất 'pdf'"),
    ({"date_from": "26/11/2025"}, "'26/11/2025' is not a date", "'26/11/2025' không phải là ngày"),
    ({"date_from": "2025-11-23", "date_to": "2025-11-20"}, "The start date 2025-11-23 is after the end date",
     "Ngày bắt đầu 2025-11-23 ở sau ngày kết thúc"),
    ({"status": "done"}, "There is no status 'done'", "Không có trạng thái 'done'"),
    ({"province": "99"}, "There is no province with code 99", "Không có tỉnh/thành phố nào mã 99"),
    ({"form_id": "no_such_form"}, "There is no form 'no_such_form'", "không có biểu mẫu 'no_such_form'"),
])
def test_bad_arguments_are_refused_with_a_message_naming_them(world, tmp_path, arguments, english, vietnamese):
    options = {"format": "csv", "out": tmp_path / "out", **arguments}
    with pytest.raises(ExportError) as refused:
        export_submissions(world.service, **options)
    assert english in refused.value.text("en")
    assert vietnamese in refused.value.text("vi")
    assert list(tmp_path.iterdir()) == []
