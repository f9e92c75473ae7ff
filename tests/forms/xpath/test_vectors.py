"""The ODK Web Forms XPath test vectors (shared/corpus/xpath) as an oracle.

Each vector is evaluated in the environment the corpus README describes: time zone
America/Phoenix, namespace prefixes per source folder, and the default namespace
that unprefixed name tests also match.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from datetime import timedelta, timezone
from pathlib import Path

import pytest

from fieldkit.forms.xpath import EvalContext, XPathError, compile_expression, parse_xml

XFORMS = "http://www.w3.org/2002/xforms"
NATIVE_NAMESPACES = {
    "xhtml": "http://www.w3.org/1999/xhtml",
    "mathml": "http://www.w3.org/1998/Math/MathML",
    "jr": "http://openrosa.org/javarosa",
}

# Vectors judged wrong (id -> why). Only these are excluded from the failure count.
KNOWN_WRONG: dict[str, str] = {}


def _phoenix():
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo("America/Phoenix")
    except Exception:  # no tz database: Phoenix has kept UTC-7 since 1968
        return timezone(timedelta(hours=-7))


PHOENIX = _phoenix()


def _context(vector: dict) -> EvalContext:
    doc = parse_xml(vector["context_xml"])
    if vector["id"].startswith("xforms/"):
        root = doc.root_element
        namespaces = {prefix: uri for prefix, uri in root.nsmap.items() if prefix}
        default = root.nsmap.get(None) or XFORMS
    else:
        namespaces = dict(NATIVE_NAMESPACES)
        default = XFORMS
    ctx = EvalContext(node=doc, tz=PHOENIX, namespaces=namespaces, default_namespace=default)
    if vector["context_path"] is not None:
        # Context paths use only *, @name, node(), local-name() and positions.
        found = compile_expression(vector["context_path"]).evaluate_nodes(ctx)
        ctx = EvalContext(node=found[0], tz=PHOENIX, namespaces=namespaces, default_namespace=default)
    return ctx


def _same_number(actual: float, expected) -> bool:
    if isinstance(expected, str):
        return format(actual) == {"NaN": "nan", "Infinity": "inf", "-Infinity": "-inf"}[expected]
    if expected == 0 and actual == 0:
        return math.copysign(1, actual) == math.copysign(1, expected)
    return actual == expected


def check(vector: dict) -> str | None:
    """None when the engine agrees with the vector, else a description of the difference."""
    kind = vector["expected_type"]
    expected = vector["expected"]
    try:
        ctx = _context(vector)
        expression = compile_expression(vector["expression"])
        if kind == "error":
            result = expression.evaluate(ctx)
            return f"expected an error, got {result!r}"
        if kind == "boolean":
            actual = expression.evaluate_boolean(ctx)
            ok = actual == expected
        elif kind == "string":
            actual = expression.evaluate_string(ctx)
            ok = actual == expected
        elif kind == "number":
            actual = expression.evaluate_number(ctx)
            ok = _same_number(actual, expected)
        else:  # nodeset-count
            actual = len(expression.evaluate_nodes(ctx))
            ok = actual == expected
    except XPathError as exc:
        return None if kind == "error" else f"raised {exc}"
    return None if ok else f"expected {expected!r}, got {actual!r}"


@pytest.fixture(scope="module")
def vectors(corpus_dir: Path) -> list[dict]:
    """The vectors, from ../shared/corpus (the corpus_dir fixture skips when it is absent)."""
    path = corpus_dir / "xpath" / "odk-xpath-vectors.json"
    return json.loads(path.read_text(encoding="utf-8"))


def test_known_wrong_vectors_exist_and_fail(vectors):
    vectors = {v["id"]: v for v in vectors}
    for vector_id, reason in KNOWN_WRONG.items():
        assert vector_id in vectors, vector_id
        assert reason.strip(), vector_id
        assert check(vectors[vector_id]) is not None, f"{vector_id} passes: drop it from KNOWN_WRONG"


def test_vectors_pass_rates(vectors, capsys):
    totals: Counter = Counter()
    passed: Counter = Counter()
    failures = []
    for vector in vectors:
        folder = vector["id"].split("/", 1)[0]
        problem = check(vector)
        if vector["id"] in KNOWN_WRONG:
            continue
        totals[folder] += 1
        if problem is None:
            passed[folder] += 1
        else:
            failures.append(f"{vector['id']}: {vector['expression']!r}: {problem}")
    overall = sum(passed.values()) / sum(totals.values())
    xforms = passed["xforms"] / totals["xforms"]
    with capsys.disabled():
        print(f"\nODK XPath vectors: xforms/ {passed['xforms']}/{totals['xforms']} = {xforms:.2%}; "
              f"all {sum(passed.values())}/{sum(totals.values())} = {overall:.2%} "
              f"({len(KNOWN_WRONG)} judged wrong and excluded)")
        for line in failures:
            print("  FAIL", line)
    assert xforms >= 0.98
    assert overall >= 0.95
