"""A sync pass that fails half-way loses nothing, and the next one completes without
sending anything twice; a bundle someone removed from the drop box is sent again."""

import shutil

import pytest

from fieldkit.services.network_sync import sync_once, unreceived_submissions
from fieldkit.store import dropbox_state as state
from fieldkit.store.sites import BOUND_HEX
from fieldkit.sync.dropbox.folder import FolderTransport
from fieldkit.sync.export import export_bundle
from tests.helpers.network_world import FailingAt, laptop_and_coordinator, sync
from tests.helpers.sync_devices import Device


@pytest.fixture
def world(tmp_path):
    with laptop_and_coordinator(tmp_path) as devices:
        yield devices


def _bundles_of(device, root):
    folder = root / device.site_id / "bundles"
    return sorted(path.name for path in folder.iterdir()) if folder.exists() else []


@pytest.mark.parametrize("failing_call", range(1, 9))
def test_a_pass_cut_at_any_call_loses_nothing_and_the_next_pass_completes(world, failing_call):
    lan, coordinator, root = world
    for staff in ("3", "4", "5"):
        lan.save({"/data/staff": staff})

    cut = sync_once(lan.service, FailingAt(FolderTransport(root), failing_call=failing_call), remote="hop")
    if cut.error is not None:
        assert cut.error.reason == "interrupted"
    sync(lan, FolderTransport(root))
    cut = sync_once(coordinator.service, FailingAt(FolderTransport(root), failing_call=failing_call), remote="hop")
    sync(coordinator, FolderTransport(root))
    sync(lan, FolderTransport(root))

    assert len(_bundles_of(lan, root)) == 1  # sent once, whatever the cut
    assert coordinator.rev_ids() == lan.rev_ids() and len(lan.rev_ids()) == 3
    assert coordinator.digest() == lan.digest()
    assert unreceived_submissions(lan.service) == 0


def test_a_bundle_removed_from_the_drop_box_is_sent_again(world):
    lan, coordinator, root = world
    lan.save({"/data/staff": "4"})
    sync(lan, FolderTransport(root))
    [sent] = _bundles_of(lan, root)
    FolderTransport(root).remove(f"{lan.site_id}/bundles/{sent}")

    again = sync(lan, FolderTransport(root))
    assert (again.sent_bundles, again.sent_revisions) == (1, 1)
    assert len(_bundles_of(lan, root)) == 1
    sync(coordinator, FolderTransport(root))
    assert coordinator.rev_ids() == lan.rev_ids()


def test_a_bundle_whose_put_was_cut_is_exported_again_not_counted(world):
    lan, coordinator, root = world
    lan.save({"/data/staff": "4"})
    put_is_third_call = 3  # folders, files(own bundles) for what is covered, then the put
    cut = sync_once(lan.service, FailingAt(FolderTransport(root), failing_call=put_is_third_call), remote="hop")
    assert cut.error is not None and _bundles_of(lan, root) == []

    again = sync(lan, FolderTransport(root))
    assert again.sent_bundles == 1
    sync(coordinator, FolderTransport(root))
    assert coordinator.rev_ids() == lan.rev_ids()


def test_what_the_drop_box_covers_joins_ranges_onto_the_receipts():
    from fieldkit.services.network_sync import coverage
    from fieldkit.store.dropbox_state import PushedBundle

    bundles = [PushedBundle(bundle_id="b", base={"a": 5}, holds={"a": 9}),
               PushedBundle(bundle_id="c", base={"a": 12}, holds={"a": 20}),  # after a hole: not joined
               PushedBundle(bundle_id="d", base={}, holds={"s": 3})]
    assert coverage(bundles=bundles, receipts=[{"a": 4}, {"a": 6, "x": 2}]) == {"a": 9, "x": 2, "s": 3}
    assert coverage(bundles=bundles, receipts=[]) == {"s": 3}


def test_an_export_leaves_out_exactly_the_vector_it_is_given(world, tmp_path):
    lan, _coordinator, _root = world
    for staff in ("3", "4", "5"):
        lan.save({"/data/staff": staff})
    manifest = export_bundle(lan.store, tmp_path / "b.fkb", acknowledged={lan.site_id: 2})
    assert (manifest["count"], manifest["content"]) == (1, {lan.site_id: [3, 3]})
    with pytest.raises(ValueError):
        export_bundle(lan.store, tmp_path / "c.fkb", full=True, acknowledged={})


def _backed_up(coordinator, tmp_path):
    """The coordinator's data folder copied as a backup tool would; the coordinator reopened."""
    coordinator.close()
    shutil.copytree(tmp_path / "coordinator", tmp_path / "backup")
    return Device(tmp_path, "coordinator")


def _restored(coordinator, lan, root, tmp_path):
    """The disk dies: the backup comes back, and an admin cleaned the laptop's bundles away."""
    coordinator.close()
    shutil.rmtree(tmp_path / "coordinator")
    shutil.copytree(tmp_path / "backup", tmp_path / "coordinator")
    for name in _bundles_of(lan, root):
        FolderTransport(root).remove(f"{lan.site_id}/bundles/{name}")
    return Device(tmp_path, "coordinator")


def _everything_received(lan, coordinator, root):
    """The laptop sends, the coordinator takes it in, the laptop reads its receipt."""
    for device in (lan, coordinator, lan):
        sync(device, FolderTransport(root))
    assert unreceived_submissions(lan.service) == 0


def test_a_coordinator_restored_from_an_old_backup_gets_everything_back(world, tmp_path):
    """Its disk died; the backup is older than its last pass. The laptop's bundles still in
    the drop box are fetched again; those an admin cleaned away are sent again by the
    laptop, which reads the restored coordinator's lower receipt (the coordinator asks again)."""
    lan, coordinator, root = world
    lan.save({"/data/staff": "1"})
    sync(lan, FolderTransport(root))
    sync(coordinator, FolderTransport(root))
    coordinator = _backed_up(coordinator, tmp_path)
    lan.save({"/data/staff": "2"})
    lan.save({"/data/staff": "3"})
    _everything_received(lan, coordinator, root)

    coordinator = _restored(coordinator, lan, root, tmp_path)
    assert len(coordinator.rev_ids()) == 1

    sync(coordinator, FolderTransport(root))  # its receipt now says it holds less
    again = sync(lan, FolderTransport(root))
    assert again.sent_revisions == 2
    assert unreceived_submissions(lan.service) == 2
    sync(coordinator, FolderTransport(root))
    sync(lan, FolderTransport(root))
    assert coordinator.rev_ids() == lan.rev_ids() and len(lan.rev_ids()) == 3
    assert unreceived_submissions(lan.service) == 0
    coordinator.close()


def test_a_coordinator_restored_on_a_new_site_is_sent_again_what_its_old_folder_s_receipt_holds(world, tmp_path):
    """The coordinator had made revisions of its own after its backup, so the restored copy
    issues under a new site, in a new folder. Its old folder's receipt, still in the drop
    box, says it holds everything: the laptop believes the newest receipt of that device."""
    lan, coordinator, root = world
    lan.save({"/data/staff": "1"})
    sync(lan, FolderTransport(root))
    sync(coordinator, FolderTransport(root))
    coordinator = _backed_up(coordinator, tmp_path)
    old_site = coordinator.site_id
    coordinator.save({"/data/staff": "9"})  # a number of its own site issued after the backup
    lan.save({"/data/staff": "2"})
    lan.save({"/data/staff": "3"})
    _everything_received(lan, coordinator, root)

    coordinator = _restored(coordinator, lan, root, tmp_path)
    assert coordinator.site_id != old_site and len(coordinator.rev_ids()) == 1
    sync(coordinator, FolderTransport(root))
    assert (root / old_site / "receipt.json").exists()  # the old folder's receipt stays

    again = sync(lan, FolderTransport(root))
    assert again.sent_revisions == 3  # lan's 2 and 3, and the coordinator's own lost one
    sync(coordinator, FolderTransport(root))
    sync(lan, FolderTransport(root))
    assert coordinator.rev_ids() == lan.rev_ids() and len(lan.rev_ids()) == 4
    assert unreceived_submissions(lan.service) == 0
    coordinator.close()


def test_two_receipts_of_one_device_made_in_the_same_second_count_for_the_less_they_hold(world):
    lan, coordinator, _root = world
    lan.save({"/data/staff": "1"})
    lan.save({"/data/staff": "2"})
    prefix = coordinator.fingerprint[:BOUND_HEX]  # the folders are read in name order: the fuller one first
    old_folder, new_folder = prefix.ljust(32, "0"), prefix.ljust(32, "f")

    def receipts(connection):
        for folder, holds in ((old_folder, 2), (new_folder, 0)):
            state.keep_receipt(connection, remote="hop", site_id=folder, device="coordinator",
                               created="2026-12-07T02:12:13+00:00", holds={lan.site_id: holds})

    lan.store.writer.call(receipts)
    assert unreceived_submissions(lan.service) == 2


def test_a_drop_box_given_a_new_address_is_sent_what_the_old_one_s_receipts_held(world, tmp_path):
    """The laptop's drop box moves to another server (the same name, a new address): the
    coordinator's receipts kept from the old one say nothing of what the new one holds."""
    lan, coordinator, root = world
    lan.save({"/data/staff": "1"})
    sync(lan, FolderTransport(root))
    sync(coordinator, FolderTransport(root))
    sync(lan, FolderTransport(root))
    assert unreceived_submissions(lan.service) == 0

    elsewhere = tmp_path / "new-server"
    elsewhere.mkdir()
    moved = sync(lan, FolderTransport(elsewhere))  # the same remote name, "hop"
    assert moved.sent_revisions == 1
    assert unreceived_submissions(lan.service) == 0  # the old coordinator did receive it
    sync(coordinator, FolderTransport(elsewhere))
    assert sync(lan, FolderTransport(elsewhere)).sent_revisions == 0


def test_receipts_of_one_device_are_ordered_by_their_moment_not_their_text(world):
    """09:00 at +07:00 is 02:00 UTC: earlier than 03:00 UTC, though later as text."""
    lan, coordinator, _root = world
    lan.save({"/data/staff": "1"})
    prefix = coordinator.fingerprint[:BOUND_HEX]

    def receipts(connection):
        for folder, created, holds in ((prefix.ljust(32, "0"), "2026-12-07T09:00:00+07:00", 1),
                                       (prefix.ljust(32, "f"), "2026-12-07T03:00:00+00:00", 0)):
            state.keep_receipt(connection, remote="hop", site_id=folder, device="coordinator",
                               created=created, holds={lan.site_id: holds})

    lan.store.writer.call(receipts)
    assert unreceived_submissions(lan.service) == 1
