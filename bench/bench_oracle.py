"""fieldkit's form engine against ODK's web-forms engine (@getodk/xforms-engine 0.22,
node 20, run by tools/odk_oracle/oracle.mjs): open time and per-answer recompute.

Run: npm ci --prefix tools/odk_oracle && python bench/bench_oracle.py
(prints JSON; figures go into BENCHMARKS.md, section "Form engine vs ODK web-forms engine")

Both engines get the same XForm text and the same answers in the same order.
- open: fieldkit = load_form(XForm bytes) + compiling every expression + new_session();
  ODK = loadForm() + createInstance(), timed inside node (no pipe or JSON in it).
  Median of ROUNDS opens; the first ODK open of the process is a warm-up, not counted.
- recompute: one answer set, with everything that depends on it recomputed (ODK's
  engine recomputes eagerly, in Solid memos, within setValue), timed per answer; for
  the nested-repeats form, the 441 answers of 20 households of 5 children in order.
"""

from __future__ import annotations

import json
import pathlib
import random
import statistics
import sys
import tempfile
import time

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests" / "helpers"))

from bench_forms import _answer_for, _household_answers, generated_form, largest_corpus_form, nested_repeats_form  # noqa: E402,E501
from oracle_process import Oracle, unavailable_reason  # noqa: E402

from fieldkit.forms import load_form, xform_cache  # noqa: E402

ROUNDS = 5
CHANGES = 400


def _fieldkit_open_ms(xform: bytes) -> float:
    xform_cache._memory.clear()
    start = time.perf_counter()
    form = load_form(xform)
    _ = form.compiled
    form.new_session()
    return (time.perf_counter() - start) * 1000


def _odk_open_ms(oracle: Oracle, xform: str) -> float:
    timing = oracle.ask({"xform": xform, "timing": True, "snapshot": False})["timing"]
    return timing["load_ms"] + timing["create_ms"]


def _changes(form) -> list[dict]:
    """CHANGES answers to top-level questions that other expressions read (as in
    bench_forms), chosen once so both engines get the same list."""
    session = form.new_session()
    dependents = form.compiled.dependents
    asked = [q for q in form.questions() if q.kind == "input" or q.type == "select_one"]
    asked = [q for q in asked if "[" not in q.path and q.path in dependents] or asked
    rng = random.Random(7)
    steps = []
    for round_number in range(CHANGES):
        question = rng.choice(asked)
        path = _first_instance(form, question.path)
        steps.append({"op": "set", "path": path, "value": _answer_for(session, question, round_number)})
    return steps


def _first_instance(form, path: str) -> str:
    """A question inside repeats, in their first instances: /data/rep[1]/q."""
    for repeat in sorted((group.path for group in form.repeats()), key=len, reverse=True):
        if path.startswith(repeat + "/"):
            path = f"{repeat}[1]{path[len(repeat):]}"
    return path


def _summary(timings: list[float]) -> dict:
    ordered = sorted(timings)
    return {
        "median_ms": round(statistics.median(ordered), 4),
        "p99_ms": round(ordered[int(len(ordered) * 0.99) - 1], 4),
        "max_ms": round(ordered[-1], 4),
    }


def _fieldkit_recompute(form, steps) -> dict:
    session = form.new_session()
    timings = []
    for step in steps:
        start = time.perf_counter()
        session.set(step["path"], step["value"])
        timings.append((time.perf_counter() - start) * 1000)
    return _summary(timings)


def _odk_recompute(oracle: Oracle, xform: str, steps) -> dict:
    answer = oracle.ask({"xform": xform, "steps": steps, "timing": True, "snapshot": False})
    assert answer["error"] is None and answer["step_error"] is None, answer
    return _summary(answer["timing"]["steps_ms"])


def measure(oracle: Oracle, path: pathlib.Path, steps: list[dict] | None = None) -> dict:
    form = load_form(path)
    xform = form.xform
    steps = steps if steps is not None else _changes(form)
    ours = [_fieldkit_open_ms(xform.encode("utf-8")) for _ in range(ROUNDS)]
    _odk_open_ms(oracle, xform)  # warm-up: node compiles the engine's code on first use
    theirs = [_odk_open_ms(oracle, xform) for _ in range(ROUNDS)]
    return {
        "file": path.name,
        "questions": len(form.questions()),
        "changes": len(steps),
        "fieldkit": {"open_median_ms": round(statistics.median(ours), 1),
                     "recompute": _fieldkit_recompute(form, steps)},
        "odk_web_forms": {"open_median_ms": round(statistics.median(theirs), 1),
                          "recompute": _odk_recompute(oracle, xform, steps)},
    }


def main() -> None:
    reason = unavailable_reason()
    if reason:
        sys.exit(reason)
    oracle = Oracle()
    results = {}
    try:
        with tempfile.TemporaryDirectory() as folder:
            forms = [largest_corpus_form(), generated_form(pathlib.Path(folder) / "bench_1000.xlsx")]
            forms += sorted((HERE.parent / "forms").glob("*.xlsx"))
            for path in forms:
                results[path.stem] = measure(oracle, path)
            # Filling 20 households of 5 children, counts from calculations (bench_forms)
            nested = nested_repeats_form(pathlib.Path(folder) / "bench_households.xlsx")
            steps = [{"op": "set", "path": path, "value": value} for path, value in _household_answers(20, 5)]
            results[nested.stem] = measure(oracle, nested, steps)
    finally:
        oracle.close()
    json.dump(results, sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    main()
