"""The summary of any form, question by question (KoboToolbox / ODK Central style), for a
shipped form over the filled store and for forms of the shared corpus with synthetic
submissions: counts and shares per choice, number statistics, histograms."""

import statistics
from collections import Counter

import pytest

from fieldkit.forms.model import strip_positions
from fieldkit.reports import ReportError, ReportService
from fieldkit.reports.formtext import choice_labels, label
from fieldkit.services import SurveyService
from tests.helpers.report_html import image_names, plain_text, row, section, table_rows
from tests.helpers.synthetic_answers import synthetic_answers

INFRA = "commune_infrastructure"


def number(value: float, lang: str) -> str:
    text = f"{round(value, 1):,.1f}".rstrip("0").rstrip(".")
    return text.translate(str.maketrans({",": ".", ".": ","})) if lang == "vi" else text


def answers_to(submissions: list[dict], path: str) -> list[str]:
    return [value for answers in submissions for key, value in answers.items()
            if strip_positions(key) == path and value != ""]


@pytest.fixture(scope="module")
def infrastructure(reports):
    return reports.form_summary(INFRA, lang="vi")


def test_the_summary_counts_every_live_submission_that_is_not_a_duplicate(infrastructure, filled):
    live = filled[3][INFRA]
    assert infrastructure.title == "Tóm tắt biểu mẫu Khảo sát hạ tầng số cấp xã"
    assert f"{len(live)} phiếu, trong đó {len(live) - 1} phiếu đã hoàn tất." in plain_text(infrastructure.html)


def test_select_one_counts_and_shares_carry_the_choice_labels(infrastructure, filled):
    connected = answers_to(filled[3][INFRA], "/data/network/tsl_connected")
    part = section(infrastructure.html, "Trụ sở xã đã kết nối mạng truyền số liệu chuyên dùng chưa?")
    for value, shown in (("yes", "Có"), ("no", "Không")):
        count = connected.count(value)
        assert row(part, shown) == [shown, str(count), f"{number(count / len(connected) * 100, 'vi')}%"]


def test_select_multiple_counts_each_choice_once_per_submission(infrastructure, filled):
    problems = answers_to(filled[3][INFRA], "/data/findings/problems")
    picked = Counter(choice for answer in problems for choice in answer.split())
    part = section(infrastructure.html, "Nhóm vấn đề")
    assert row(part, "Trang thiết bị cũ, lạc hậu")[1] == str(picked["old_equipment"])
    assert row(part, "Không phát hiện vấn đề")[1] == str(picked["none"])
    assert len(table_rows(part)) == 1 + len(picked)


def test_numbers_have_their_statistics_and_a_histogram(infrastructure, filled):
    computers = [float(value) for value in answers_to(filled[3][INFRA], "/data/equipment/computers")]
    part = section(infrastructure.html, "Số máy tính đang sử dụng")
    expected = [str(len(computers)), *(number(figure, "vi") for figure in (
        min(computers), statistics.median(computers), statistics.fmean(computers), max(computers)))]
    assert table_rows(part)[1] == expected
    [image] = image_names(part)
    assert infrastructure.images[image][:8] == b"\x89PNG\r\n\x1a\n"


def test_one_province_and_english(reports):
    document = reports.form_summary(INFRA, lang="en", province="04")
    text = plain_text(document.html)
    assert "1 submissions, 1 of them finalized. Province: Cao Bằng." in text
    assert row(section(document.html, "Is the commune office connected to the dedicated government data network?"),
               "Yes")[1:] == ["1", "100%"]


def test_unknown_forms_and_forms_without_submissions_are_refused(reports):
    with pytest.raises(ReportError) as unknown:
        reports.form_summary("no_such_form", lang="en")
    assert str(unknown.value) == "There is no form 'no_such_form' in this data folder."
    with pytest.raises(ReportError) as empty:
        reports.form_summary("visit_minutes", lang="vi", province="04")
    assert str(empty.value) == "Biểu mẫu Biên bản làm việc của đoàn công tác chưa có phiếu nào."


CORPUS_FORMS = ["pyxform/tutorial.xls", "pyxform/loop.xlsx", "web-forms/all-question-types-v2024091201-3.xlsx"]


@pytest.mark.parametrize("name", CORPUS_FORMS)
def test_any_corpus_form_is_summarised_from_its_answers(corpus_dir, tmp_path, name):
    with SurveyService.open(tmp_path / "data") as survey:
        entry = survey.add_form(corpus_dir / "xlsforms" / name)
        form = survey.form(entry.form_id, entry.version)
        made = []
        for seed in range(4):
            submission = survey.open_submission(form_id=entry.form_id, version=entry.version)
            for path, value in synthetic_answers(form, seed).items():
                try:
                    submission.set_many({path: value}, autosave=False)
                except Exception:  # noqa: BLE001 - a made-up answer the form refuses is simply not given
                    continue
            answers = submission.save().result().answers
            # an answer its form refuses (a made-up age against its constraint) is left out of the figures
            refused = {path for path, kind, _message in submission.errors() if kind != "required"}
            made.append({path: value for path, value in answers.items() if path not in refused})
        document = ReportService(survey).form_summary(entry.form_id, lang="en")
    checked = 0
    for question in form.questions():
        values = answers_to(made, question.path)
        if question.kind == "none" or not values or question.type not in ("select_one", "integer"):
            continue
        part = section(document.html, label(form, question.path, "en"))
        if question.type == "select_one":
            labels = choice_labels(form, question, "en")
            for value, count in Counter(values).items():
                assert row(part, labels.get(value, value))[1] == str(count)
        else:
            assert table_rows(part)[1][0] == str(len(values))
            assert table_rows(part)[1][1] == number(min(map(float, values)), "en")
        checked += 1
    assert checked > 0
    assert sorted(image_names(document.html)) == sorted(document.images)


def test_a_long_choice_list_shows_the_most_frequent_and_sums_the_rest(filled):
    from fieldkit.reports.data import Answers
    from fieldkit.reports.form_summary import FormData, form_summary

    survey = filled[0]
    form = survey.form("commune_staffing")
    communes = survey.communes.in_province("01")[:40]
    picked = [communes[0].code] * 3 + [commune.code for commune in communes[1:]]
    submissions = [Answers(f"r{number}", form.id, form.version, code, "01", "finalized", {"/data/commune": code})
                   for number, code in enumerate(picked)]
    document = form_summary(FormData(form, submissions), "vi")
    part = section(document.html, "Xã, phường, đặc khu")
    assert row(part, communes[0].name)[1:] == ["3", f"{number(3 / len(picked) * 100, 'vi')}%"]
    assert len(table_rows(part)) == 1 + 20 + 1
    assert row(part, f"{len(communes) - 20} lựa chọn khác")[1] == str(len(communes) - 20)
