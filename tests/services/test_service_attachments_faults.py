"""Photos stored once by content; faults met while filling leave the answers in memory."""

import os
import textwrap

import pytest

from fieldkit.services import StoreError
from tests.helpers.survey_data import HOAN_KIEM, watch_autosaves

PHOTO_FORM = textwrap.dedent("""\
    | survey   |         |         |                |
    |          | type    | name    | label          |
    |          | image   | photo   | Office photo   |
    |          | image   | sign    | Signboard      |
    |          | text    | note    | Note           |
    | settings |         |         |                |
    |          | form_id | version | form_title     |
    |          | photos  | 3       | Photos         |
    """)


@pytest.fixture
def photo_form(service, tmp_path):
    path = tmp_path / "photos.md"
    path.write_text(PHOTO_FORM, encoding="utf-8")
    return service.add_form(path)


def test_a_form_file_added_is_kept_in_the_store(service, photo_form):
    assert (photo_form.form_id, photo_form.version, photo_form.title) == ("photos", "3", {"": "Photos"})
    assert "photos" in {entry.form_id for entry in service.catalog()}
    assert service.form("photos", "3").id == "photos"


def test_an_attached_file_is_stored_once_and_named_in_the_answer(service, photo_form, tmp_path):
    picture = tmp_path / "IMG_0001.jpg"
    picture.write_bytes(b"\xff\xd8 jpeg bytes")
    other = tmp_path / "elsewhere" / "IMG_0001.jpg"
    other.parent.mkdir()
    other.write_bytes(b"\xff\xd8 another camera")

    submission = service.open_submission(form_id="photos", commune_code=HOAN_KIEM)
    assert submission.attach("/data/photo", picture) == "IMG_0001.jpg"
    assert submission.attach("/data/sign", other) == "IMG_0001-2.jpg"
    revision = submission.save().result()

    assert revision.answers["/data/photo"] == "IMG_0001.jpg"
    assert set(revision.attachments) == {"IMG_0001.jpg", "IMG_0001-2.jpg"}
    reopened = service.open_submission(record_id=revision.record_id)
    assert reopened.attachment("IMG_0001-2.jpg") == b"\xff\xd8 another camera"
    assert service.store.blob(revision.attachments["IMG_0001.jpg"]) == b"\xff\xd8 jpeg bytes"


def test_a_photo_that_does_not_fit_on_the_disk_is_kept_in_memory_until_it_does(service, photo_form, tmp_path):
    picture = tmp_path / "big.jpg"
    picture.write_bytes(os.urandom(300_000))
    submission = service.open_submission(form_id="photos", commune_code=HOAN_KIEM)
    autosaves = watch_autosaves(submission)
    fill_disk(service)
    assert submission.attach("/data/photo", picture) == "big.jpg"
    assert autosaves[-1].exception().kind == "disk_full"
    assert submission.attachment("big.jpg") == picture.read_bytes()

    fill_disk(service, 1_073_741_823)
    submission.autosave().result()
    digest = service.store.draft(submission.draft_id)["attachments"]["big.jpg"]
    assert service.store.blob(digest) == picture.read_bytes()


def test_attaching_a_missing_file_is_a_plain_error(service, photo_form, tmp_path):
    submission = service.open_submission(form_id="photos", commune_code=HOAN_KIEM)
    with pytest.raises(StoreError) as refused:
        submission.attach("/data/photo", tmp_path / "gone.jpg")
    assert "gone.jpg" in refused.value.text("en")
    assert submission.session.value("/data/photo") == ""


def fill_disk(service, pages=None):
    def limit(connection):
        count = pages or connection.execute("PRAGMA page_count").fetchone()[0]
        connection.execute(f"PRAGMA max_page_count = {count}")
    service.store.writer.call(limit, transaction=False)


def test_a_full_disk_keeps_the_answers_in_memory_and_a_retry_saves_them(service, photo_form):
    submission = service.open_submission(form_id="photos", commune_code=HOAN_KIEM)
    autosaves = watch_autosaves(submission)
    submission.set("/data/note", "trước")
    autosaves[-1].result()
    fill_disk(service)

    long_note = "ghi chú dài " * 20_000
    submission.set("/data/note", long_note)
    assert autosaves[-1].exception().kind == "disk_full"
    with pytest.raises(StoreError):
        submission.save().result()
    assert submission.session.value("/data/note") == long_note
    assert service.submissions() == []
    assert "trước" in service.store.draft(submission.draft_id)["instance_xml"]

    fill_disk(service, 1_073_741_823)  # the user freed some space
    submission.autosave().result()
    assert long_note in service.store.draft(submission.draft_id)["instance_xml"]
    revision = submission.save().result()
    assert revision.answers["/data/note"] == long_note
