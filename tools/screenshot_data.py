"""The demo data folder tools/screenshots.py shows: a coordinator's laptop that has
imported two delegation laptops' bundles, with a USB stick holding two more (one from a
laptop nobody enrolled, one that opens a conflict), all made through the services as
the window and the command line make them (the laptops of fieldkit.demo, whose
`fieldkit demo` builds a whole province's survey for a newcomer; this one stays small,
so the screenshots show the import as it happens).

    build_demo(folder) -> Demo(data=folder/coordinator, stick=folder/stick, commune=HOAN_KIEM)
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from fieldkit.demo.laptops import Laptop
from fieldkit.demo.people import Device

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


def delegation_laptop(folder: Path, device_name: str, author: str) -> Laptop:
    """A data folder of the delegation (fieldkit.demo's laptops), `author` at the keyboard."""
    members = [author, *(member for member in MEMBERS if member != author)]
    return Laptop(folder, Device(device_name, tuple(members)), delegation=DELEGATION)


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
    lan, minh, khoa, head = (delegation_laptop(folder / name, device_name, author) for name, device_name, author in (
        ("lan", "Laptop 1 — Đoàn 5", "Trần Thị Lan"), ("minh", "Laptop 2 — Đoàn 5", "Lê Văn Minh"),
        ("khoa", "Laptop 3 — Đoàn 7", "Phạm Văn Khoa"), ("coordinator", "Điều phối — Đoàn 5", "Nguyễn Văn An")))
    try:
        people = [("Nguyễn Thị Hà", "chairperson"), ("Trần Thị Bình", "it_officer")]
        record = lan.fill(STAFFING, HOAN_KIEM, staffing_answers(12, people))
        lan_first = lan.export(bundles / "lan-1.fkb")
        minh.coordinator.trust(lan.fingerprint)
        minh.coordinator.import_paths([lan_first])
        minh.correct(record, {"/data/total_staff": "15"})
        minh.fill(STAFFING, HOAN_KIEM, staffing_answers(9, [("Trần Thị Bình", "it_officer")]))
        minh_bundle = minh.export(bundles / "minh.fkb")
        lan.correct(record, {"/data/total_staff": "13"})
        lan.export(stick / "lan-2.fkb")
        khoa.fill(STAFFING, BA_DINH, staffing_answers(20, [("Phạm Thu Trang", "office_head")]))
        khoa.export(stick / "khoa.fkb")
        for laptop in (lan, minh):
            head.coordinator.trust(laptop.fingerprint)
        head.coordinator.import_paths([lan_first, minh_bundle])
    finally:
        for laptop in (lan, minh, khoa, head):
            laptop.close()
    return Demo(data=folder / "coordinator", stick=stick)
