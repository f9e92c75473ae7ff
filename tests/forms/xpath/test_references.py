"""Expression.references(): what a form expression reads, for the dependency graph."""

import pytest

from fieldkit.forms.xpath import compile_expression


def refs(source, context="/data/q"):
    return compile_expression(source).references(context)


def test_relevance_on_another_question():
    # pyxform turns ${a} = 'yes' into /data/a = 'yes'
    assert refs("/data/a = 'yes'") == {"/data/a"}


def test_literals_and_clock_functions_read_nothing():
    assert refs("1 + 2") == set()
    assert refs("today()") == set()
    assert refs("concat('a', 'b')") == set()


def test_relative_paths_resolve_against_the_context():
    assert refs(".", "/data/q") == {"/data/q"}
    assert refs(". > 3", "/data/rep/x") == {"/data/rep/x"}
    assert refs("../b", "/data/grp/a") == {"/data/grp/b"}
    assert refs("../../c/d", "/data/grp/a") == {"/data/c/d"}
    assert refs("x/y", "/data/grp") == {"/data/grp/x/y"}


def test_context_path_positions_are_ignored():
    assert refs("../b", "/data/rep[2]/a") == {"/data/rep/b"}


def test_current_is_the_context_path():
    assert refs("current()/../b", "/data/rep/a") == {"/data/rep/b"}
    assert refs("current()", "/data/rep/a") == {"/data/rep/a"}


def test_positions_are_dropped():
    assert refs("/data/rep[2]/x + /data/rep[position() = 1]/y") == {"/data/rep/x", "/data/rep/y"}


def test_predicates_resolve_against_the_step_they_filter():
    assert refs("/data/rep[x > 3]/y") == {"/data/rep/x", "/data/rep/y"}
    assert refs("/data/rep[. = /data/limit]") == {"/data/rep", "/data/limit"}


def test_secondary_instances_are_not_reported_but_their_filters_are():
    source = "instance('c')/root/item[cf = /data/state]"
    assert refs(source) == {"/data/state"}
    assert refs("instance('c')/root/item[cf = current()/../s]", "/data/g/city") == {"/data/g/s"}
    assert refs("count(instance('c')//item)") == set()


def test_repeat_functions():
    assert refs("count(/data/rep)") == {"/data/rep"}
    assert refs("sum(/data/rep/x)") == {"/data/rep/x"}
    assert refs("indexed-repeat(/data/rep/x, /data/rep, 2)") == {"/data/rep/x", "/data/rep"}
    assert refs("position(..)", "/data/rep/x") == {"/data/rep"}


def test_function_arguments_are_followed():
    assert refs("if(selected(/data/a, 'x'), /data/b, /data/c)") == {"/data/a", "/data/b", "/data/c"}
    assert refs("string-length()", "/data/q") == {"/data/q"}
    assert refs("string()", "/data/q") == {"/data/q"}


def test_attributes():
    assert refs("/data/x/@attr = 'a'") == {"/data/x/@attr"}
    assert refs("@id", "/data/x") == {"/data/x/@id"}
    assert refs("/data/x/@attr/..") == {"/data/x"}


@pytest.mark.parametrize(
    "source",
    [
        "//x",
        "/data/*",
        "count(/data/rep//x)",
        "ancestor::grp/a",
        "following-sibling::x",
        "id('a')",
        "(/data/a | /data/b)/c",
        "/data/x/@attr/b",
        "../../../..",
    ],
)
def test_unknowable_dependencies_are_none(source):
    assert refs(source, "/data/g/q") is None
