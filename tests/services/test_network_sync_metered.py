"""What the next push would send that is big, known without the network: the photos and
files of the revisions neither a coordinator's receipt nor a bundle already put holds.
The window asks before sending it on a metered connection (tests/ui/test_sync_metered.py)."""

import pytest

from fieldkit.services.network_sync import sync_once, unsent_attachment_bytes
from fieldkit.sync.dropbox.folder import FolderTransport
from tests.helpers.network_world import FailingAt, laptop_and_coordinator, sync
from tests.helpers.sync_devices import FORM, Device

PHOTO = b"\xff\xd8 a photo of the commune office " * 3000  # 99 kB
PLAN = b"%PDF a floor plan " * 1000  # 18 kB


@pytest.fixture
def world(tmp_path):
    with laptop_and_coordinator(tmp_path) as devices:
        yield devices


def attach(device: Device, record_id: str | None = None, **files: bytes):
    """A revision of the record (a new one when None) naming `files` as its attachments."""
    record = device.save({"/data/staff": "4"}, record_id=record_id)
    digests = {name: device.store.put_blob(data).result() for name, data in files.items()}
    return device.store.commit_revision(
        record_id=record.record_id, parents=[record.rev_id], form_id=FORM, form_version="1",
        data={**record.data, "attachments": digests}, author=device.name, action="save").result()


def test_the_attachments_not_yet_sent_are_counted_once_each(world):
    lan, _coordinator, _root = world
    lan.save({"/data/staff": "3"})
    assert unsent_attachment_bytes(lan.service, remote="hop") == 0  # a submission alone is small

    first = attach(lan, office_jpg=PHOTO)
    attach(lan, office_jpg=PHOTO, plan_pdf=PLAN)  # the same photo in another record: one blob
    assert unsent_attachment_bytes(lan.service, remote="hop") == len(PHOTO) + len(PLAN)

    sync(lan, FolderTransport(world[2]))
    assert unsent_attachment_bytes(lan.service, remote="hop") == 0  # in the drop box now

    attach(lan, first.record_id, office_jpg=PHOTO)  # an edit carries its photo again
    assert unsent_attachment_bytes(lan.service, remote="hop") == len(PHOTO)


def test_a_coordinators_receipt_read_in_another_drop_box_makes_them_sent_there_too(world, tmp_path):
    lan, coordinator, root = world
    attach(lan, office_jpg=PHOTO)
    sync(lan, FolderTransport(root))
    other = tmp_path / "other-drop-box"
    other.mkdir()
    assert unsent_attachment_bytes(lan.service, remote="other") == len(PHOTO)  # nothing put there

    sync(coordinator, FolderTransport(root))  # pulls, and writes its receipt in `other` on its next pass
    sync(coordinator, FolderTransport(other), remote="other")
    assert unsent_attachment_bytes(lan.service, remote="other") == len(PHOTO)  # not read yet

    assert sync(lan, FolderTransport(other), remote="other").sent_bundles == 0  # the receipt said it holds them
    assert unsent_attachment_bytes(lan.service, remote="other") == 0


def test_a_put_that_broke_off_still_counts_as_unsent(world):
    lan, _coordinator, root = world
    attach(lan, office_jpg=PHOTO)
    put_is_third_call = 3  # folders, files(own bundles) for what is covered, then the put
    cut = sync_once(lan.service, FailingAt(FolderTransport(root), failing_call=put_is_third_call), remote="hop")
    assert cut.error is not None and cut.error.reason == "interrupted"
    assert unsent_attachment_bytes(lan.service, remote="hop") == len(PHOTO)
