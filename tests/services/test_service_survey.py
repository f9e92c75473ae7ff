"""A delegation member's day through the services: pick a commune, fill, save, finalize,
come back, correct. Real SQLite files in tmp_path."""

import pytest

from fieldkit.services import FinalizeError, StoreError, Submission, SurveyService
from tests.helpers.survey_data import BA_DINH, HOAN_KIEM, STAFFING_COMPLETE, watch_autosaves


def staffing(service, commune=HOAN_KIEM):
    return service.open_submission(form_id="commune_staffing", commune_code=commune)


def test_the_visit_context_is_remembered_across_restarts(service, data_dir):
    service.close()
    with SurveyService.open(data_dir) as reopened:
        assert reopened.visit.delegation == "Đoàn công tác số 1"
        assert reopened.visit.members == ["Nguyễn Văn A", "Trần Thị B"]
        assert reopened.author == "Nguyễn Văn A"


def test_the_catalog_lists_the_shipped_forms_with_their_titles(service):
    catalog = {entry.form_id: entry for entry in service.catalog()}
    assert sorted(catalog) == ["commune_infrastructure", "commune_staffing", "visit_minutes"]
    staffing_entry = catalog["commune_staffing"]
    assert staffing_entry.title_in("vi") == "Khảo sát nhân lực cấp xã"
    assert staffing_entry.title_in("en") == "Commune staffing survey"
    assert staffing_entry.path.name == "commune_staffing.xlsx"
    assert service.form("commune_staffing").version == staffing_entry.version


def test_a_new_submission_starts_with_the_commune_answered(service):
    submission = staffing(service)
    assert submission.session.value("/data/province") == "01"
    assert submission.session.value("/data/commune") == HOAN_KIEM
    assert submission.record_id is None
    assert service.communes.recent()[0].code == HOAN_KIEM


def test_every_change_is_in_the_working_copy_at_once(service, data_dir):
    submission = staffing(service)
    autosaves = watch_autosaves(submission)
    submission.set("/data/total_staff", 12)
    autosaves[-1].result()
    service.close()  # the lid closes, the battery dies: nothing was saved by hand

    with SurveyService.open(data_dir) as later:
        [pending] = later.pending_drafts()
        assert (pending.form_id, pending.commune_name, pending.author) == (
            "commune_staffing", "Phường Hoàn Kiếm", "Nguyễn Văn A")
        resumed = later.resume(pending.draft_id)
        assert resumed.session.value("/data/total_staff") == "12"
        assert resumed.dirty


def test_save_makes_a_revision_and_clears_the_working_copy(service):
    submission = staffing(service)
    submission.set("/data/total_staff", 12)
    first = submission.save().result()
    assert first.parents == () and first.status == "draft"
    assert first.answers["/data/total_staff"] == "12"
    assert service.pending_drafts() == []
    assert not submission.dirty

    submission.set("/data/it_staff", 1)
    second = submission.save().result()
    assert second.parents == (first.rev_id,) and second.record_id == first.record_id
    assert submission.save().result() == second  # nothing changed: no new revision


def test_saving_unchanged_answers_whose_revision_is_gone_fails_through_the_future(service):
    opened = staffing(service)
    submission = Submission(service=service, form=opened.form, session=opened.session, commune_code=HOAN_KIEM,
                            record_id="r-1", parent_rev="no-such-revision", parent_status="draft")
    fault = submission.save().exception()
    assert isinstance(fault, StoreError) and fault.kind == "unknown"
    assert fault.text("en") == "There is no submission r-1 in this data folder."


def test_finalize_is_refused_while_answers_are_missing_or_wrong(service):
    submission = staffing(service)
    submission.set("/data/total_staff", 2)
    submission.set("/data/it_staff", 5)
    refusal = submission.finalize()  # the refusal comes back through the Future, as a fault would
    with pytest.raises(FinalizeError) as refused:
        refusal.result(timeout=0)
    kinds = {path: kind for path, kind, _message in refused.value.errors}
    assert kinds["/data/it_staff"] == "constraint"
    assert kinds["/data/roster[1]/name"] == "required"
    assert service.submissions() == []


def test_finalize_with_every_answer_right(service):
    submission = staffing(service)
    submission.set_many(STAFFING_COMPLETE)
    revision = submission.finalize().result()
    assert revision.status == "finalized"
    [row] = service.submissions()
    assert (row.status, row.commune_name, row.province_name, row.author, row.form_title) == (
        "finalized", "Phường Hoàn Kiếm", "Thành phố Hà Nội", "Nguyễn Văn A", "Khảo sát nhân lực cấp xã")


def test_editing_a_finalized_submission_makes_a_new_revision_on_it(service):
    submission = staffing(service)
    submission.set_many(STAFFING_COMPLETE)
    finalized = submission.finalize().result()
    service.set_visit(delegation="Đoàn công tác số 1", at_keyboard="Trần Thị B").result()

    reopened = service.open_submission(record_id=finalized.record_id)
    assert reopened.session.value("/data/roster[1]/name") == "Nguyễn Thị Lan"
    reopened.set("/data/it_staff", 2)
    edited = reopened.finalize().result()
    assert edited.parents == (finalized.rev_id,)
    assert [(row["action"], row["author"]) for row in service.store.audit_log(finalized.record_id)] == [
        ("finalize", "Nguyễn Văn A"), ("edit", "Trần Thị B")]


def test_reopening_a_record_with_unsaved_changes_opens_those_changes(service):
    submission = staffing(service)
    autosaves = watch_autosaves(submission)
    submission.set("/data/total_staff", 5)
    record_id = submission.save().result().record_id
    submission.set("/data/total_staff", 6)
    autosaves[-1].result()
    assert service.open_submission(record_id=record_id).session.value("/data/total_staff") == "6"
    head = service.open_submission(record_id=record_id, resume_working_copy=False)
    assert head.session.value("/data/total_staff") == "5"


def test_discarding_a_working_copy_is_audited(service):
    submission = staffing(service)
    autosaves = watch_autosaves(submission)
    submission.set("/data/total_staff", 5)
    autosaves[-1].result()
    assert service.discard_draft(submission.draft_id).result() is True
    assert service.pending_drafts() == []
    [row] = service.store.audit_log()
    assert (row["action"], row["author"], row["detail"]["commune"]) == ("discard", "Nguyễn Văn A", HOAN_KIEM)


def test_the_communes_forms_show_their_status(service):
    statuses = lambda: {entry.form_id: status for entry, status, _record in service.commune_forms(HOAN_KIEM)}  # noqa: E731
    assert set(statuses().values()) == {"not_started"}

    working = staffing(service)
    autosaves = watch_autosaves(working)
    working.set("/data/total_staff", 5)
    autosaves[-1].result()
    assert statuses()["commune_staffing"] == "draft"

    working.set("/data/it_staff", 9)  # more IT staff than staff: a wrong answer
    working.save().result()
    assert statuses()["commune_staffing"] == "has_errors"

    working.set_many(STAFFING_COMPLETE)
    working.finalize().result()
    assert statuses() == {"commune_infrastructure": "not_started", "commune_staffing": "finalized",
                          "visit_minutes": "not_started"}


def test_a_second_submission_for_the_same_commune_and_form_is_flagged(service):
    first = staffing(service)
    first.set("/data/total_staff", 5)
    first_id = first.save().result().record_id
    other_commune = staffing(service, BA_DINH)
    other_commune.set("/data/total_staff", 5)
    other_commune.save().result()

    assert service.possible_duplicates(commune_code=HOAN_KIEM, form_id="commune_staffing") != []
    assert service.possible_duplicates(commune_code=HOAN_KIEM, form_id="commune_staffing", record_id=first_id) == []
    [duplicate] = service.possible_duplicates(commune_code=HOAN_KIEM, form_id="commune_staffing")
    assert duplicate.record_id == first_id


def test_the_submissions_browser_filters_and_searches(service):
    for commune in (HOAN_KIEM, BA_DINH):
        submission = staffing(service, commune)
        submission.set("/data/total_staff", 5)
        submission.save().result()
    assert [row.commune_name for row in service.submissions()] == ["Phường Ba Đình", "Phường Hoàn Kiếm"]
    assert [row.commune_code for row in service.submissions(text="hoàn KIEM")] == [HOAN_KIEM]
    assert [row.commune_code for row in service.submissions(commune=BA_DINH)] == [BA_DINH]
    assert len(service.submissions(province="01", status="draft", form_id="commune_staffing")) == 2
    assert service.submissions(status="finalized") == []
    assert service.submissions(text="nhan luc", lang="vi")[0].form_title == "Khảo sát nhân lực cấp xã"
    assert service.submissions(lang="en")[0].form_title == "Commune staffing survey"


def test_a_repeat_row_added_and_answered_comes_back(service):
    submission = staffing(service)
    assert submission.add_repeat("/data/roster") == 2
    submission.set("/data/roster[2]/name", "Lê Văn C")
    record_id = submission.save().result().record_id
    again = service.open_submission(record_id=record_id)
    assert again.session.repeat_count("/data/roster") == 2
    assert again.session.value("/data/roster[2]/name") == "Lê Văn C"


def infrastructure(service):
    return service.open_submission(form_id="commune_infrastructure", commune_code=HOAN_KIEM)


def test_a_resumed_working_copy_keeps_questions_hidden_by_relevance(service):
    submission = infrastructure(service)
    autosaves = watch_autosaves(submission)
    submission.set("/data/network/tsl_connected", "yes")
    submission.set("/data/network/tsl_bandwidth", 100)
    submission.set("/data/network/tsl_connected", "no")  # the bandwidth question is hidden now
    autosaves[-1].result()

    resumed = service.resume(service.pending_drafts()[0].draft_id)
    assert resumed.session.is_relevant("/data/network/tsl_bandwidth") is False
    resumed.set("/data/network/tsl_connected", "yes")  # shown again: what was typed is still there
    assert resumed.session.value("/data/network/tsl_bandwidth") == "100.0"  # a decimal, stored as ODK stores it


def test_a_saved_revision_reopens_with_hidden_questions_and_answers_only_relevant_ones(service):
    submission = infrastructure(service)
    submission.set("/data/network/tsl_connected", "no")
    revision = submission.save().result()
    assert "/data/network/tsl_bandwidth" not in revision.answers
    reopened = service.open_submission(record_id=revision.record_id)
    assert reopened.session.is_relevant("/data/network/tsl_bandwidth") is False
