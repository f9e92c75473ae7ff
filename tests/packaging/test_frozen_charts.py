"""The chart process in the frozen build (fieldkit.reports.chart_process): the executable
itself, started with FIELDKIT_CHILD=chart, draws the charts of a summary, so matplotlib
stays out of the window's process there too."""

import os
import pickle
import subprocess
from pathlib import Path

from fieldkit.reports import chart_drawing
from tests.helpers.pdf_text import pdf_text
from tests.helpers.processes import watch

HISTOGRAM = {"title": "Số lần mất kết nối trong tháng", "values": [0, 1, 1, 3, 8, 8, 12], "x_label": "Lần",
             "y_label": "Xã", "bins": 10}
STAFFING = Path(__file__).resolve().parents[2] / "forms" / "commune_staffing.xlsx"


def test_the_frozen_chart_process_draws_the_image_drawn_from_source(frozen_app):
    child = subprocess.run([frozen_app], input=pickle.dumps(("histogram", HISTOGRAM)), capture_output=True,
                           env={**os.environ, "FIELDKIT_CHILD": "chart"}, timeout=120)
    assert (child.returncode, child.stderr) == (0, b"")
    drawn, png = pickle.loads(child.stdout)
    assert drawn and png == chart_drawing.draw("histogram", HISTOGRAM)


def test_a_commune_record_printed_by_the_frozen_app_has_its_charts_drawn_in_the_chart_process(frozen_app,
                                                                                             tmp_path):
    data, answers, target = tmp_path / "data", tmp_path / "answers.json", tmp_path / "hoan-kiem.pdf"
    answers.write_text('{"/data/total_staff": 137, "/data/it_staff": 4}', encoding="utf-8")
    submitted = subprocess.run([frozen_app, "--data-dir", data, "submit", STAFFING, "--answers", answers,
                                "--commune", "00070"], capture_output=True, text=True, timeout=120)
    assert submitted.returncode == 0, submitted.stderr
    report = subprocess.Popen([frozen_app, "--data-dir", data, "report", "commune", "00070", "--out", target],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    children, stdout, stderr = watch(report, timeout=120)
    assert (report.returncode, stderr) == (0, ""), stderr  # no "charts drawn in this process" warning either
    started = [child for child in children if child.command[:1] == (str(frozen_app),)]  # not matplotlib's fc-list
    assert [(child.command, child.environment.get("FIELDKIT_CHILD")) for child in started] == [
        ((str(frozen_app),), "chart")]
    assert str(target) in stdout
    text = pdf_text(target)
    assert "Phường Hoàn Kiếm" in text and "137" in text.split()
