"""`fieldkit export` as a person types it: exit status, what it prints, in their language."""

import csv

import openpyxl
import pytest

from fieldkit.cli import main
from fieldkit.services import SurveyService
from tests.helpers.export_world import BA_DINH, HOAN_KIEM, STAFFING_COMPLETE


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory):
    """A data folder holding two staffing submissions, one finalized (only read by exports)."""
    home = tmp_path_factory.mktemp("command_home")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("FIELDKIT_CACHE_DIR", str(home / "cache"))
        with SurveyService.open(home / "data") as service:
            for commune, finalize in ((HOAN_KIEM, True), (BA_DINH, False)):
                submission = service.open_submission(form_id="commune_staffing", commune_code=commune)
                submission.set_many(STAFFING_COMPLETE, autosave=False)
                (submission.finalize() if finalize else submission.save()).result()
    return home / "data"


def test_export_writes_the_file_and_says_how_many_rows(data_dir, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("FIELDKIT_LANG", "en")
    status = main(["--data-dir", str(data_dir), "export", "--format", "xlsx", "--out", str(tmp_path / "a.xlsx"),
                   "--form", "commune_staffing"])
    printed = capsys.readouterr().out
    assert status == 0
    assert f"Exported 2 submissions to {tmp_path / 'a.xlsx'}" in printed
    assert "commune_staffing__roster: 2 rows" in printed
    workbook = openpyxl.load_workbook(tmp_path / "a.xlsx")
    assert workbook.sheetnames == ["commune_staffing", "commune_staffing__roster"]
    assert workbook["commune_staffing"].max_row == 3


def test_filters_and_labels_from_the_command_line(data_dir, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("FIELDKIT_LANG", "vi")
    status = main(["--data-dir", str(data_dir), "export", "--format", "csv", "--out", str(tmp_path / "xuat"),
                   "--status", "finalized", "--province", "01", "--labels", "--from", "2000-01-01"])
    assert status == 0
    assert "Đã xuất 1 phiếu vào" in capsys.readouterr().out
    with open(tmp_path / "xuat" / "commune_staffing.csv", encoding="utf-8-sig", newline="") as handle:
        [row] = list(csv.DictReader(handle))
    assert (row["_commune"], row["commune"], row["_status"]) == (HOAN_KIEM, "Phường Hoàn Kiếm", "đã hoàn tất")


@pytest.mark.parametrize(("lang", "message"), [
    ("en", "'26/11/2025' is not a date: write it as YYYY-MM-DD"),
    ("vi", "'26/11/2025' không phải là ngày: hãy viết theo dạng YYYY-MM-DD"),
])
def test_a_mistake_exits_2_with_the_message_in_the_users_language(data_dir, tmp_path, capsys, monkeypatch, lang,
                                                                   message):
    monkeypatch.setenv("FIELDKIT_LANG", lang)
    status = main(["--data-dir", str(data_dir), "export", "--format", "json", "--out", str(tmp_path / "a.json"),
                   "--from", "26/11/2025"])
    captured = capsys.readouterr()
    assert status == 2 and message in captured.err and captured.out == ""
    assert not (tmp_path / "a.json").exists()


def test_a_target_that_cannot_be_written_exits_2_and_leaves_nothing(data_dir, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("FIELDKIT_LANG", "en")
    status = main(["--data-dir", str(data_dir), "export", "--format", "sqlite",
                   "--out", str(tmp_path / "missing" / "a.sqlite")])
    assert status == 2
    assert f"The folder {tmp_path / 'missing'} does not exist" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []
