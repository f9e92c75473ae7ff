"""Shapes found in the XForm fixtures of ODK's own engines (JavaRosa, Enketo, Web Forms),
each reproduced by a minimal hand-written XForm: fieldkit loads what JavaRosa loads, as
JavaRosa reads it, and refuses what JavaRosa refuses with a FormError naming the
element and its line (never silently dropping part of the form).
"""

from __future__ import annotations

import pytest

from fieldkit.forms import FormError
from fieldkit.forms.xform import parse_xform

NS = ('xmlns="http://www.w3.org/2002/xforms" xmlns:h="http://www.w3.org/1999/xhtml" '
      'xmlns:jr="http://openrosa.org/javarosa"')


def xform(instance: str, model: str = "", body: str = "") -> str:
    return f"""<h:html {NS}>
<h:head><h:title>t</h:title>
<model>
<instance><data id="t">{instance}</data></instance>
{model}
</model></h:head>
<h:body>{body}</h:body></h:html>"""


def _error(text: str) -> FormError:
    with pytest.raises(FormError) as caught:
        parse_xform(text, source="f.xml")
    assert str(caught.value).startswith("f.xml: ")
    return caught.value


def test_a_group_bound_to_its_repeat_beside_another_control_leaves_the_path_to_the_repeat():
    # The group's ref is the repeat's own node, and the group also holds a control
    # outside the repeat (an Enketo fixture): the repeat is still a repeat.
    form = parse_xform(xform(
        "<P jr:template=''><pos/></P><cnt/>",
        "<bind nodeset='/data/P/pos' calculate='position(..)'/>"
        "<bind nodeset='/data/cnt' calculate='count(/data/P)'/>",
        "<group ref='/data/P'><label>People</label>"
        "<repeat nodeset='/data/P'><input ref='/data/P/pos'><label>Pos</label></input></repeat>"
        "<input ref='/data/cnt'><label>Count</label></input></group>"))
    assert [group.path for group in form.repeats()] == ["/data/P"]
    assert form.find("/data/P").repeat and form.find("/data/cnt").path == "/data/cnt"
    session = form.new_session()
    session.add_repeat("/data/P")
    session.add_repeat("/data/P")
    assert session.repeat_count("/data/P") == 2
    assert session.value("/data/P[2]/pos") == "2" and session.value("/data/cnt") == "2"


def test_a_bind_for_some_instances_only_is_refused_naming_the_bind():
    # JavaRosa applies /data/house[2]/yard to that one node; fieldkit would bind every
    # house alike, so rather than drop the calculation silently it refuses the form.
    error = _error(xform("<house><yard/></house><house><yard/></house>",
                         "<bind nodeset='/data/house[2]/yard' calculate=\"'second'\"/>"))
    assert error.location.startswith("<bind nodeset='/data/house[2]/yard'> (line ")
    assert "predicate" in str(error) and "not supported" in str(error)


def test_enclosed_area_is_javarosas_name_for_area():
    shape = "0 0 0 0;0 0.001 0 0;0.001 0.001 0 0;0.001 0 0 0;0 0 0 0"
    form = parse_xform(xform(
        f"<shape>{shape}</shape><a/><b/>",
        "<bind nodeset='/data/shape' type='geoshape'/>"
        "<bind nodeset='/data/a' calculate='area(/data/shape)'/>"
        "<bind nodeset='/data/b' calculate='enclosed-area(/data/shape)'/>",
        "<input ref='/data/shape'><label>Shape</label></input>"))
    session = form.new_session()
    assert float(session.value("/data/a")) > 12000
    assert session.value("/data/b") == session.value("/data/a")


@pytest.mark.parametrize("attribute, value", [("start", "-2.0.1"), ("end", "ten"), ("step", "NaN")])
def test_a_range_whose_bound_is_not_a_number_is_refused(attribute, value):
    bounds = {"start": "0", "end": "10", "step": "1", attribute: value}
    written = " ".join(f"{name}='{text}'" for name, text in bounds.items())
    error = _error(xform("<r/>", "<bind nodeset='/data/r' type='decimal'/>",
                         f"<range ref='/data/r' {written}><label>R</label></range>"))
    assert f"<range {attribute}='{value}'>" in error.location
    assert f"range's {attribute} is '{value}', which is not a number" in str(error)


def test_a_range_with_numeric_bounds_loads():
    form = parse_xform(xform("<r/>", "<bind nodeset='/data/r' type='decimal'/>",
                             "<range ref='/data/r' start='-2.0' end='2.0' step='0.5'><label>R</label></range>"))
    assert form.find("/data/r").range == {"start": "-2.0", "end": "2.0", "step": "0.5"}


@pytest.mark.parametrize("control", ["select1", "select"])
def test_a_select_with_no_choices_is_refused(control):
    # JavaRosa: "Select question 'First' has no choices".
    error = _error(xform("<first/>", "", f"<{control} ref='/data/first'><label>First</label></{control}>"))
    assert error.location.startswith(f"<{control}")
    assert f"the <{control}> for /data/first has no choices" in str(error)


def test_a_select_with_only_an_itemset_loads():
    form = parse_xform(xform(
        "<first/>", "<instance id='c'><root><item><name>a</name><label>A</label></item></root></instance>",
        "<select1 ref='/data/first'><label>First</label>"
        "<itemset nodeset=\"instance('c')/root/item\"><value ref='name'/><label ref='label'/></itemset></select1>"))
    assert form.new_session().choices("/data/first") == [("a", "A")]
