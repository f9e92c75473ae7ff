"""Issue 10, item 1: one far-future timestamp must not break a coordinator for good.

A laptop whose clock says the year 31 million saves a submission (its own store holds it,
as a coordinator's did before the fix) and exports a bundle; a coordinator imports it with
the command line. Every command on either data folder keeps working; the coordinator
refuses the revision as a clock error (fieldkit.store.hlc.MAX_PHYSICAL_MS: the year 9999).
"""

import json

import pytest

from fieldkit.store import Store
from fieldkit.store.hlc import HybridLogicalClock
from tests.helpers.reliability_cli import fieldkit, submit

FAR = 999_999_999_999_999_999  # the hlc 999999999999999999.000000 and on


@pytest.fixture
def far_laptop(tmp_path):
    """A laptop with a real form and submission, then an edit saved while its clock said
    the year 31 million; and a bundle of both."""
    data_dir = tmp_path / "lan"
    assert submit(data_dir).returncode == 0
    with Store.open(data_dir=data_dir) as store:
        store.clock = HybridLogicalClock(wall_ms=lambda: FAR)
        [record] = store.records()
        head = store.revision(record.winner_rev)
        store.commit_revision(record_id=record.record_id, parents=[head.rev_id], form_id=head.form_id,
                              form_version=head.form_version, data=head.data, author="lan",
                              action="save").result()
        fingerprint = store.identity.fingerprint
    assert fieldkit(data_dir, "bundle", "export", tmp_path / "far.fkb").returncode == 0
    return data_dir, tmp_path / "far.fkb", fingerprint


@pytest.mark.parametrize("form", ["csv", "xlsx", "json"])
def test_a_stored_far_future_revision_never_makes_a_command_fail(far_laptop, tmp_path, form):
    data_dir, _bundle, _fingerprint = far_laptop
    listed = fieldkit(data_dir, "records", "--json")
    assert listed.returncode == 0, listed.stderr
    [row] = json.loads(listed.stdout)
    assert row["updated"].startswith("9999-01-01")  # the latest time there is, not a traceback
    assert fieldkit(data_dir, "records").returncode == 0
    exported = fieldkit(data_dir, "export", "--format", form, "--out", tmp_path / f"out.{form}")
    assert exported.returncode == 0, exported.stderr


def test_a_coordinator_refuses_the_far_future_revision_as_a_clock_error(far_laptop, tmp_path):
    _data_dir, bundle, fingerprint = far_laptop
    coordinator = tmp_path / "coordinator"
    assert fieldkit(coordinator, "trust", fingerprint).returncode == 0
    imported = fieldkit(coordinator, "bundle", "import", "--json", bundle)
    assert "after the year 9999" in imported.stdout + imported.stderr
    assert "Traceback" not in imported.stderr
    listed = fieldkit(coordinator, "records", "--json")
    assert listed.returncode == 0 and json.loads(listed.stdout) == []
    assert fieldkit(coordinator, "export", "--format", "csv", "--out", tmp_path / "out").returncode == 0
    vietnamese = fieldkit(coordinator, "bundle", "import", bundle, lang="vi")
    assert "sau năm 9999" in vietnamese.stdout + vietnamese.stderr
