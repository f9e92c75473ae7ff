"""The demo data folder tools/screenshots.py shows: a coordinator's laptop that has
imported two delegation laptops' bundles, with a USB stick holding two more (one from a
laptop nobody enrolled, one that opens a conflict), all made through the services as
the window and the command line make them.

    build_demo(folder) -> Demo(data=folder/coordinator, stick=folder/stick, commune=HOAN_KIEM)
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from fieldkit.services import SurveyService
from fieldkit.services.coordinator import CoordinatorService

HOAN_KIEM, BA_DINH = "00070", "00004"
STAFFING = "commune_staffing"
DELEGATION = "Đoàn công tác Bộ Khoa học và Công nghệ — Đoàn 5"
MEMBERS = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Minh", "Trần Thị Lan"]


def staffing_answers(total: int, people: list[tuple[str, str]]) -> dict[str, str]:
    answers = {"/data/visit_date": dt.date.today().isoformat(), "/data/total_staff": str(total),
               "/data/one_stop_staff": "4", "/data/it_staff": "1", "/data/training_needs": "digitisation"}
    for number, (name, role) in enumerate(people, start=1):
        answers.update({f"/data/roster[{number}]/name": name, f"/data/roster[{number}]/role": role,
                        f"/data/roster[{number}]/trainings": "digital_transformation",
                        f"/data/roster[{number}]/has_signature_cert": "yes" if number == 1 else "no"})
    return answers


class Laptop:
    """One delegation laptop: its own data folder, key and device name."""

    def __init__(self, folder: Path, device_name: str, author: str):
        self.survey = SurveyService.open(folder, device_name=device_name)
        self.survey.set_visit(delegation=DELEGATION, members=MEMBERS, at_keyboard=author).result()
        self.coordinator = CoordinatorService.sharing_store_of(self.survey)

    @property
    def fingerprint(self) -> str:
        return self.survey.store.identity.fingerprint

    def fill(self, commune: str, answers: dict[str, str], *, record_id: str | None = None) -> str:
        """A new submission (or a new revision of `record_id`), finalized."""
        if record_id is None:
            submission = self.survey.open_submission(form_id=STAFFING, commune_code=commune)
        else:
            submission = self.survey.open_submission(record_id=record_id, resume_working_copy=False)
        submission.set_many(answers)
        submission.finalize().result()
        submission.close()
        return submission.record_id

    def export(self, path: Path) -> Path:
        self.coordinator.export(path, full=True, author=self.survey.author)
        return path

    def close(self) -> None:
        self.survey.close()


@dataclass
class Demo:
    data: Path
    stick: Path
    commune: str = HOAN_KIEM


def build_demo(folder: Path) -> Demo:
    """Lan surveys Hoàn Kiếm; Minh receives it, corrects the total and surveys Hoàn Kiếm
    again (a duplicate visit) while Lan sets another total (a conflict, once both reach
    the coordinator); Khoa, whose laptop nobody enrolled, surveys Ba Đình. The
    coordinator has imported Lan's first bundle and Minh's; the stick holds the rest."""
    bundles, stick = folder / "bundles", folder / "stick"
    bundles.mkdir(parents=True)
    stick.mkdir()
    lan = Laptop(folder / "lan", "Laptop 1 — Đoàn 5", "Trần Thị Lan")
    minh = Laptop(folder / "minh", "Laptop 2 — Đoàn 5", "Lê Văn Minh")
    khoa = Laptop(folder / "khoa", "Laptop 3 — Đoàn 7", "Phạm Văn Khoa")
    head = Laptop(folder / "coordinator", "Điều phối — Đoàn 5", "Nguyễn Văn An")
    try:
        people = [("Nguyễn Thị Hà", "chairperson"), ("Trần Thị Bình", "it_officer")]
        record = lan.fill(HOAN_KIEM, staffing_answers(12, people))
        lan_first = lan.export(bundles / "lan-1.fkb")
        minh.coordinator.trust(lan.fingerprint)
        minh.coordinator.import_paths([lan_first])
        minh.fill(HOAN_KIEM, {"/data/total_staff": "15"}, record_id=record)
        minh.fill(HOAN_KIEM, staffing_answers(9, [("Trần Thị Bình", "it_officer")]))
        minh_bundle = minh.export(bundles / "minh.fkb")
        lan.fill(HOAN_KIEM, {"/data/total_staff": "13"}, record_id=record)
        lan.export(stick / "lan-2.fkb")
        khoa.fill(BA_DINH, staffing_answers(20, [("Phạm Thu Trang", "office_head")]))
        khoa.export(stick / "khoa.fkb")
        for laptop in (lan, minh):
            head.coordinator.trust(laptop.fingerprint)
        head.coordinator.import_paths([lan_first, minh_bundle])
    finally:
        for laptop in (lan, minh, khoa, head):
            laptop.close()
    return Demo(data=folder / "coordinator", stick=stick)
