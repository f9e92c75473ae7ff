"""CSV cells a spreadsheet would run as formulas get OWASP's single quote (issue 10, item 8);
numbers stay numbers; `raw` (and `fieldkit export --raw`) writes values as stored."""

import csv

from fieldkit.cli import main
from fieldkit.reports.export import export_submissions
from fieldkit.services import SurveyService
from tests.helpers.export_world import HOAN_KIEM

FORM = """
| survey |
|        | type     | name     | label    |
|        | text     | note_text | Note    |
|        | integer  | count    | Count    |
|        | decimal  | level    | Level    |
|        | geopoint | place    | Place    |
| settings |
|          | form_id |
|          | risky   |
"""
TEXTS = ["=HYPERLINK(\"http://x\",\"y\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\tTab", "\rReturn",
         "Thôn Đông", "-5"]


def _fill(tmp_path):
    service = SurveyService.open(tmp_path / "data")
    (tmp_path / "risky.md").write_text(FORM, encoding="utf-8")
    service.add_form(tmp_path / "risky.md")
    for number, text in enumerate(TEXTS):
        submission = service.open_submission(form_id="risky", commune_code=HOAN_KIEM)
        for path, value in {"/data/note_text": text, "/data/count": str(-number),
                            "/data/level": f"-{number}.5", "/data/place": f"-8.{number} 115.2 0 5"}.items():
            submission.session.set(path, value)  # as another tool would: \t and \r in a text
        submission.save().result()
    return service


def _rows(folder):
    with open(folder / "risky.csv", encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_csv_text_a_spreadsheet_would_run_gets_a_quote_and_numbers_stay(tmp_path, monkeypatch):
    monkeypatch.setenv("FIELDKIT_CACHE_DIR", str(tmp_path / "cache"))
    with _fill(tmp_path) as service:
        export_submissions(service, format="csv", out=tmp_path / "xuat")
        export_submissions(service, format="csv", out=tmp_path / "tho", raw=True)
    rows = _rows(tmp_path / "xuat")
    assert sorted(row["note_text"] for row in rows) == sorted(
        text if text == "Thôn Đông" else "'" + text for text in TEXTS)
    assert sorted(row["count"] for row in rows) == sorted(str(-number) for number in range(len(TEXTS)))
    assert all(row["level"].startswith("-") and row["place"].startswith("-8.") for row in rows)
    assert sorted(row["note_text"] for row in _rows(tmp_path / "tho")) == sorted(TEXTS)


def test_the_export_command_takes_raw(tmp_path, monkeypatch):
    monkeypatch.setenv("FIELDKIT_CACHE_DIR", str(tmp_path / "cache"))
    _fill(tmp_path).close()
    monkeypatch.setenv("FIELDKIT_LANG", "en")
    for options, folder in (([], "xuat"), (["--raw"], "tho")):
        assert main(["--data-dir", str(tmp_path / "data"), "export", "--format", "csv",
                     "--out", str(tmp_path / folder), *options]) == 0
    assert "'=HYPERLINK(\"http://x\",\"y\")" in {row["note_text"] for row in _rows(tmp_path / "xuat")}
    assert "=HYPERLINK(\"http://x\",\"y\")" in {row["note_text"] for row in _rows(tmp_path / "tho")}
