"""`fieldkit report ...` and `fieldkit export ...` through fieldkit.cli.main, on a real data
folder; the PDFs read back with pypdf: the place names with their diacritics, the
figures equal to the data, the page count the command printed, the title."""

import json
import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pypdf
import pytest

from fieldkit.cli import main

STAFFING = {
    "/data/roster[1]/name": "Nguyễn Thị Lan", "/data/roster[1]/role": "it_officer",
    "/data/roster[1]/trainings": "digital_transformation", "/data/roster[1]/has_signature_cert": "yes",
    "/data/training_needs": "information_security",
}
# Two communes of Hà Nội (province 01), staff counts no date or code would contain.
HOAN_KIEM, BA_DINH = "00070", "00004"
TOTALS = {HOAN_KIEM: ("137", "23", "4"), BA_DINH: ("41", "9", "2")}


def pdf_text(path) -> str:
    reader = pypdf.PdfReader(str(path))
    text = " ".join(page.extract_text() for page in reader.pages)
    return " ".join(unicodedata.normalize("NFKC", text).split())


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory) -> Path:
    from fieldkit.services import SurveyService

    folder = tmp_path_factory.mktemp("surveyed") / "data"
    with SurveyService.open(folder) as survey:
        survey.catalog()
        for commune, (total, one_stop, it) in TOTALS.items():
            submission = survey.open_submission(form_id="commune_staffing", commune_code=commune)
            submission.set_many({**STAFFING, "/data/total_staff": total, "/data/one_stop_staff": one_stop,
                                 "/data/it_staff": it}, autosave=False)
            submission.finalize().result()
    return folder


@pytest.fixture
def fieldkit(qapp, data_dir, capsys):
    """fieldkit.cli.main in this process (the renderer shares the test's QApplication):
    (exit status, stdout, stderr)."""
    def run(*arguments):
        status = main(["--data-dir", str(data_dir), *map(str, arguments)])
        out, err = capsys.readouterr()
        return status, out, err
    return run


def written_pages(out: str) -> int:
    return int(re.search(r"\((\d+) (?:trang|pages)\)", out).group(1))


def test_commune_report(fieldkit, tmp_path):
    target = tmp_path / "bien-ban.pdf"
    status, out, err = fieldkit("report", "commune", HOAN_KIEM, "--out", target)
    assert (status, err) == (0, "")
    reader = pypdf.PdfReader(str(target))
    assert len(reader.pages) == written_pages(out)
    assert "Phường Hoàn Kiếm" in reader.metadata.title
    text = pdf_text(target)
    assert "Phường Hoàn Kiếm" in text and "Thành phố Hà Nội" in text
    assert re.search(r"Tổng số cán bộ, công chức, viên chức của xã 137\b", text)
    assert "Trang 1/" in text
    assert "41" not in text.split()  # the other commune's figures are not in this one's record


def test_province_report_in_english(fieldkit, tmp_path):
    target = tmp_path / "ha-noi.pdf"
    status, out, _err = fieldkit("report", "province", "01", "--out", target, "--lang", "en")
    assert status == 0
    text = pdf_text(target)
    assert "Page 1/" in text
    assert "Hà Nội" in text
    # n, smallest, median, mean, largest of the two communes' staff
    assert re.search(r"\b2 41 89 89 137\b", text), text


def test_national_and_form_reports(fieldkit, tmp_path):
    national, form = tmp_path / "toan-quoc.pdf", tmp_path / "nhan-luc.pdf"
    assert fieldkit("report", "national", "--out", national)[0] == 0
    assert re.search(r"Thành phố Hà Nội 126 2\b", pdf_text(national))  # communes, of which surveyed
    status, out, _err = fieldkit("report", "form", "commune_staffing", "--province", "01", "--out", form)
    assert status == 0
    text = pdf_text(form)
    assert re.search(r"\b2 41 89 89 137\b", text)
    assert re.search(r"\b2 9 16 16 23\b", text)
    assert len(pypdf.PdfReader(str(form)).pages) == written_pages(out)


def test_refusals_say_what_is_wrong_and_write_nothing(fieldkit, tmp_path):
    status, _out, err = fieldkit("report", "commune", "99999", "--out", tmp_path / "x.pdf")
    assert status == 2 and "99999" in err
    status, _out, err = fieldkit("report", "commune", "00073", "--out", tmp_path / "x.pdf")  # no submission
    assert status == 2 and "Phường Cửa Nam chưa có phiếu nào" in err
    status, _out, err = fieldkit("report", "national", "--out", tmp_path / "x.docx")
    assert status == 2 and "x.docx" in err
    missing = tmp_path / "gone" / "x.pdf"
    status, _out, err = fieldkit("report", "national", "--out", missing)
    assert status == 2 and str(missing) in err and "không tồn tại" in err
    assert list(tmp_path.iterdir()) == []


def test_export_through_the_command_line(fieldkit, tmp_path):
    target = tmp_path / "nhan-luc.json"
    status, out, err = fieldkit("export", "--format", "json", "--out", target, "--form", "commune_staffing",
                                "--province", "01")
    assert (status, err) == (0, "")
    assert "2" in out
    exported = json.loads(target.read_text(encoding="utf-8"))
    assert sorted(item["data"]["total_staff"] for item in exported) == [41, 137]


def test_a_real_process_with_no_display_renders_offscreen(data_dir, tmp_path):
    target = tmp_path / "bien-ban.pdf"
    environment = {name: value for name, value in os.environ.items()
                   if name not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run([sys.executable, "-m", "fieldkit.cli", "--data-dir", str(data_dir), "report", "commune",
                             BA_DINH, "--out", str(target)], capture_output=True, text=True, env=environment)
    assert result.returncode == 0, result.stderr
    assert "Phường Ba Đình" in pdf_text(target)
    assert re.search(r"Tổng số cán bộ, công chức, viên chức của xã 41\b", pdf_text(target))
