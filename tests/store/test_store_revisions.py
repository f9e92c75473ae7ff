"""Revisions are immutable, content-addressed and signed; `records` is their pure function."""

import base64
import hashlib
import json

import pytest

from fieldkit.store import Store, canonical_json, revision_id
from fieldkit.store import revisions as revs
from fieldkit.store.identity import verify_signature


@pytest.fixture
def store(tmp_path):
    with Store.open(data_dir=tmp_path) as store:
        yield store


def save(store, record_id, *, parents=(), status="draft", commune="00070", deleted=False, author="Lan"):
    data = {"status": status, "answers": {"/data/x": "1"}, "attachments": {}, "commune": commune,
            "province": "01", "error_count": 0}
    return store.commit_revision(record_id=record_id, parents=list(parents), form_id="f", form_version="1",
                                 data=data, author=author, action="save", deleted=deleted).result()


def foreign_revision(store, record_id, *, parents, seq, hlc, deleted=False):
    """A revision made on another laptop, as an import would store it."""
    revision = revs.make_revision(record_id=record_id, parents=parents, site_id="b" * 32, seq=seq, hlc=hlc,
                                  form_id="f", form_version="1", data={"status": "draft", "commune": "00070"},
                                  deleted=deleted, author="Minh", sign=lambda message: b"\0" * 64)

    def insert(connection):
        revs.insert_revision(connection, revision)
        revs.materialize(connection, record_id)

    store.writer.call(insert)
    return revision


def test_the_revision_id_is_the_hash_of_its_canonical_json(store):
    revision = save(store, "r1")
    body = {key: value for key, value in revision.as_dict().items() if key not in ("rev_id", "sig")}
    expected = hashlib.sha256(json.dumps(body, sort_keys=True, separators=(",", ":"),
                                         ensure_ascii=False).encode("utf-8")).hexdigest()
    assert revision.rev_id == expected == revision_id(revision.as_dict())
    assert canonical_json({"b": 1, "a": "ệ"}) == '{"a":"ệ","b":1}'.encode()


def test_revisions_are_signed_by_the_device(store):
    revision = save(store, "r1")
    signature = base64.b64decode(revision.sig)
    assert verify_signature(store.identity.public_key, signature, bytes.fromhex(revision.rev_id))
    assert revision.site_id == store.identity.site_id


def test_sequence_numbers_count_from_one_without_gaps(store):
    assert [save(store, f"r{number}").seq for number in range(5)] == [1, 2, 3, 4, 5]


def test_a_stored_revision_reads_back_identical(store):
    revision = save(store, "r1")
    assert store.revision(revision.rev_id) == revision


def test_records_show_the_head_of_a_chain_of_saves(store):
    first = save(store, "r1")
    second = save(store, "r1", parents=[first.rev_id], status="finalized", author="Minh")
    record = store.record("r1")
    assert record.winner_rev == second.rev_id
    assert record.heads == (second.rev_id,)
    assert (record.status, record.author, record.conflicts) == ("finalized", "Minh", 0)
    assert record.created == first.hlc and record.updated == second.hlc


def test_two_heads_are_a_conflict_with_the_latest_as_provisional_winner(store):
    base = save(store, "r1")
    mine = save(store, "r1", parents=[base.rev_id])
    theirs = foreign_revision(store, "r1", parents=[base.rev_id], seq=1, hlc="999999999999999999.000000")
    record = store.record("r1")
    assert record.conflicts == 1
    assert record.winner_rev == theirs.rev_id
    assert sorted(record.heads) == sorted([mine.rev_id, theirs.rev_id])


def test_edit_versus_delete_is_a_conflict_and_delete_alone_is_not(store):
    base = save(store, "r1")
    save(store, "r1", parents=[base.rev_id])
    foreign_revision(store, "r1", parents=[base.rev_id], seq=1, hlc="000000000000000001.000000", deleted=True)
    assert (store.record("r1").conflicts, store.record("r1").deleted) == (1, False)

    other = save(store, "r2")
    save(store, "r2", parents=[other.rev_id], deleted=True)
    assert (store.record("r2").conflicts, store.record("r2").deleted) == (0, True)
    assert [record.record_id for record in store.records()] == ["r1"]


def test_a_draft_with_wrong_answers_is_listed_as_has_errors(store):
    data = {"status": "draft", "answers": {}, "commune": "00070", "error_count": 2}
    store.commit_revision(record_id="r1", parents=[], form_id="f", form_version="1", data=data, author="Lan",
                          action="save").result()
    assert (store.record("r1").status, store.record("r1").error_count) == ("has_errors", 2)


def test_saving_from_an_older_revision_makes_a_second_head(store):
    base = save(store, "r1")
    save(store, "r1", parents=[base.rev_id])
    save(store, "r1", parents=[base.rev_id])  # e.g. a copy of the file edited on
    assert (len(store.record("r1").heads), store.record("r1").conflicts) == (2, 1)


def test_rebuilding_the_records_gives_the_same_rows(store):
    base = save(store, "r1")
    save(store, "r1", parents=[base.rev_id], status="finalized")
    save(store, "r1", parents=[base.rev_id])
    foreign_revision(store, "r1", parents=[base.rev_id], seq=1, hlc="999999999999999999.000000")
    save(store, "r2", commune="00004")
    gone = save(store, "r3")
    save(store, "r3", parents=[gone.rev_id], deleted=True)

    def all_rows():
        with store.read() as connection:
            return connection.execute("SELECT * FROM records ORDER BY record_id").fetchall()

    before = all_rows()
    assert [row[0] for row in before] == ["r1", "r2", "r3"]  # r3 is deleted, still a row
    store.writer.call(lambda connection: connection.execute("UPDATE records SET status = 'scrambled'"))
    assert store.rebuild_records().result() == 3
    assert all_rows() == before


def test_each_commit_is_audited_with_its_author(store):
    revision = save(store, "r1", author="Nguyễn Văn A")
    [row] = store.audit_log("r1")
    assert (row["author"], row["action"], row["rev_id"]) == ("Nguyễn Văn A", "save", revision.rev_id)
    assert row["detail"]["status"] == "draft"
