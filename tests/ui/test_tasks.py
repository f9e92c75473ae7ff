"""fieldkit.ui.tasks: work off the GUI thread, results and errors back on it."""

import concurrent.futures
import threading

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication

from fieldkit.ui import tasks


def gui_thread():
    return QApplication.instance().thread()


def test_run_calls_off_the_gui_thread_and_delivers_on_it(qtbot):
    seen = {}

    def work(a, b=0):
        seen["worker"] = QThread.currentThread()
        return a + b

    task = tasks.run(work, 2, b=3)
    with qtbot.waitSignal(task.succeeded, timeout=5000) as blocker:
        task.succeeded.connect(lambda _result: seen.setdefault("delivered", QThread.currentThread()))
    assert blocker.args == [5]
    assert seen["worker"] is not gui_thread()
    assert seen["delivered"] is gui_thread()
    qtbot.waitUntil(lambda: not tasks.busy())


def test_run_delivers_the_exception(qtbot):
    def work():
        raise ValueError("boom")

    task = tasks.run(work)
    with qtbot.waitSignal(task.failed, timeout=5000) as blocker:
        pass
    assert isinstance(blocker.args[0], ValueError)


def test_await_future_completed_by_another_thread(qtbot):
    future = concurrent.futures.Future()
    task = tasks.await_future(future)
    threading.Timer(0.05, future.set_result, args=("done",)).start()
    with qtbot.waitSignal(task.succeeded, timeout=5000) as blocker:
        pass
    assert blocker.args == ["done"]


def test_await_future_failure(qtbot):
    future = concurrent.futures.Future()
    task = tasks.await_future(future)
    future.set_exception(OSError(28, "No space left on device"))
    with qtbot.waitSignal(task.failed, timeout=5000) as blocker:
        pass
    assert isinstance(blocker.args[0], OSError)


def test_delivery_is_never_synchronous(qtbot):
    """An already-done future still delivers later, from the event loop."""
    future = concurrent.futures.Future()
    future.set_result(1)
    got = []
    task = tasks.await_future(future).then(got.append)
    assert got == []
    qtbot.waitUntil(lambda: got == [1])
    assert task.done


def test_a_failure_nobody_handles_goes_to_the_excepthook(qtbot, monkeypatch):
    reported = []
    monkeypatch.setattr("sys.excepthook", lambda *info: reported.append(info[1]))
    tasks.run(lambda: 1 / 0)
    qtbot.waitUntil(lambda: bool(reported), timeout=5000)
    assert isinstance(reported[0], ZeroDivisionError)


@pytest.mark.parametrize("count", [50])
def test_many_tasks_all_delivered(qtbot, count):
    results = []
    for number in range(count):
        tasks.run(lambda n=number: n * n).then(results.append)
    qtbot.waitUntil(lambda: len(results) == count, timeout=5000)
    assert sorted(results) == [n * n for n in range(count)]
    assert not tasks.busy()


def test_many_signals_emitted_from_python_do_not_abort_the_interpreter(qtbot):
    """PySide6 6.12.0 drops a reference to True on every Python emit(); before Python
    3.12 that aborted the interpreter after a few thousand: pyproject excludes it."""
    import sys

    from PySide6.QtCore import QObject, Signal

    class Emitter(QObject):
        changed = Signal(str)

    emitter = Emitter()
    seen = []
    emitter.changed.connect(seen.append)
    before = sys.getrefcount(True)
    for number in range(20_000):
        emitter.changed.emit(str(number))
    assert len(seen) == 20_000
    assert sys.getrefcount(True) >= before  # PySide6 6.12.0 leaked one per emit
