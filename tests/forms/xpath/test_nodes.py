"""The node tree: parsing, serializing, mutating, and document order after mutation."""

from fieldkit.forms.xpath import Element, EvalContext, Text, compile_expression, parse_xml, serialize

FORM = """<data xmlns="http://www.w3.org/2002/xforms" xmlns:jr="http://openrosa.org/javarosa" id="f">
<name>Ann</name><rep><x>1</x></rep><rep><x>2</x></rep><end/></data>"""


def select(doc, path):
    return compile_expression(path).evaluate_nodes(EvalContext(node=doc))


def test_parse_gives_kinds_names_namespaces_and_parents():
    doc = parse_xml(FORM)
    data = doc.root_element
    assert doc.kind == "document" and data.kind == "element"
    assert data.name == "data" and data.namespace == "http://www.w3.org/2002/xforms"
    assert data.parent is doc and data.document is doc and data.root_element is data
    assert data.get("id") == "f"
    name = data.child("name")
    assert name.value == "Ann" and name.children[0].kind == "text"
    assert name.children[0].parent is name
    assert [e.name for e in data.element_children()] == ["name", "rep", "rep", "end"]


def test_whitespace_is_kept_unless_asked():
    text = "<a>\n  <b/>\n</a>"
    assert [c.kind for c in parse_xml(text).root_element.children] == ["text", "element", "text"]
    assert [c.kind for c in parse_xml(text, keep_whitespace=False).root_element.children] == ["element"]


def test_serialize_round_trips_with_namespace_declarations():
    doc = parse_xml(FORM)
    again = parse_xml(serialize(doc))
    assert serialize(again) == serialize(doc)
    assert serialize(doc).startswith('<data xmlns="http://www.w3.org/2002/xforms"')
    assert serialize(doc.root_element.child("name")) == '<name xmlns="http://www.w3.org/2002/xforms">Ann</name>'


def test_serialize_escapes_text_and_attributes():
    doc = parse_xml("<a/>")
    doc.root_element.set("q", 'say "hi" & <bye>')
    doc.root_element.value = "1 < 2 & 3"
    assert serialize(doc) == '<a q="say &quot;hi&quot; &amp; &lt;bye&gt;">1 &lt; 2 &amp; 3</a>'


def test_value_setter_replaces_children():
    doc = parse_xml("<a><b>old<c/></b></a>")
    b = doc.root_element.child("b")
    b.value = "new"
    assert [c.kind for c in b.children] == ["text"] and b.value == "new"
    b.value = ""
    assert b.children == [] and b.value == ""
    b.value = "again"
    assert b.string_value() == "again"


def test_attributes_get_set_and_namespaced():
    doc = parse_xml('<a xmlns:jr="http://openrosa.org/javarosa" jr:template="" x="1"/>')
    a = doc.root_element
    assert a.get("template", "http://openrosa.org/javarosa") == ""
    assert a.get("template") is None
    a.set("x", "2")
    a.set("y", "3")
    assert [(attr.name, attr.value) for attr in a.attributes] == [("template", ""), ("x", "2"), ("y", "3")]
    assert a.attributes[1].parent is a and a.attributes[1].kind == "attribute"


def test_clone_is_deep_and_detached():
    doc = parse_xml(FORM)
    rep = doc.root_element.child("rep")
    copy = rep.clone()
    assert copy.parent is None and copy.document is None
    copy.child("x").value = "changed"
    assert rep.child("x").value == "1"


def test_document_order_after_adding_a_repeat_instance():
    doc = parse_xml(FORM)
    data = doc.root_element
    reps = data.element_children()[1:3]
    new = reps[0].clone()
    new.child("x").value = "1.5"
    data.insert(data.children.index(reps[1]), new)  # between the two existing ones
    assert [n.string_value() for n in select(doc, "//x")] == ["1", "1.5", "2"]
    assert [n.string_value() for n in select(doc, "/data/rep[3]/x | /data/rep[1]/x")] == ["1", "2"]
    assert select(doc, "/data/rep[2]/x")[0] is new.child("x")


def test_document_order_after_removing_and_appending():
    doc = parse_xml(FORM)
    data = doc.root_element
    first = data.child("rep")
    data.remove(first)
    data.append(first)
    assert first.parent is data
    assert [n.string_value() for n in select(doc, "//x")] == ["2", "1"]
    assert [n.name for n in select(doc, "/data/end/following-sibling::*")] == ["rep"]


def test_appending_an_attached_node_moves_it():
    doc = parse_xml("<a><b/><c/></a>")
    a = doc.root_element
    b = a.child("b")
    c = a.child("c")
    c.append(b)
    assert b.parent is c and [e.name for e in a.element_children()] == ["c"]


def test_building_a_tree_by_hand():
    root = Element("data")
    q = root.append(Element("q"))
    q.append(Text("7"))
    assert root.value == "7"
    assert compile_expression("q * 2").evaluate_number(EvalContext(node=root)) == 14


def test_serialize_declares_namespaces_of_attributes_set_by_hand():
    element = Element("q")
    element.set("count", "2", namespace="http://openrosa.org/javarosa")
    element.set("u", "1", namespace="urn:example")
    text = serialize(element)
    assert text.startswith('<q xmlns:jr="http://openrosa.org/javarosa"') and 'jr:count="2"' in text
    again = parse_xml(text).root_element
    assert again.get("u", "urn:example") == "1"
