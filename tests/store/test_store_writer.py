"""The writer thread: one connection, one transaction per write, autosaves coalesced."""

import hashlib
import threading

import pytest

from fieldkit.store import Store


@pytest.fixture
def store(tmp_path):
    with Store.open(data_dir=tmp_path) as store:
        yield store


def draft(number, draft_id="d1"):
    return {"draft_id": draft_id, "form_id": "f", "form_version": "1", "instance_xml": f"<data>{number}</data>"}


def test_a_write_returns_a_future_with_its_result(store):
    future = store.put_blob(b"photo")
    assert future.result() == hashlib.sha256(b"photo").hexdigest()
    assert store.blob(future.result()) == b"photo"


def test_a_failing_write_leaves_nothing_behind(store):
    def half_done(connection):
        connection.execute("INSERT INTO settings (key, value) VALUES ('a', '1')")
        raise ValueError("stopped halfway")

    with pytest.raises(ValueError, match="stopped halfway"):
        store.writer.call(half_done)
    assert store.setting("a") is None


def test_writes_run_on_one_thread_in_the_order_submitted(store):
    seen = []

    def record(number):
        def write(connection):
            seen.append((number, threading.current_thread().name))
        return write

    futures = [store.writer.submit(record(number)) for number in range(20)]
    [future.result() for future in futures]
    assert [number for number, _thread in seen] == list(range(20))
    assert {thread for _number, thread in seen} == {"fieldkit-writer"}


def test_queued_autosaves_of_one_draft_are_written_once_with_the_latest_state(store):
    gate = threading.Event()
    blocker = store.writer.submit(lambda connection: gate.wait(5))  # hold the writer busy
    written = []

    def make(number):
        def make_draft():
            written.append(number)
            return draft(number)
        return make_draft

    futures = [store.autosave_draft(draft_id="d1", make_draft=make(number)) for number in range(10)]
    other = store.autosave_draft(draft_id="d2", make_draft=lambda: draft(0, "d2"))
    gate.set()
    blocker.result()
    assert all(future.result()["instance_xml"] == "<data>9</data>" for future in futures)
    other.result()
    assert written == [9]
    assert store.draft("d1")["instance_xml"] == "<data>9</data>"


def test_a_coalesced_autosave_moves_behind_writes_submitted_before_it(store):
    gate = threading.Event()
    store.writer.submit(lambda connection: gate.wait(5))
    order = []
    store.autosave_draft(draft_id="d1", make_draft=lambda: order.append("autosave 1") or draft(1))
    store.writer.submit(lambda connection: order.append("photo"))
    last = store.autosave_draft(draft_id="d1", make_draft=lambda: order.append("autosave 2") or draft(2))
    gate.set()
    last.result()
    assert order == ["photo", "autosave 2"]


def test_close_writes_everything_queued_first(tmp_path):
    store = Store.open(data_dir=tmp_path)
    for number in range(50):
        store.put_setting(f"key{number}", number)
    store.close()
    with Store.open(data_dir=tmp_path) as reopened:
        assert reopened.setting("key49") == 49
