"""Issue 10, item 6: trust is decided per signer of each revision, whoever carries it.

A trusted team lead relays the revisions of a laptop the coordinator never trusted: they
wait (as that laptop's own bundle waits in quarantine) and are stored once the
coordinator trusts it, with what was built on them. Real bundles, real stores.
"""

from pathlib import Path

import pytest

from fieldkit.services.coordinator import RELAYED
from tests.helpers.sync_devices import Device, records_equal_rebuild


@pytest.fixture
def world(tmp_path):
    lead, stranger, coordinator = (Device(tmp_path, name) for name in ("lead", "stranger", "coordinator"))
    lead.trusts(stranger)
    coordinator.trusts(lead)  # never the stranger
    yield lead, stranger, coordinator
    for device in (lead, stranger, coordinator):
        device.close()


def relay(lead, stranger, tmp_path):
    """The stranger's record reaches the lead, who edits it and adds one of its own; the lead's bundle."""
    record = stranger.save({"/data/staff": "3"})
    lead.import_(stranger.export(tmp_path / "stranger.fkb"))
    edit = lead.edit(record.record_id, staff="4")
    own = lead.save({"/data/staff": "7"})
    return record, edit, own, lead.export(tmp_path / "lead.fkb", full=True)


def test_an_untrusted_signers_revisions_relayed_by_a_trusted_laptop_wait(world, tmp_path):
    lead, stranger, coordinator = world
    _record, _edit, own, bundle = relay(lead, stranger, tmp_path)

    report = coordinator.import_(bundle)[0]
    assert report.status == "imported" and not report.rejected
    assert coordinator.rev_ids() == {own.rev_id}  # neither the stranger's revision nor what was built on it
    assert report.awaiting_trust == {stranger.site_id: 1}
    status = coordinator.status()
    assert status["awaiting_trust"] == {stranger.site_id: 1} and status["pending"] == 1  # the lead's edit: its parent
    shown = {device["fingerprint"]: device for device in coordinator.service.devices()}
    assert (shown[stranger.fingerprint]["state"], shown[stranger.fingerprint]["awaiting_trust"]) == ("unknown", 1)

    again = coordinator.import_(stranger.export(tmp_path / "direct.fkb"))[0]  # its own bundle: quarantined, as before
    assert again.status == "quarantined" and coordinator.rev_ids() == {own.rev_id}


def test_trusting_the_signer_later_stores_what_was_relayed(world, tmp_path):
    lead, stranger, coordinator = world
    record, edit, own, bundle = relay(lead, stranger, tmp_path)
    coordinator.import_(bundle)

    _fingerprint, reports = coordinator.service.trust(stranger.fingerprint)  # no bundle of its own waits
    assert [(report.path, report.applied_pending) for report in reports] == [(RELAYED, 2)]
    assert coordinator.rev_ids() == {record.rev_id, edit.rev_id, own.rev_id}
    status = coordinator.status()
    assert status["pending"] == 0 and status["awaiting_trust"] == {}
    assert coordinator.digest() == lead.digest()
    assert records_equal_rebuild(coordinator.store.path)


def test_the_same_revisions_arrive_the_same_whether_relayed_or_quarantined(world, tmp_path):
    lead, stranger, coordinator = world
    *_made, bundle = relay(lead, stranger, tmp_path)
    coordinator.import_(bundle, stranger.export(tmp_path / "direct.fkb"))  # relayed, then its own (quarantined)

    _fingerprint, reports = coordinator.service.trust(stranger.fingerprint)
    assert sum(report.applied_pending + report.new for report in reports) == 2
    assert not any(report.rejected for report in reports)
    assert coordinator.status()["quarantined"] == 0 and coordinator.digest() == lead.digest()



def test_a_quarantined_bundle_refused_at_trust_stays_beside_what_was_relayed(world, tmp_path):
    lead, stranger, coordinator = world
    *_made, bundle = relay(lead, stranger, tmp_path)
    coordinator.import_(bundle, stranger.export(tmp_path / "direct.fkb"))
    [waiting] = coordinator.service.quarantined()
    kept = Path(waiting["file"])
    kept.write_bytes(b"not a bundle any more")  # damaged while it waited

    _fingerprint, reports = coordinator.service.trust(stranger.fingerprint)
    assert [report.path for report in reports] == [RELAYED, str(kept)]
    assert reports[1].rejected and not reports[0].rejected
    assert kept.exists()  # judged by its own report, not by the relayed revisions' one
