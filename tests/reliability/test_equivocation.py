"""Issue 10, item 7: two copies of one laptop (one key) numbering different revisions alike.

The rule (docs/sync.md, "Equivocation"): of the revisions seen under one (site_id, seq)
the smallest rev_id is stored, the others are evidence; whatever the import order the
state is the same, both sides are kept, and nobody else's work is refused. The copies
are real copies of a laptop's data folder; the bundles are real files.
"""

import shutil

import pytest

from fieldkit.store.sites import ledger_dir
from tests.helpers.sync_devices import Device, records_equal_rebuild


def twins(tmp_path, name="lan"):
    """A laptop with one record, then its data folder copied: two laptops with one key and history."""
    laptop = Device(tmp_path, name)
    shared = laptop.save({"/data/staff": "1"})
    laptop.close()
    shutil.copytree(tmp_path / name, tmp_path / f"{name}-copy")
    # the copy is a disk image of the whole laptop, its record of the numbers issued
    # included (fieldkit.store.sites): nothing tells the two apart, so both number alike
    machine = tmp_path / f"{name}-copy-machine"
    shutil.copytree(ledger_dir(), machine)
    first = Device(tmp_path, name)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("FIELDKIT_STATE_DIR", str(machine))
        return first, Device(tmp_path, f"{name}-copy"), shared


@pytest.fixture
def world(tmp_path):
    first, second, shared = twins(tmp_path)
    assert first.fingerprint == second.fingerprint
    devices = [first, second]
    yield devices, shared
    for device in devices:
        device.close()


def coordinator_after(tmp_path, name, trusted, bundles):
    coordinator = Device(tmp_path, name)
    try:
        coordinator.trusts(*trusted)
        reports = coordinator.import_(*bundles)
        assert not any(report.rejected for report in reports), [report.reason_en for report in reports]
        assert records_equal_rebuild(coordinator.store.path)
        status = coordinator.status()
        return {"digest": status["state_digest"], "pending": status["pending"], "revisions": coordinator.rev_ids(),
                "equivocations": [{**item, "device": None} for item in status["equivocations"]],  # names: bookkeeping
                "conflicts": coordinator.conflict_summary(),
                "tampering": sorted((item["seq"], item["kept"], item["other"])
                                    for report in reports for item in report.tampering)}
    finally:
        coordinator.close()


def test_both_orders_give_one_state_with_the_smaller_rev_id_kept_and_the_other_as_evidence(world, tmp_path):
    (first, second), shared = world
    one = first.save({"/data/staff": "2"})  # seq 2 on both copies: an equivocation
    two = second.save({"/data/staff": "3"})
    extra = second.save({"/data/staff": "4"})  # seq 3: only the copy numbered it, conflicting with nothing
    bundles = [first.export(tmp_path / "first.fkb", full=True), second.export(tmp_path / "second.fkb", full=True)]

    forward = coordinator_after(tmp_path, "coordinator-1", [first], bundles)
    backward = coordinator_after(tmp_path, "coordinator-2", [first], bundles[::-1])
    assert forward == {**backward, "tampering": forward["tampering"]}  # the same state, evidence and conflicts
    kept, other = sorted([one.rev_id, two.rev_id])
    assert forward["revisions"] == {shared.rev_id, kept, extra.rev_id}
    assert forward["equivocations"] == [{"site_id": first.site_id, "seq": 2, "device": None, "kept": kept,
                                         "others": [other]}]
    assert forward["tampering"] == backward["tampering"] == [(2, kept, other)]  # each order reports it once
    assert forward["pending"] == 0


def test_a_later_smaller_rev_id_takes_the_slot_and_what_others_built_on_the_first_stays(world, tmp_path):
    (first, second), _shared = world
    lead = Device(tmp_path, "lead")
    try:
        lead.trusts(first)
        one, two = first.save({"/data/staff": "2"}), second.save({"/data/staff": "3"})
        larger, smaller = (first, second) if one.rev_id > two.rev_id else (second, first)
        lead.import_(larger.export(tmp_path / "larger.fkb", full=True))
        built = lead.edit(max(one, two, key=lambda revision: revision.rev_id).record_id, staff="5")
        bundles = [lead.export(tmp_path / "lead.fkb", full=True), smaller.export(tmp_path / "smaller.fkb", full=True)]

        forward = coordinator_after(tmp_path, "coordinator-1", [first, lead], bundles)
        backward = coordinator_after(tmp_path, "coordinator-2", [first, lead], bundles[::-1])
    finally:
        lead.close()
    assert forward == {**backward, "tampering": forward["tampering"]}
    assert built.rev_id in forward["revisions"]  # the lead's edit is not refused, nor left waiting
    assert max(one.rev_id, two.rev_id) not in forward["revisions"] and forward["pending"] == 0


def test_a_relaying_laptops_own_work_is_not_refused_with_the_equivocation(world, tmp_path):
    (first, second), _shared = world
    lead = Device(tmp_path, "lead")
    coordinator = Device(tmp_path, "coordinator")
    try:
        lead.trusts(first)
        coordinator.trusts(first, lead)
        first.save({"/data/staff": "2"})
        second.save({"/data/staff": "3"})
        coordinator.import_(first.export(tmp_path / "first.fkb", full=True))
        lead.import_(second.export(tmp_path / "second.fkb", full=True))
        own = lead.save({"/data/staff": "9"})
        report = coordinator.import_(lead.export(tmp_path / "lead.fkb", full=True))[0]
        assert report.status == "imported" and [item["seq"] for item in report.tampering] == [2]
        assert own.rev_id in coordinator.rev_ids()
        assert coordinator.status()["tampering"] == 1
        again = coordinator.import_(tmp_path / "lead.fkb")[0]  # the same evidence again: nothing new
        assert (again.status, again.tampering) == ("already_present", [])
        assert coordinator.status()["tampering"] == 1
    finally:
        lead.close()
        coordinator.close()
