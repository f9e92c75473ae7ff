"""What the summaries and exports read (fieldkit.store.reports): typed submissions, the one
that counts per commune, and an export's selection read a batch at a time from one snapshot."""

import inspect

import pytest

from fieldkit.store import Store, records, reports
from fieldkit.store.records import Status
from fieldkit.store.reports import Selection, StoredSubmission
from fieldkit.store.values import Revision

HOAN_KIEM, BA_DINH = "00070", "00004"


@pytest.fixture
def store(tmp_path):
    with Store.open(data_dir=tmp_path) as store:
        yield store


def save(store, record_id, *, status=Status.DRAFT, commune=HOAN_KIEM, form_id="f", answers=None, parents=(),
         deleted=False) -> Revision:
    data = {"status": status, "answers": answers or {"/data/x": record_id}, "attachments": {}, "commune": commune,
            "province": "01", "error_count": 0}
    return store.commit_revision(record_id=record_id, parents=list(parents), form_id=form_id, form_version="3",
                                 data=data, author="Lan", action="save", deleted=deleted).result()


def mark(store, record_id, *, duplicate_of):
    store.writer.call(lambda connection: records.mark_duplicate(connection, record_id=record_id,
                                                                duplicate_of=duplicate_of, author="Hà"))


def test_a_finalized_submission_counts_before_a_later_draft_then_the_latest(store):
    save(store, "kept", status=Status.FINALIZED)
    save(store, "later draft")
    save(store, "older", commune=BA_DINH)
    save(store, "newer", commune=BA_DINH)
    with store.read() as connection:
        found = reports.submission_per_commune(connection, form_id="f")
    assert {code: submission.record_id for code, submission in found.items()} == {HOAN_KIEM: "kept",
                                                                                  BA_DINH: "newer"}
    kept = found[HOAN_KIEM]
    assert isinstance(kept, StoredSubmission)
    assert (kept.form_version, kept.province, kept.status, kept.author, kept.conflicts) == (
        "3", "01", "finalized", "Lan", 0)
    assert kept.answers == {"/data/x": "kept"}


def test_a_marked_duplicate_does_not_count_and_a_reviewed_pair_does(store):
    save(store, "first", commune=BA_DINH)
    save(store, "second", commune=BA_DINH)
    save(store, "third")
    save(store, "fourth")
    mark(store, "second", duplicate_of="first")
    mark(store, "fourth", duplicate_of=None)  # reviewed: both kept
    with store.read() as connection:
        found = reports.submission_per_commune(connection, form_id="f")
        every = reports.submissions_of_form(connection, form_id="f")
        in_commune = reports.submission_per_commune(connection, form_id="f", commune=HOAN_KIEM)
    assert {code: submission.record_id for code, submission in found.items()} == {BA_DINH: "first",
                                                                                  HOAN_KIEM: "fourth"}
    assert [submission.record_id for submission in every] == ["first", "third", "fourth"]  # oldest change first
    assert list(in_commune) == [HOAN_KIEM]


def test_deleted_records_and_other_forms_are_left_out(store):
    gone = save(store, "gone")
    save(store, "gone", parents=[gone.rev_id], deleted=True)
    save(store, "other form", form_id="g")
    with store.read() as connection:
        assert reports.submission_per_commune(connection, form_id="f") == {}
        assert reports.submissions_of_form(connection, form_id="f") == []
        assert reports.count_selected(connection, selection=Selection()) == 1


def test_an_export_reads_its_selection_a_batch_at_a_time(store):
    for number in range(5):
        save(store, f"r{number}", status=Status.FINALIZED if number % 2 else Status.DRAFT)
    save(store, "g0", form_id="g")
    with store.read() as connection:
        batches = reports.selected_submissions(connection, selection=Selection(), batch=2)
        assert inspect.isgenerator(batches)  # streamed: never the whole selection in a list
        sizes = [len(batch) for batch in batches]
        finalized = Selection(form_id="f", status=Status.FINALIZED)
        chosen = [submission.record_id for batch in reports.selected_submissions(connection, selection=finalized)
                  for submission in batch]
        assert reports.count_selected(connection, selection=finalized) == 2
        assert reports.selected_form_versions(connection, selection=Selection()) == {"f": ["3"], "g": ["3"]}
    assert sizes == [2, 2, 2]
    assert chosen == ["r1", "r3"]


def test_an_export_selects_by_the_time_of_the_last_change(store):
    save(store, "before")
    middle = save(store, "middle")
    save(store, "after")
    with store.read() as connection:
        def ids(selection):
            return [submission.record_id for batch in reports.selected_submissions(connection, selection=selection)
                    for submission in batch]

        assert ids(Selection(updated_from=middle.hlc)) == ["middle", "after"]
        assert ids(Selection(updated_before=middle.hlc)) == ["before"]


def test_a_held_snapshot_does_not_see_later_writes(store):
    save(store, "first")
    with store.read() as connection:
        reports.hold_snapshot(connection)
        assert reports.count_selected(connection, selection=Selection()) == 1
        save(store, "second")
        assert reports.count_selected(connection, selection=Selection()) == 1
    with store.read() as connection:
        assert reports.count_selected(connection, selection=Selection()) == 2


def test_a_draft_saved_on_a_finalized_submission_does_not_replace_it_in_print(store):
    finalized = save(store, "edited", status=Status.FINALIZED, answers={"/data/x": "as finalized"})
    save(store, "edited", parents=[finalized.rev_id], answers={"/data/x": "being corrected"})
    save(store, "never finalized", commune=BA_DINH, answers={"/data/x": "a draft"})
    with store.read() as connection:
        printed = reports.submission_per_commune(connection, form_id="f")
        with_drafts = reports.submission_per_commune(connection, form_id="f", drafts=True)
        every = reports.submissions_of_form(connection, form_id="f")
        edited = reports.finalized_then_edited(connection, ["edited", "never finalized"])
    kept = printed[HOAN_KIEM]
    assert kept.answers == {"/data/x": "as finalized"}
    assert kept.status == Status.DRAFT  # the record's, as the list shows it
    assert (kept.used.rev_id, kept.used.status, kept.used.saved, kept.used.author, kept.used.current) == (
        finalized.rev_id, Status.FINALIZED, finalized.hlc, "Lan", False)
    assert kept.used.device == store.identity.device_name
    assert with_drafts[HOAN_KIEM].answers == {"/data/x": "being corrected"}
    assert (with_drafts[HOAN_KIEM].used.status, with_drafts[HOAN_KIEM].used.current) == (Status.DRAFT, True)
    assert (printed[BA_DINH].answers, printed[BA_DINH].used.status) == ({"/data/x": "a draft"}, Status.DRAFT)
    assert [submission.answers["/data/x"] for submission in every] == ["as finalized", "a draft"]
    assert edited == {"edited"}


def test_a_record_finalized_then_edited_still_counts_before_a_later_draft(store):
    finalized = save(store, "edited", status=Status.FINALIZED)
    save(store, "edited", parents=[finalized.rev_id])
    save(store, "later draft")
    with store.read() as connection:
        assert reports.submission_per_commune(connection, form_id="f")[HOAN_KIEM].record_id == "edited"
