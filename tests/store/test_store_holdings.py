"""What the store holds of the revisions, as sync reads it: by id and by slot, without a
gap, as evidence, counted and digested, and what an export reads."""

import threading

import pytest

from fieldkit.store import Store, evidence, holdings, pending, sync_state
from fieldkit.store import revisions as revs
from fieldkit.store.outgoing import FormDocument, form_document, revisions_beyond
from fieldkit.store.snapshot import snapshot
from fieldkit.store.tables import put_form

SITE = "b" * 32


@pytest.fixture
def store(tmp_path):
    with Store.open(data_dir=tmp_path) as store:
        yield store


def read(store, fn):
    with store.read() as connection:
        return fn(connection)


def revision(seq, *, record_id="r1", parents=(), site_id=SITE, answer="1"):
    return revs.make_revision(record_id=record_id, parents=list(parents), site_id=site_id, seq=seq,
                              hlc=f"2026-01-01T00:00:{seq:02d}.000Z-0000", form_id="f", form_version="1",
                              data={"status": "draft", "answers": {"/data/x": answer}}, author="Minh",
                              sign=lambda message: b"\0" * 64)


def stored(store, *made):
    def insert(connection):
        revs.insert_revisions(connection, [one.as_dict() for one in made])
        for record_id in {one.record_id for one in made}:
            revs.materialize(connection, record_id)

    store.writer.call(insert)
    return made


def test_stored_ids_in_batches_beyond_one_query(store):
    made = stored(store, *(revision(seq, record_id=f"r{seq}") for seq in range(1, 603)))
    asked = [one.rev_id for one in made[::2]] + ["0" * 64]
    assert read(store, lambda c: holdings.stored_ids(c, asked)) == set(asked[:-1])


def test_slots_stored_and_received(store):
    first, _second = stored(store, revision(1), revision(2, parents=[]))
    waiting = revision(4)
    store.writer.call(lambda c: pending.hold_pending(c, revision=waiting.as_dict(), bundle_id="b"))
    assert read(store, lambda c: holdings.stored_slots(c, site_id=SITE, low=1, high=1)) == {1: first.rev_id}
    received = read(store, lambda c: holdings.received_slots(c, site_id=SITE, low=2, high=9))
    assert sorted(received) == [2, 4] and received[4] == waiting.rev_id


def test_holdings_stop_at_the_first_gap_and_gaps_count_pending_as_received(store):
    stored(store, revision(1), revision(2), revision(5))
    store.writer.call(lambda c: pending.hold_pending(c, revision=revision(3).as_dict(), bundle_id="b"))
    assert read(store, holdings.holdings) == {SITE: 2}
    assert read(store, holdings.gaps) == {SITE: [[4, 4]]}
    assert read(store, lambda c: holdings.gaps(c, site_ids=["c" * 32])) == {}


def test_evidence_names_the_smaller_revision_and_is_kept_once(store):
    one, other = sorted([revision(1, answer="a"), revision(1, answer="b")], key=lambda made: made.rev_id)
    stored(store, one)
    for _twice in range(2):
        store.writer.call(lambda c: evidence.record_evidence(c, kept=one.rev_id, other=other.as_dict(), bundle_id="b"))
    slots = read(store, evidence.equivocations)
    assert slots == [evidence.Equivocation(site_id=SITE, seq=1, device="", kept=one.rev_id,
                                           others=(other.rev_id,))]
    assert read(store, lambda c: evidence.evidence_ids(c, [other.rev_id, one.rev_id])) == {other.rev_id}
    assert read(store, sync_state.sync_counts).tampering == 1


def test_a_revision_withdrawn_into_the_evidence_is_no_longer_stored(store):
    made, = stored(store, revision(1))
    store.writer.call(lambda c: evidence.withdraw_stored(c, rev_id=made.rev_id))
    assert read(store, lambda c: holdings.stored_ids(c, [made.rev_id])) == set()


def test_counts_digest_inputs_and_conflicts(store):
    root, = stored(store, revision(1))
    left, right = stored(store, revision(2, parents=[root.rev_id], answer="2"),
                         revision(3, parents=[root.rev_id], answer="3"))
    stored(store, revision(4, record_id="r2"))
    counts = read(store, sync_state.sync_counts)
    assert (counts.revisions, counts.records, counts.deleted, counts.conflicts) == (4, 2, 0, 1)
    assert (counts.devices, counts.trusted_devices, counts.revoked_devices) == (1, 1, 0)
    assert read(store, lambda c: list(sync_state.sorted_rev_ids(c))) == sorted(
        made.rev_id for made in (root, left, right, *read(store, lambda c: revs.record_revisions(c, "r2"))))
    heads = dict(read(store, lambda c: list(sync_state.sorted_record_heads(c))))
    assert sorted(heads["r1"]) == sorted([left.rev_id, right.rev_id])
    assert read(store, sync_state.conflicted_records) == ["r1"]


def test_a_bundle_imported_again_replaces_its_row(store):
    for new in (3, 0):
        store.writer.call(lambda c, new=new: sync_state.record_bundle_imported(
            c, bundle_id="b1", site_id=SITE, fingerprint="f" * 64, new=new, present=3 - new, pending=0))
    rows = read(store, lambda c: c.execute("SELECT bundle_id, new, present FROM bundles_imported").fetchall())
    assert rows == [("b1", 0, 3)]


def test_revisions_beyond_what_was_acknowledged_in_stored_order(store):
    later, = stored(store, revision(3, site_id="c" * 32))
    first, second = stored(store, revision(1), revision(2))
    every = read(store, lambda c: list(revisions_beyond(c, acknowledged={})))
    assert [made.rev_id for made in every] == [later.rev_id, first.rev_id, second.rev_id]
    assert every[0] == later
    beyond = read(store, lambda c: list(revisions_beyond(c, acknowledged={SITE: 1, "c" * 32: 3})))
    assert [made.rev_id for made in beyond] == [second.rev_id]


def test_a_form_document_as_a_bundle_carries_it(store):
    store.writer.call(lambda c: put_form(c, form_id="f", version="1", title={"vi": "Phiếu"}, xform="<h/>",
                                         source_sha256=None))
    assert read(store, lambda c: form_document(c, form_id="f", version="1")) == FormDocument(
        title={"vi": "Phiếu"}, xform="<h/>")
    assert read(store, lambda c: form_document(c, form_id="f", version="2")) is None


def test_a_snapshot_sees_one_state_while_the_writer_commits(store):
    stored(store, revision(1))
    with snapshot(store) as connection:
        before = list(sync_state.sorted_rev_ids(connection))
        done = threading.Event()
        store.writer.submit(lambda c: revs.insert_revision(c, revision(2))).add_done_callback(lambda _f: done.set())
        assert done.wait(10)  # the writer is not blocked by the reader
        assert list(sync_state.sorted_rev_ids(connection)) == before
    assert len(read(store, lambda c: list(sync_state.sorted_rev_ids(c)))) == 2
