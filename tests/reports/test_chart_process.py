"""Charts drawn in their own process (issue 12, memory): the same images as drawn here,
matplotlib and numpy never loaded by the process that builds the summary, the child
gone once the summary is built, and charts still drawn when no child can run."""

import io
import subprocess
import sys
import textwrap

import pytest
from PIL import Image

from fieldkit.reports import chart_drawing, chart_process, charts

BARS = {"title": "Thiết bị của xã", "labels": ["Máy tính", "Máy quét", "Chữ ký số"],
        "series": [("Xã", [12.0, 3.0, None]), ("Trung vị tỉnh", [10.0, 4.0, 2.0])], "limit": None}


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.0f} %"


def bars_in_child() -> bytes:
    return charts.horizontal_bars(**BARS, value_text=percent)


def bars_drawn_here() -> bytes:
    texts = [[percent(value) for value in values] for _name, values in BARS["series"]]
    return chart_drawing.draw("horizontal_bars", {**BARS, "value_texts": texts})


@pytest.fixture
def process(monkeypatch):
    """A chart process of the test's own, nothing kept from other tests."""
    fresh = chart_process.ChartProcess()
    monkeypatch.setattr(charts, "_process", fresh)
    return fresh


def test_a_chart_drawn_in_the_child_is_the_image_drawn_here(process):
    drawn = bars_in_child()
    assert drawn == bars_drawn_here()
    image = Image.open(io.BytesIO(drawn))
    assert image.format == "PNG" and image.size[0] == 6.4 * chart_drawing.DPI


@pytest.mark.parametrize("chart, arguments", [
    (charts.histogram, {"title": "Số lần mất kết nối", "values": [0, 1, 1, 3, 8], "x_label": "Lần", "y_label": "Xã"}),
    (charts.vertical_bars, {"title": "Độ phủ", "labels": ["Hà Nội", "Cao Bằng"], "values": [80, 20],
                            "y_label": "%", "limit": 100}),
    (charts.box_plots, {"title": "Phân bố", "labels": ["Số hoá"], "values": [[10, 20, 30, 90]], "x_label": "%"}),
])
def test_every_kind_of_chart_comes_back_as_a_png(process, chart, arguments):
    assert Image.open(io.BytesIO(chart(**arguments))).format == "PNG"


def test_the_child_lives_while_the_summary_is_built_and_ends_with_it(process):
    with charts.drawing():
        child = process._child
        assert child is not None and child.poll() is None
        bars_in_child()
        bars_in_child()
        assert process._child is child  # one child for every chart of the summary
    assert not process.running
    assert child.wait(5) is not None


def test_a_chart_drawn_before_is_kept_and_needs_no_child(process, monkeypatch):
    first = bars_in_child()
    monkeypatch.setattr(chart_process.ChartProcess, "_start", lambda _self: pytest.fail("a child started"))
    assert bars_in_child() == first


def test_when_no_child_can_start_the_chart_is_drawn_here(process, monkeypatch, caplog):
    monkeypatch.setattr(sys, "executable", "/nonexistent/python")
    assert bars_in_child() == bars_drawn_here()
    assert "no chart process" in caplog.text


def test_when_the_child_dies_the_summary_s_charts_are_drawn_here(process, caplog):
    with charts.drawing():
        process._child.kill()
        assert bars_in_child() == bars_drawn_here()
    assert "the chart process failed" in caplog.text
    assert not process.running


def test_a_fault_in_drawing_is_raised_with_the_child_s_traceback(process):
    with pytest.raises(TypeError) as raised:
        process.draw("histogram", {"title": "no values"})
    assert any("In the chart process" in note for note in raised.value.__notes__)


def test_a_summary_built_leaves_matplotlib_and_numpy_out_of_this_process(tmp_path):
    """In a fresh Python, as the window's process is: a summary with its charts."""
    script = textwrap.dedent("""
        import sys
        from fieldkit.reports import charts
        png = charts.histogram(title="Số máy tính", values=[3, 5, 5, 9], x_label="Máy", y_label="Xã")
        print(png[:8] == b"\\x89PNG\\r\\n\\x1a\\n", "matplotlib" in sys.modules, "numpy" in sys.modules)
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["True", "False", "False"]


def test_only_the_last_charts_are_kept(process, monkeypatch):
    monkeypatch.setattr(chart_process, "CACHED_CHARTS", 2)
    for values in ([1.0], [2.0], [3.0], [1.0]):
        charts.histogram(title="Số máy", values=values, x_label="Máy", y_label="Xã")
    assert len(process._cache) == 2
    monkeypatch.setattr(chart_process, "CACHED_CHARTS", 0)
    assert charts.histogram(title="Số máy", values=[4.0], x_label="Máy", y_label="Xã").startswith(b"\x89PNG")
    assert len(process._cache) == 0
