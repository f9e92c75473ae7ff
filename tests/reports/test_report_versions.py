"""Which version of each submission a summary prints, and saying so (issue 12, item 12):
a finalized survey someone is correcting prints as finalized, with when and by whom, on
the first page; a draft is printed in a red box; drafts print only when asked for; an
answer that fails its form's own checks is printed marked, and no figure uses it."""

import pypdf
import pytest

from fieldkit.reports import ReportService
from fieldkit.services import SurveyService
from fieldkit.ui.printing import write_pdf
from tests.helpers.report_answers import BA_DINH, HOAN_KIEM, INFRASTRUCTURE, MINUTES, STAFFING, submit
from tests.helpers.report_html import plain_text, row

EARLY_DEADLINE = {"/data/visit_date": "2026-11-20", "/data/recommendations[1]/deadline": "2020-01-01"}
DEADLINE_MESSAGE = "Thời hạn không được trước ngày làm việc."


def correct(survey, revision, answers: dict):
    """A finalized submission opened again, changed and saved (not finalized again)."""
    submission = survey.open_submission(record_id=revision.record_id)
    submission.set_many(answers, autosave=False)
    return submission.save().result()


@pytest.fixture(scope="module")
def corrected(tmp_path_factory):
    """Hoàn Kiếm's three forms finalized, then its survey (99% digitised) and minutes (a
    deadline before the visit) corrected as drafts; Ba Đình's minutes only ever a draft,
    with that early deadline."""
    home = tmp_path_factory.mktemp("versions-home")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("FIELDKIT_CACHE_DIR", str(home / "cache"))
        survey = SurveyService.open(home / "data", device_name="Laptop 3 — Đoàn 5")
        survey.set_visit(delegation="Đoàn 5", members=["Nguyễn Văn An"], at_keyboard="Nguyễn Văn An").result()
        survey_revision = submit(survey, "commune_infrastructure", HOAN_KIEM, INFRASTRUCTURE)
        submit(survey, "commune_staffing", HOAN_KIEM, STAFFING)
        minutes = submit(survey, "visit_minutes", HOAN_KIEM, {**MINUTES, "/data/visit_date": "2026-11-20"})
        correct(survey, survey_revision, {"/data/services/records_digitised_pct": "99"})
        correct(survey, minutes, EARLY_DEADLINE)
        submit(survey, "visit_minutes", BA_DINH, {**MINUTES, **EARLY_DEADLINE}, finalize=False)
        yield ReportService(survey)
        survey.close()


def test_a_finalized_survey_being_corrected_prints_as_finalized_and_says_so(corrected):
    record = corrected.commune_summary(HOAN_KIEM, lang="vi")
    assert row(record.html, "Tỷ lệ hồ sơ đã được số hoá (%)")[1] == "45,5"  # not the draft's 99
    version = row(record.html, "Khảo sát hạ tầng số cấp xã")[1]
    assert version.startswith("Đã hoàn tất lúc ") and ", bởi Nguyễn Văn An (Laptop 3 — Đoàn 5)." in version
    assert version.endswith("Bản nháp sửa sau đó (chưa hoàn tất) không được dùng.")
    assert "BẢN NHÁP" not in plain_text(record.html)
    # first on the page: before the participants
    assert record.html.index("Phiên bản số liệu được dùng") < record.html.index("I. Thành phần tham dự")


def test_drafts_print_only_when_asked_and_then_in_a_red_box(corrected):
    record = corrected.commune_summary(HOAN_KIEM, lang="en", drafts=True)
    text = plain_text(record.html)
    assert row(record.html, "Records digitised (%)")[1] == "99"
    assert "DRAFT: this record uses answers not finalized yet (Commune digital infrastructure survey; " \
           "Delegation visit minutes)." in text
    assert row(record.html, "Commune digital infrastructure survey")[1].startswith(
        "DRAFT, NOT FINALIZED: saved at ")
    assert 'bgcolor="#fdecea"' in record.html  # the box, before the versions table
    assert record.html.index("DRAFT: this record") < record.html.index("Version used")


def test_a_commune_with_only_a_draft_prints_it_marked_as_a_draft(corrected):
    record = corrected.commune_summary(BA_DINH, lang="vi")
    assert "BẢN NHÁP: biên bản này dùng số liệu chưa hoàn tất (Biên bản làm việc của đoàn công tác)." in \
           plain_text(record.html)


def test_a_deadline_that_fails_its_constraint_is_printed_marked_invalid(corrected):
    record = corrected.commune_summary(BA_DINH, lang="vi")
    deadline = row(record.html, "1")[4]
    assert deadline == f"ngày 01 tháng 01 năm 2020 Không hợp lệ: {DEADLINE_MESSAGE}"
    assert '<span style="color: #b3261e"><b>ngày 01 tháng 01 năm 2020</b>' in record.html
    assert "1 câu trả lời không hợp lệ theo kiểm tra của biểu mẫu" in plain_text(record.html)
    # the finalized minutes of Hoàn Kiếm had a valid deadline: nothing to mark
    assert "Không hợp lệ" not in corrected.commune_summary(HOAN_KIEM, lang="vi").html


def test_coordinator_summaries_say_which_versions_they_use(corrected):
    province = plain_text(corrected.province_summary("01", lang="vi").html)
    assert "Phiên bản: bản hoàn tất gần nhất của mỗi phiếu; bản nháp sửa sau khi phiếu đã hoàn tất không " \
           "được dùng." in province
    assert "1 trong số 4 phiếu được dùng là bản nháp, chưa hoàn tất" in province  # Ba Đình's minutes
    drafts = plain_text(corrected.province_summary("01", lang="en", drafts=True).html)
    assert "Versions: the latest saved version of each submission, drafts included (asked for)." in drafts
    assert "3 of the 4 submissions used are drafts, not finalized" in drafts
    form = plain_text(corrected.form_summary("visit_minutes", lang="en", drafts=True).html)
    assert "Answers failing their form's checks, left out of the figures: 2." in form


def test_with_one_commune_in_its_province_no_median_is_drawn(corrected):
    record = corrected.commune_summary(HOAN_KIEM, lang="en")
    assert "digitisation.png" not in record.images and "Median of" not in record.html
    assert "Phường Hoàn Kiếm is the only commune of Thành phố Hà Nội with a survey so far: there is no " \
           "province median to compare its digitisation with." in plain_text(record.html)


def test_line_breaks_typed_in_answers_are_kept_in_print(qapp, tmp_path):
    with SurveyService.open(tmp_path / "data") as survey:
        submit(survey, "visit_minutes", HOAN_KIEM, {
            **MINUTES, "/data/issues[1]/issue_text": "Mạng chập chờn.\nMáy chủ cũ.",
            "/data/recommendations[1]/recommendation": "Nâng cấp đường truyền\nvà thay máy chủ."})
        record = ReportService(survey).commune_summary(HOAN_KIEM, lang="vi")
    assert "<li>Mạng chập chờn.<br>Máy chủ cũ. (Không có hoặc yếu sóng di động, Internet)</li>" in record.html
    assert ">Nâng cấp đường truyền<br>và thay máy chủ.</td>" in record.html
    write_pdf(record, tmp_path / "bien-ban.pdf")
    lines = [" ".join(line.split()) for page in pypdf.PdfReader(str(tmp_path / "bien-ban.pdf")).pages
             for line in page.extract_text().splitlines()]
    assert "Mạng chập chờn." in lines and "Máy chủ cũ. (Không có hoặc yếu sóng di động, Internet)" in lines
