"""Helpers for store-level tests, also for the GUI's crash test to reuse.

Import as `from tests.helpers.store_crash import ...`.

- `integrity(path)`: PRAGMA integrity_check of a database file, "ok" when sound.
- `read_drafts(path)`: the working copies in a database file, read with plain sqlite3.
- `sqlite_rows(path, sql)`: any query on a database file, connection closed after.
- `start_child(...)` and `kill_at_random_moment(child, rng=...)`: run a child process
  that writes in a loop and SIGKILL it at a random moment; the lines it printed.
- Run as a module it is that child: `python -m tests.helpers.store_crash autosave-loop DATA_DIR`
  autosaves one draft forever, printing each number once it is committed;
  `save-loop DATA_DIR` saves revisions of five records, printing each committed seq.
"""

from __future__ import annotations

import contextlib
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tests.helpers.children import start_helper

DRAFT_ID = "crash-test-draft"


def sqlite_rows(path: Path, sql: str, parameters=()) -> list[tuple]:
    with contextlib.closing(sqlite3.connect(path)) as connection:
        return connection.execute(sql, parameters).fetchall()


def integrity(path: Path) -> str:
    return "\n".join(row[0] for row in sqlite_rows(path, "PRAGMA integrity_check"))


def read_drafts(path: Path) -> dict[str, dict]:
    with contextlib.closing(sqlite3.connect(path)) as connection:
        connection.row_factory = sqlite3.Row
        return {row["draft_id"]: dict(row) for row in connection.execute("SELECT * FROM drafts")}


def draft_xml(number: int) -> str:
    """A working copy the size of a real one (a few kB), numbered."""
    padding = "".join(f"<q{index}>câu trả lời {index} của bản {number}</q{index}>" for index in range(60))
    return f'<data id="crash"><n>{number}</n>{padding}</data>'


def start_child(*arguments: str, env: dict | None = None) -> subprocess.Popen:
    return start_helper("store_crash", *arguments, env={**os.environ, **(env or {})})


def kill_at_random_moment(child: subprocess.Popen, *, rng: random.Random, max_delay: float = 0.25) -> list[str]:
    """Wait for the child's first committed line, SIGKILL it a random moment later;
    every line it printed (each names a committed write)."""
    first = child.stdout.readline()
    if not first:
        child.wait()
        raise AssertionError(f"the child died before writing: {child.stderr.read()}")
    time.sleep(rng.uniform(0, max_delay))
    child.send_signal(signal.SIGKILL)
    rest, _errors = child.communicate()
    return [first.strip(), *rest.split()]


def autosave_loop(data_dir: Path) -> None:
    """The child: autosave one draft as fast as possible; print each committed number."""
    from fieldkit.store import Store

    store = Store.open(data_dir=data_dir)
    previous = read_drafts(store.path).get(DRAFT_ID)
    number = int(previous["author"]) + 1 if previous else 0
    while True:
        futures = []
        for _burst in range(random.randint(1, 4)):  # bursts exercise coalescing
            draft = {"draft_id": DRAFT_ID, "form_id": "crash", "form_version": "1",
                     "instance_xml": draft_xml(number), "author": str(number)}
            futures.append(store.autosave_draft(draft_id=DRAFT_ID, make_draft=lambda draft=draft: draft))
            number += 1
        futures[-1].result()
        print(number - 1, flush=True)


def save_loop(data_dir: Path) -> None:
    """The child: save revisions of a few records as fast as possible; print each
    committed revision's seq."""
    from fieldkit.store import Store

    store = Store.open(data_dir=data_dir)
    heads: dict[str, list[str]] = {}
    for record in store.records():
        heads[record.record_id] = [record.winner_rev]
    number = 0
    while True:
        record_id = f"record-{number % 5}"
        data = {"status": "draft", "answers": {"/data/n": str(number)}, "commune": "00070",
                "instance_xml": draft_xml(number)}
        revision = store.commit_revision(record_id=record_id, parents=heads.get(record_id, []), form_id="crash",
                                         form_version="1", data=data, author="crash", action="save").result()
        heads[record_id] = [revision.rev_id]
        print(revision.seq, flush=True)
        number += 1


if __name__ == "__main__":
    {"autosave-loop": autosave_loop, "save-loop": save_loop}[sys.argv[1]](Path(sys.argv[2]))
