"""The chart process: the charts of a summary are drawn in a child process, started as
the summary starts to be built and ended once it is built.

matplotlib and numpy take about 50 MB that a process never gives back once they are
loaded; drawn in a child, they never load in the window's process (issue 12: under
250 MB all day). The child starts with the summary, so it loads them while the
summary's figures are read, and ends with it, before the window lays the pages out.
A chart drawn once is kept (the last CACHED_CHARTS, about 1 MB): a summary previewed
again, or saved as PDF after its preview, needs no child.

A plain child Python (`python -m fieldkit.reports.chart_child`; in a frozen build, the
executable itself with FIELDKIT_CHILD=chart in its environment), not multiprocessing's
"spawn": that would also start its resource tracker, a process of 15 MB that stays for
the rest of the day, and import the window's main module again. Requests and PNGs go
as pickles over the child's stdin and stdout. Summaries built at the same time share
one child. If no child can start, or one dies, the charts are drawn in this process,
as they were before.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import pickle
import subprocess
import sys
import threading
from collections import OrderedDict
from collections.abc import Iterator
from pathlib import Path

import fieldkit
from fieldkit.reports import chart_drawing

log = logging.getLogger(__name__)
CACHED_CHARTS = 32  # a form summary has one chart per numeric question, the others two or three
STOP_SECONDS = 5


def child_command() -> tuple[list[str], dict[str, str]]:
    """The chart process's command and environment. A frozen build's executable is the
    app, which runs no `-m module`: started with FIELDKIT_CHILD=chart in its environment,
    its entry point (packaging/entry.py) serves charts instead."""
    if getattr(sys, "frozen", False):
        return [sys.executable], {**os.environ, "FIELDKIT_CHILD": "chart"}
    here = str(Path(fieldkit.__file__).resolve().parents[1])  # this fieldkit, wherever it was imported from
    path = os.pathsep.join(filter(None, (here, os.environ.get("PYTHONPATH"))))
    return [sys.executable, "-m", "fieldkit.reports.chart_child"], {**os.environ, "PYTHONPATH": path}


class ChartProcess:
    """The child that draws, kept while at least one summary is being built."""

    def __init__(self) -> None:
        self._lock = threading.Lock()  # the child's state, and one request at a time on its pipes
        self._child: subprocess.Popen[bytes] | None = None
        self._users = 0
        self._broken = False  # no child this time: charts drawn here until the last summary is done
        self._cache: OrderedDict[bytes, bytes] = OrderedDict()

    @contextlib.contextmanager
    def kept(self) -> Iterator[None]:
        """The child, started now if it is not running, kept until the block ends."""
        with self._lock:
            self._users += 1
            if self._child is None and not self._broken:
                self._start()
        try:
            yield
        finally:
            with self._lock:
                self._users -= 1
                if self._users == 0:
                    self._stop()
                    self._broken = False

    def draw(self, kind: str, arguments: dict) -> bytes:
        """Chart `kind` of chart_drawing as PNG bytes, drawn in the child (or kept from before)."""
        key = hashlib.sha256(repr((kind, sorted(arguments.items()))).encode()).digest()
        with self._lock:
            png = self._cache.get(key)
            if png is not None:
                self._cache.move_to_end(key)  # the last used, last
                return png
        with self.kept(), self._lock:
            png = self._draw_in_child(kind, arguments)
            if png is None:
                png = chart_drawing.draw(kind, arguments)
            self._cache[key] = png
            while len(self._cache) > CACHED_CHARTS:
                self._cache.popitem(last=False)
            return png

    @property
    def running(self) -> bool:
        return self._child is not None

    def _draw_in_child(self, kind: str, arguments: dict) -> bytes | None:
        """The PNG from the child; None when it cannot draw (could not start, died)."""
        child = self._child
        if child is None or child.stdin is None or child.stdout is None:
            return None
        try:
            pickle.dump((kind, arguments), child.stdin)
            child.stdin.flush()
            drawn, result = pickle.load(child.stdout)
        except (EOFError, OSError, pickle.UnpicklingError) as error:  # it died (killed, out of memory)
            log.warning("the chart process failed (%r): charts drawn in this process", error)
            self._stop()
            self._broken = True
            return None
        if not drawn:
            raise result
        return result

    def _start(self) -> None:
        command, environment = child_command()
        try:
            self._child = subprocess.Popen(
                command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=environment,
                creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0))
        except OSError as error:  # no process could start (no memory, a locked-down system)
            log.warning("no chart process (%s): charts drawn in this process", error)
            self._broken = True

    def _stop(self) -> None:
        """The child ended at once: it holds nothing worth a clean exit (one still loading
        matplotlib, for a summary whose charts were all kept, is not waited for)."""
        child, self._child = self._child, None
        if child is None:
            return
        child.terminate()
        for pipe in (child.stdin, child.stdout):
            with contextlib.suppress(OSError):
                pipe.close()
        with contextlib.suppress(subprocess.TimeoutExpired):
            child.wait(STOP_SECONDS)
