"""The one way the GUI does disk-bound work: off the GUI thread, result back on it.

`run(fn, ...)` calls `fn` on a worker of a small thread pool; `await_future(future)` waits
for a `concurrent.futures.Future` (the store's writer thread completes those). Either
way the caller gets a `Task` whose `succeeded(result)` or `failed(error)` signal fires
on the GUI thread, always later (never inside the call), so callers need not care
whether the work was already done.

Why signals and not callbacks from the worker: Qt widgets may only be touched from the
GUI thread. The worker emits a private signal of a QObject that lives in the GUI thread;
Qt queues it there.
"""

from __future__ import annotations

import atexit
import concurrent.futures
import logging
import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import SIGNAL, QObject, QRunnable, Qt, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

# Disk reads are short and SQLite readers do not scale with threads: a few are enough.
_MAX_WORKERS = 4
_pool: QThreadPool | None = None
# Tasks in flight. Python must keep a reference until delivery, or the QObject (and its
# queued signal) would be collected with the caller's local variable.
_pending: set[Task] = set()


def pool() -> QThreadPool:
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(_MAX_WORKERS)
        atexit.register(_release_pool)
    return _pool


def _release_pool() -> None:
    """At exit, before the interpreter tears modules down: let the workers end and
    drop the pool while Qt and Python are both still whole."""
    global _pool
    if _pool is not None:
        _pool.waitForDone(10_000)
        _pool = None
    _pending.clear()


class Task(QObject):
    """One background operation. Connect to `succeeded` / `failed` right after creating it:
    delivery is queued, so nothing is emitted before control returns to the event loop."""

    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()  # after either, for "busy" indicators
    _delivered = Signal(object, object)  # (result, error), emitted from any thread

    def __init__(self, description: str = ""):
        super().__init__()
        self.description = description
        self.done = False
        # Queued even when emitted from the GUI thread: delivery is always asynchronous.
        self._delivered.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        _pending.add(self)

    def then(self, on_success: Callable[[Any], None] | None = None,
             on_error: Callable[[BaseException], None] | None = None) -> Task:
        if on_success is not None:
            self.succeeded.connect(on_success)
        if on_error is not None:
            self.failed.connect(on_error)
        return self

    def _report(self, result, error) -> None:
        """Called from a worker or the store's writer thread."""
        self._delivered.emit(result, error)

    @Slot(object, object)
    def _deliver(self, result, error) -> None:
        self.done = True
        _pending.discard(self)
        if error is not None:
            if not self.receivers(SIGNAL("failed(PyObject)")):
                # Nobody listens: an unexpected error must not vanish silently; the
                # excepthook logs it and shows the crash dialog.
                sys.excepthook(type(error), error, error.__traceback__)
            self.failed.emit(error)
        else:
            self.succeeded.emit(result)
        self.finished.emit()


class _Call(QRunnable):
    def __init__(self, task: Task, fn: Callable, args, kwargs):
        super().__init__()
        self.task, self.fn, self.args, self.kwargs = task, fn, args, kwargs

    def run(self) -> None:
        try:
            result = self.fn(*self.args, **self.kwargs)
        except BaseException as error:  # delivered to the GUI thread, not lost in the pool
            self.task._report(None, error)
        else:
            self.task._report(result, None)


def run(fn: Callable, *args, description: str = "", **kwargs) -> Task:
    """Call `fn(*args, **kwargs)` on a worker thread."""
    task = Task(description or getattr(fn, "__qualname__", repr(fn)))
    pool().start(_Call(task, fn, args, kwargs))
    return task


def await_future(future: concurrent.futures.Future, description: str = "") -> Task:
    """Deliver a Future's result or exception on the GUI thread."""
    task = Task(description or "future")

    def done(finished: concurrent.futures.Future) -> None:
        if finished.cancelled():
            task._report(None, concurrent.futures.CancelledError())
            return
        error = finished.exception()
        task._report(None if error else finished.result(), error)

    future.add_done_callback(done)
    return task


def busy() -> bool:
    """True while any task awaits delivery (tests wait for `not busy()`)."""
    return bool(_pending)


def wait_for_workers(msecs: int = 10_000) -> bool:
    """At exit: let running workers finish before the service they use is closed."""
    return pool().waitForDone(msecs)


class Progress(QObject):
    """A progress callback for work on a worker thread: calling it from the worker emits
    `progressed(values)` on the GUI thread, since the object lives there and Qt queues
    the signal (the same delivery as a Task's result)."""

    progressed = Signal(object)

    def __call__(self, *values) -> None:
        self.progressed.emit(values)
