"""The expression engine on typical form expressions, ODK functions and errors."""

from datetime import UTC, datetime, timedelta, timezone

import pytest

from fieldkit.forms.xpath import DateValue, EvalContext, XPathEvalError, XPathSyntaxError, compile_expression, parse_xml

INSTANCE = """<data xmlns="http://www.w3.org/2002/xforms">
<name>Ann</name><age>34</age><consent>yes</consent><fruits>apple mango</fruits>
<visit>2024-03-05</visit><empty/>
<rep><x>1</x><y>a</y></rep><rep><x>5</x><y>b</y></rep><rep><x>10</x><y>c</y></rep>
</data>"""

HANOI = timezone(timedelta(hours=7))


@pytest.fixture
def doc():
    return parse_xml(INSTANCE)


def ev(expr, node, **options):
    return compile_expression(expr).evaluate(EvalContext(node=node, **options))


def text(expr, node, **options):
    return compile_expression(expr).evaluate_string(EvalContext(node=node, **options))


def test_relevance_and_constraint_expressions(doc):
    assert ev("/data/consent = 'yes'", doc) is True
    assert ev("/data/age >= 18 and /data/age < 120", doc) is True
    assert ev("selected(/data/fruits, 'mango')", doc) is True
    assert ev("count-selected(/data/fruits)", doc) == 2
    assert ev("string-length(/data/name) > 0", doc) is True
    assert ev("/data/empty = ''", doc) is True


def test_relative_paths_from_a_repeat_question(doc):
    x2 = ev("/data/rep[2]/x", doc)[0]
    assert ev(". > 3", x2) is True
    assert text("../y", x2) == "b"
    assert ev("position(..)", x2) == 2
    assert ev("../../rep[position() = last()]/x", x2)[0].string_value() == "10"
    assert text("current()/../y", x2) == "b"


def test_repeat_aggregates(doc):
    assert ev("sum(/data/rep/x)", doc) == 16
    assert ev("count(/data/rep)", doc) == 3
    assert ev("max(/data/rep/x)", doc) == 10
    assert text("join(', ', /data/rep/y)", doc) == "a, b, c"
    assert text("indexed-repeat(/data/rep/y, /data/rep, 2)", doc) == "b"
    assert ev("indexed-repeat(/data/rep/y, /data/rep, 9)", doc) == []


def test_predicates_use_position_or_truth(doc):
    assert text("/data/rep[2]/y", doc) == "b"
    assert text("/data/rep[x > 3][1]/y", doc) == "b"
    assert text("/data/rep[last()]/y", doc) == "c"
    assert ev("count(/data/rep[x = /data/rep[1]/x])", doc) == 1


def test_predicates_that_do_not_depend_on_the_node(doc):
    # Evaluated once per filtering, with the same meaning as per node.
    assert text("/data/rep[/data/age - 32]/y", doc) == "b"  # a number: a position
    assert ev("count(/data/rep[/data/consent = 'yes'])", doc) == 3  # a boolean: all or none
    assert ev("count(/data/rep[/data/consent = 'no'])", doc) == 0
    assert ev("count(/data/rep[x > /data/rep[2]/x])", doc) == 1
    assert ev("count(/data/rep[/data/rep[2]/x < x])", doc) == 1
    assert text("/data/rep[position() = last()]/y", doc) == "c"


def test_current_inside_a_predicate_is_the_context_node(doc):
    choices = parse_xml("<root><item><v>a</v><cf>1</cf></item><item><v>b</v><cf>5</cf></item></root>")
    x2 = ev("/data/rep[2]/x", doc)[0]
    ctx = EvalContext(node=x2, instances={"c": choices})
    found = compile_expression("instance('c')/root/item[cf = current()]/v").evaluate_string(ctx)
    assert found == "b"
    # "/" inside the filter is still the main instance, as in ODK choice filters
    by_age = compile_expression("count(instance('c')/root/item[cf < /data/age])").evaluate_number(ctx)
    assert by_age == 2


def test_number_formatting_follows_javascript(doc):
    assert text("1 div 3", doc) == "0.3333333333333333"
    assert text("1 div 0", doc) == "Infinity"
    assert text("0 div 0", doc) == "NaN"
    assert text("-0", doc) == "0"
    assert text("1000000 * 1000000 * 1000000 * 1000", doc) == "1e+21"
    assert text("0.1 + 0.2", doc) == "0.30000000000000004"
    assert text("123456789012345680000", doc) == "123456789012345680000"
    assert text("0.000001", doc) == "0.000001" and text("0.0000001", doc) == "1e-7"
    assert text("7 mod -3", doc) == "1" and text("-7 mod 3", doc) == "-1"


def test_round_is_half_away_from_zero(doc):
    assert ev("round(2.5)", doc) == 3
    assert ev("round(-2.5)", doc) == -3
    assert ev("round(1.2345, 2)", doc) == 1.23
    assert ev("round(1234, -2)", doc) == 1200


def test_if_and_coalesce_evaluate_only_what_they_need(doc):
    assert text("if(/data/age > 18, 'adult', no-such-function())", doc) == "adult"
    assert text("coalesce(/data/empty, /data/name)", doc) == "Ann"
    assert ev("false() and substring()", doc) is False


def test_booleans_are_stored_as_true_false_strings(doc):
    assert text("/data/age > 18", doc) == "true"
    assert ev("boolean-from-string('true')", doc) is True
    assert ev("boolean-from-string('yes')", doc) is False


def test_dates_are_days_since_epoch_in_the_evaluation_zone(doc):
    value = ev("date(/data/visit)", doc, tz=HANOI)
    assert isinstance(value, DateValue) and str(value.text) == "2024-03-05"
    assert text("date(/data/visit) + 1", doc, tz=HANOI) != ""
    assert text("date(date(/data/visit) + 1)", doc, tz=HANOI) == "2024-03-06"
    assert text("format-date(/data/visit, '%a %e %b %Y')", doc, tz=HANOI) == "Tue 5 Mar 2024"
    assert ev("/data/visit < '2024-03-06'", doc, tz=HANOI) is True
    assert ev("decimal-date-time('1970-01-02T00:00:00Z')", doc) == 1


def test_today_and_now_use_the_context_clock(doc):
    moment = datetime(2025, 7, 1, 20, 30, tzinfo=UTC)  # 03:30 next day in Hanoi
    options = dict(tz=HANOI, now=lambda: moment)
    assert text("today()", doc, **options) == "2025-07-02"
    assert text("now()", doc, **options) == "2025-07-02T03:30:00.000+07:00"
    assert text("format-date-time(now(), '%H:%M')", doc, **options) == "03:30"


def test_randomize_with_a_seed_is_repeatable(doc):
    first = [n.string_value() for n in ev("randomize(/data/rep/y, 42)", doc)]
    again = [n.string_value() for n in ev("randomize(/data/rep/y, 42)", doc)]
    assert first == again and sorted(first) == ["a", "b", "c"]


def test_digest_uuid_and_base64(doc):
    assert text("digest('abc', 'SHA-1', 'hex')", doc) == "a9993e364706816aba3e25717850c26c9cd0d89d"
    assert len(text("uuid()", doc)) == 36 and len(text("uuid(10)", doc)) == 10
    assert text("base64-decode('SGVsbG8=')", doc) == "Hello"


def test_pulldata_reads_a_csv_instance(doc):
    fruits = parse_xml("<root><item><name>mango</name><price>3</price></item></root>")
    assert text("pulldata('fruits', 'price', 'name', 'mango')", doc, instances={"fruits": fruits}) == "3"
    assert text("pulldata('fruits', 'price', 'name', 'kiwi')", doc, instances={"fruits": fruits}) == ""


def test_geo_functions(doc):
    assert ev("distance('0 0; 0 1')", doc) == 111318.85
    assert ev("geofence('0.5 0.5', '0 0;0 1;1 1;1 0;0 0')", doc) is True


def test_context_functions_variables_and_itext(doc):
    names = {"mango": "Mango fruit"}
    options = dict(
        functions={"jr:choice-name": lambda ctx, value, path: names.get(value, value)},
        variables={"limit": 30},
        itext=lambda key: f"<{key}>",
    )
    assert text("jr:choice-name('mango', '/data/fruits')", doc, **options) == "Mango fruit"
    assert ev("/data/age > $limit", doc, **options) is True
    assert text("jr:itext('q1:label')", doc, **options) == "<q1:label>"
    assert text("jr:choice-name('kiwi', '/data/fruits')", doc) == "kiwi"  # default: the value itself


def test_prefixed_name_tests_use_context_namespaces():
    doc = parse_xml('<a xmlns:m="urn:m"><m:b>1</m:b><b>2</b></a>')
    assert text("/a/m:b", doc, namespaces={"m": "urn:m"}) == "1"
    assert text("/a/b", doc) == "2"
    with pytest.raises(XPathEvalError, match="prefix 'q'"):
        ev("/a/q:b", doc)


def test_syntax_errors_name_the_position():
    with pytest.raises(XPathSyntaxError) as info:
        compile_expression("/data/a = ")
    assert "position 11" in str(info.value) and "end of expression" in str(info.value)
    with pytest.raises(XPathSyntaxError, match="unknown axis 'sideways'"):
        compile_expression("sideways::x")
    with pytest.raises(XPathSyntaxError, match="unterminated string literal at position 8"):
        compile_expression("concat('a, /data/b)")
    with pytest.raises(XPathSyntaxError, match="unexpected character '#'"):
        compile_expression("1 # 2")


def test_evaluation_errors_are_xpath_eval_errors(doc):
    with pytest.raises(XPathEvalError, match="unknown function nope"):
        ev("nope()", doc)
    with pytest.raises(XPathEvalError, match="count\\(\\) needs a node-set"):
        ev("count('a')", doc)
    with pytest.raises(XPathEvalError, match="takes 1 argument"):
        ev("count()", doc)
    with pytest.raises(XPathEvalError, match="variable \\$v"):
        ev("$v", doc)
    with pytest.raises(XPathEvalError, match="does not select nodes"):
        compile_expression("1 + 1").evaluate_nodes(EvalContext(node=doc))


def test_no_bare_python_exception_escapes(doc):
    def broken(ctx, *args):
        raise ValueError("boom")

    with pytest.raises(XPathEvalError, match="boom"):
        ev("broken()", doc, functions={"broken": broken})
    assert ev("pow(-8, 1 div 3)", doc) != ev("pow(-8, 1 div 3)", doc)  # NaN, not ValueError
    assert ev("log(0)", doc) == float("-inf")
    deep = "(" * 400 + "1" + ")" * 400
    try:
        assert compile_expression(deep).evaluate_number(EvalContext(node=doc)) == 1
    except XPathSyntaxError:
        pass  # too deep for the parser is a syntax error, never a RecursionError


def test_compiled_expressions_are_reused(doc):
    assert compile_expression("/data/age + 1") is compile_expression("/data/age + 1")
    expr = compile_expression("../x * 2")
    ys = ev("/data/rep/y", doc)
    assert [expr.evaluate_number(EvalContext(node=y)) for y in ys] == [2, 10, 20]
