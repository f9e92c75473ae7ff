"""Small forms written here: two versions of one form, text Excel cannot hold as it is."""

import csv

from fieldkit.reports.export import export_submissions
from fieldkit.services import SurveyService
from tests.helpers.export_world import HOAN_KIEM

FORM = """
| survey |
|        | type    | name | label |
{rows}
| settings |
|          | form_id     | version   |
|          | two_version | {version} |
"""


def _add_version(service, tmp_path, version: str, questions: list[tuple[str, str]]) -> None:
    rows = "\n".join(f"|        | {kind} | {name} | {name.title()} |" for kind, name in questions)
    path = tmp_path / f"two_version_{version}.md"
    path.write_text(FORM.format(rows=rows, version=version), encoding="utf-8")
    service.add_form(path)


def _submit(service, version: str, answers: dict[str, str], *, by_another_tool: bool = False) -> str:
    """`by_another_tool`: straight into the session, as a submission made elsewhere may hold
    text the services refuse (a control character)."""
    submission = service.open_submission(form_id="two_version", version=version, commune_code=HOAN_KIEM)
    if by_another_tool:
        for path, value in answers.items():
            submission.session.set(path, value)
    else:
        submission.set_many(answers, autosave=False)
    return submission.save().result().record_id


def test_a_question_only_an_older_version_has_keeps_its_column(tmp_path):
    with SurveyService.open(tmp_path / "data") as service:
        _add_version(service, tmp_path, "1", [("text", "village"), ("integer", "households")])
        old = _submit(service, "1", {"/data/village": "Thôn Đông", "/data/households": "120"})
        _add_version(service, tmp_path, "2", [("text", "village"), ("decimal", "area_km2")])
        new = _submit(service, "2", {"/data/village": "Thôn Tây", "/data/area_km2": "3.5"})
        result = export_submissions(service, format="csv", out=tmp_path / "xuat")
    with open(tmp_path / "xuat" / "two_version.csv", encoding="utf-8-sig", newline="") as handle:
        rows = {row["_key"]: row for row in csv.DictReader(handle)}
    assert result.rows == {"two_version": 2}
    header = list(rows[old])
    assert header.index("village") < header.index("area_km2") < header.index("households")  # latest's, then older's
    assert (rows[old]["_form_version"], rows[old]["households"], rows[old]["area_km2"]) == ("1", "120", "")
    assert (rows[new]["_form_version"], rows[new]["village"], rows[new]["area_km2"]) == ("2", "Thôn Tây", "3.5")


def test_xlsx_drops_only_the_control_characters_excel_cannot_hold(tmp_path):
    import openpyxl

    with SurveyService.open(tmp_path / "data") as service:
        _add_version(service, tmp_path, "1", [("text", "village"), ("integer", "households")])
        _submit(service, "1", {"/data/village": "Thôn\x0b Đông\tA", "/data/households": "120"}, by_another_tool=True)
        _submit(service, "1", {"/data/village": "=HYPERLINK(\"http://x\")", "/data/households": "7"})
        export_submissions(service, format="xlsx", out=tmp_path / "a.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "a.xlsx")["two_version"]
    header = [cell.value for cell in sheet[1]]
    cells = [row[header.index("village")] for row in sheet.iter_rows(min_row=2)]
    assert sorted(cell.value for cell in cells) == ["=HYPERLINK(\"http://x\")", "Thôn Đông\tA"]
    assert {cell.data_type for cell in cells} == {"s"}  # text, never a formula
    assert sorted(row[header.index("households")].value for row in sheet.iter_rows(min_row=2)) == [7, 120]
