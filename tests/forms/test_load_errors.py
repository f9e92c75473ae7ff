"""Broken forms made here: each raises FormError (and nothing else) naming where."""

from __future__ import annotations

import os

import openpyxl
import pytest

from fieldkit.forms import FormError
from fieldkit.forms.load import load_form

GOOD_XFORM = """<?xml version="1.0"?>
<h:html xmlns="http://www.w3.org/2002/xforms" xmlns:h="http://www.w3.org/1999/xhtml">
  <h:head>
    <h:title>t</h:title>
    <model>
      <instance><data id="t"><a/></data></instance>
      <bind nodeset="/data/a" type="string"/>
    </model>
  </h:head>
  <h:body>
    <input ref="/data/a"><label>A</label></input>
  </h:body>
</h:html>
"""


def _workbook(path, rows, sheet="survey"):
    book = openpyxl.Workbook()
    book.active.title = sheet
    for row in rows:
        book.active.append(row)
    book.create_sheet("settings").append(["form_id"])
    book.save(path)
    return path


def _error(source, **options) -> FormError:
    with pytest.raises(FormError) as caught:
        load_form(source, **options)
    assert str(caught.value).strip()
    return caught.value


def test_good_xform_loads(tmp_path):
    path = tmp_path / "t.xml"
    path.write_text(GOOD_XFORM)
    assert [q.path for q in load_form(path).questions()] == ["/data/a"]


def test_xlsx_with_unknown_type_names_sheet_and_row(tmp_path):
    rows = [["type", "name", "label"], ["text", "a", "A"], ["", "", ""], ["txet", "b", "B"]]
    error = _error(_workbook(tmp_path / "bad.xlsx", rows))
    assert error.location == "sheet 'survey', row 4"
    assert "txet" in error.problem
    assert str(tmp_path / "bad.xlsx") in str(error)


def test_xlsx_with_row_in_pyxform_message(tmp_path):
    rows = [["type", "name", "label"], ["text", "a", "A"], ["text", "a", "again"]]
    error = _error(_workbook(tmp_path / "dup.xlsx", rows))
    assert error.location == "sheet 'survey', row 3"
    assert "[row" not in error.problem  # the row moved to the location


def test_workbook_without_survey_sheet(tmp_path):
    error = _error(_workbook(tmp_path / "nosurvey.xlsx", [["type", "name"]], sheet="questions"))
    assert error.location == "sheet 'survey'"


def test_csv_with_unknown_type(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("survey,,,\n,type,name,label\n,integer,n,N\n,wibble,w,W\n")
    error = _error(path)
    assert error.location == "sheet 'survey', row 3" and "wibble" in error.problem


def test_md_with_unknown_type(tmp_path):
    path = tmp_path / "bad.md"
    path.write_text("| survey |        |      |       |\n|        | type   | name | label |\n|        | wibble | w    | W     |\n")
    error = _error(path)
    assert error.location == "sheet 'survey', row 2" and "wibble" in error.problem


def test_select_without_choices_sheet(tmp_path):
    path = tmp_path / "nochoices.csv"
    path.write_text("survey,,,\n,type,name,label\n,select_one yn,q,Q\n")
    assert _error(path).location == "sheet 'choices'"


def test_malformed_xml_names_line(tmp_path):
    path = tmp_path / "broken.xml"
    path.write_text(GOOD_XFORM.replace("</input>", "</inptu>"))
    error = _error(path)
    assert error.location == "line 11" and "not well-formed" in error.problem


def test_bind_to_missing_node_is_a_warning_naming_element_and_line(tmp_path):
    # JavaRosa loads the form and ignores the bind ("<bind> defined for a node that
    # doesn't exist"): a warning, not an error (tests/forms/test_xform_odk_compat.py).
    path = tmp_path / "bind.xml"
    path.write_text(GOOD_XFORM.replace('<bind nodeset="/data/a"', '<bind nodeset="/data/zz"'))
    form = load_form(path)
    assert "/data/zz" not in form.binds
    assert [warning.startswith("<bind nodeset='/data/zz'> (line 7): ") for warning in form.warnings] == [True]


def test_control_bound_to_missing_node(tmp_path):
    error = _error(GOOD_XFORM.replace('<input ref="/data/a">', '<input ref="/data/b">').encode())
    assert error.location == "<input ref='/data/b'> (line 11)"


def test_xml_that_is_not_an_xform():
    error = _error(b"<?xml version='1.0'?>\n<survey><q/></survey>", file_type="xml")
    assert "not an XForm" in error.problem and error.location == "<survey> (line 2)"


def test_xform_without_form_id():
    error = _error(GOOD_XFORM.replace('<data id="t">', "<data>").encode())
    assert "id" in error.problem and error.location.startswith("<data> (line")


def test_empty_file(tmp_path):
    for name in ("empty.xlsx", "empty.xml", "blank.csv"):
        path = tmp_path / name
        path.write_bytes(b"" if name != "blank.csv" else b"\n  \n")
        assert "empty" in _error(path).problem
    assert "empty" in _error(b"").problem


def test_missing_path(tmp_path):
    error = _error(tmp_path / "nowhere.xlsx")
    assert error.problem == "there is no such file" and error.source == str(tmp_path / "nowhere.xlsx")
    assert _error(str(tmp_path / "nowhere.xml")).problem == "there is no such file"


def test_nul_in_path():
    assert "not a valid file path" in _error("bad\x00name.xlsx").problem


def test_folder_is_no_form(tmp_path):
    assert "folder" in _error(tmp_path).problem


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_unreadable_path(tmp_path):
    path = tmp_path / "secret.xlsx"
    path.write_bytes(b"x")
    path.chmod(0)
    assert "cannot be read" in _error(path).problem


def test_random_bytes_named_xlsx(tmp_path):
    path = tmp_path / "random.xlsx"
    path.write_bytes(bytes(range(256)) * 20)
    error = _error(path)
    assert ".xlsx" in error.problem


def test_zip_that_is_no_workbook(tmp_path):
    import zipfile

    path = tmp_path / "archive.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "hello")
    assert _error(path).problem


def test_unknown_file_type_argument():
    assert "unknown form file type" in _error(b"a,b", file_type="docx").problem


def test_unknown_content_without_name():
    assert "not a form file" in _error(b"just some words").problem


def test_bad_media_csv_is_named(tmp_path):
    xform = GOOD_XFORM.replace(
        "<bind ", '<instance id="list" src="jr://file-csv/list.csv"/>\n      <bind '
    )
    (tmp_path / "f.xml").write_text(xform)
    (tmp_path / "list.csv").write_text("name,bad header\na,b\n")
    error = _error(tmp_path / "f.xml")
    assert error.location == "list.csv" and "bad header" in error.problem
