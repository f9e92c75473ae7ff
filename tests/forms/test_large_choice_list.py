"""The 3,321-commune list the shipped forms choose from: parsed once into a compact tree
(issue 12, memory), and still every commune offered, with its label, in each language."""

import csv
import io
import tracemalloc
from pathlib import Path

import pytest

from fieldkit.forms import load_form
from fieldkit.forms.external_instance import instance_xml
from fieldkit.forms.media import builtin_media
from fieldkit.forms.xpath import parse_xml

FORMS_DIR = Path(__file__).resolve().parents[2] / "forms"
COMMUNES = list(csv.DictReader(io.StringIO(builtin_media("communes.csv").decode("utf-8"))))


@pytest.fixture(scope="module")
def staffing():
    return load_form(FORMS_DIR / "commune_staffing.xlsx")


@pytest.mark.parametrize("lang", ["Tiếng Việt (vi)", "English (en)"])
def test_every_commune_is_offered_with_its_label_in_each_language(staffing, lang):
    session = staffing.new_session(lang=lang)
    offered = {}
    for province, _label in session.choices("/data/province"):
        session.set("/data/province", province)
        offered.update(session.choices("/data/commune"))
    assert len(offered) == len(COMMUNES) == 3321
    for row in COMMUNES:
        assert offered[row["name"]] in (row["label"], row["label_en"])
        assert offered[row["name"]]


def test_the_commune_list_parses_into_a_compact_tree():
    xml = instance_xml("communes.csv", builtin_media("communes.csv"))
    tracemalloc.start()
    try:
        document = parse_xml(xml, keep_whitespace=False)
        held, _peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    items = document.root_element.children_named("item")
    assert len(items) == 3321
    # 23,000 elements: 11.6 MB before names, empty attribute lists and equal texts were shared
    assert held < 8 * 1024 * 1024
    first, second = items[0], items[1]
    assert first.child("province").value == second.child("province").value == "01"
    assert first.child("province").value is second.child("province").value
    assert first.child("label").name is second.child("label").name
    assert first.attributes == () and first.nsmap == {}


def test_forms_carrying_the_same_list_share_its_text(staffing):
    minutes = load_form(FORMS_DIR / "visit_minutes.xlsx")
    assert staffing.secondary_instances["communes"].xml is minutes.secondary_instances["communes"].xml
    assert len(staffing.secondary_instances["communes"].xml) > 500_000


def test_a_changed_file_gets_its_own_xml():
    first = instance_xml("places.csv", b"name,label\n1,One\n")
    second = instance_xml("places.csv", b"name,label\n1,Uno\n")
    assert "One" in first and "Uno" in second
    assert instance_xml("places.csv", b"name,label\n1,One\n") is first
