"""parse_xform on hand-written XForms: the constructs pyxform rarely or never writes."""

from __future__ import annotations

import pytest
from lxml import etree

from fieldkit.forms import FormError
from fieldkit.forms.model import Group, Question
from fieldkit.forms.xform import parse_xform, question_type

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<h:html xmlns="http://www.w3.org/2002/xforms" xmlns:h="http://www.w3.org/1999/xhtml"
  xmlns:jr="http://openrosa.org/javarosa" xmlns:odk="http://www.opendatakit.org/xforms"
  xmlns:ev="http://www.w3.org/2001/xml-events" xmlns:orx="http://openrosa.org/xforms">
<h:head><h:title> Roster </h:title>
<model>
"""

ROSTER = (
    HEAD
    + """
  <itext>
    <translation lang="English (en)">
      <text id="name-label"><value>Name</value><value form="image">jr://images/name.png</value></text>
      <text id="name-hint"><value>As on the ID card</value><value form="guidance">Ask for the card</value></text>
      <text id="age-msg"><value>Too old: <output value="../age"/> &gt; 120</value></text>
      <text id="yes"><value>Yes</value></text>
    </translation>
    <translation lang="Tiếng Việt (vi)" default="true()">
      <text id="name-label"><value>Họ tên</value></text>
      <text id="age-msg"><value>Quá tuổi</value></text>
      <text id="yes"><value>Có</value></text>
    </translation>
  </itext>
  <instance>
    <data id="roster" version="7">
      <start/>
      <people jr:template=""><name/><age/><stamp/><ok/></people>
      <total/>
      <place/>
      <orx:meta><orx:instanceID/></orx:meta>
    </data>
  </instance>
  <instance id="communes" src="jr://file-csv/communes.csv"/>
  <instance id="zones" src="jr://file/zones.xml"/>
  <instance id="inline"><root><item><name>a</name></item></root></instance>
  <bind nodeset="/data/start" type="dateTime" jr:preload="timestamp" jr:preloadParams="start"/>
  <bind nodeset="/data/people/age" type="int" constraint=". &lt;= 120"
        jr:constraintMsg="jr:itext('age-msg')" required="true()" jr:requiredMsg="Needed" odk:custom="x"/>
  <bind id="b-name" nodeset="people/name" type="xsd:string"/>
  <bind nodeset="/data/people/stamp" type="dateTime"/>
  <bind nodeset="/data/total" type="int" calculate="count(/data/people)"/>
  <bind nodeset="/data/place" type="geopoint"/>
  <bind nodeset="/data/meta/instanceID" type="string" jr:preload="uid"/>
  <odk:setgeopoint event="odk-instance-first-load" ref="/data/place"/>
</model></h:head>
<h:body>
  <group ref="/data/people" appearance="field-list">
    <label>People</label>
    <repeat nodeset="/data/people" jr:count="3" jr:noAddRemove="true()">
      <setvalue event="odk-instance-first-load odk-new-repeat" ref="/data/people/ok">no</setvalue>
      <input bind="b-name"><label ref="jr:itext('name-label')"/><hint ref="jr:itext('name-hint')"/>
        <setvalue event="xforms-value-changed" ref="../stamp" value="now()"/>
      </input>
      <input ref="age"><label>Age of <output value="../name"/></label></input>
      <select1 ref="ok" appearance="minimal"><label>OK?</label>
        <item><label ref="jr:itext('yes')"/><value>yes</value></item>
        <item><label>No</label><value> no </value></item>
      </select1>
    </repeat>
  </group>
  <group appearance="field-list"><label>Screen</label>
    <select ref="/data/place"><label>Place</label>
      <itemset nodeset="instance('communes')/root/item[province = 1]"><value ref="name"/><label ref="label"/></itemset>
    </select>
  </group>
</h:body></h:html>
"""
)


@pytest.fixture
def roster():
    media = {"communes.csv": "name,label,province\n01,Ba Đình,1\n".encode(), "zones.xml": b"<?xml version='1.0'?><zones><z/></zones>"}
    return parse_xform(ROSTER.encode(), source="roster.xml", media=media)


def test_head(roster):
    assert (roster.id, roster.version, roster.title) == ("roster", "7", "Roster")
    assert roster.languages == ["English (en)", "Tiếng Việt (vi)"]
    assert roster.default_language == "Tiếng Việt (vi)"
    assert roster.xform.startswith('<?xml version="1.0" encoding="UTF-8"?>')


@pytest.mark.parametrize(
    "submission, asks",
    [
        ("", False),
        ('<submission action="https://central.example.org/submission" method="post"/>', False),
        ('<submission base64RsaPublicKey="  "/>', False),
        ('<submission action="https://central.example.org/submission" method="post" '
         'base64RsaPublicKey="MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA1"/>', True),
    ],
)
def test_a_public_key_in_submission_means_the_form_asks_for_encryption(submission, asks):
    xform = ROSTER.replace("</model>", f"{submission}\n</model>")
    assert parse_xform(xform, media=None).asks_encryption is asks


def test_repeat_wrapped_in_group_is_one_item(roster):
    repeat = roster.find("/data/people")
    assert isinstance(repeat, Group) and repeat.repeat
    assert repeat.labels == {"": "People"} and repeat.field_list
    assert (repeat.repeat_count, repeat.no_add_remove) == ("3", True)
    assert [item.path for item in roster.walk()].count("/data/people") == 1


def test_relative_refs_and_bind_ids(roster):
    names = [child.path for child in roster.find("/data/people").children]
    assert names == ["/data/people/name", "/data/people/age", "/data/people/stamp", "/data/people/ok"]
    assert roster.binds["/data/people/name"].type == "string"  # xsd: prefix dropped
    assert roster.binds["/data/people/name"].attributes == {"id": "b-name"}


def test_itext_labels_hints_guidance_and_media(roster):
    name = roster.find("/data/people/name")
    assert name.labels == {"English (en)": "Name", "Tiếng Việt (vi)": "Họ tên"}
    assert name.label_itext_id == "name-label"
    assert name.hints == {"English (en)": "As on the ID card"}
    assert name.guidance_hints == {"English (en)": "Ask for the card"}
    assert name.label_media == {"English (en)": {"image": "jr://images/name.png"}}
    assert roster.find("/data/people/age").labels == {"": 'Age of <output value="../name"/>'}


def test_bind_messages_and_attributes(roster):
    age = roster.binds["/data/people/age"]
    assert age.constraint == ". <= 120" and age.required == "true()"
    assert age.constraint_msg == {"English (en)": 'Too old: <output value="../age"/> > 120', "Tiếng Việt (vi)": "Quá tuổi"}
    assert age.required_msg == {"": "Needed"}
    assert age.attributes == {"{http://www.opendatakit.org/xforms}custom": "x"}
    assert roster.binds["/data/start"].preload_params == "start"


def test_inline_choices(roster):
    ok = roster.find("/data/people/ok")
    assert [(c.value, c.labels) for c in ok.choices] == [
        ("yes", {"English (en)": "Yes", "Tiếng Việt (vi)": "Có"}),
        ("no", {"": "No"}),
    ]


def test_group_without_ref(roster):
    screen = roster.root.children[3]
    assert isinstance(screen, Group) and screen.name == "" and screen.path == "/data"
    assert screen.field_list and screen.children[0].path == "/data/place"


def test_actions(roster):
    actions = [(a.action, a.event, a.ref, a.value, a.trigger_path) for a in roster.setvalues]
    assert actions == [
        ("setgeopoint", "odk-instance-first-load", "/data/place", None, None),
        ("setvalue", "odk-instance-first-load", "/data/people/ok", "'no'", None),
        ("setvalue", "odk-new-repeat", "/data/people/ok", "'no'", None),
        ("setvalue", "xforms-value-changed", "/data/people/stamp", "now()", "/data/people/name"),
    ]


def test_nodes_without_control_in_instance_order(roster):
    items = [(item.path, item.kind, item.type) for item in roster.walk() if isinstance(item, Question)]
    assert items[0] == ("/data/start", "none", "hidden")
    assert ("/data/people/stamp", "none", "calculate") in items  # set when name changes
    assert ("/data/total", "none", "calculate") in items
    assert items[-1] == ("/data/meta/instanceID", "none", "hidden")
    # total comes before place in the instance, so before the group that shows place
    order = [item.path for item in roster.root.children]
    assert order == ["/data/start", "/data/people", "/data/total", "/data", "/data/meta"]


def test_instances(roster):
    instance = etree.fromstring(roster.instance_xml)
    assert instance.tag == "data" and instance.get("id") == "roster"
    assert instance.find("people").get("{http://openrosa.org/javarosa}template") == ""
    assert roster.secondary_instances["inline"].xml == "<root><item><name>a</name></item></root>"
    assert roster.secondary_instances["communes"].xml == (
        "<root><item><name>01</name><label>Ba Đình</label><province>1</province></item></root>"
    )
    assert roster.secondary_instances["zones"].xml == "<zones><z/></zones>"
    assert roster.media_missing == ["name.png"]
    assert set(roster.media) == {"communes.csv", "zones.xml"}


def test_missing_media_is_listed_not_raised():
    form = parse_xform(ROSTER, media=None)
    assert "zones.xml" in form.media_missing and form.secondary_instances["zones"].xml is None


def test_geojson_instance():
    xform = ROSTER.replace("jr://file/zones.xml", "jr://file/zones.geojson")
    geojson = b'{"type": "FeatureCollection", "features": [{"type": "Feature", "id": 4, "geometry": {"type": "Point", "coordinates": [105.8, 21.0]}, "properties": {"name": "HN"}}]}'
    form = parse_xform(xform, media={"zones.geojson": geojson})
    assert form.secondary_instances["zones"].xml == (
        "<root><item><geometry>21.0 105.8 0 0</geometry><id>4</id><name>HN</name></item></root>"
    )


def _line(old: str) -> int:
    return next(number for number, line in enumerate(ROSTER.splitlines(), 1) if old in line)


@pytest.mark.parametrize(
    "old, new, element",
    [
        ('ref="age"', 'ref="agee"', "<input ref='agee'>"),
        ('bind="b-name"', 'bind="nope"', "<input bind='nope'>"),
        ('ref="../stamp"', 'ref="../stomp"', "<setvalue ref='../stomp'>"),
        ('<value ref="name"/>', "", "<itemset nodeset=\"instance('communes')/root/item[province = 1]\">"),
        ('<repeat nodeset="/data/people"', "<repeat", "<repeat>"),
        ('<instance id="inline">', "<instance>", "<instance>"),
    ],
)
def test_broken_xforms_name_element_and_line(old, new, element):
    with pytest.raises(FormError) as caught:
        parse_xform(ROSTER.replace(old, new), source="roster.xml")
    assert caught.value.location == f"{element} (line {_line(old)})"
    assert str(caught.value).startswith("roster.xml: ")


def test_question_type_mapping():
    assert question_type("input", None) == "text"
    assert question_type("upload", None, "audio/*") == "audio"
    assert question_type("upload", None, "application/*") == "file"
    assert question_type("output", None) == "note"
