"""Drawing the charts as PNG bytes: matplotlib `Figure` and the Agg canvas, never pyplot
(it keeps global state and may pick a GUI backend). This runs in the chart process
(fieldkit.reports.chart_process), so matplotlib and numpy never load in the window's;
its arguments are plain data (texts, numbers), as they cross from one process to the
other. `fieldkit.reports.charts` is what the summaries call.

Labels use the shipped Noto Sans, registered with matplotlib's font manager once, so
Vietnamese diacritics print as they do in the text. matplotlib shares its font cache
and text layout between figures, so charts are drawn one at a time (a lock: drawing
falls back to the calling process when no chart process can start).
"""

from __future__ import annotations

import io
import textwrap
import threading

from fieldkit.paths import resources_dir
from fieldkit.reports.html import printable

FONT_FAMILY = "Noto Sans"
DPI = 150
COLOURS = ("#2f6f9f", "#e3a33b", "#7a9f3a", "#a8483e")
_lock = threading.Lock()
_fonts_registered = False


def _register_fonts() -> None:
    global _fonts_registered
    if _fonts_registered:
        return
    from matplotlib import font_manager

    for path in sorted((resources_dir() / "fonts").glob("NotoSans-*.ttf")):
        font_manager.fontManager.addfont(str(path))
    _fonts_registered = True


def _figure(width: float, height: float, *, layout: str | None = "constrained"):
    """A figure on its own Agg canvas; `layout=None` for fixed margins (faster to draw:
    constrained layout measures every label first)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    _register_fonts()
    figure = Figure(figsize=(width, height), dpi=DPI, layout=layout)
    FigureCanvasAgg(figure)
    return figure


def _png(figure) -> bytes:
    """Drawn with an ASCII hyphen for negative ticks: Noto Sans has no U+2212 minus sign,
    and matplotlib would warn and draw a box. (rcParams are global: callers hold _lock.)"""
    from matplotlib import rc_context

    buffer = io.BytesIO()
    with rc_context({"axes.unicode_minus": False}):
        figure.savefig(buffer, format="png", dpi=DPI)
    return buffer.getvalue()


def _style(axes, title: str) -> None:
    axes.set_title(printable(title), fontfamily=FONT_FAMILY, fontsize=10, fontweight="bold")
    axes.spines[["top", "right"]].set_visible(False)
    for label in axes.get_xticklabels() + axes.get_yticklabels():
        label.set_fontfamily(FONT_FAMILY)
        label.set_fontsize(8)


def _wrapped(labels: list[str], width: int = 34) -> list[str]:
    labels = [printable(label) for label in labels]
    return ["\n".join(textwrap.wrap(label, width)) or label for label in labels]


def prepare() -> None:
    """What every chart needs loaded (matplotlib, the fonts): done while the summary's
    figures are still being read, before its first chart is asked for."""
    with _lock:
        figure = _figure(1, 1, layout=None)
        figure.text(0.5, 0.5, "Đ", fontfamily=FONT_FAMILY)  # the font file read and its glyphs cached
        _png(figure)


def draw(kind: str, arguments: dict) -> bytes:
    """The chart `kind` ("horizontal_bars", "histogram"...) drawn from `arguments`."""
    return CHARTS[kind](**arguments)


def horizontal_bars(*, title: str, labels: list[str], series: list[tuple[str, list[float | None]]],
                    value_texts: list[list[str]], limit: float | None = None) -> bytes:
    """One bar per label for each series (name, values); `value_texts`: each series'
    figures written beside its bars; `limit`: the axis maximum (100 for percentages)."""
    with _lock:
        rows = len(labels)
        height = 0.9 + 0.38 * rows * max(1, len(series)) ** 0.7 + (0.3 if len(series) > 1 else 0)
        figure = _figure(6.4, height, layout=None)
        # fixed margins: room for labels wrapped to 34 characters, the title, the legend
        figure.subplots_adjust(left=0.36, right=0.95, top=1 - 0.45 / height,
                               bottom=(0.75 if len(series) > 1 else 0.35) / height)
        axes = figure.add_subplot()
        bar = 0.8 / len(series)
        for number, ((name, values), texts) in enumerate(zip(series, value_texts, strict=True)):
            positions = [row + (number - (len(series) - 1) / 2) * bar for row in range(rows)]
            drawn = [value or 0 for value in values]
            bars = axes.barh(positions, drawn, height=bar * 0.92, color=COLOURS[number % len(COLOURS)],
                             label=name)
            axes.bar_label(bars, labels=texts, padding=3, fontsize=7, fontfamily=FONT_FAMILY)
        axes.set_yticks(range(rows), _wrapped(labels))
        axes.invert_yaxis()
        top = max([value or 0 for _name, values in series for value in values] + [limit or 1])
        axes.set_xlim(0, (limit if limit is not None else top) * 1.12 or 1)
        # every bar carries its figure: no value axis to read (and less text to draw)
        axes.xaxis.set_visible(False)
        axes.spines["bottom"].set_visible(False)
        axes.tick_params(axis="y", length=0)
        if len(series) > 1:  # below the bars, never over them
            figure.legend(prop={"family": FONT_FAMILY, "size": 8}, loc="lower center", ncols=len(series))
        _style(axes, title)
        return _png(figure)


def histogram(*, title: str, values: list[float], x_label: str, y_label: str, bins: int = 10) -> bytes:
    """A histogram of numeric answers (whole-number bins for small integer ranges)."""
    with _lock:
        figure = _figure(6.0, 2.6, layout=None)
        figure.subplots_adjust(left=0.1, right=0.97, top=0.86, bottom=0.2)
        axes = figure.add_subplot()
        low, high = min(values), max(values)
        whole = all(float(value).is_integer() for value in values)
        if whole and high - low <= 25:
            edges = [low - 0.5 + step for step in range(int(high - low) + 2)]
            axes.hist(values, bins=edges, color=COLOURS[0], edgecolor="white")
        else:
            axes.hist(values, bins=bins if high > low else 1, color=COLOURS[0], edgecolor="white")
        axes.set_xlabel(x_label, fontfamily=FONT_FAMILY, fontsize=8)
        axes.set_ylabel(y_label, fontfamily=FONT_FAMILY, fontsize=8)
        axes.yaxis.get_major_locator().set_params(integer=True)
        _style(axes, title)
        return _png(figure)


def vertical_bars(*, title: str, labels: list[str], values: list[float], y_label: str,
                  limit: float | None = None) -> bytes:
    """One bar per label (many labels: a province each), names turned to fit."""
    with _lock:
        figure = _figure(9.0, 3.6)
        axes = figure.add_subplot()
        axes.bar(range(len(labels)), values, color=COLOURS[0])
        axes.set_xticks(range(len(labels)), [printable(label) for label in labels], rotation=60, ha="right")
        axes.set_ylabel(y_label, fontfamily=FONT_FAMILY, fontsize=8)
        if limit is not None:
            axes.set_ylim(0, limit)
        _style(axes, title)
        for label in axes.get_xticklabels():
            label.set_fontsize(7)
        return _png(figure)


def box_plots(*, title: str, labels: list[str], values: list[list[float]], x_label: str) -> bytes:
    """The spread of each indicator across communes (median, quartiles, whiskers at 1.5 IQR)."""
    with _lock:
        figure = _figure(6.4, 0.8 + 0.45 * len(labels))
        axes = figure.add_subplot()
        kept = [(label, data) for label, data in zip(labels, values, strict=True) if data]
        axes.boxplot([data for _label, data in kept], **_horizontal(), widths=0.5,
                     medianprops={"color": COLOURS[1], "linewidth": 2}, patch_artist=True,
                     boxprops={"facecolor": "#dbe7f0", "edgecolor": COLOURS[0]})
        axes.set_yticks(range(1, len(kept) + 1), _wrapped([label for label, _data in kept]))
        axes.invert_yaxis()
        axes.set_xlabel(x_label, fontfamily=FONT_FAMILY, fontsize=8)
        _style(axes, title)
        return _png(figure)


def _horizontal() -> dict:
    """Horizontal boxes: `orientation` from matplotlib 3.10, `vert` (deprecated there) before."""
    import matplotlib

    major, minor = (int(part) for part in matplotlib.__version__.split(".")[:2])
    return {"orientation": "horizontal"} if (major, minor) >= (3, 10) else {"vert": False}


CHARTS = {"horizontal_bars": horizontal_bars, "histogram": histogram, "vertical_bars": vertical_bars,
          "box_plots": box_plots}
