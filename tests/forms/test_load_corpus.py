"""load_form over the shared corpus: every form loads, every invalid one is a FormError,
and the model holds what the forms say (languages, repeats, choice filters, media...)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from lxml import etree

from fieldkit.forms import FormError
from fieldkit.forms.load import load_form
from fieldkit.forms.model import Group, Question, strip_positions

# Listed at collection time for parametrization; the corpus_dir fixture skips if absent.
XLSFORMS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "xlsforms"


def _names(folder: str) -> list[str]:
    directory = XLSFORMS / folder
    return sorted(path.name for path in directory.iterdir()) if directory.is_dir() else []


@pytest.fixture
def xlsforms(corpus_dir: Path) -> Path:
    return corpus_dir / "xlsforms"


@pytest.mark.parametrize("name", _names("pyxform"))
def test_pyxform_examples_load(xlsforms, name):
    form = load_form(xlsforms / "pyxform" / name)
    assert form.id and form.xform.startswith("<?xml")
    assert form.questions()


@pytest.mark.parametrize("name", _names("web-forms"))
def test_web_forms_load(xlsforms, name):
    form = load_form(xlsforms / "web-forms" / name)
    assert len(form.questions()) > 15 and form.languages


@pytest.mark.parametrize("name", _names("pyxform-invalid"))
def test_invalid_forms_raise_form_error_with_location(xlsforms, name):
    with pytest.raises(FormError) as caught:
        load_form(xlsforms / "pyxform-invalid" / name)
    error = caught.value
    assert error.problem.strip()
    # pyxform gives (or lets us find) the sheet and row for every one of these.
    assert error.location and error.location.startswith("sheet 'survey', row ")
    assert name in str(error)


INVALID_LOCATIONS = {
    "gps.csv": "sheet 'survey', row 2",  # 'location' has no label
    "include.xlsx": "sheet 'survey', row 3",  # the include row
    "include_json.md": "sheet 'survey', row 2",
    "unknown_question_type.xls": "sheet 'survey', row 1",  # conflicting headers
}


@pytest.mark.parametrize("name, location", sorted(INVALID_LOCATIONS.items()))
def test_invalid_form_locations(xlsforms, name, location):
    with pytest.raises(FormError) as caught:
        load_form(xlsforms / "pyxform-invalid" / name)
    assert caught.value.location == location


def test_ole2_workbook_named_xlsx_loads_by_path(xlsforms):
    path = xlsforms / "web-forms" / "ifrc-distribution-site-assessment-v1.xlsx"
    assert path.read_bytes().startswith(b"\xd0\xcf\x11\xe0")  # really an .xls
    assert load_form(path).id == "distributionsite_assessment_v1_0"
    assert load_form(path, file_type="xlsx").id == "distributionsite_assessment_v1_0"
    assert load_form(path.read_bytes()).id == "distributionsite_assessment_v1_0"


def test_bytes_with_and_without_file_type(xlsforms):
    data = (xlsforms / "pyxform" / "group.md").read_bytes()
    assert load_form(data, file_type="md").questions() == load_form(data).questions()
    assert load_form(str(xlsforms / "pyxform" / "group.csv"), file_type=".CSV").id == "group"


def test_languages(xlsforms):
    spec = load_form(xlsforms / "pyxform" / "xlsform_spec_test.xlsx")
    assert spec.languages == ["default", "chinese", "english"]
    assert spec.default_language == "default"
    ifrc = load_form(xlsforms / "web-forms" / "ifrc-distribution-site-assessment-v1.xlsx")
    assert ifrc.languages == ["English", "Français"] and ifrc.default_language == "English"
    assert load_form(xlsforms / "pyxform" / "default_time_demo.xls").languages == []


def test_labels_hints_and_media_per_language(xlsforms):
    spec = load_form(xlsforms / "pyxform" / "xlsform_spec_test.xlsx")
    question = spec.find("/data/everything/text_image_audio_video_test")
    assert question.labels["chinese"] == "您好"
    assert question.hints["chinese"] == "ni hao"
    assert question.label_media["default"] == {
        "image": "jr://images/img_test.jpg",
        "audio": "jr://audio/audio_test.wav",
        "video": "jr://video/test.mov",
    }
    assert question.label_media["english"] == {"image": "jr://images/img_test_2.jpg"}
    output = spec.find("/data/everything/invalid_variable")
    assert output.type == "note"
    assert output.labels["english"] == 'Your name is <output value=" /data/everything/my_name "/>'


def test_constraint_and_required_messages(xlsforms):
    spec = load_form(xlsforms / "pyxform" / "xlsform_spec_test.xlsx")
    bind = spec.binds["/data/everything/repeat_test/group_test/select_multiple_test"]
    assert set(bind.constraint_msg) == {"default", "chinese", "english"}
    assert bind.constraint_msg["english"].startswith("Sorry <output value=")
    assert spec.binds["/data/everything/repeat_test/group_test/required_text"].required_msg == {
        "": "Custom required message."
    }
    widgets = load_form(xlsforms / "pyxform" / "widgets.xls")
    messages = [b.constraint_msg for b in widgets.binds.values() if b.constraint_msg]
    assert {"": "number must be less than 10"} in messages


def test_repeats_with_count(xlsforms):
    spec = load_form(xlsforms / "pyxform" / "xlsform_spec_test.xlsx")
    (repeat,) = spec.repeats()
    assert repeat.path == "/data/everything/repeat_test"
    assert repeat.repeat_count == "/data/everything/repeat_test_count"
    assert repeat.labels["english"] == "repeat_test"
    assert [child.name for child in repeat.children][:2] == ["group_test", "labeled_select_group"]
    dated = load_form(xlsforms / "pyxform" / "repeat_date_test.xls")
    assert dated.repeats()[0].repeat_count == "/data/repeat_count"


def test_field_list_groups(xlsforms):
    form = load_form(xlsforms / "web-forms" / "all-question-types-v2024091201-3.xlsx")
    table = form.find("/data/table_list")
    assert isinstance(table, Group) and table.field_list and not table.repeat


def test_choice_filter_itemset(xlsforms):
    form = load_form(xlsforms / "pyxform" / "choice_filter_test.xlsx")
    county = form.find("/data/county")
    assert county.type == "select_one" and county.choices is None
    assert county.itemset.nodeset == "instance('counties')/root/item[ /data/state =cf]"
    assert county.itemset.value_ref == "name" and county.itemset.label_ref == "label"
    counties = etree.fromstring(form.secondary_instances["counties"].xml)
    assert counties.tag == "root" and counties.find("item/cf") is not None


def test_calculations_and_metadata_are_in_the_tree(xlsforms):
    spec = load_form(xlsforms / "pyxform" / "xlsform_spec_test.xlsx")
    count = spec.find("/data/everything/repeat_test_count")
    assert (count.kind, count.type) == ("none", "calculate")
    siblings = [child.name for child in spec.find("/data/everything").children]
    assert siblings.index("repeat_test_count") == siblings.index("repeat_test") - 1
    start = spec.find("/data/everything/start")
    assert start.type == "hidden" and spec.binds[start.path].preload_params == "start"
    assert spec.find("/data/meta/instanceID").type == "hidden"
    # Every instance leaf is a question of the tree.
    tree = etree.ElementTree(etree.fromstring(spec.instance_xml))
    leaves = {strip_positions(tree.getpath(node)) for node in tree.iter() if len(node) == 0}
    assert leaves <= {item.path for item in spec.questions()}


def test_media_references_and_missing_files(xlsforms):
    form = load_form(xlsforms / "web-forms" / "all-question-types-v2024091201-3.xlsx")
    assert {"cities.geojson", "noodles.svg", "body.svg"} <= set(form.media_missing)
    assert form.secondary_instances["cities"].src == "jr://file/cities.geojson"
    assert form.secondary_instances["cities"].xml is None
    pulled = load_form(xlsforms / "pyxform" / "pull_data.xlsx")
    assert pulled.media_missing == ["fruits.csv"] and pulled.media == {}


def test_media_found_beside_the_form(xlsforms, tmp_path):
    shutil.copy(xlsforms / "pyxform" / "pull_data.xlsx", tmp_path / "pull_data.xlsx")
    (tmp_path / "fruits.csv").write_bytes("\ufeffname,price\nmango,3\n".encode())
    form = load_form(tmp_path / "pull_data.xlsx")
    assert form.media_missing == [] and "fruits.csv" in form.media
    assert form.secondary_instances["fruits"].xml == (
        "<root><item><name>mango</name><price>3</price></item></root>"
    )


def test_setvalue_actions(xlsforms):
    form = load_form(xlsforms / "pyxform" / "case_insensitivity.csv")
    (action,) = form.setvalues
    assert (action.event, action.ref, action.value) == ("odk-instance-first-load", "/data/meta/entity/@id", "uuid()")


def test_question_types_of_all_question_types(xlsforms):
    form = load_form(xlsforms / "web-forms" / "all-question-types-v2024091201-3.xlsx")
    types = {item.name: item.type for item in form.questions()}
    expected = {
        "intro": "note", "string": "text", "integer": "integer", "decimal": "decimal",
        "range_decimal": "range", "image": "image", "signature": "image", "barcode": "barcode",
        "audio": "audio", "video": "video", "file": "file", "date": "date", "time": "time",
        "date_time": "dateTime", "geopoint": "geopoint", "geotrace": "geotrace",
        "geoshape": "geoshape", "select_one": "select_one", "select_multi": "select_multiple",
        "rank": "rank", "my_trigger": "acknowledge", "instanceID": "hidden",
    }  # fmt: skip
    assert {name: types[name] for name in expected} == expected
    ranged = form.find("/data/range_question_types/range_decimal")
    assert isinstance(ranged, Question) and ranged.range == {"start": "1.5", "end": "5.5", "step": "0.5"}
    assert form.find("/data/image_question_types/image").mediatype == "image/*"
