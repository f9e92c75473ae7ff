"""Each format read back with its own reader and compared with the store, value by value."""

import csv
import json
import sqlite3

import openpyxl
import pytest

from fieldkit.reports.export import export_submissions
from fieldkit.reports.export.layout import METADATA
from tests.helpers.export_world import ROOT, answer_path, repeat_instances, store_answers

FORMS_AND_LEVELS = {
    "commune_staffing": ["/data/roster"],
    "commune_infrastructure": ["/data/respondents", "/data/photos"],
    "visit_minutes": ["/data/participants", "/data/issues", "/data/recommendations"],
}


def _table_name(form_id: str, level: str) -> str:
    return form_id if level == ROOT else f"{form_id}__{level.rsplit('/', 1)[1]}"


def _expected_rows(world, form_id: str, level: str) -> int:
    records = [record for record in world.service.store.records(form_id=form_id)]
    if level == ROOT:
        return len(records)
    return sum(len(repeat_instances(store_answers(world.service, record.record_id), level)) for record in records)


def _typed(form, path: str, value: str):
    bind = form.binds[path]
    if value == "":
        return None
    return int(value) if bind.type == "int" else float(value) if bind.type == "decimal" else value


def _check_table(world, form_id: str, level: str, header: list[str], rows: list[list], *, typed: bool) -> set:
    """Every row's every cell is the store's answer (or metadata); parent keys link.
    The (record id, instance path) of each cell that holds an answer."""
    form = world.service.form(form_id)
    table = _table_name(form_id, level)
    assert len(rows) == _expected_rows(world, form_id, level), table
    keys, covered = set(), set()
    for values in rows:
        row = dict(zip(header, values, strict=True))
        record_id = row["_key"] if level == ROOT else row["_record_id"]
        answers = store_answers(world.service, record_id)
        for column in header:
            if column.startswith("_"):
                continue
            path = answer_path(row["_key"], record_id, column)
            expected = answers.get(path, "")
            if path in answers:
                covered.add((record_id, path))
            assert row[column] == (_typed(form, _bare(path), expected) if typed else expected), (table, path)
        if level != ROOT:
            assert row["_parent_key"] == record_id  # one repeat level in these forms
            assert row["_key"] == f"{record_id}/{level.rsplit('/', 1)[1]}[{row['_index']}]"
        keys.add(row["_key"])
    assert len(keys) == len(rows)
    return covered


def _stored_answers(world) -> set:
    found = set()
    for record in world.service.store.records():
        form = world.service.form(record.form_id, record.form_version)
        found |= {(record.record_id, path) for path in store_answers(world.service, record.record_id)
                  if form.find(path).type != "note"}
    return found


def _bare(path: str) -> str:
    import re

    return re.sub(r"\[\d+\]", "", path)


def _check_metadata(world, header: list[str], rows: list[list], *, typed: bool) -> None:
    for values in rows:
        row = dict(zip(header, values, strict=True))
        record = world.service.store.record(row["_key"])
        commune = world.service.communes.get(record.commune)
        assert row["_commune"] == record.commune and row["_commune_name"] == commune.name
        assert row["_province"] == record.province and row["_province_name"] == commune.province_name
        assert row["_status"] == record.status and row["_author"] == record.author
        assert row["_form_version"] == record.form_version
        assert row["_conflicts"] == (record.conflicts if typed else str(record.conflicts))


def test_csv_is_a_folder_of_one_utf8_bom_file_per_form_and_level(world, tmp_path):
    # raw: every answer exactly as stored ("=1+1 Đỗ An" too: tests/reports/export/test_export_hostile.py)
    result = export_submissions(world.service, format="csv", out=tmp_path / "xuat", raw=True)
    assert result.submissions == 5
    covered = set()
    for form_id, levels in FORMS_AND_LEVELS.items():
        for level in [ROOT, *levels]:
            path = tmp_path / "xuat" / f"{_table_name(form_id, level)}.csv"
            assert path.read_bytes().startswith(b"\xef\xbb\xbf")
            with open(path, encoding="utf-8-sig", newline="") as handle:
                header, *rows = list(csv.reader(handle))
            covered |= _check_table(world, form_id, level, header, rows, typed=False)
            if level == ROOT:
                _check_metadata(world, header, rows, typed=False)
            assert result.rows[_table_name(form_id, level)] == len(rows)
    assert covered == _stored_answers(world)  # every answer of every submission, in one cell
    marker = json.loads((tmp_path / "xuat" / "fieldkit-export.json").read_text(encoding="utf-8"))
    assert marker["submissions"] == 5 and sorted(marker["files"]) == sorted(
        path.name for path in (tmp_path / "xuat").glob("*.csv"))
    assert sorted(path.name for path in tmp_path.iterdir()) == ["xuat"]  # no temporary left


def test_xlsx_has_one_sheet_per_form_and_level_with_numbers_as_numbers(world, tmp_path):
    result = export_submissions(world.service, format="xlsx", out=tmp_path / "khao-sat.xlsx")
    workbook = openpyxl.load_workbook(tmp_path / "khao-sat.xlsx")
    assert workbook.sheetnames == result.files
    assert all(len(name) <= 31 for name in workbook.sheetnames)
    assert len({name.lower() for name in workbook.sheetnames}) == len(workbook.sheetnames)
    sheets = dict(zip(_export_order(), workbook.sheetnames, strict=True))
    for form_id, levels in FORMS_AND_LEVELS.items():
        for level in [ROOT, *levels]:
            header, *rows = [list(row) for row in workbook[sheets[_table_name(form_id, level)]].iter_rows(
                values_only=True)]
            _check_table(world, form_id, level, header, rows, typed=True)
            if level == ROOT:
                _check_metadata(world, header, rows, typed=True)
    staffing = workbook[sheets["commune_staffing"]]
    header = next(staffing.iter_rows(values_only=True))
    totals = {row[header.index("total_staff")] for row in list(staffing.iter_rows(values_only=True))[1:]}
    assert totals == {12, 32}  # int cells; the conflicting record shows its later edit
    workbook.close()


def _export_order() -> list[str]:
    """The tables in export order: by form id, each form's tables in form order."""
    return [_table_name(form_id, level) for form_id in sorted(FORMS_AND_LEVELS)
            for level in [ROOT, *FORMS_AND_LEVELS[form_id]]]


def test_xlsx_writes_text_that_looks_like_a_formula_as_text(world, tmp_path):
    export_submissions(world.service, format="xlsx", out=tmp_path / "a.xlsx", form_id="commune_staffing")
    workbook = openpyxl.load_workbook(tmp_path / "a.xlsx")
    names = [row[4].value for row in list(workbook["commune_staffing__roster"].iter_rows())[1:]]
    cell = next(row[4] for row in workbook["commune_staffing__roster"].iter_rows() if row[4].value == "=1+1 Đỗ An")
    assert "=1+1 Đỗ An" in names and cell.data_type == "s"


def test_sqlite_has_one_table_per_level_linked_by_foreign_keys(world, tmp_path):
    export_submissions(world.service, format="sqlite", out=tmp_path / "khao-sat.sqlite")
    connection = sqlite3.connect(tmp_path / "khao-sat.sqlite")
    for form_id, levels in FORMS_AND_LEVELS.items():
        for level in [ROOT, *levels]:
            table = _table_name(form_id, level)
            cursor = connection.execute(f'SELECT * FROM "{table}"')
            header = [column[0] for column in cursor.description]
            _check_table(world, form_id, level, header, [list(row) for row in cursor], typed=True)
            if level != ROOT:
                links = connection.execute(f'PRAGMA foreign_key_list("{table}")').fetchall()
                assert [(link[2], link[3], link[4]) for link in links] == [(form_id, "_parent_key", "_key")]
    assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    types = dict(connection.execute("SELECT name, type FROM pragma_table_info('commune_staffing')").fetchall())
    assert types["total_staff"] == "INTEGER" and types["visit_date"] == "TEXT"
    connection.close()


def test_json_has_one_object_per_submission_with_repeats_nested(world, tmp_path):
    export_submissions(world.service, format="json", out=tmp_path / "khao-sat.json")
    submissions = json.loads((tmp_path / "khao-sat.json").read_text(encoding="utf-8"))
    assert sorted(item["_record_id"] for item in submissions) == sorted(world.records.values())
    for item in submissions:
        answers = store_answers(world.service, item["_record_id"])
        form = world.service.form(item["_form_id"])
        assert set(METADATA) <= set(item)
        for path, value in answers.items():
            if form.find(path).type == "note":
                continue
            assert _lookup(item["data"], path) == _typed(form, _bare(path), value), path
        for level in FORMS_AND_LEVELS[item["_form_id"]]:
            assert len(item["data"].get(level.rsplit("/", 1)[1], [])) == len(repeat_instances(answers, level))


def _lookup(data: dict, path: str):
    """"/data/roster[2]/name" in the nested object."""
    import re

    value = data
    for step in path.split("/")[2:]:
        match = re.fullmatch(r"(.+)\[(\d+)\]", step)
        value = value[match.group(1)][int(match.group(2)) - 1] if match else value[step]
    return value


def test_geojson_has_one_point_per_geopoint_answer(world, tmp_path):
    result = export_submissions(world.service, format="geojson", out=tmp_path / "diem.geojson")
    collection = json.loads((tmp_path / "diem.geojson").read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection" and result.features == 1
    [feature] = collection["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [105.8542, 21.0285]}
    properties = feature["properties"]
    assert properties["_record_id"] == world.records["infrastructure"]
    assert properties["question"] == "/data/office_location"
    assert (properties["altitude"], properties["accuracy"]) == (12.5, 4.0)
    assert properties["_commune_name"] == "Phường Hoàn Kiếm"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_labels_replace_codes_in_the_language_asked(world, tmp_path, lang):
    export_submissions(world.service, format="csv", out=tmp_path / "nhan", form_id="commune_staffing", labels=True,
                       lang=lang)
    session = world.service.form("commune_staffing").new_session(lang=lang)
    roles = dict(session.choices("/data/roster[1]/role"))
    trainings = dict(session.choices("/data/roster[1]/trainings"))
    with open(tmp_path / "nhan" / "commune_staffing__roster.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert {row["role"] for row in rows} == {roles["it_officer"], roles["civil_servant"]}
    assert {row["trainings"] for row in rows} == {
        f"{trainings['digital_transformation']}; {trainings['telecommunications']}"}
    with open(tmp_path / "nhan" / "commune_staffing.csv", encoding="utf-8-sig", newline="") as handle:
        main = list(csv.DictReader(handle))
    finalized = {"vi": "đã hoàn tất", "en": "finalized"}[lang]
    assert finalized in {row["_status"] for row in main}
    assert {row["commune"] for row in main} == {"Phường Hoàn Kiếm", "Phường Ba Đình", "Phường Thủ Dầu Một"}
