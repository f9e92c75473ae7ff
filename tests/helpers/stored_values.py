"""A data folder whose stored answers hold what no form allows: numbers of any size, -0,
NaN, inf, 1e-400, text in number fields, lone surrogates, control characters, formulas,
JSON true/null/lists. The services refuse all of these at entry; an older version or
another tool writing the store may not, so they are written here straight into the
winning revisions' JSON with SQLite, as such a tool would."""

from __future__ import annotations

import json
import sqlite3

from fieldkit.store import DATABASE_FILE
from tests.helpers.report_answers import INFRASTRUCTURE, STAFFING, submit

TEN_TO_400 = "1" + "0" * 400
TEN_TO_5000 = "1" + "0" * 5000  # beyond the digits Python's int() reads from text
# name -> the JSON fragment stored as the value of every number, one text and one select answer
HOSTILE = {
    "ten_to_20": '"100000000000000000000"', "ten_to_400": f'"{TEN_TO_400}"', "raw_ten_to_400": TEN_TO_400,
    "raw_ten_to_5000": TEN_TO_5000, "raw_1e400": "1e400", "text_1e400": '"1e400"', "minus_zero": '"-0"',
    "raw_minus_zero": "-0", "nan": '"NaN"', "inf": '"inf"', "minus_infinity": '"-Infinity"',
    "tiny": '"1e-400"', "raw_tiny": "1e-400", "huge_float": '"1e308"', "words": '"about 12"',
    "surrogate": '"\\ud800 x \\udfff"', "control": '"\\u0007bell\\u000b\\u0000"', "formula": '"=HYPERLINK(\\"x\\")"',
    "true": "true", "null": "null", "list": "[1, 2]", "object": '{"a": 1e400}',
}
NUMBERS = {"int": ("/data/equipment/computers", "/data/total_staff"),
           "decimal": ("/data/network/tsl_bandwidth", "/data/services/records_digitised_pct")}
TEXT = ("/data/respondents[1]/respondent_name", "/data/roster[1]/name")
SELECT = ("/data/findings/problems", "/data/roster[1]/trainings")


def communes(survey, count: int) -> list[str]:
    return sorted(commune.code for commune in survey.communes.in_province("01"))[:count]


def fill_hostile(survey, data_dir) -> dict[str, str]:
    """One infrastructure and one staffing submission per HOSTILE value, each in its own
    commune of Hà Nội (01). Returns commune code -> the value's name."""
    made: dict[str, str] = {}
    rewritten: dict[str, str] = {}
    for (name, fragment), commune in zip(HOSTILE.items(), communes(survey, len(HOSTILE)), strict=True):
        for form_id, answers in (("commune_infrastructure", INFRASTRUCTURE), ("commune_staffing", STAFFING)):
            revision = submit(survey, form_id, commune, answers)
            rewritten[revision.rev_id] = _hostile_data(revision.data, fragment)
        made[commune] = name
    connection = sqlite3.connect(data_dir / DATABASE_FILE)
    with connection:
        connection.executemany("UPDATE revisions SET data = ? WHERE rev_id = ?",
                               [(text, rev_id) for rev_id, text in rewritten.items()])
    connection.close()
    return made


def _hostile_data(data: dict, fragment: str) -> str:
    """The revision's data as JSON text, the chosen answers replaced by `fragment` as is."""
    answers = dict(data["answers"])
    marker = '"@@hostile@@"'
    for path in (*NUMBERS["int"], *NUMBERS["decimal"], *TEXT, *SELECT):
        if path in answers:
            answers[path] = "@@hostile@@"
    return json.dumps({**data, "answers": answers}, ensure_ascii=True).replace(marker, fragment)
