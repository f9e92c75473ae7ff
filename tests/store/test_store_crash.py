"""A laptop whose battery dies mid-save: the file stays sound and the last committed
working copy is there, whole."""

import random
import xml.etree.ElementTree as ElementTree

from fieldkit.store import Store
from tests.helpers.store_crash import DRAFT_ID, integrity, kill_at_random_moment, read_drafts, sqlite_rows, start_child

ROUNDS = 24


def test_autosaves_survive_sigkill_at_random_moments(tmp_path):
    rng = random.Random(20261126)
    database = tmp_path / "fieldkit.sqlite3"
    for round_number in range(ROUNDS):
        printed = kill_at_random_moment(start_child("autosave-loop", str(tmp_path)), rng=rng)
        last_committed = int(printed[-1])

        assert integrity(database) == "ok", f"round {round_number}"
        draft = read_drafts(database)[DRAFT_ID]
        # the child printed only after the commit returned: that one (or a later one) is on disk
        assert int(draft["author"]) >= last_committed
        assert ElementTree.fromstring(draft["instance_xml"]).findtext("n") == draft["author"]


def test_revisions_survive_sigkill_with_records_matching_them(tmp_path):
    rng = random.Random(7)
    database = tmp_path / "fieldkit.sqlite3"
    for round_number in range(ROUNDS):
        printed = kill_at_random_moment(start_child("save-loop", str(tmp_path)), rng=rng)

        assert integrity(database) == "ok", f"round {round_number}"
        seqs = [seq for (seq,) in sqlite_rows(database, "SELECT seq FROM revisions ORDER BY seq")]
        assert seqs == list(range(1, len(seqs) + 1))  # no gap, nothing half-written
        assert seqs[-1] >= int(printed[-1])

    stored = sqlite_rows(database, "SELECT * FROM records ORDER BY record_id")
    with Store.open(data_dir=tmp_path) as store:
        store.rebuild_records().result()
    assert sqlite_rows(database, "SELECT * FROM records ORDER BY record_id") == stored
