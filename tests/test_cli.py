"""`fieldkit form check`, run as a user runs it: a real process on real files."""

import os
import pathlib
import subprocess
import sys

REPO = pathlib.Path(__file__).resolve().parents[1]
SHIPPED = sorted((REPO / "forms").glob("*.xlsx"))


def fieldkit(*arguments, lang="en"):
    environment = {**os.environ, "FIELDKIT_LANG": lang}
    return subprocess.run(
        [sys.executable, "-m", "fieldkit.cli", *map(str, arguments)],
        capture_output=True, text=True, env=environment, cwd=REPO,
    )


def test_check_prints_one_line_per_form_and_succeeds_when_all_load():
    result = fieldkit("form", "check", *SHIPPED)
    lines = result.stdout.splitlines()
    assert result.returncode == 0, result.stdout + result.stderr
    assert len(lines) == len(SHIPPED) == 3
    assert all(line.startswith("OK ") and "languages: Tiếng Việt (vi), English (en)" in line for line in lines)
    assert any("commune_staffing (version" in line and "1 repeats" in line for line in lines)


def test_check_names_the_sheet_and_row_of_a_broken_form(corpus_dir):
    broken = corpus_dir / "xlsforms" / "pyxform-invalid" / "gps.csv"
    result = fieldkit("form", "check", SHIPPED[0], broken)
    assert result.returncode == 1
    first, second = result.stdout.splitlines()
    assert first.startswith("OK ")
    assert second == f"ERROR {broken}: sheet 'survey', row 2: The survey element named 'location' has no label or hint."


def test_check_reports_a_broken_expression_with_its_field(corpus_dir):
    result = fieldkit("form", "check", corpus_dir / "xlsforms" / "pyxform" / "bad_calc.xlsx")
    assert result.returncode == 1
    assert "/data/badcalc: calculate expression" in result.stdout


def test_check_speaks_vietnamese_by_default():
    result = fieldkit("form", "check", SHIPPED[0], lang="")
    assert result.stdout.startswith("ĐẠT ") and "câu hỏi" in result.stdout


def test_a_missing_file_is_an_error_not_a_traceback(tmp_path):
    result = fieldkit("form", "check", tmp_path / "nowhere.xlsx")
    assert result.returncode == 1
    assert "there is no such file" in result.stdout and "Traceback" not in result.stderr


def test_a_reader_that_stops_reading_gets_no_traceback():
    """`fieldkit form check forms/* | head -1`: the reader went away before the output came."""
    process = subprocess.Popen([sys.executable, "-m", "fieldkit.cli", "--lang", "en", "form", "check", *SHIPPED],
                               cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    process.stdout.close()  # before the command has printed anything
    with process.stderr:
        stderr = process.stderr.read().decode()
    assert process.wait(timeout=60) == 1
    assert stderr == ""
