"""What the services ask of records (fieldkit.store.records): visits a coordinator has yet to
review as possible duplicates, their marks, and the instance this device last saved."""

import sqlite3

import pytest

from fieldkit.store import DATABASE_FILE, Store, records
from fieldkit.store.records import RecordVisit
from fieldkit.store.values import Revision

HOAN_KIEM, BA_DINH = "00070", "00004"


@pytest.fixture
def store(tmp_path):
    with Store.open(data_dir=tmp_path) as store:
        yield store


def save(store, record_id, *, commune=HOAN_KIEM, form_id="f", parents=(), deleted=False,
         instance="<data/>") -> Revision:
    data = {"status": "draft", "answers": {}, "attachments": {}, "commune": commune, "province": "01",
            "error_count": 0, "instance_xml": instance}
    return store.commit_revision(record_id=record_id, parents=list(parents), form_id=form_id, form_version="1",
                                 data=data, author="Lan", action="save", deleted=deleted).result()


def test_unreviewed_visits_are_live_records_of_a_commune_no_mark_names(store):
    save(store, "b", form_id="g")
    first = save(store, "a")
    save(store, "no commune", commune="")
    gone = save(store, "gone")
    save(store, "gone", parents=[gone.rev_id], deleted=True)
    save(store, "reviewed")
    store.writer.call(lambda connection: records.mark_duplicate(connection, record_id="reviewed",
                                                                duplicate_of=None, author="Hà"))
    with store.read() as connection:
        visits = records.unreviewed_visits(connection)
    assert visits == [RecordVisit("a", "f", HOAN_KIEM, "Lan", first.hlc),
                      RecordVisit("b", "g", HOAN_KIEM, "Lan", visits[1].updated)]


def test_a_later_duplicate_mark_replaces_an_earlier_one(store, tmp_path):
    for duplicate_of in ("a", None):
        store.writer.call(lambda connection, of=duplicate_of: records.mark_duplicate(
            connection, record_id="b", duplicate_of=of, author="Hà"))
    with sqlite3.connect(tmp_path / DATABASE_FILE) as connection:
        assert connection.execute("SELECT record_id, duplicate_of, author FROM duplicate_marks").fetchall() == [
            ("b", None, "Hà")]


def test_the_last_saved_instance_is_the_communes_else_any(store):
    save(store, "hoan kiem", instance="<data>1</data>")
    save(store, "ba dinh", commune=BA_DINH, instance="<data>2</data>")
    with store.read() as connection:
        def latest(**where):
            return records.last_saved_instance(connection, site_id=store.identity.site_id, form_id="f", **where)

        assert latest(commune=HOAN_KIEM) == "<data>1</data>"
        assert latest(commune="00001") == "<data>2</data>"  # nothing saved there: the latest anywhere
        assert latest() == "<data>2</data>"
        assert records.last_saved_instance(connection, site_id="b" * 32, form_id="f") is None
        assert records.last_saved_instance(connection, site_id=store.identity.site_id, form_id="g") is None

