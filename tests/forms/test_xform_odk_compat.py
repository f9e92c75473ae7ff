"""Loading XForms the way ODK (JavaRosa) loads them.

Written from the ODK XForms specification ("Events and Actions", "Secondary
instances", the extract-signed() function) and JavaRosa's documented behaviour: what
JavaRosa only warns about loads (the warning in Form.warnings, printed by `fieldkit
form check`); what it refuses is a FormError naming the element and its line.
"""

from __future__ import annotations

import base64

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from fieldkit.cli import main
from fieldkit.forms import FormError
from fieldkit.forms.xform import parse_xform

NS = ('xmlns="http://www.w3.org/2002/xforms" xmlns:h="http://www.w3.org/1999/xhtml" '
      'xmlns:jr="http://openrosa.org/javarosa" xmlns:odk="http://www.opendatakit.org/xforms"')


def xform(instance: str, model: str = "", body: str = "", extra_instances: str = "") -> str:
    return f"""<h:html {NS}>
<h:head><h:title>t</h:title>
<model>
<instance><data id="t">{instance}</data></instance>
{extra_instances}
{model}
</model></h:head>
<h:body>{body}</h:body></h:html>"""


ROSTER = "<name/><rep jr:template=''><q/><s/></rep><rep><q/><s/></rep>"
ROSTER_BODY = "<input ref='/data/name'><label>Name</label></input>" \
              "<repeat nodeset='/data/rep'><input ref='/data/rep/q'><label>Q</label></input></repeat>"


def _error(text: str) -> FormError:
    with pytest.raises(FormError) as caught:
        parse_xform(text, source="f.xml")
    assert str(caught.value).startswith("f.xml: ") and caught.value.location
    return caught.value


# -- what JavaRosa only warns about ---------------------------------------------------------------

def test_a_bind_for_a_node_that_does_not_exist_is_ignored_with_a_warning():
    form = parse_xform(xform("<a/>", "<bind nodeset='/data/a' type='int'/>\n"
                                     "<bind nodeset='/data/renamed' required='true()'/>",
                             "<input ref='/data/a'><label>A</label></input>"))
    assert list(form.binds) == ["/data/a"] and form.binds["/data/a"].type == "int"
    assert len(form.warnings) == 1
    assert form.warnings[0].startswith("<bind nodeset='/data/renamed'> (line 7): ")
    assert "/data/renamed" in form.warnings[0] and "ignored" in form.warnings[0]
    session = form.new_session()
    session.set("/data/a", "3")
    assert session.value("/data/a") == "3"


def test_form_check_prints_warnings_and_passes(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("FIELDKIT_LANG", "en")
    path = tmp_path / "old.xml"
    path.write_text(xform("<a/>", "<bind nodeset='/data/gone' type='int'/>",
                          "<input ref='/data/a'><label>A</label></input>"))
    assert main(["form", "check", str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(f"OK {path}: t ")
    assert lines[1].startswith("  WARNING: <bind nodeset='/data/gone'> (line 6): the bind is for /data/gone")


def test_form_check_still_fails_on_what_odk_refuses(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("FIELDKIT_LANG", "en")
    path = tmp_path / "bad.xml"
    path.write_text(xform("<a/>", "<setvalue event='odk-instance-frist-load' ref='/data/a' value='1'/>"))
    assert main(["form", "check", str(path)]) == 1
    out = capsys.readouterr().out
    assert out.startswith(f"ERROR {path}: <setvalue ref='/data/a'> (line 6): ")
    assert "'odk-instance-frist-load'" in out


def test_a_second_model_and_a_bind_for_the_root_are_ignored_with_warnings():
    text = xform("<a/>", "<bind nodeset='/' relevant='false()'/>").replace(
        "</model>", "</model><model><instance><data id='other'><b/></data></instance></model>", 1)
    form = parse_xform(text)
    assert form.id == "t" and form.binds == {}
    assert [warning.split(": ", 1)[1][:20] for warning in form.warnings] == [
        "a second <model> is ", "a bind for '/' is ig"]


def test_an_instance_src_odk_does_not_read_is_empty_with_a_warning():
    form = parse_xform(xform("<a/>", extra_instances="<instance id='cases' src='jr://instance/casedb'/>"))
    assert form.secondary_instances["cases"].xml is None
    assert "jr://instance/casedb" in form.warnings[0] and form.media_missing == []


# -- bind="id" -----------------------------------------------------------------------------------

def test_setvalue_names_its_target_by_a_bind_id():
    form = parse_xform(xform(
        "<a/><when/>",
        "<bind id='b-when' nodeset='/data/when' type='dateTime'/>"
        "<setvalue event='odk-instance-first-load' bind='b-when' value=\"'2024-01-02'\"/>",
        "<input ref='/data/a'><label>A</label><setvalue event='xforms-value-changed' bind='b-when' "
        "value=\"'changed'\"/></input>"))
    assert [(action.event, action.ref) for action in form.setvalues] == [
        ("odk-instance-first-load", "/data/when"), ("xforms-value-changed", "/data/when")]
    assert form.new_session().value("/data/when") == "2024-01-02"


def test_setvalue_with_an_unknown_bind_id_is_refused():
    error = _error(xform("<a/>", "<setvalue event='odk-instance-first-load' bind='nope' value='1'/>"))
    assert error.location == "<setvalue bind='nope'> (line 6)" and "bind id" in error.problem


def test_setvalue_without_target_is_refused():
    error = _error(xform("<a/>", "<setvalue event='odk-instance-first-load' value='1'/>"))
    assert "no target" in error.problem


def test_two_binds_with_one_id_are_refused():
    error = _error(xform("<a/><b/>", "<bind id='x' nodeset='/data/a'/><bind id='x' nodeset='/data/b'/>"))
    assert "'x'" in error.problem


def test_a_group_may_name_its_node_with_nodeset():
    form = parse_xform(xform("<g><a/></g>", body="<group nodeset='/data/g'><label>G</label>"
                                                  "<input ref='a'><label>A</label></input></group>"))
    assert form.find("/data/g").labels == {"": "G"} and form.find("/data/g/a") is not None


# -- events --------------------------------------------------------------------------------------

def test_an_unknown_event_is_refused_naming_it():
    error = _error(xform("<a/>", body="<input ref='/data/a'><label>A</label>"
                                      "<setvalue event='xforms-value-change' ref='/data/a' value='1'/></input>"))
    assert "'xforms-value-change'" in error.problem and "odk-instance-first-load" in error.problem


def test_odk_new_repeat_in_the_model_is_refused():
    error = _error(xform(ROSTER, "<setvalue event='odk-new-repeat' ref='/data/rep/s' value='1'/>", ROSTER_BODY))
    assert error.location == "<setvalue ref='/data/rep/s'> (line 6)"
    assert "odk-new-repeat" in error.problem and "repeat" in error.problem


def test_value_changed_in_the_model_is_refused():
    error = _error(xform("<a/>", "<setvalue event='xforms-value-changed' ref='/data/a' value='1'/>"))
    assert "xforms-value-changed" in error.problem


def test_odk_new_repeat_nested_in_the_repeat_loads():
    body = ROSTER_BODY.replace("<repeat nodeset='/data/rep'>", "<repeat nodeset='/data/rep'>"
                               "<setvalue event='odk-new-repeat' ref='/data/rep/s' value='../../name'/>")
    form = parse_xform(xform(ROSTER, body=body))
    assert [(action.event, action.ref) for action in form.setvalues] == [("odk-new-repeat", "/data/rep/s")]


def test_deprecated_event_names_are_read_as_their_replacements():
    form = parse_xform(xform("<a/>", "<setvalue event='xforms-ready' ref='/data/a' value='7'/>"))
    assert [action.event for action in form.setvalues] == ["odk-instance-first-load"]
    assert form.new_session().value("/data/a") == "7"


def test_a_model_setvalue_whose_target_is_several_nodes_is_refused():
    two = "<name/><rep><q/><s/></rep><rep><q/><s/></rep>"
    error = _error(xform(two, "<setvalue event='odk-instance-first-load' ref='/data/rep/s' value='1'/>",
                         ROSTER_BODY))
    assert "/data/rep/s" in error.problem and "2 nodes" in error.problem


def test_a_model_setvalue_on_one_repeat_instance_loads():
    # The jr:template is no node of the instance; one instance, or a predicate, is one target.
    form = parse_xform(xform(ROSTER, "<setvalue event='odk-instance-first-load' ref='/data/rep/s' value='1'/>"
                             "<setvalue event='odk-instance-first-load' ref='/data/rep[1]/q' value='2'/>",
                             ROSTER_BODY))
    assert len(form.setvalues) == 2


def test_unknown_elements_in_the_model_are_refused():
    error = _error(xform("<a/>", "<bnid nodeset='/data/a'/>"))
    assert error.location == "<bnid> (line 6)" and "<model>" in error.problem


def test_setgeopoint_outside_the_odk_namespace_is_refused():
    error = _error(xform("<a/>", "<setgeopoint event='odk-instance-first-load' ref='/data/a'/>"))
    assert "odk:setgeopoint" in error.problem


# -- jr:choice-name ------------------------------------------------------------------------------

CHOICES = "<item><label>Yes</label><value>y</value></item><item><label>No</label><value>n</value></item>"


def _choice_name_form(path: str, instance: str = "<s/><t/><name/>", target: str = "/data/name") -> str:
    return xform(instance, f"<bind nodeset='{target}' calculate=\"jr:choice-name(/data/s, '{path}')\"/>",
                 f"<select1 ref='/data/s'><label>S</label>{CHOICES}</select1>"
                 "<input ref='/data/t'><label>T</label></input>")


def test_choice_name_of_a_select_loads_and_gives_the_label():
    form = parse_xform(_choice_name_form(" /data/s "))
    session = form.new_session()
    session.set("/data/s", "n")
    assert session.value("/data/name") == "No"


@pytest.mark.parametrize("path, kind", [("/data/t", "not a select"), ("/data/nothing", "no question")])
def test_choice_name_of_a_non_select_is_refused(path, kind):
    error = _error(_choice_name_form(path))
    assert error.location == "/data/name" and kind in error.problem and path in error.problem


def test_choice_name_with_a_relative_path_is_read_from_the_context():
    instance = "<rep jr:template=''><s/><t/><name/></rep>"
    model = "<bind nodeset='/data/rep/name' calculate=\"jr:choice-name(../s, ' ../s ')\"/>"
    body = f"<repeat nodeset='/data/rep'><select1 ref='/data/rep/s'><label>S</label>{CHOICES}</select1>" \
           "<input ref='/data/rep/t'><label>T</label></input></repeat>"
    parse_xform(xform(instance, model, body))
    with pytest.raises(FormError, match="not a select"):
        parse_xform(xform(instance, model.replace("' ../s '", "'../t'"), body))


# -- jr://instance/last-saved ----------------------------------------------------------------------

def test_the_last_saved_instance_loads_and_is_no_missing_media():
    form = parse_xform(xform(
        "<a/><b/>", "<bind nodeset='/data/b' calculate=\"instance('__last-saved')/data/a\"/>",
        "<input ref='/data/a'><label>A</label></input>",
        "<instance id='__last-saved' src='jr://instance/last-saved'/>"))
    instance = form.secondary_instances["__last-saved"]
    assert instance.src == "jr://instance/last-saved" and instance.last_saved and instance.xml is None
    assert form.media_missing == [] and form.warnings == []
    assert form.new_session().value("/data/b") == ""  # no saved submission yet: blank


# -- extract-signed() and semicolon CSVs -------------------------------------------------------------

def _signed_form(contents: str, key: str):
    return parse_xform(xform(f"<contents>{contents}</contents><extracted/>",
                             f"<bind nodeset='/data/extracted' calculate=\"extract-signed(/data/contents, '{key}')\"/>",
                             "<input ref='/data/contents'><label>C</label></input>"))


def _key_text(key) -> str:
    return base64.b64encode(key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)).decode()


def test_extract_signed_returns_the_message_when_the_signature_verifies():
    key = Ed25519PrivateKey.generate()
    message = b"real genuine data"
    contents = base64.b64encode(key.sign(message) + message).decode()
    assert _signed_form(contents, _key_text(key)).new_session().value("/data/extracted") == "real genuine data"


@pytest.mark.parametrize("case", ["other key", "tampered", "not base64", "too short", "bad key"])
def test_extract_signed_returns_empty_when_it_does_not_verify(case):
    key, other = Ed25519PrivateKey.generate(), Ed25519PrivateKey.generate()
    message = b"real genuine data"
    signed = key.sign(message) + message
    contents = {"tampered": base64.b64encode(signed[:-1] + b"!").decode(), "not base64": "%%%",
                "too short": base64.b64encode(b"short").decode()}.get(case, base64.b64encode(signed).decode())
    key_text = {"other key": _key_text(other), "bad key": "AAAA"}.get(case, _key_text(key))
    assert _signed_form(contents, key_text).new_session().value("/data/extracted") == ""


def test_an_external_csv_delimited_by_semicolons_is_read():
    csv = "name;label;province\nhn;Hà Nội;1\nhp;Hải Phòng;2\n".encode()
    form = parse_xform(xform(
        "<c/>", body="<select1 ref='/data/c'><label>C</label><itemset nodeset=\"instance('communes')/root/item\">"
                     "<value ref='name'/><label ref='label'/></itemset></select1>",
        extra_instances="<instance id='communes' src='jr://file-csv/communes.csv'/>"),
        media={"communes.csv": csv})
    assert form.new_session().choices("/data/c") == [("hn", "Hà Nội"), ("hp", "Hải Phòng")]
