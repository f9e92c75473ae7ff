"""Repeats as ODK (JavaRosa) fills them: new instances, nested templates, jr:count."""

import pytest

from fieldkit.forms import FormError
from tests.helpers.odk_forms import VACCINATION, form_from_md, form_from_xform


def test_a_new_repeat_instance_evaluates_every_bind_even_those_reading_nothing_inside_it():
    form = form_from_xform(
        '<data id="t"><rep jr:template=""><name/><other/><hidden/></rep></data>',
        '<bind nodeset="/data/rep/name" required="true()" type="string"/>'
        '<bind nodeset="/data/rep/other" calculate="2*2" type="int"/>'
        '<bind nodeset="/data/rep/hidden" relevant="0" type="string"/>',
        '<repeat nodeset="/data/rep"><input ref="/data/rep/name"><label>n</label></input>'
        '<input ref="/data/rep/hidden"><label>h</label></input></repeat>',
    )
    session = form.new_session()
    assert session.repeat_count("/data/rep") == 0
    session.add_repeat("/data/rep")
    session.add_repeat("/data/rep")
    assert session.is_required("/data/rep[2]/name")
    assert session.value("/data/rep[2]/other") == "4"
    assert not session.is_relevant("/data/rep[2]/hidden")
    assert [(path, kind) for path, kind, _ in session.errors()] == [
        ("/data/rep[1]/name", "required"), ("/data/rep[2]/name", "required")]


def test_required_answers_of_an_added_roster_row_block_finalizing(tmp_path):
    form = form_from_md(tmp_path, """
        | survey |
        | | type         | name   | label | required |
        | | begin repeat | staff  | Staff |          |
        | | text         | name   | Name  | yes      |
        | | integer      | age    | Age   | yes      |
        | | end repeat   |        |       |          |
    """)
    session = form.new_session()
    session.set("/data/staff[1]/name", "An")
    session.set("/data/staff[1]/age", "30")
    assert session.errors() == []
    session.add_repeat("/data/staff")
    session.set("/data/staff[2]/name", "Bình")
    assert [path for path, _kind, _message in session.errors()] == ["/data/staff[2]/age"]


def test_a_template_nested_in_a_template_stays_a_template():
    form = form_from_xform(
        '<data id="t"><outer jr:template=""><inner jr:template=""><q/></inner></outer></data>',
        '<bind nodeset="/data/outer/inner/q" required="true()" type="string"/>',
        '<repeat nodeset="/data/outer"><repeat nodeset="/data/outer/inner">'
        '<input ref="/data/outer/inner/q"><label>q</label></input></repeat></repeat>',
    )
    session = form.new_session()
    assert "<outer" not in session.to_xml()
    session.add_repeat("/data/outer")
    assert session.repeat_count("/data/outer[1]/inner") == 0
    assert "template" not in session.to_xml()
    assert session.add_repeat("/data/outer[1]/inner") == 1
    session.set("/data/outer[1]/inner[1]/q", "x")
    assert session.to_xml().endswith('id="t"><outer><inner><q>x</q></inner></outer></data>')


def test_a_new_outer_instance_starts_with_no_inner_instance_as_in_odk(tmp_path):
    form = form_from_md(tmp_path, """
        | survey |
        | | type         | name  | label |
        | | begin repeat | outer | Outer |
        | | begin repeat | inner | Inner |
        | | text         | q     | Q     |
        | | end repeat   |       |       |
        | | end repeat   |       |       |
    """)
    session = form.new_session()
    assert session.repeat_count("/data/outer[1]/inner") == 1  # pyxform writes a first instance
    session.add_repeat("/data/outer")
    assert session.repeat_count("/data/outer[2]/inner") == 0  # the outer template holds only a template
    assert "template" not in session.to_xml()


def test_jr_count_is_read_in_the_repeats_context():
    form = form_from_xform(
        '<data id="t"><g><n/><rep jr:template=""><q/></rep></g>'
        '<h><n/><rep jr:template=""><q/></rep></h></data>',
        '<bind nodeset="/data/g/n" type="int"/><bind nodeset="/data/h/n" type="int"/>',
        '<group ref="/data/g"><repeat nodeset="/data/g/rep" jr:count=" ../n "/></group>'
        '<group ref="/data/h"><repeat nodeset="/data/h/rep" jr:count="current()/../n"/></group>',
    )
    session = form.new_session()
    session.set("/data/g/n", "3")
    session.set("/data/h/n", "2")
    assert session.repeat_count("/data/g/rep") == 3
    assert session.repeat_count("/data/h/rep") == 2
    session.set("/data/g/n", "1")
    assert session.repeat_count("/data/g/rep") == 1


def test_households_and_children_counted_by_calculations_settle_in_one_pass(tmp_path):
    session = form_from_md(tmp_path, VACCINATION).new_session()
    session.set("/data/n_households", "3")
    for household, children in ((1, "0"), (2, "4"), (3, "1")):
        session.set(f"/data/household[{household}]/num_children", children)
    assert [session.repeat_count(f"/data/household[{i}]/child") for i in (1, 2, 3)] == [0, 4, 1]
    session.set("/data/household[2]/child[3]/age_months", "13")
    session.set("/data/household[2]/child[3]/vaccinated", "yes")
    assert session.value("/data/household[2]/child[3]/dose_group") == "f"
    assert session.value("/data/household[2]/hh_vaccinated") == "1"
    assert session.value("/data/total_vaccinated") == "1"
    assert session.value("/data/total_children") == "5"
    required = {path for path, kind, _ in session.errors() if kind == "required"}
    assert "/data/household[2]/child[4]/child_name" in required
    session.set("/data/n_households", "1")
    assert session.value("/data/total_children") == "0"
    assert session.value("/data/total_vaccinated") == "0"


def test_a_count_that_reads_its_own_repeat_is_refused_at_load_naming_it():
    form = form_from_xform(
        '<data id="t"><rep><q/></rep></data>', "",
        '<repeat nodeset="/data/rep" jr:count="count(/data/rep) + 1"><input ref="/data/rep/q"/></repeat>',
    )
    with pytest.raises(FormError, match="cycle.*/data/rep"):
        form.new_session()


def test_a_cycle_through_calculations_is_refused_at_load_naming_its_nodes():
    form = form_from_xform(
        '<data id="t"><a/><b/></data>',
        '<bind nodeset="/data/a" calculate="/data/b + 1"/><bind nodeset="/data/b" calculate="/data/a + 1"/>',
    )
    with pytest.raises(FormError, match=r"cycle: /data/(a|b) → /data/(a|b)"):
        form.new_session()


def test_a_groups_relevance_that_reads_a_question_inside_it_is_a_cycle_as_in_javarosa():
    form = form_from_xform(
        '<data id="t"><details><q/></details></data>',
        '<bind nodeset="/data/details" relevant="/data/details/q = \'\'"/>',
        '<group ref="/data/details"><input ref="/data/details/q"/></group>',
    )
    with pytest.raises(FormError, match="cycle.*/data/details"):
        form.new_session()


def test_a_huge_count_is_bounded():
    form = form_from_xform(
        '<data id="t"><n/><rep jr:template=""><q/></rep></data>', '<bind nodeset="/data/n" type="int"/>',
        '<input ref="/data/n"/><repeat nodeset="/data/rep" jr:count="/data/n"/>',
    )
    session = form.new_session()
    session.set("/data/n", "1e300")
    assert session.repeat_count("/data/rep") == 10_000
    session.set("/data/n", "-4")
    assert session.repeat_count("/data/rep") == 0


def test_nested_counts_asking_for_a_hundred_million_instances_open_with_a_bounded_number():
    form = form_from_xform(
        '<data id="t"><outer jr:template=""><inner jr:template=""><q/></inner></outer></data>', "",
        '<repeat nodeset="/data/outer" jr:count="10000"><repeat nodeset="/data/outer/inner" jr:count="10000">'
        '<input ref="/data/outer/inner/q"/></repeat></repeat>',
    )
    xml = form.new_session().to_xml()
    assert xml.count("<outer") + xml.count("<inner") == 10_000


def test_a_row_reading_another_row_follows_it_and_its_own_row_follows_its_answers():
    form = form_from_xform(
        '<data id="t"><rep jr:template=""><a/><own/><first/><nth/></rep><total/></data>',
        '<bind nodeset="/data/rep/own" calculate="../a * 10"/>'
        '<bind nodeset="/data/rep/first" calculate="../../rep[1]/a"/>'
        '<bind nodeset="/data/rep/nth" calculate="position(..)"/>'
        '<bind nodeset="/data/total" calculate="sum(/data/rep/own)"/>',
        '<repeat nodeset="/data/rep"><input ref="/data/rep/a"/></repeat>',
    )
    session = form.new_session()
    session.add_repeat("/data/rep", count=3)
    for row, value in ((1, "1"), (2, "2"), (3, "3")):
        session.set(f"/data/rep[{row}]/a", value)
    session.set("/data/rep[1]/a", "5")
    assert [session.value(f"/data/rep[{row}]/own") for row in (1, 2, 3)] == ["50", "20", "30"]
    assert [session.value(f"/data/rep[{row}]/first") for row in (1, 2, 3)] == ["5", "5", "5"]
    assert session.value("/data/total") == "100"
    session.remove_repeat("/data/rep[1]")
    assert [session.value(f"/data/rep[{row}]/nth") for row in (1, 2)] == ["1", "2"]
    assert [session.value(f"/data/rep[{row}]/first") for row in (1, 2)] == ["2", "2"]
    assert session.value("/data/total") == "50"
