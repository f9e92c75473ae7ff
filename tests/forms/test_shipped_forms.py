"""The delegation's shipped XLSForms (forms/*.xlsx).

- the committed .xlsx equal what tools/build_forms.py generates, cell by cell;
- each converts with pyxform, with the expected binds and both languages everywhere;
- filled through a FormSession, the constraints, relevance and repeats behave.
"""

import csv
import datetime as dt
import io
import re
from pathlib import Path

import pytest
from lxml import etree
from pyxform.xls2xform import convert

from fieldkit.forms.media import builtin_media
from tools import build_forms
from tools.forms_src import FORMS

ROOT = Path(__file__).resolve().parents[2]
FORMS_DIR = ROOT / "forms"

VI, EN = "Tiếng Việt (vi)", "English (en)"
NS = {"h": "http://www.w3.org/1999/xhtml", "x": "http://www.w3.org/2002/xforms",
      "jr": "http://openrosa.org/javarosa"}
JR = "{http://openrosa.org/javarosa}"
FORM_IDS = {name: name.removesuffix(".xlsx") for name in FORMS}


@pytest.fixture(scope="module", params=sorted(FORMS))
def shipped(request):
    """(file name, parsed XForm root) of one shipped form."""
    result = convert(xlsform=str(FORMS_DIR / request.param), validate=False)
    assert result.warnings == []
    return request.param, etree.fromstring(result.xform.encode("utf-8"))


def binds(xform) -> dict[str, dict[str, str]]:
    return {bind.get("nodeset"): dict(bind.attrib) for bind in xform.iterfind(".//x:bind", NS)}


def itext(xform) -> dict[str, dict[str, str]]:
    """lang -> text id -> text (the default form)."""
    found = {}
    for translation in xform.iterfind(".//x:itext/x:translation", NS):
        found[translation.get("lang")] = {
            text.get("id"): "".join(text.find("x:value", NS).itertext())
            for text in translation.iterfind("x:text", NS)
        }
    return found


def squeeze(expression: str) -> str:
    return re.sub(r"\s+", "", expression)


# -- the committed workbooks are the generated ones ------------------------------------

@pytest.mark.parametrize("file_name", sorted(FORMS))
def test_committed_xlsx_equals_the_build_script_output_cell_by_cell(file_name):
    committed = build_forms.read_tables(FORMS_DIR / file_name)
    generated = build_forms.read_tables(build_forms.workbook_bytes(FORMS[file_name]))
    assert list(committed) == ["survey", "choices", "settings"]
    for sheet, rows in generated.items():
        assert committed[sheet] == rows, (
            f"{file_name} sheet {sheet!r} is out of date: run python tools/build_forms.py"
        )
    assert build_forms.stale() == []


def test_build_output_is_reproducible():
    form = FORMS["commune_staffing.xlsx"]
    assert build_forms.workbook_bytes(form) == build_forms.workbook_bytes(form)


# -- the XForms pyxform makes of them ---------------------------------------------------

def test_settings_root_and_languages(shipped):
    file_name, xform = shipped
    data = xform.find(".//x:model/x:instance/x:data", NS)
    assert data is not None, "the primary instance root must be <data>"
    assert data.get("id") == FORM_IDS[file_name]
    assert re.fullmatch(r"20\d{8}", data.get("version"))
    translations = xform.findall(".//x:itext/x:translation", NS)
    assert [(t.get("lang"), t.get("default")) for t in translations] == [
        (VI, "true()"), (EN, None)]
    settings = build_forms.read_tables(FORMS_DIR / file_name)["settings"]
    assert dict(zip(*settings, strict=True))["default_language"] == VI


def test_every_text_is_in_both_languages(shipped):
    _, xform = shipped
    texts = itext(xform)
    assert set(texts[VI]) == set(texts[EN])
    for text_id in texts[VI]:
        assert texts[VI][text_id].strip() and texts[EN][text_id].strip(), text_id
    for control in xform.find("h:body", NS).iter():
        label = control.find("x:label", NS)
        if label is None:
            continue
        ref = label.get("ref", "")
        if control.tag.endswith("itemset"):  # choices: itext, or the CSV's label column
            assert ref in ("jr:itext(itextId)", "label")
        else:
            assert re.fullmatch(r"jr:itext\('[^']+'\)", ref) and ref[10:-2] in texts[EN]


def test_every_constraint_and_required_has_a_message_in_both_languages(shipped):
    _, xform = shipped
    texts = itext(xform)
    for nodeset, bind in binds(xform).items():
        for condition, message in (("constraint", f"{JR}constraintMsg"),
                                   ("required", f"{JR}requiredMsg")):
            if bind.get(condition) and bind.get(condition) != "false()":
                ref = bind.get(message, "")
                assert ref.startswith("jr:itext("), f"{nodeset}: no {condition} message"
                text_id = ref[10:-2]
                assert texts[VI][text_id] and texts[EN][text_id]
                assert texts[VI][text_id] != texts[EN][text_id]


EXPECTED_CONSTRAINTS = {
    "commune_infrastructure.xlsx": {
        "/data/visit_date": ".<=today()",
        "/data/network/tsl_bandwidth": ".>0",
        "/data/network/outages_per_month": ".>=0",
        "/data/network/outage_hours": ".>0and.<=744",
        "/data/remote_area/hamlets_no_signal": ".>=0",
        "/data/equipment/computers": ".>=0",
        "/data/equipment/computers_old": ".>=0and.<=/data/equipment/computers",
        "/data/equipment/scanners": ".>=0",
        "/data/equipment/printers": ".>=0",
        "/data/equipment/signature_tokens": ".>=0",
        "/data/equipment/videoconf_count": ".>=1",
        "/data/services/records_digitised_pct": ".>=0and.<=100",
        "/data/services/records_online_pct": ".>=0and.<=100",
        "/data/services/procedures_total": ".>=0",
        "/data/services/procedures_configured": ".>=0and.<=/data/services/procedures_total",
        "/data/services/db_failures": "not(selected(.,'none')andcount-selected(.)>1)",
        "/data/findings/problems": "not(selected(.,'none')andcount-selected(.)>1)",
    },
    "commune_staffing.xlsx": {
        "/data/visit_date": ".<=today()",
        "/data/total_staff": ".>=0",
        "/data/one_stop_staff": ".>=0and.<=/data/total_staff",
        "/data/it_staff": ".>=0and.<=/data/total_staff",
        "/data/roster/trainings": "not(selected(.,'none')andcount-selected(.)>1)",
    },
    "visit_minutes.xlsx": {
        "/data/visit_date": ".<=today()",
        "/data/recommendations/deadline": ".>=/data/visit_date",
    },
}

EXPECTED_TYPES = {
    "commune_infrastructure.xlsx": {
        "/data/equipment/computers": "int", "/data/network/tsl_bandwidth": "decimal",
        "/data/services/records_online_pct": "decimal", "/data/office_location": "geopoint",
        "/data/photos/photo": "binary", "/data/visit_date": "date",
    },
    "commune_staffing.xlsx": {"/data/total_staff": "int", "/data/roster/name": "string"},
    "visit_minutes.xlsx": {"/data/recommendations/deadline": "date"},
}


def test_expected_constraints_and_types(shipped):
    file_name, xform = shipped
    found = binds(xform)
    for path, constraint in EXPECTED_CONSTRAINTS[file_name].items():
        assert squeeze(found[path].get("constraint", "")) == constraint, path
    for path, type_ in EXPECTED_TYPES[file_name].items():
        assert found[path]["type"] == type_, path
    for meta in ("start", "end", "deviceid", "username", "meta/instanceID"):
        assert f"/data/{meta}" in found
    assert "commune_name" in found["/data/meta/instanceName"]["calculate"]


def test_commune_picker_reads_the_builtin_media(shipped):
    _, xform = shipped
    instances = {i.get("id"): i.get("src") for i in xform.iterfind(".//x:model/x:instance", NS)}
    assert instances["provinces"] == "jr://file-csv/provinces.csv"
    assert instances["communes"] == "jr://file-csv/communes.csv"
    itemsets = [i.get("nodeset") for i in xform.iterfind(".//x:itemset", NS)]
    assert squeeze(itemsets[1]) == "instance('communes')/root/item[province=/data/province]"
    header = next(csv.reader(io.StringIO(builtin_media("communes.csv").decode("utf-8"))))
    assert {"name", "label", "province"} <= set(header)
    select = xform.find(".//h:body/x:select1[@ref='/data/commune']", NS)
    assert select.get("appearance") == "autocomplete"


def test_relevance_and_conditional_required():
    found = binds(etree.fromstring(convert(
        xlsform=str(FORMS_DIR / "commune_infrastructure.xlsx"), validate=False).xform.encode()))
    assert squeeze(found["/data/network/tsl_bandwidth"]["relevant"]) == \
        "/data/network/tsl_connected='yes'"
    assert squeeze(found["/data/findings/problem_notes"]["required"]) == \
        "selected(/data/findings/problems,'other')"
    assert squeeze(found["/data/remote_area"]["relevant"]) == "/data/has_remote_areas='yes'"


# -- filling the forms through a FormSession ----------------------------------------------


def load(file_name: str):
    from fieldkit.forms import load_form

    return load_form(FORMS_DIR / file_name)


def errors_at(session, path: str) -> list[tuple[str, str]]:
    """(kind, message) of the errors at `path`; a position [1] may be left out."""
    return [(kind, message) for where, kind, message in session.errors()
            if where == path or where.replace("[1]", "") == path.replace("[1]", "")]


def media_rows(name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(builtin_media(name).decode("utf-8"))))


TODAY = dt.date.today()


@pytest.mark.parametrize("file_name", sorted(FORMS))
def test_forms_load_with_both_languages_and_media(file_name):
    form = load(file_name)
    assert form.id == FORM_IDS[file_name]
    assert form.version == "2026112601"
    assert set(form.languages) == {VI, EN}
    assert form.media_missing == []
    session = form.new_session()
    assert session.value("/data/visit_date") == TODAY.isoformat()
    assert [kind for where, kind, _ in session.errors() if where == "/data/province"] == ["required"]


def test_commune_choices_are_filtered_by_province():
    session = load("commune_staffing.xlsx").new_session(lang=EN)
    communes = media_rows("communes.csv")
    assert len(session.choices("/data/province")) == 34
    for province, expected in (("01", 126), ("79", None), ("96", None)):
        session.set("/data/province", province)
        offered = {value for value, _ in session.choices("/data/commune")}
        in_province = {row["name"] for row in communes if row["province"] == province}
        assert offered == in_province
        if expected is not None:
            assert len(offered) == expected
    session.set("/data/province", "01")
    session.set("/data/commune", "00070")
    assert session.value("/data/commune_name") == "Phường Hoàn Kiếm"
    assert session.value("/data/province_name") == "Thành phố Hà Nội"
    assert ("00070", "Phường Hoàn Kiếm") in session.choices("/data/commune")
    assert session.value("/data/meta/instanceName") == f"Phường Hoàn Kiếm – {TODAY.isoformat()}"


OLD_COMPUTERS = "/data/equipment/computers_old"
COMPLETE_INFRASTRUCTURE = {
    "province": "01", "commune": "00070", "respondents[1]/respondent_name": "Phạm Thu Hà",
    "respondents[1]/respondent_role": "chairperson", "network/tsl_connected": "yes",
    "network/tsl_bandwidth": "100", "network/outages_per_month": "0",
    "office_area/office_mobile": "good", "office_area/office_internet": "good",
    "residential_area/residential_mobile": "usable", "has_remote_areas": "no",
    "residential_area/residential_internet": "weak", "equipment/computers": "20",
    "equipment/computers_old": "8", "equipment/scanners": "3", "equipment/printers": "5",
    "equipment/signature_tokens": "12", "equipment/videoconf": "no",
    "services/one_stop_in_use": "yes", "services/portal_integration": "partial",
    "services/db_failures": "vneid population", "services/procedures_total": "300",
    "services/procedures_configured": "250", "findings/problems": "old_equipment",
    "office_location": "21.0285 105.8542 10 5",
}


def test_a_complete_infrastructure_submission_has_no_errors():
    session = load("commune_infrastructure.xlsx").new_session(lang=EN)
    for path, value in COMPLETE_INFRASTRUCTURE.items():
        session.set(f"/data/{path}", value)
    assert session.errors() == []
    assert not session.is_relevant("/data/network/outage_hours")
    assert not session.is_relevant("/data/remote_area")
    assert session.value("/data/computers_old_pct") == "40"
    assert session.value("/data/procedures_configured_pct") == "83.3"


@pytest.mark.parametrize("lang, message", [
    (EN, "The count must be 0 or more and cannot exceed the number of computers."),
    (VI, "Số lượng phải từ 0 trở lên và không được lớn hơn tổng số máy tính."),
])
def test_more_old_computers_than_computers_is_a_constraint_error(lang, message):
    session = load("commune_infrastructure.xlsx").new_session(lang=lang)
    session.set("/data/equipment/computers", "5")
    session.set(OLD_COMPUTERS, "6")
    assert errors_at(session, OLD_COMPUTERS) == [("constraint", message)]
    session.set(OLD_COMPUTERS, "5")
    assert errors_at(session, OLD_COMPUTERS) == []
    assert session.value("/data/computers_old_pct") == "100"
    session.set(OLD_COMPUTERS, "2")
    assert session.value("/data/computers_old_pct") == "40"


def test_percentages_outside_0_to_100_are_rejected():
    session = load("commune_infrastructure.xlsx").new_session(lang=EN)
    path = "/data/services/records_digitised_pct"
    for value, kinds in (("101", ["constraint"]), ("-1", ["constraint"]),
                         ("100", []), ("0", []), ("37.5", [])):
        session.set(path, value)
        assert [kind for kind, _ in errors_at(session, path)] == kinds, value
    session.set(path, "101")
    assert errors_at(session, path) == [
        ("constraint", "The percentage must be between 0 and 100.")]


def test_bandwidth_only_asked_when_connected():
    session = load("commune_infrastructure.xlsx").new_session(lang=EN)
    bandwidth = "/data/network/tsl_bandwidth"
    session.set("/data/network/tsl_connected", "no")
    assert not session.is_relevant(bandwidth)
    assert errors_at(session, bandwidth) == []
    session.set("/data/network/tsl_connected", "yes")
    assert session.is_relevant(bandwidth) and session.is_required(bandwidth)
    assert [kind for kind, _ in errors_at(session, bandwidth)] == ["required"]
    session.set(bandwidth, "0")
    assert [kind for kind, _ in errors_at(session, bandwidth)] == ["constraint"]
    session.set(bandwidth, "100")
    assert errors_at(session, bandwidth) == []


def test_other_problem_requires_a_note():
    session = load("commune_infrastructure.xlsx").new_session(lang=EN)
    notes = "/data/findings/problem_notes"
    session.set("/data/findings/problems", "old_equipment")
    assert not session.is_required(notes)
    assert errors_at(session, notes) == []
    session.set("/data/findings/problems", "old_equipment other")
    assert session.is_required(notes)
    assert errors_at(session, notes) == [("required", 'Describe the "Other" problem.')]
    session.set(notes, "Trụ sở mới chưa có điện ổn định")
    assert errors_at(session, notes) == []
    session.set("/data/findings/problems", "none other")
    assert [kind for kind, _ in errors_at(session, "/data/findings/problems")] == ["constraint"]


def test_staff_parts_cannot_exceed_the_total():
    session = load("commune_staffing.xlsx").new_session(lang=EN)
    session.set("/data/total_staff", "10")
    session.set("/data/it_staff", "12")
    assert any(path == "/data/it_staff" and kind == "constraint"
               for path, kind, _ in session.errors())
    session.set("/data/one_stop_staff", "4")
    session.set("/data/it_staff", "2")
    assert errors_at(session, "/data/it_staff") == errors_at(session, "/data/one_stop_staff") == []


def test_roster_repeat_counts_and_trained_share():
    form = load("commune_staffing.xlsx")
    session = form.new_session(lang=EN)
    assert session.repeat_count("/data/roster") <= 1  # the blank form holds at most one
    while session.repeat_count("/data/roster") < 2:
        session.add_repeat("/data/roster")
    assert session.add_repeat("/data/roster") == 3
    people = [("Nguyễn Văn An", "it_officer", "digitisation telecommunications", "yes"),
              ("Trần Thị Bình", "public_service_centre", "none", "no"),
              ("Lê Văn Cường", "civil_servant", "measurement_quality", "yes")]
    for position, (name, role, trainings, cert) in enumerate(people, start=1):
        base = f"/data/roster[{position}]"
        session.set(f"{base}/name", name)
        session.set(f"{base}/role", role)
        session.set(f"{base}/trainings", trainings)
        session.set(f"{base}/has_signature_cert", cert)
    assert session.repeat_count("/data/roster") == 3
    assert session.value("/data/roster_count") == "3"
    assert session.value("/data/trained_count") == "2"
    assert session.value("/data/trained_pct") == "66.7"
    assert session.value("/data/cert_holders") == "2"
    session.set("/data/total_staff", "2")
    assert session.is_relevant("/data/roster_over_total")
    restored = form.new_session().from_xml(session.to_xml())
    assert restored.repeat_count("/data/roster") == 3
    assert restored.value("/data/roster[2]/name") == "Trần Thị Bình"
    assert [person["name"] for person in session.to_dict()["roster"]] == [p[0] for p in people]


def test_recommendation_deadline_cannot_precede_the_visit():
    session = load("visit_minutes.xlsx").new_session(lang=EN)
    visit = TODAY - dt.timedelta(days=3)
    session.set("/data/visit_date", visit.isoformat())
    if session.repeat_count("/data/recommendations") == 0:
        session.add_repeat("/data/recommendations")
    deadline = "/data/recommendations[1]/deadline"
    session.set(deadline, (visit - dt.timedelta(days=1)).isoformat())
    assert errors_at(session, deadline) == [
        ("constraint", "The deadline cannot be before the visit date.")]
    session.set(deadline, visit.isoformat())
    assert errors_at(session, deadline) == []
    session.set(deadline, (TODAY + dt.timedelta(days=90)).isoformat())
    assert errors_at(session, deadline) == []


def test_visit_date_cannot_be_in_the_future():
    session = load("visit_minutes.xlsx").new_session(lang=VI)
    session.set("/data/visit_date", (TODAY + dt.timedelta(days=1)).isoformat())
    assert errors_at(session, "/data/visit_date") == [
        ("constraint", "Ngày không được sau ngày hôm nay.")]
