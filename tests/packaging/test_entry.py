"""The frozen app's entry point (packaging/entry.py), run from source: the command line
by default, the chart process when its environment says so; and the chart process of a
"frozen" fieldkit (sys.frozen) starting the executable itself with that marker. These
need no build."""

import io
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from fieldkit.reports import chart_drawing, chart_process, charts

REPO_ROOT = Path(__file__).resolve().parents[2]
ENTRY = REPO_ROOT / "packaging" / "entry.py"
BARS = {"title": "Máy tính của xã", "labels": ["Hoàn Kiếm", "Ba Đình"], "values": [12.0, 7.0], "y_label": "Máy",
        "limit": None}


def entry(*arguments: str, environment: dict[str, str] | None = None, stdin: bytes = b"") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ENTRY), *arguments], input=stdin, capture_output=True, cwd=REPO_ROOT,
                          env={**os.environ, **(environment or {})}, timeout=120)


def test_the_entry_point_runs_the_command_line():
    result = entry("--lang", "en", "--help")
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode().startswith("usage: fieldkit")


def test_with_the_chart_marker_the_entry_point_draws_charts_instead():
    result = entry("--help", environment={"FIELDKIT_CHILD": "chart"}, stdin=pickle.dumps(("vertical_bars", BARS)))
    assert (result.returncode, result.stderr) == (0, b"")
    drawn, png = pickle.loads(result.stdout)  # a pickle, not the command line's help
    assert drawn and png == chart_drawing.draw("vertical_bars", BARS)


@pytest.fixture
def frozen_executable(tmp_path, monkeypatch):
    """fieldkit as if frozen: sys.frozen set, and sys.executable a program that runs the
    entry point, as PyInstaller's executable does."""
    program = tmp_path / "fieldkit"
    program.write_text(f'#!/bin/sh\nexec "{sys.executable}" "{ENTRY}" "$@"\n', encoding="utf-8")
    program.chmod(0o755)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(program))
    process = chart_process.ChartProcess()
    monkeypatch.setattr(charts, "_process", process)
    return process


@pytest.mark.skipif(os.name == "nt", reason="the stand-in executable is a shell script")
def test_a_frozen_fieldkit_draws_its_charts_in_the_executable_marked_as_the_chart_process(frozen_executable):
    with charts.drawing():
        child = frozen_executable._child
        assert child is not None and child.args == [sys.executable]
        png = charts.vertical_bars(**BARS)
    assert png == chart_drawing.draw("vertical_bars", BARS)
    assert Image.open(io.BytesIO(png)).format == "PNG"
    assert child.wait(5) is not None  # ended with the summary
