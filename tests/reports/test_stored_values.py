"""Every export and every summary survives any value the store holds (issue 10, item 5):
numbers beyond what a format can hold are written as the text they were stored with."""

import csv
import json
import sqlite3

import openpyxl
import pytest

from fieldkit.reports import ReportService
from fieldkit.reports.export import export_submissions
from fieldkit.services import SurveyService
from tests.helpers.stored_values import HOSTILE, TEN_TO_400, TEN_TO_5000, fill_hostile

FORMATS = {"csv": "xuat", "xlsx": "a.xlsx", "sqlite": "a.sqlite", "json": "a.json", "geojson": "a.geojson"}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    home = tmp_path_factory.mktemp("hostile-home")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("FIELDKIT_CACHE_DIR", str(home / "cache"))
        survey = SurveyService.open(home / "data")
        made = fill_hostile(survey, home / "data")
        yield survey, {name: commune for commune, name in made.items()}
        survey.close()


def _rows_by_commune(rows) -> dict[str, dict]:
    return {row["_commune"]: row for row in rows}


def test_every_format_exports_every_stored_value(hostile, tmp_path):
    survey, _communes = hostile
    for format, name in FORMATS.items():
        result = export_submissions(survey, format=format, out=tmp_path / name, form_id="commune_infrastructure")
        assert result.submissions == len(HOSTILE), format


def test_csv_keeps_each_value_as_stored(hostile, tmp_path):
    survey, communes = hostile
    export_submissions(survey, format="csv", out=tmp_path / "xuat", form_id="commune_infrastructure")
    with open(tmp_path / "xuat" / "commune_infrastructure.csv", encoding="utf-8-sig", newline="") as handle:
        rows = _rows_by_commune(csv.DictReader(handle))
    computers = {name: rows[commune]["equipment/computers"] for name, commune in communes.items()}
    assert computers["raw_ten_to_5000"] == TEN_TO_5000 and computers["raw_1e400"] == "1e400"
    assert computers["ten_to_20"] == "100000000000000000000" and computers["raw_minus_zero"] == "-0"
    assert computers["surrogate"] == "\ufffd x \ufffd" and computers["true"] == "true" and computers["null"] == ""
    assert computers["formula"] == "'=HYPERLINK(\"x\")"  # text in a number field: text, guarded


def test_xlsx_writes_numbers_it_cannot_hold_as_text(hostile, tmp_path):
    survey, communes = hostile
    export_submissions(survey, format="xlsx", out=tmp_path / "a.xlsx", form_id="commune_infrastructure")
    sheet = openpyxl.load_workbook(tmp_path / "a.xlsx")["commune_infrastructure"]
    header, *rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    rows = _rows_by_commune(dict(zip(header, row, strict=True)) for row in rows)
    computers = {name: rows[commune]["equipment/computers"] for name, commune in communes.items()}
    bandwidth = {name: rows[commune]["network/tsl_bandwidth"] for name, commune in communes.items()}
    assert computers["ten_to_20"] == "100000000000000000000" and computers["ten_to_400"] == TEN_TO_400
    assert computers["raw_ten_to_400"] == TEN_TO_400 and bandwidth["raw_1e400"] == "1e400"
    assert bandwidth["ten_to_20"] == 1e20 and bandwidth["huge_float"] == 1e308  # a double holds these
    assert computers["minus_zero"] == 0 and bandwidth["nan"] == "NaN" and bandwidth["inf"] == "inf"
    assert bandwidth["tiny"] == "1e-400" and bandwidth["raw_tiny"] == "1e-400"  # not rounded to 0
    assert computers["words"] == "about 12" and computers["control"] == "bell"
    assert computers["surrogate"] == "\ufffd x \ufffd" and computers["formula"] == '=HYPERLINK("x")'


def test_sqlite_and_json_keep_what_they_cannot_hold_as_numbers(hostile, tmp_path):
    survey, communes = hostile
    export_submissions(survey, format="json", out=tmp_path / "a.json", form_id="commune_infrastructure")
    items = {item["_commune"]: item["data"] for item in json.loads((tmp_path / "a.json").read_text("utf-8"))}
    computers = {name: items[commune]["equipment"]["computers"] for name, commune in communes.items()}
    assert computers["ten_to_20"] == "100000000000000000000" and computers["raw_ten_to_5000"] == TEN_TO_5000
    assert computers["minus_zero"] == 0 and computers["nan"] == "NaN" and computers["object"] == '{"a": "1e400"}'
    export_submissions(survey, format="sqlite", out=tmp_path / "a.sqlite", form_id="commune_infrastructure")
    connection = sqlite3.connect(tmp_path / "a.sqlite")
    stored = dict(connection.execute('SELECT _commune, "equipment/computers" FROM commune_infrastructure'))
    connection.close()
    assert stored[communes["minus_zero"]] == 0 and stored[communes["nan"]] == "NaN"
    assert stored[communes["words"]] == "about 12" and stored[communes["surrogate"]] == "\ufffd x \ufffd"


def test_every_summary_is_built_whatever_the_store_holds(hostile):
    survey, communes = hostile
    reports = ReportService(survey)
    for commune in communes.values():
        document = reports.commune_summary(commune, lang="en")
        assert "\ud800" not in document.html and "\x07" not in document.html
    for lang in ("vi", "en"):
        assert reports.province_summary("01", lang=lang).html
        assert reports.national_summary(lang=lang).html
        for form_id in ("commune_infrastructure", "commune_staffing"):
            document = reports.form_summary(form_id, lang=lang)
            assert "\x07" not in document.html and "\ud800" not in document.html
