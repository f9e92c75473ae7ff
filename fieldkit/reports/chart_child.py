"""The chart process's own side (`python -m fieldkit.reports.chart_child`, started by
fieldkit.reports.chart_process): requests read from stdin, PNGs written to stdout, as
pickles. It imports only what drawing needs: its memory is counted beside the window's.
"""

from __future__ import annotations

import os
import pickle
import sys
import traceback
from typing import BinaryIO

from fieldkit.reports import chart_drawing


def serve(requests: BinaryIO, replies: BinaryIO) -> None:
    """(kind, arguments) in, (True, PNG bytes) or (False, the error) out, until the
    input ends (the parent ended this process, or ended)."""
    chart_drawing.prepare()
    while True:
        try:
            kind, arguments = pickle.load(requests)
        except EOFError:
            return
        try:
            reply = (True, chart_drawing.draw(kind, arguments))
        except Exception as error:  # a fault in drawing: the parent raises it, with this traceback
            error.add_note("In the chart process:\n" + "".join(traceback.format_exception(error)))
            reply = (False, error)
        try:
            data = pickle.dumps(reply)
        except Exception:  # an error that does not pickle
            data = pickle.dumps((False, RuntimeError(reply[1].__notes__[-1])))
        replies.write(data)
        replies.flush()


def main() -> None:
    """Replies go on a copy of stdout; stdout itself then points at stderr, so that
    nothing printed while drawing (a library's warning) mixes with them."""
    replies = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    serve(sys.stdin.buffer, replies)


if __name__ == "__main__":
    main()
