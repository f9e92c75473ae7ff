"""One `Status` StrEnum: what is stored and what is exported stays the same text."""

import json
import sqlite3

from fieldkit.reports.export import STATUSES, export_submissions
from fieldkit.services import Status
from fieldkit.store import DATABASE_FILE, revision_id
from tests.helpers.survey_data import HOAN_KIEM, STAFFING_COMPLETE


def test_a_status_is_its_text():
    assert [str(status) for status in Status] == ["not_started", "draft", "finalized", "has_errors"]
    assert json.dumps({"status": Status.HAS_ERRORS}) == '{"status": "has_errors"}'
    assert STATUSES == ("draft", "finalized", "has_errors") and all(type(text) is str for text in STATUSES)


def _finalized(service) -> dict:
    submission = service.open_submission(form_id="commune_staffing", commune_code=HOAN_KIEM)
    for path, value in STAFFING_COMPLETE.items():
        submission.set(path, value)
    return submission.finalize().result()


def test_a_saved_status_is_stored_as_plain_text(service, data_dir):
    revision = _finalized(service)
    assert revision.status == Status.FINALIZED
    as_text = {**revision.as_dict(), "data": {**revision.data, "status": "finalized"}}
    assert revision_id(as_text) == revision.rev_id  # the signed content is the same text
    with sqlite3.connect(data_dir / DATABASE_FILE) as connection:
        stored = connection.execute("SELECT json_extract(data, '$.status'), typeof(json_extract(data, '$.status')) "
                                    "FROM revisions WHERE rev_id = ?", (revision.rev_id,)).fetchone()
        record = connection.execute("SELECT status, typeof(status) FROM records").fetchone()
    assert stored == ("finalized", "text") and record == ("finalized", "text")


def test_exported_json_names_the_status_as_before(service, tmp_path):
    _finalized(service)
    export_submissions(service, format="json", out=tmp_path / "a.json", status=Status.FINALIZED)
    text = (tmp_path / "a.json").read_text(encoding="utf-8")
    [submission] = json.loads(text)
    assert submission["_status"] == "finalized" and '"_status": "finalized"' in text
    assert [row.status for row in service.submissions()] == ["finalized"]
    entries = {entry.form_id: (status, record) for entry, status, record in service.commune_forms(HOAN_KIEM)}
    assert entries["commune_staffing"][0] == Status.FINALIZED and entries["visit_minutes"] == (Status.NOT_STARTED, None)
