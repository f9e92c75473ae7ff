"""A laptop whose battery dies mid-save: the file stays sound and the last committed
working copy is there, whole."""

import random
import xml.etree.ElementTree as ElementTree

from store.helpers import DRAFT_ID, integrity, kill_at_random_moment, read_drafts, start_child

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
