"""The single writer thread: it owns the only connection that writes.

Every write is a function `fn(connection)` run inside one IMMEDIATE transaction: it
commits whole or leaves the file as it was. `submit(fn)` returns a Future at once, so
the GUI thread never waits on the disk. Autosaves of a working copy pass a `key`: when
several autosaves of the same draft are waiting, only the latest is written (its Future
and the older ones all complete with it), and it moves to the back of the queue so it
is written after anything submitted before it (e.g. the photo it refers to).
"""

from __future__ import annotations

import collections
import sqlite3
import threading
from collections.abc import Callable, Hashable
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from fieldkit.store.errors import as_store_error

T = TypeVar("T")


@dataclass
class _Task:
    # Any: the queue holds tasks of every result type; submit() ties each to its Future's
    fn: Callable[[sqlite3.Connection], Any]
    key: Hashable | None = None
    on_commit: Callable[[Any], None] | None = None
    transaction: bool = True
    futures: list[Future[Any]] = field(default_factory=list)
    superseded: bool = False


_STOP = _Task(fn=lambda connection: None)  # put in the queue by close(): the thread ends there


class WriterClosed(RuntimeError):
    pass


class Writer:
    def __init__(self, connect: Callable[[], sqlite3.Connection], *, path: Path, name: str = "fieldkit-writer"):
        self._connect = connect
        self._path = path
        self._queue: collections.deque[_Task] = collections.deque()
        self._waiting_by_key: dict[Hashable, _Task] = {}
        self._condition = threading.Condition()
        self._closed = False
        self._ready: Future[None] = Future()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()
        self._ready.result()  # re-raises a connection that cannot be opened

    # -- callers' side ------------------------------------------------------------------

    def submit(self, fn: Callable[[sqlite3.Connection], T], *, key: Hashable | None = None,
               on_commit: Callable[[T], None] | None = None, transaction: bool = True) -> Future[T]:
        """Run `fn(connection)` in a transaction on the writer thread; its Future.
        `on_commit(result)` runs on the writer thread after the commit, before the next
        write: for state that later writes read. `transaction=False` runs `fn` bare, for
        the few statements that cannot run in a transaction (some PRAGMAs, VACUUM)."""
        future: Future[T] = Future()
        with self._condition:
            if self._closed:
                raise WriterClosed("the store is closed")
            task = _Task(fn, key, on_commit, transaction, [future])
            earlier = self._waiting_by_key.get(key) if key is not None else None
            if earlier is not None:
                earlier.superseded = True
                task.futures = earlier.futures + task.futures
            if key is not None:
                self._waiting_by_key[key] = task
            self._queue.append(task)
            self._condition.notify()
        return future

    def call(self, fn: Callable[[sqlite3.Connection], T], *, transaction: bool = True) -> T:
        """submit(fn) and wait: for the CLI, tests and start-up, never the GUI thread."""
        return self.submit(fn, transaction=transaction).result()

    def close(self) -> None:
        """Write everything submitted so far, then stop the thread and close the connection."""
        with self._condition:
            if self._closed:
                return
            self._closed = True
            self._queue.append(_STOP)
            self._condition.notify()
        self._thread.join()

    # -- the thread --------------------------------------------------------------------

    def _run(self) -> None:
        try:
            connection = self._connect()
        except BaseException as error:  # noqa: BLE001 - handed to the opener
            self._ready.set_exception(as_store_error(error, self._path) or error)
            return
        self._ready.set_result(None)
        try:
            while (task := self._next()) is not _STOP:
                self._execute(connection, task)
        finally:
            connection.close()

    def _next(self) -> _Task:
        with self._condition:
            while True:
                while not self._queue:
                    self._condition.wait()
                task = self._queue.popleft()
                if task is _STOP or not task.superseded:
                    if task is not _STOP and task.key is not None:
                        self._waiting_by_key.pop(task.key, None)
                    return task

    def _execute(self, connection: sqlite3.Connection, task: _Task) -> None:
        if not any(future.set_running_or_notify_cancel() for future in list(task.futures)):
            return
        try:
            result = run_in_transaction(connection, task.fn) if task.transaction else task.fn(connection)
            if task.on_commit is not None:
                task.on_commit(result)
        except BaseException as error:  # noqa: BLE001 - every failure goes to the caller
            failure = as_store_error(error, self._path) or error
            for future in task.futures:
                if not future.done():
                    future.set_exception(failure)
            return
        for future in task.futures:
            if not future.done():
                future.set_result(result)


def run_in_transaction(connection: sqlite3.Connection, fn: Callable[[sqlite3.Connection], T]) -> T:
    """fn(connection) between BEGIN IMMEDIATE and COMMIT; rolled back on any failure."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        result = fn(connection)
        connection.execute("COMMIT")
    except BaseException:
        if connection.in_transaction:
            try:
                connection.execute("ROLLBACK")
            except sqlite3.Error:
                pass  # SQLite rolls back by itself when the file is gone or full
        raise
    return result
