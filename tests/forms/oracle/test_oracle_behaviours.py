"""Hand-written XForms (xforms/) aimed at ODK behaviours that fieldkit must share,
each filled step by step in fieldkit and in ODK's own engine; the watched paths (or
every node) must agree after every step. What each form checks is in its comment.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldkit.forms import load_form
from tests.helpers.oracle_run import SideBySide

XFORMS = Path(__file__).resolve().parent / "xforms"


def put(path, value):
    return {"op": "set", "path": path, "value": value}


def add(path):
    return {"op": "add_repeat", "path": path}


def remove(path):
    return {"op": "remove_repeat", "path": path}


CHOICE_STEPS = [
    put("/data/province", "01"), put("/data/commune", "c2"), put("/data/communes", "c2 c3"),
    put("/data/province", "79"), put("/data/commune", "c4"),
]

# name -> (xform file, steps, paths compared (None: every node)).
CASES = {
    "new_repeat_instance_gets_every_bind": ("new_repeat_binds", [
        add("/data/person"), put("/data/person[2]/name", "An"), put("/data/person[2]/age", "30"),
        put("/data/show", "no"), add("/data/person"), put("/data/show", "yes"), remove("/data/person[1]"),
    ], None),
    "nested_template_repeats": ("nested_template", [
        put("/data/hh[1]/hh_name", "A"), put("/data/hh[1]/member[1]/mname", "m"), add("/data/hh"),
        put("/data/hh[2]/hh_name", "B"), add("/data/hh[2]/member"), put("/data/hh[2]/member[1]/mname", "z"),
        remove("/data/hh[1]"),
    ], None),
    "jr_count_relative_to_its_repeat": ("jr_count_relative", [
        put("/data/hh[1]/n", "2"), add("/data/hh"), put("/data/hh[2]/n", "3"), put("/data/hh[1]/n", "1"),
    ], None),
    "non_relevant_reads_blank": ("nonrelevant_blank", [
        put("/data/drop", "1"), put("/data/drop", "9"), put("/data/show", "yes"),
    ], None),
    "filtered_out_choice_is_cleared": ("choice_filter_clear", CHOICE_STEPS, None),
    "setvalue_on_load_and_on_change": ("setvalue_events", [
        put("/data/source", "4"), put("/data/first", "x"), put("/data/source", "5"), put("/data/source", "5"),
        put("/data/source", ""),
    ], ["/data/first", "/data/source", "/data/changed", "/data/stamp_count"]),
    "int_answered_with_a_fraction": ("number_storage", [put("/data/whole", "2.5")], ["/data/whole"]),
    "int_calculation_with_a_fraction": ("number_storage", [put("/data/whole", "7")], ["/data/half_int"]),
    "decimal_answered_whole": ("number_storage", [put("/data/fraction", "12")], ["/data/fraction"]),
    "decimal_calculation_whole": ("number_storage", [put("/data/fraction", "12")], ["/data/sum_decimal"]),
    "geopoint_with_whole_numbers": ("number_storage", [put("/data/point", "21 105 10 5")], ["/data/point"]),
    "nan_is_stored_blank": ("number_storage", [put("/data/text", "abc"), put("/data/text", "")],
                            ["/data/nan_decimal", "/data/nan_int"]),
    "infinity_in_a_decimal": ("number_storage", [put("/data/text", "4")], ["/data/inf_decimal"]),
    "default_translation": ("translation_default", [put("/data/q", "x")], None),
}


def run_case(oracle, name, steps, paths=None) -> SideBySide:
    """Both engines through `steps`, compared after each; the caller closes the pair."""
    pair = SideBySide(oracle, load_form(XFORMS / f"{name}.xml"))
    assert pair.load_error is None, pair.describe(f"ODK cannot load the form: {pair.load_error}")
    pair.assert_same(paths)
    for step in steps:
        pair.step(step)
        pair.assert_same(paths)
    return pair


@pytest.mark.parametrize("case", sorted(CASES))
def test_matches_odk(oracle, case):
    run_case(oracle, *CASES[case]).close()


def test_a_choice_filtered_out_stays_cleared_when_the_filter_returns(oracle):
    # Narrow exception (web-forms engine): it keeps a filtered-out selection in memory
    # and shows it again when the filter lets it back (province 79 -> 01 brings "c2"
    # back into /data/communes); JavaRosa clears it for good (getodk/javarosa#437,
    # #474) and web-forms itself calls this open (getodk/web-forms#57). So /data/communes
    # and what reads it (/data/place) follow JavaRosa; everything else must match.
    pair = run_case(oracle, "choice_filter_clear", CHOICE_STEPS)
    try:
        pair.step(put("/data/province", "01"))
        pair.assert_same(["/data/province", "/data/commune", "/data/meta"])
        assert pair.session.value("/data/communes") == "c3"
        assert pair.session.value("/data/place") == "01//c3"
    finally:
        pair.close()


def test_a_jr_count_that_turns_blank_removes_the_instances(oracle):
    # Narrow exception (web-forms engine): when jr:count's value turns blank (here its
    # node becomes non-relevant) the engine keeps the previous count, a choice its own
    # source marks as a TODO that "probably does not make sense ... when a referenced
    # node's relevance changes"; JavaRosa reads the blank count as 0. So /data/fixed and
    # its count follow JavaRosa; everything else must match.
    pair = run_case(oracle, "nonrelevant_blank", [put("/data/show", "yes")])
    try:
        pair.step(put("/data/show", "no"))
        pair.assert_same(["/data/show", "/data/hidden", "/data/seen", "/data/reps", "/data/loop",
                          "/data/kept", "/data/kept_x"])
        assert pair.session.repeat_count("/data/fixed") == 0
        assert pair.session.value("/data/rep_count") == "0"
    finally:
        pair.close()


NEW_REPEAT_STEPS = [put("/data/source", "4"), add("/data/rep"), add("/data/rep"), put("/data/source", "5"), add("/data/rep")]


def test_odk_new_repeat_setvalue_matches_odk(oracle):
    run_case(oracle, "new_repeat_setvalue", NEW_REPEAT_STEPS).close()


def test_odk_new_repeat_setvalue_per_spec():
    """Each new instance is set when it is added: its own position, the source then."""
    session = load_form(XFORMS / "new_repeat_setvalue.xml").new_session()
    for step in NEW_REPEAT_STEPS:
        if step["op"] == "set":
            session.set(step["path"], step["value"])
        else:
            session.add_repeat(step["path"])
    got = [(session.value(f"/data/rep[{n}]/seq"), session.value(f"/data/rep[{n}]/copied")) for n in (1, 2, 3)]
    assert got == [("10", "4"), ("20", "4"), ("30", "5")]
