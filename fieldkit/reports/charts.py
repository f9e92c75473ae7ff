"""Charts as PNG bytes, for the summaries: drawn by matplotlib in the chart process
(fieldkit.reports.chart_process), so the window's process never loads it.

A summary builds inside `with charts.drawing():`, which starts the chart process as the
summary starts (it loads matplotlib while the figures are read) and ends it once the
summary is built. A chart asked for outside that block gets a process of its own.
Arguments go to the child as plain data: texts, numbers (hence `value_text` applied
here).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator

from fieldkit.reports.chart_process import ChartProcess

_process = ChartProcess()


@contextlib.contextmanager
def drawing() -> Iterator[None]:
    """The chart process kept for every chart drawn in the block."""
    with _process.kept():
        yield


def horizontal_bars(*, title: str, labels: list[str], series: list[tuple[str, list[float | None]]],
                    value_text: Callable[[float | None], str], limit: float | None = None) -> bytes:
    """One bar per label for each series (name, values); `value_text(value)` writes the
    figure beside each bar; `limit`: the axis maximum (100 for percentages)."""
    series = [(name, list(values)) for name, values in series]
    return _process.draw("horizontal_bars", {
        "title": title, "labels": list(labels), "series": series, "limit": limit,
        "value_texts": [[value_text(value) for value in values] for _name, values in series]})


def histogram(*, title: str, values: list[float], x_label: str, y_label: str, bins: int = 10) -> bytes:
    """A histogram of numeric answers (whole-number bins for small integer ranges)."""
    return _process.draw("histogram", {"title": title, "values": list(values), "x_label": x_label,
                                       "y_label": y_label, "bins": bins})


def vertical_bars(*, title: str, labels: list[str], values: list[float], y_label: str,
                  limit: float | None = None) -> bytes:
    """One bar per label (many labels: a province each), names turned to fit."""
    return _process.draw("vertical_bars", {"title": title, "labels": list(labels), "values": list(values),
                                           "y_label": y_label, "limit": limit})


def box_plots(*, title: str, labels: list[str], values: list[list[float]], x_label: str) -> bytes:
    """The spread of each indicator across communes (median, quartiles, whiskers at 1.5 IQR)."""
    return _process.draw("box_plots", {"title": title, "labels": list(labels),
                                       "values": [list(data) for data in values], "x_label": x_label})
