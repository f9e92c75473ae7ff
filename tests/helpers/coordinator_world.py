"""Real laptops for the coordinator screens' tests: each a data folder with its own key
and SQLite file, filled through SurveyService, exporting real bundles.

Built once per test session (converting the shipped forms takes about a second per
folder); each test gets a fresh coordinator and copies of the bundles it needs."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

from fieldkit.services import SurveyService
from fieldkit.services.coordinator import CoordinatorService

HOAN_KIEM, BA_DINH = "00070", "00004"
FORM = "commune_staffing"
STAFFING = {
    "/data/total_staff": "12",
    "/data/one_stop_staff": "3",
    "/data/it_staff": "1",
    "/data/roster[1]/name": "Nguyễn Thị Lan",
    "/data/roster[1]/role": "it_officer",
}


class Laptop:
    def __init__(self, root: Path, name: str, author: str):
        self.survey = SurveyService.open(root / name, device_name=name)
        self.survey.set_visit(delegation="Đoàn 1", members=[author], at_keyboard=author).result()
        self.coordinator = CoordinatorService(self.survey.store)
        self.name = name

    @property
    def fingerprint(self) -> str:
        return self.survey.store.identity.fingerprint

    def create(self, commune: str, answers: dict) -> str:
        submission = self.survey.open_submission(form_id=FORM, commune_code=commune)
        submission.set_many(answers)
        submission.save().result()
        submission.close()
        return submission.record_id

    def edit(self, record_id: str, answers: dict) -> None:
        submission = self.survey.open_submission(record_id=record_id, resume_working_copy=False)
        submission.set_many(answers)
        submission.save().result()
        submission.close()

    def export(self, path: Path) -> Path:
        self.coordinator.export(path, full=True, author=self.survey.author)
        return path


@dataclass
class World:
    bundles: dict[str, Path] = field(default_factory=dict)
    fingerprints: dict[str, str] = field(default_factory=dict)
    records: dict[str, str] = field(default_factory=dict)

    def copy(self, folder: Path, *names: str) -> Path:
        """The named bundles in a folder of their own (as a USB stick would hold them)."""
        folder.mkdir(parents=True, exist_ok=True)
        for name in names:
            shutil.copy(self.bundles[name], folder / self.bundles[name].name)
        return folder


def build_world(root: Path) -> World:
    """lan makes a record; minh receives it, raises total_staff to 15 and makes a second
    record for the same commune and form (a duplicate visit); lan meanwhile sets 13;
    khoa, a laptop nobody enrolled, surveys another commune."""
    world = World()
    (root / "bundles").mkdir(parents=True, exist_ok=True)
    lan = Laptop(root, "may-lan", "Trần Thị Lan")
    minh = Laptop(root, "may-minh", "Lê Văn Minh")
    khoa = Laptop(root, "may-khoa", "Phạm Khoa")
    try:
        record = lan.create(HOAN_KIEM, STAFFING)
        world.bundles["lan-1"] = lan.export(root / "bundles" / "lan-1.fkb")
        minh.coordinator.trust(lan.fingerprint)
        minh.coordinator.import_paths([world.bundles["lan-1"]])
        minh.edit(record, {"/data/total_staff": "15"})
        world.records["second"] = minh.create(HOAN_KIEM, {**STAFFING, "/data/total_staff": "9"})
        world.bundles["minh"] = minh.export(root / "bundles" / "minh.fkb")
        lan.edit(record, {"/data/total_staff": "13"})
        world.bundles["lan-2"] = lan.export(root / "bundles" / "lan-2.fkb")
        world.records["other"] = khoa.create(BA_DINH, STAFFING)
        world.bundles["khoa"] = khoa.export(root / "bundles" / "khoa.fkb")
        world.records["first"] = record
        for laptop in (lan, minh, khoa):
            world.fingerprints[laptop.name] = laptop.fingerprint
    finally:
        for laptop in (lan, minh, khoa):
            laptop.survey.close()
    return world
