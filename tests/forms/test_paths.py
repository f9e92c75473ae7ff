"""Instance paths (fieldkit.forms.paths): read, written back and taken apart."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fieldkit.forms.paths import InstancePath, Step, strip_positions

NAMES = st.text(st.characters(blacklist_characters="/[]", blacklist_categories=("Cs",)), min_size=1, max_size=12)
STEPS = st.builds(Step, NAMES, st.one_of(st.none(), st.integers(min_value=1, max_value=10**12)))
PATHS = st.builds(InstancePath, st.lists(STEPS, min_size=1, max_size=6).map(tuple))

NESTED = "/data/roster[2]/children[1]/name"


@given(PATHS)
def test_a_path_written_out_reads_back_the_same(path):
    assert InstancePath.parse(str(path)) == path


@given(PATHS)
def test_the_written_form_is_canonical(path):
    text = str(path)
    assert str(InstancePath.parse(text)) == text
    assert text.startswith("/") and not text.endswith("/")


@given(PATHS)
def test_the_template_is_the_path_without_its_positions(path):
    assert path.template == "/" + "/".join(path.names)
    assert strip_positions(str(path)) == path.template
    assert "[" not in path.template


@given(PATHS)
def test_parent_and_child_undo_each_other(path):
    parent = path.parent
    if len(path.steps) == 1:
        assert parent is None
    else:
        assert parent is not None and parent.child(path.name, path.position) == path


@given(PATHS)
def test_each_repeat_instance_is_a_repeat_at_a_position(path):
    repeats = path.repeats
    assert tuple(position for _repeat, position in repeats) == path.positions
    for repeat, position in repeats:
        assert repeat.position is None
        assert str(path).startswith(str(repeat.at(position)))


def test_a_nested_path_taken_apart():
    path = InstancePath.parse(NESTED)
    assert path.steps == (Step("data"), Step("roster", 2), Step("children", 1), Step("name"))
    assert path.names == ("data", "roster", "children", "name")
    assert (path.name, path.position) == ("name", None)
    assert path.positions == (2, 1)
    assert path.template == "/data/roster/children/name"
    assert str(path.parent) == "/data/roster[2]/children[1]"
    assert str(path.repeat_instance) == "/data/roster[2]/children[1]"
    assert [(str(repeat), position) for repeat, position in path.repeats] == [
        ("/data/roster", 2), ("/data/roster[2]/children", 1)]
    assert repr(path) == f"InstancePath({NESTED!r})"


def test_a_repeat_instance_names_its_repeat_and_its_siblings():
    instance = InstancePath.parse("/data/roster[2]")
    assert str(instance.without_position()) == "/data/roster"
    assert str(instance.without_position().at(3)) == "/data/roster[3]"
    assert instance.repeat_instance == instance
    assert InstancePath.parse("/data/roster").without_position() == InstancePath.parse("/data/roster")


def test_a_path_outside_repeats_lies_in_none():
    path = InstancePath.parse("/data/group/q")
    assert path.repeat_instance is None and path.repeats == () and path.positions == ()


@pytest.mark.parametrize("text, canonical", [
    ("data/q", "/data/q"),            # typed without the leading slash
    ("/data/q/", "/data/q"),
    ("/data//q", "/data/q"),
    ("/data/rep[007]/q", "/data/rep[7]/q"),
    ("/data/a b/q", "/data/a b/q"),   # any name without '/', '[' or ']': the form decides
])
def test_slashes_and_leading_zeros_are_read_as_the_session_always_read_them(text, canonical):
    assert str(InstancePath.parse(text)) == canonical


@pytest.mark.parametrize("text", [
    "", "/", "//", "/data/rep[0]/q", "/data/rep[-1]", "/data/rep[]", "/data/rep[a]", "/data/rep[1",
    "/data/rep]", "/data/rep[1]x", "/data/rep[1][2]", "/data/[1]", "/data/rep[١]", "/data/rep[²]",
])
def test_what_is_no_instance_path_is_refused(text):
    with pytest.raises(ValueError):
        InstancePath.parse(text)
    assert InstancePath.try_parse(text) is None


def test_a_position_of_thousands_of_digits_is_refused_not_converted():
    assert InstancePath.try_parse(f"/data/rep[{'9' * 5000}]") is None


def test_stripping_positions_leaves_what_is_no_path_as_it_is():
    assert strip_positions("/data/rep[2]/q") == "/data/rep/q"
    assert strip_positions("/data/rep[x]") == "/data/rep[x]"


@pytest.mark.parametrize("build", [
    lambda: InstancePath(()),
    lambda: InstancePath.parse("/data/rep").at(0),
    lambda: InstancePath.parse("/data").child("a/b"),
    lambda: InstancePath.parse("/data").child("a[1]"),
    lambda: InstancePath.parse("/data").child(""),
    lambda: InstancePath((Step("data"), Step("rep", 0))),
    lambda: InstancePath((Step("data]"),)),
])
def test_no_path_is_made_that_could_not_be_read_back(build):
    with pytest.raises(ValueError):
        build()


def test_paths_are_values():
    first, second = InstancePath.parse("/data/rep[2]/q"), InstancePath.parse("data/rep[2]/q/")
    assert first == second and hash(first) == hash(second)
    assert len({first, second}) == 1
    with pytest.raises(AttributeError):
        first.steps = ()  # type: ignore[misc]
