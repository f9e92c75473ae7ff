"""What a program runs as children, read from /proc (Linux): for the tests of the frozen
build, which check which processes the executable starts (import workers, the chart
process) and that none of them is another copy of the app.

Import as `from tests.helpers.processes import Seen, watch`.
"""

from __future__ import annotations

import subprocess
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Seen:
    """A child process as it was seen running: its command line and environment."""

    pid: int
    command: tuple[str, ...]
    environment: dict[str, str]


def parent_of(pid: int) -> int | None:
    """The parent pid of a live process (None: gone, or a zombie: it runs no more)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return None if fields[0] == "Z" else int(fields[1])


def descendants(pid: int) -> set[int]:
    """Every live process under `pid`."""
    parents = {int(entry.name): parent_of(int(entry.name)) for entry in Path("/proc").iterdir()
               if entry.name.isdigit()}
    found, frontier = set(), {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def _read(pid: int) -> Seen | None:
    try:
        command = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        environment = Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
    except OSError:  # it ended meanwhile
        return None
    pairs = (item.decode(errors="replace").partition("=") for item in environment if item)
    return Seen(pid, tuple(part.decode(errors="replace") for part in command if part),
                {name: value for name, _equals, value in pairs})


def watch(process: subprocess.Popen, *, timeout: float) -> tuple[list[Seen], str, str]:
    """Every child `process` starts until it ends, as last seen (read again at each poll:
    a child just forked still shows its parent's command), and the process's stdout and
    stderr. Polled: a child that lives less than the poll interval can be missed, which
    the tests' children (workers for a whole import, the chart process for a whole
    summary) never do."""
    seen: dict[int, Seen] = {}
    deadline = time.monotonic() + timeout
    while process.poll() is None:
        if time.monotonic() > deadline:
            process.kill()
            raise AssertionError(f"still running after {timeout} s: {process.args}")
        for pid in descendants(process.pid):
            found = _read(pid)
            if found is not None:
                seen[pid] = found
        time.sleep(0.02)  # another program's processes: nothing to wait on but the clock
    stdout, stderr = process.communicate()
    return list(seen.values()), stdout, stderr
