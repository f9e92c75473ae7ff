"""Which of this laptop's submissions a coordinator holds, for a whole listing at once
(`SurveyService.received_marks`, and the rows of `SurveyService.submissions`): real
devices, a folder drop box, real passes."""

import pytest

from fieldkit.services import SurveyService
from fieldkit.services.coordinator import CoordinatorService
from fieldkit.sync.dropbox.folder import FolderTransport
from tests.helpers.network_world import sync, trust_by_key
from tests.helpers.sync_devices import Device


class SurveyDevice(Device):
    """A Device whose store a SurveyService opened, as in the window."""

    def __init__(self, root, name):
        self.name = name
        self.survey = SurveyService.open(root / name, device_name=name)
        self.service = CoordinatorService.sharing_store_of(self.survey)
        self.store = self.survey.store

    def close(self) -> None:
        self.service.close()
        self.survey.close()

    def received_column(self) -> dict[str, tuple[str, str] | None]:
        return {row.record_id: None if row.received is None else (row.received.by, row.received.at[:10])
                for row in self.survey.submissions()}


@pytest.fixture
def world(tmp_path):
    laptop, coordinator = SurveyDevice(tmp_path, "lan"), SurveyDevice(tmp_path, "Điều phối Lai Châu")
    trust_by_key(laptop, coordinator, keys=tmp_path / "keys")
    trust_by_key(coordinator, laptop, keys=tmp_path / "keys")
    drop_box = FolderTransport(tmp_path / "hop")
    (tmp_path / "hop").mkdir()
    yield laptop, coordinator, drop_box
    laptop.close()
    coordinator.close()


def test_not_yet_until_the_coordinators_receipt_then_its_name_until_a_newer_edit(world):
    laptop, coordinator, drop_box = world
    first = laptop.save({"/data/staff": "4"}).record_id
    second = laptop.save({"/data/staff": "9"}).record_id
    assert laptop.received_column() == {first: ("", ""), second: ("", "")}

    sync(laptop, drop_box)
    assert laptop.received_column() == {first: ("", ""), second: ("", "")}  # sent, not yet received
    sync(coordinator, drop_box)
    sync(laptop, drop_box)
    marks = laptop.survey.received_marks()
    assert {record: mark.by for record, mark in marks.items()} == {first: "Điều phối Lai Châu",
                                                                   second: "Điều phối Lai Châu"}
    assert all(mark.at[:4].isdigit() and mark.at[10] == "T" for mark in marks.values())

    laptop.edit(first, staff="5")
    assert {record: mark.by for record, mark in laptop.survey.received_marks().items()} == {
        first: "", second: "Điều phối Lai Châu"}
    assert laptop.survey.received_marks(record_ids=[second]).keys() == {second}


def test_a_coordinators_own_list_says_nothing_of_the_laptops_submissions(world):
    laptop, coordinator, drop_box = world
    record = laptop.save({"/data/staff": "4"}).record_id
    sync(laptop, drop_box)
    sync(coordinator, drop_box)
    own = coordinator.save({"/data/staff": "2"}).record_id
    assert coordinator.received_column() == {record: None, own: ("", "")}
