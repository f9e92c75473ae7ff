"""Province and national summaries over the filled store: coverage against the commune
directory, indicator spread, problem frequencies, staffing gaps, the priority list."""

import io
import statistics

import pytest
from PIL import Image

from fieldkit.communes import CommuneDirectory
from fieldkit.reports import ReportError, ReportService
from fieldkit.services import SurveyService
from fieldkit.services.coordinator import CoordinatorService
from tests.helpers.report_answers import BA_DINH, HAI_BA_TRUNG, HOAN_KIEM, INFRASTRUCTURE, THUC_PHAN, submit
from tests.helpers.report_html import image_names, plain_text, row, rows

INFRA = "commune_infrastructure"
HANOI = [HOAN_KIEM, BA_DINH, HAI_BA_TRUNG]
NUNG_TRI_CAO = "01279"  # another ward of Cao Bằng (04)


def vi_number(value: float) -> str:
    return f"{round(value, 1):,.1f}".rstrip("0").rstrip(".").translate(str.maketrans({",": ".", ".": ","}))


@pytest.fixture(scope="module")
def hanoi(reports):
    return reports.province_summary("01", lang="vi")


@pytest.fixture(scope="module")
def country(reports):
    return reports.national_summary(lang="en")


def test_province_coverage_counts_communes_out_of_the_directory(hanoi):
    total = len(CommuneDirectory().in_province("01"))
    share = vi_number(len(HANOI) / total * 100)
    assert f"Đã khảo sát 3 trên tổng số {total} xã, phường ({share}%)." in plain_text(hanoi.html)
    assert row(hanoi.html, "Khảo sát hạ tầng số cấp xã")[1:] == ["3", "3"]
    # Ba Đình's staffing survey is only a draft: it counts, and is not finalized
    assert row(hanoi.html, "Khảo sát nhân lực cấp xã")[1:] == ["2", "1"]
    assert "Cao Bằng" not in plain_text(hanoi.html)


def test_indicator_spread_equals_the_answers(hanoi, counted):
    digitised = [float(counted[(code, INFRA)]["/data/services/records_digitised_pct"]) for code in HANOI]
    expected = ["Tỷ lệ hồ sơ đã được số hoá (%)", "3", vi_number(min(digitised)),
                vi_number(statistics.median(digitised)), vi_number(statistics.fmean(digitised)),
                vi_number(max(digitised))]
    assert row(hanoi.html, "Tỷ lệ hồ sơ đã được số hoá (%)") == expected


def test_problem_frequencies_count_each_commune_once(hanoi, counted):
    reported: dict[str, int] = {}
    for code in HANOI:
        groups = set(counted[(code, INFRA)]["/data/findings/problems"].split())
        if code == HOAN_KIEM:  # the minutes raise an issue of a group the survey did not list
            groups |= {counted[(code, "visit_minutes")]["/data/issues[1]/issue_group"]}
        for group in groups - {"none"}:
            reported[group] = reported.get(group, 0) + 1
    assert row(hanoi.html, "Trang thiết bị cũ, lạc hậu")[1:] == [
        str(reported["old_equipment"]), f"{vi_number(reported['old_equipment'] / 3 * 100)}%"]
    assert row(hanoi.html, "Không có hoặc yếu sóng di động, Internet")[1] == str(reported["no_signal"])
    assert row(hanoi.html, "Thiếu kinh phí")[1] == str(reported["budget"])


def test_staffing_gaps_count_communes_with_no_it_staff(hanoi):
    assert row(hanoi.html, "Số xã không có cán bộ công nghệ thông tin")[1:] == ["1", "50%"]
    assert row(hanoi.html, "An toàn thông tin")[1] == "2"


def test_the_priority_list_states_its_score_and_follows_it(hanoi, filled):
    survey = filled[0]
    text = plain_text(hanoi.html)
    assert "Điểm ưu tiên (0–100" in text
    listed = [cells for cells in rows(hanoi.html, "1") + rows(hanoi.html, "2") + rows(hanoi.html, "3")
              if len(cells) == 5]
    # Hai Bà Trưng: not connected (15), 90% old computers, 10% digitised, 5% online, half configured
    assert listed[0][1] == "Phường Hai Bà Trưng"
    scores = [float(cells[3].replace(",", ".")) for cells in listed]
    assert scores == sorted(scores, reverse=True)
    assert "Chưa kết nối mạng truyền số liệu chuyên dùng" in listed[0][4]
    # the stated score, by hand: 15 + 15 × 90% + 15 × 90% + 10 × 95% + 10 × 50% + 2 × 1 problem
    assert listed[0][3] == vi_number(15 + 15 * 0.9 + 15 * 0.9 + 10 * 0.95 + 10 * 0.5 + 2)
    assert survey.communes.get(HAI_BA_TRUNG).name == listed[0][1]


def test_the_national_summary_has_every_province_and_is_landscape(country):
    directory = CommuneDirectory()
    assert country.landscape
    text = plain_text(country.html)
    assert f"4 of {len(directory):,} communes visited" in text
    cao_bang = row(country.html, "Cao Bằng")
    assert cao_bang[1:4] == [str(len(directory.in_province("04"))), "1", cao_bang[3]]
    assert all(rows(country.html, province.name) for province in directory.provinces())
    assert row(country.html, "Thành phố Hà Nội")[2] == "3"
    assert directory.get(THUC_PHAN).name in [cells[1] for cells in rows(country.html, "4")]


def test_every_image_is_a_png(hanoi, country):
    for document in (hanoi, country):
        assert sorted(image_names(document.html)) == sorted(document.images)
        for data in document.images.values():
            assert Image.open(io.BytesIO(data)).format == "PNG"


def test_an_unknown_province_is_refused(reports):
    with pytest.raises(ReportError) as refused:
        reports.province_summary("99", lang="en")
    assert str(refused.value) == "There is no province with code 99."


def test_a_commune_whose_only_submission_is_a_marked_duplicate_is_not_counted_as_visited(tmp_path):
    # entered under the wrong ward, then marked as a duplicate of the right one's
    with SurveyService.open(tmp_path / "data") as survey:
        kept = submit(survey, INFRA, THUC_PHAN, INFRASTRUCTURE)
        misplaced = submit(survey, INFRA, NUNG_TRI_CAO, INFRASTRUCTURE)
        CoordinatorService(survey.store).mark_duplicate(misplaced.record_id, duplicate_of=kept.record_id)
        summary = ReportService(survey).province_summary("04", lang="en")
    total = len(CommuneDirectory().in_province("04"))
    assert f"1 of {total} communes visited" in plain_text(summary.html)
    assert row(summary.html, "Commune digital infrastructure survey")[1] == "1"
