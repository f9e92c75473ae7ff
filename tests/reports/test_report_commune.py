"""The commune summary (biên bản làm việc) built from a real store filled through the
survey service: names, figures computed here from the answers, the province median."""

import io
import statistics

import pytest
from PIL import Image

from fieldkit.reports import ReportError, ReportService
from fieldkit.services import SurveyService
from tests.helpers.report_answers import BA_DINH, HAI_BA_TRUNG, HOAN_KIEM, INFRASTRUCTURE, MINUTES, THUC_PHAN, submit
from tests.helpers.report_html import image_names, plain_text, row, rows, table_rows

INFRA = "commune_infrastructure"
# A delegation's own, newer minutes form that does not list issues.
MINUTES_WITHOUT_ISSUES = """
| survey |
|        | type | name          | label         |
|        | text | closing_notes | Closing notes |
| settings |
|          | form_id       | version    |
|          | visit_minutes | 2099010101 |
"""


def vi_number(value: float) -> str:
    return f"{round(value, 1):.1f}".rstrip("0").rstrip(".").replace(".", ",")


def answer(counted, commune, form_id, path) -> float:
    return float(counted[(commune, form_id)][path])


@pytest.fixture(scope="module")
def record(reports):
    return reports.commune_summary(HOAN_KIEM, lang="vi")


def test_the_record_names_the_commune_the_visit_and_who_took_part(record, counted):
    text = plain_text(record.html)
    assert record.title == "Biên bản làm việc: Phường Hoàn Kiếm"
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "BIÊN BẢN LÀM VIỆC" in text
    assert "Về hạ tầng số và nhân lực của Phường Hoàn Kiếm, Thành phố Hà Nội" in text
    year, month, day = counted[(HOAN_KIEM, "visit_minutes")]["/data/visit_date"].split("-")
    assert f"ngày {day} tháng {month} năm {year}" in text
    assert MINUTES["/data/delegation_name"].upper() in text
    assert ["Nguyễn Văn An", "Bộ Khoa học và Công nghệ", "Đoàn công tác"] in table_rows(record.html)
    assert ["Lê Văn Chủ", "UBND phường Hoàn Kiếm", "Xã"] in table_rows(record.html)


def test_key_indicators_equal_the_answers_that_count(record, counted):
    infra = counted[(HOAN_KIEM, INFRA)]
    computers = infra["/data/equipment/computers"]
    assert row(record.html, "Số máy tính đang sử dụng") == ["Số máy tính đang sử dụng", computers]
    old = answer(counted, HOAN_KIEM, INFRA, "/data/equipment/computers_old") / answer(
        counted, HOAN_KIEM, INFRA, "/data/equipment/computers") * 100
    assert row(record.html, "Tỷ lệ máy tính trên 5 năm (%)")[1] == f"{vi_number(old)}%"
    assert row(record.html, "Kết nối với cơ sở dữ liệu nào đang bị lỗi, gián đoạn?")[1] == (
        "Ứng dụng định danh điện tử VNeID, Cơ sở dữ liệu về cư trú (đăng ký hộ khẩu)")
    # the later draft (99%) does not replace the finalized survey
    digitised = vi_number(answer(counted, HOAN_KIEM, INFRA, "/data/services/records_digitised_pct"))
    assert row(record.html, "Tỷ lệ hồ sơ đã được số hoá (%)")[1] == digitised
    assert "99" not in " ".join(row(record.html, "Tỷ lệ hồ sơ đã được số hoá (%)"))


def test_staff_figures_are_computed_from_the_roster(record, counted):
    staffing = counted[(HOAN_KIEM, "commune_staffing")]
    roster = [value for path, value in staffing.items() if path.endswith("/trainings")]
    trained = sum(1 for topics in roster if "none" not in topics.split()) / len(roster) * 100
    holders = [value for path, value in staffing.items() if path.endswith("/has_signature_cert")]
    certified = holders.count("yes") / len(holders) * 100
    assert row(record.html, "Số cán bộ trong danh sách")[1] == str(len(roster))
    assert row(record.html, "Tỷ lệ cán bộ đã được đào tạo (%)")[1] == f"{vi_number(trained)}%"
    assert row(record.html, "Tỷ lệ cán bộ có chứng thư chữ ký số (%)")[1] == f"{vi_number(certified)}%"


def test_digitisation_stands_beside_the_province_median(record, counted):
    # Hà Nội's communes that count: Hoàn Kiếm, Ba Đình, Hai Bà Trưng (its duplicate left out)
    hanoi = [HOAN_KIEM, BA_DINH, HAI_BA_TRUNG]
    path = "/data/services/records_digitised_pct"
    expected = statistics.median(answer(counted, commune, INFRA, path) for commune in hanoi)
    own = answer(counted, HOAN_KIEM, INFRA, path)
    header = next(cells for cells in table_rows(record.html) if "Phường Hoàn Kiếm" in cells)
    assert header[2] == "Trung vị của 3 xã, phường thuộc Thành phố Hà Nội"
    assert rows(record.html, "Tỷ lệ hồ sơ đã được số hoá (%)")[-1] == [
        "Tỷ lệ hồ sơ đã được số hoá (%)", f"{vi_number(own)}%", f"{vi_number(expected)}%"]
    configured = {commune: answer(counted, commune, INFRA, "/data/services/procedures_configured")
                  / answer(counted, commune, INFRA, "/data/services/procedures_total") * 100 for commune in hanoi}
    assert rows(record.html, "Tỷ lệ thủ tục đã cấu hình đầy đủ (%)")[-1] == [
        "Tỷ lệ thủ tục đã cấu hình đầy đủ (%)", f"{vi_number(configured[HOAN_KIEM])}%",
        f"{vi_number(statistics.median(configured.values()))}%"]


def test_problems_recommendations_and_signatures(record):
    text = plain_text(record.html)
    assert "Trang thiết bị cũ, lạc hậu" in text and "Thiếu nhân lực" in text
    assert "Mạng nội bộ chập chờn vào giờ cao điểm. (Không có hoặc yếu sóng di động, Internet)" in text
    recommendation = row(record.html, "1")
    assert recommendation == ["1", MINUTES["/data/recommendations[1]/recommendation"], "Sở, ngành cấp tỉnh", "Cao",
                              "ngày 31 tháng 12 năm 2099"]
    assert "ĐẠI DIỆN PHƯỜNG HOÀN KIẾM" in text and "TRƯỞNG ĐOÀN" in text
    assert "(Ký, ghi rõ họ tên) Lê Văn Chủ" in text


def test_every_image_named_is_a_png_in_the_document(record):
    names = image_names(record.html)
    assert sorted(names) == sorted(record.images) and len(names) == 3
    for name in names:
        image = Image.open(io.BytesIO(record.images[name]))
        assert image.format == "PNG" and image.width > 600


def test_the_english_record_uses_the_forms_english_labels(reports):
    document = reports.commune_summary(HOAN_KIEM, lang="en")
    text = plain_text(document.html)
    assert "WORKING VISIT RECORD" in text and "Phường Hoàn Kiếm" in text
    assert row(document.html, "Records digitised (%)")[1] == "45.5"
    assert row(document.html, "Computers older than 5 years (%)")[1] == "40%"
    assert "Old or outdated equipment" in text


def test_a_commune_with_only_a_survey_says_what_is_missing(reports):
    text = plain_text(reports.commune_summary(THUC_PHAN, lang="vi").html)
    assert "Cao Bằng" in text
    assert "Xã chưa có phiếu Khảo sát nhân lực cấp xã." in text
    assert "Không có kiến nghị, đề xuất nào." in text


def test_unknown_or_empty_communes_are_refused_with_a_clear_message(reports):
    with pytest.raises(ReportError) as unknown:
        reports.commune_summary("99999", lang="vi")
    assert str(unknown.value) == "Không có xã, phường nào mã 99999."
    with pytest.raises(ReportError) as empty:
        reports.commune_summary("00008", lang="en")
    assert str(empty.value) == "Phường Ngọc Hà has no submissions yet: fill or import its forms first."
    assert empty.value.text("vi").startswith("Phường Ngọc Hà chưa có phiếu nào")


def test_a_minutes_form_without_an_issues_list_still_gives_the_record(tmp_path):
    form_file = tmp_path / "visit_minutes.md"
    form_file.write_text(MINUTES_WITHOUT_ISSUES, encoding="utf-8")
    with SurveyService.open(tmp_path / "data") as survey:
        survey.add_form(form_file)
        submit(survey, INFRA, HOAN_KIEM, INFRASTRUCTURE)
        document = ReportService(survey).commune_summary(HOAN_KIEM, lang="en")
    assert "Old or outdated equipment" in plain_text(document.html)  # the survey's problems are listed
