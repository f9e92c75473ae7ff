"""Elements share an empty attribute list and namespace map until they get their own
(issue 12, memory): what one element is given, no other sees."""

from fieldkit.forms.xpath import Element, parse_xml, serialize


def test_an_attribute_set_on_one_element_is_on_that_element_only():
    doc = parse_xml("<data><a>1</a><b>2</b></data>")
    a, b = doc.root_element.child("a"), doc.root_element.child("b")
    a.set("state", "done")
    assert a.get("state") == "done"
    assert b.get("state") is None and list(b.attributes) == []
    assert serialize(doc) == '<data><a state="done">1</a><b>2</b></data>'
    a.remove_attribute("state")
    assert list(a.attributes) == []
    assert serialize(doc) == "<data><a>1</a><b>2</b></data>"


def test_a_clone_gets_its_own_attributes():
    original = Element("a")
    original.set("id", "1")
    copy = original.clone()
    copy.set("id", "2")
    copy.set("extra", "x")
    assert (original.get("id"), original.get("extra")) == ("1", None)
    assert [attribute.parent for attribute in copy.attributes] == [copy, copy]


def test_namespace_declarations_stay_on_the_element_that_made_them():
    doc = parse_xml('<data xmlns:jr="http://openrosa.org/javarosa"><a jr:x="1"/><b/></data>')
    data = doc.root_element
    assert data.nsmap == {"jr": "http://openrosa.org/javarosa"}
    assert data.child("a").nsmap == {} and data.child("b").nsmap == {}
    assert data.child("b").lookup_namespace("jr") == "http://openrosa.org/javarosa"
