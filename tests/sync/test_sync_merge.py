"""Importing bundles between devices: idempotence, incremental bundles, pending revisions,
gaps, and the merge rules of DESIGN.md §6 as a coordinator sees them."""

import pytest

from tests.helpers.sync_devices import Device, records_equal_rebuild


@pytest.fixture
def world(tmp_path):
    """Two laptops and two coordinators, each trusting the laptops (and each other)."""
    devices = {name: Device(tmp_path, name) for name in ("lan", "minh", "coordinator", "second")}
    for device in devices.values():
        device.trusts(*devices.values())
    yield devices
    for device in devices.values():
        device.close()


def test_one_bundle_imported_once_or_fifty_times_gives_the_same_state(world, tmp_path):
    lan, coordinator = world["lan"], world["coordinator"]
    record = lan.save({"/data/staff": "4"}).record_id
    lan.edit(record, staff="5")
    bundle = lan.export(tmp_path / "lan.fkb")

    first = coordinator.import_(bundle)[0]
    assert (first.status, first.new) == ("imported", 2)
    once = coordinator.digest()
    for _round in range(49):
        again = coordinator.import_(bundle)[0]
        assert (again.status, again.new, again.present) == ("already_present", 0, 2)
    assert coordinator.digest() == once == lan.digest()
    assert coordinator.status()["revisions"] == 2


def test_cumulative_overlapping_and_incremental_bundles_add_up_to_the_same_state(world, tmp_path):
    lan, coordinator = world["lan"], world["coordinator"]
    record = lan.save({"/data/staff": "1"}).record_id
    first = lan.export(tmp_path / "1.fkb")
    lan.edit(record, staff="2")
    cumulative = lan.export(tmp_path / "2-cumulative.fkb")  # nobody acknowledged: everything again
    lan.acknowledged_by_receiver({lan.site_id: 2})
    lan.edit(record, staff="3")
    incremental = lan.export(tmp_path / "3-incremental.fkb")

    reports = coordinator.import_(first, cumulative, incremental)
    assert [(report.new, report.present) for report in reports] == [(1, 0), (1, 1), (1, 0)]
    assert coordinator.digest() == lan.digest()


def test_the_receivers_acknowledgement_arrives_in_its_bundles(world, tmp_path):
    lan, coordinator = world["lan"], world["coordinator"]
    lan.save({"/data/staff": "1"})
    coordinator.import_(lan.export(tmp_path / "lan-1.fkb"))
    lan.import_(coordinator.export(tmp_path / "coordinator.fkb"))  # says what it holds
    lan.save({"/data/staff": "2"})
    manifest = lan.service.export(tmp_path / "lan-2.fkb")
    assert manifest["count"] == 1 and manifest["content"] == {lan.site_id: [2, 2]}
    assert manifest["prerequisites"] == {lan.site_id: 1}


def test_bundles_out_of_order_wait_as_pending_and_a_missing_one_is_a_gap(world, tmp_path):
    lan, coordinator = world["lan"], world["coordinator"]
    record = lan.save({"/data/staff": "1"}).record_id
    bundles = [lan.export(tmp_path / "1.fkb")]
    for number in (2, 3):
        lan.acknowledged_by_receiver({lan.site_id: number - 1})
        lan.edit(record, staff=str(number))
        bundles.append(lan.export(tmp_path / f"{number}.fkb"))

    late = coordinator.import_(bundles[0], bundles[2])[1]
    assert (late.new, late.pending) == (0, 1)
    assert late.gaps == {lan.site_id: [[2, 2]]}
    assert coordinator.status()["pending"] == 1

    arrived = coordinator.import_(bundles[1])[0]
    assert (arrived.new, arrived.applied_pending, arrived.gaps) == (1, 1, {})
    assert coordinator.status()["pending"] == 0
    assert coordinator.digest() == lan.digest()


def _diverge(world, tmp_path, lan_change, minh_change):
    """One record, known to both laptops, then changed on each: the coordinator gets both."""
    lan, minh, coordinator = world["lan"], world["minh"], world["coordinator"]
    record = lan.save({"/data/staff": "4", "/data/rooms": "2"}).record_id
    minh.import_(lan.export(tmp_path / "shared.fkb"))
    lan_change(lan, record)
    minh_change(minh, record)
    coordinator.import_(lan.export(tmp_path / "lan.fkb"), minh.export(tmp_path / "minh.fkb"))
    return record


def test_both_sides_changing_one_answer_is_a_hard_conflict(world, tmp_path):
    record = _diverge(world, tmp_path, lambda device, record: device.edit(record, staff="5"),
                      lambda device, record: device.edit(record, staff="6"))
    [conflict] = world["coordinator"].service.conflicts()
    assert (conflict["record_id"], conflict["kind"], conflict["fields"]) == (record, "hard", ["/data/staff"])
    assert world["coordinator"].store.record(record).conflicts == 1
    winner = max(conflict["heads"], key=lambda head: (head["hlc"], head["rev_id"]))
    assert conflict["winner"] == winner["rev_id"] == world["coordinator"].store.record(record).winner_rev
    assert {head["device"] for head in conflict["heads"]} == {"lan", "minh"}


def test_changes_to_different_answers_are_a_soft_conflict(world, tmp_path):
    _diverge(world, tmp_path, lambda device, record: device.edit(record, staff="5"),
             lambda device, record: device.edit(record, rooms="3"))
    [conflict] = world["coordinator"].service.conflicts()
    assert (conflict["kind"], conflict["fields"]) == ("soft", [])


def test_an_edit_against_a_deletion_is_always_a_conflict(world, tmp_path):
    record = _diverge(world, tmp_path, lambda device, record: device.edit(record, staff="5"),
                      lambda device, record: device.delete(record))
    [conflict] = world["coordinator"].service.conflicts()
    assert (conflict["kind"], conflict["delete"]) == ("hard", True)
    assert world["coordinator"].store.record(record).deleted is False  # still shown: someone must decide


def test_a_resolution_travels_and_resolves_the_second_coordinator_too(world, tmp_path):
    coordinator, second = world["coordinator"], world["second"]
    record = _diverge(world, tmp_path, lambda device, record: device.edit(record, staff="5"),
                      lambda device, record: device.edit(record, staff="6"))
    second.import_(tmp_path / "lan.fkb", tmp_path / "minh.fkb")
    assert len(second.service.conflicts()) == 1

    resolution = coordinator.service.resolve(record, answers={"/data/staff": "7"}, author="Điều phối")
    assert len(resolution.parents) == 2
    assert coordinator.service.conflicts() == []
    second.import_(coordinator.export(tmp_path / "resolved.fkb"))
    assert second.service.conflicts() == []
    assert second.store.record(record).winner_rev == resolution.rev_id
    assert second.store.revision(resolution.rev_id).answers["/data/staff"] == "7"
    assert second.digest() == coordinator.digest()
    assert records_equal_rebuild(second.store.path)


def test_taking_one_side_keeps_its_content(world, tmp_path):
    coordinator = world["coordinator"]
    record = _diverge(world, tmp_path, lambda device, record: device.edit(record, staff="5"),
                      lambda device, record: device.edit(record, staff="6"))
    [conflict] = coordinator.service.conflicts()
    loser = min(conflict["heads"], key=lambda head: (head["hlc"], head["rev_id"]))
    taken = coordinator.service.resolve(record, take=loser["rev_id"])
    assert taken.answers["/data/staff"] == loser["answers"]["/data/staff"]
    assert coordinator.store.record(record).conflicts == 0
