"""Form engine benchmark: load time and recompute latency after one answer change.

Run: python bench/bench_forms.py  (prints JSON; figures go into BENCHMARKS.md)

Forms measured: the largest corpus form (by question count), a generated form of
1,000 questions in chains of relevance and calculation, and a generated household
survey with nested `jr:count` repeats (households x children, counts from calculations,
sums over the repeats) filled with 20 households of 5 children.
"""

from __future__ import annotations

import json
import os
import pathlib
import random
import statistics
import sys
import tempfile
import time

from openpyxl import Workbook

from fieldkit.forms import FormError, load_form, xform_cache

CORPUS = pathlib.Path(__file__).resolve().parents[2] / "shared" / "corpus" / "xlsforms"
CHAIN = 10


def generated_form(path: pathlib.Path, questions: int = 1000) -> pathlib.Path:
    """Chains of CHAIN integers: each relevant when the one before is answered,
    each chain closed by a running-total calculation and a constraint."""
    book = Workbook()
    survey = book.active
    survey.title = "survey"
    survey.append(["type", "name", "label", "relevant", "calculation", "constraint"])
    for index in range(questions):
        position = index % CHAIN
        relevant = f"${{q{index - 1}}} != ''" if position else ""
        survey.append(["integer", f"q{index}", f"Question {index}", relevant, "", ". >= 0"])
        if position == CHAIN - 1:
            terms = " + ".join(f"coalesce(${{q{i}}}, 0)" for i in range(index - CHAIN + 1, index + 1))
            survey.append(["calculate", f"total{index // CHAIN}", "", "", terms, ""])
    settings = book.create_sheet("settings")
    settings.append(["form_id", "version"])
    settings.append(["bench_1000", "1"])
    book.save(path)
    return path


def _timed_load(path: pathlib.Path) -> float:
    xform_cache._memory.clear()  # as in a new process: at most the disk cache remains
    start = time.perf_counter()
    form = load_form(path)
    _ = form.compiled  # compiling every expression is part of loading
    return (time.perf_counter() - start) * 1000


def time_load(path: pathlib.Path, rounds: int = 5) -> dict:
    """First open (pyxform converts the workbook) and later opens (cached XForm)."""
    cold, warm = [], []
    for _ in range(rounds):
        with tempfile.TemporaryDirectory() as cache:
            os.environ["FIELDKIT_CACHE_DIR"] = cache
            cold.append(_timed_load(path))
            warm.append(_timed_load(path))
    return {"first_open_ms": round(statistics.median(cold), 1), "cached_ms": round(statistics.median(warm), 1)}


def _answer_for(session, question, round_number: int) -> str:
    if question.type == "select_one":
        choices = session.choices(question.path)
        return choices[round_number % len(choices)][0] if choices else ""
    if question.type in ("integer", "decimal"):
        return str(round_number % 50)
    return f"answer {round_number % 50}"


def time_recompute(path: pathlib.Path, changes: int = 2000) -> dict:
    """Answer questions that other expressions read, one change at a time."""
    form = load_form(path)
    session = form.new_session()
    dependents = form.compiled.dependents
    asked = [q for q in form.questions() if q.kind == "input" or q.type == "select_one"]
    asked = [q for q in asked if "[" not in q.path and q.path in dependents] or asked
    rng = random.Random(7)
    first_start = time.perf_counter()
    session.set(asked[0].path, _answer_for(session, asked[0], 1))
    first_change_ms = (time.perf_counter() - first_start) * 1000
    timings = []
    for round_number in range(changes):
        question = rng.choice(asked)
        answer = _answer_for(session, question, round_number)
        start = time.perf_counter()
        session.set(question.path, answer)
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    return {
        "changes": changes,
        "questions_changed": len(asked),
        "first_change_ms": round(first_change_ms, 3),
        "median_ms": round(statistics.median(timings), 4),
        "p99_ms": round(timings[int(len(timings) * 0.99) - 1], 4),
        "max_ms": round(timings[-1], 4),
    }


NESTED_HEADER = ["type", "name", "label", "calculation", "repeat_count", "relevant", "required", "constraint"]
NESTED_ROWS = [
    ["integer", "n_households", "Households", "", "", "", "yes", ". <= 100"],
    ["calculate", "hh_count", "", "${n_households}", "", "", "", ""],
    ["begin repeat", "household", "Household", "", "${hh_count}", "", "", ""],
    ["text", "head", "Head", "", "", "", "yes", ""],
    ["integer", "num_children", "Children", "", "", "", "yes", ". <= 20"],
    ["calculate", "child_repeat_count", "", "${num_children}", "", "", "", ""],
    ["begin repeat", "child", "Child", "", "${child_repeat_count}", "", "", ""],
    ["text", "child_name", "Name", "", "", "", "yes", ""],
    ["integer", "age_months", "Age (months)", "", "", "", "yes", ". < 60"],
    ["select_one yn", "vaccinated", "Vaccinated?", "", "", "", "yes", ""],
    ["integer", "doses", "Doses", "", "", "${vaccinated} = 'yes'", "yes", ". <= 10"],
    ["text", "why_not", "Why not?", "", "", "${vaccinated} = 'no'", "yes", ""],
    ["calculate", "dose_group", "", "if(${age_months} < 6, 'a', if(${age_months} < 12, 'b', "
     "if(${age_months} < 24, 'c', if(${age_months} < 36, 'd', 'e'))))", "", "", "", ""],
    ["end repeat", "", "", "", "", "", "", ""],
    ["calculate", "hh_vaccinated", "", "count(../child[vaccinated = 'yes'])", "", "", "", ""],
    ["calculate", "hh_doses", "", "sum(../child/doses)", "", "", "", ""],
    ["end repeat", "", "", "", "", "", "", ""],
    ["calculate", "total_children", "", "sum(${num_children})", "", "", "", ""],
    ["calculate", "total_vaccinated", "", "sum(${hh_vaccinated})", "", "", "", ""],
    ["note", "summary", "${total_vaccinated} of ${total_children} vaccinated", "", "", "", "", ""],
]


def nested_repeats_form(path: pathlib.Path) -> pathlib.Path:
    book = Workbook()
    survey = book.active
    survey.title = "survey"
    survey.append(NESTED_HEADER)
    for row in NESTED_ROWS:
        survey.append(row)
    choices = book.create_sheet("choices")
    choices.append(["list_name", "name", "label"])
    choices.append(["yn", "yes", "Yes"])
    choices.append(["yn", "no", "No"])
    settings = book.create_sheet("settings")
    settings.append(["form_id", "version"])
    settings.append(["bench_households", "1"])
    book.save(path)
    return path


def _household_answers(households: int, children: int):
    yield "/data/n_households", str(households)
    for h in range(1, households + 1):
        yield f"/data/household[{h}]/head", f"Head {h}"
        yield f"/data/household[{h}]/num_children", str(children)
        for c in range(1, children + 1):
            child = f"/data/household[{h}]/child[{c}]"
            vaccinated = "yes" if (h + c) % 3 else "no"
            yield f"{child}/child_name", f"Child {h}.{c}"
            yield f"{child}/age_months", str((h * 7 + c * 11) % 60)
            yield f"{child}/vaccinated", vaccinated
            yield (f"{child}/doses", str(c % 4)) if vaccinated == "yes" else (f"{child}/why_not", "away")


def time_nested_fill(path: pathlib.Path, households: int = 20, children: int = 5) -> dict:
    """Open the form, then fill every household and child one answer at a time."""
    start = time.perf_counter()
    form = load_form(path)
    session = form.new_session()
    open_ms = (time.perf_counter() - start) * 1000
    timings = []
    for answer_path, value in _household_answers(households, children):
        start = time.perf_counter()
        session.set(answer_path, value)
        timings.append((time.perf_counter() - start) * 1000)
    expected = sum(1 for h in range(1, households + 1) for c in range(1, children + 1) if (h + c) % 3)
    assert session.value("/data/total_vaccinated") == str(expected), "the form did not settle"
    assert session.errors() == [], session.errors()[:3]
    ordered = sorted(timings)
    return {
        "households": households, "children_each": children, "answers": len(timings),
        "open_ms": round(open_ms, 1),
        "first_answer_ms": round(timings[0], 3),
        "median_ms": round(statistics.median(timings), 4),
        "p99_ms": round(ordered[int(len(ordered) * 0.99) - 1], 4),
        "max_ms": round(ordered[-1], 4),
    }


def largest_corpus_form() -> pathlib.Path:
    candidates = sorted(CORPUS.glob("*/*.xls*")) + sorted(CORPUS.glob("*/*.md")) + sorted(CORPUS.glob("*/*.csv"))
    sized = []
    for path in candidates:
        if "invalid" in path.parent.name:
            continue
        form = load_form(path)
        try:
            _ = form.compiled
        except FormError:
            continue  # bad_calc.xlsx: loads, but its calculation is not an expression
        sized.append((len(form.questions()), path))
    return max(sized)[1]


def main() -> None:
    results = {}
    largest = largest_corpus_form()
    with tempfile.TemporaryDirectory() as folder:
        generated = generated_form(pathlib.Path(folder) / "bench_1000.xlsx")
        for label, path in (("largest_corpus_form", largest), ("generated_1000", generated)):
            form = load_form(path)
            results[label] = {
                "file": path.name,
                "questions": len(form.questions()),
                "load_median": time_load(path),
                "recompute": time_recompute(path),
            }
        nested = nested_repeats_form(pathlib.Path(folder) / "bench_households.xlsx")
        results["nested_repeats"] = {"file": nested.name, "load_median": time_load(nested),
                                     "fill": time_nested_fill(nested)}
    json.dump(results, sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    main()
