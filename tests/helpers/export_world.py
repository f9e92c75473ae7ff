"""A store filled through the services, and what an export of it must hold, read from the store."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from fieldkit.services import SurveyService
from fieldkit.services.coordinator import CoordinatorService
from fieldkit.store.hlc import HybridLogicalClock
from tests.helpers.survey_data import BA_DINH, HOAN_KIEM, STAFFING_COMPLETE

THU_DAU_MOT = "25747"  # province 79, Thành phố Hồ Chí Minh
ROOT = "/data"


@dataclass
class World:
    service: SurveyService
    records: dict[str, str] = field(default_factory=dict)  # name -> record id
    days: dict[str, str] = field(default_factory=dict)  # name -> day of its last change


def on_day(service: SurveyService, day: str) -> None:
    """Revisions made from now on carry this local day, 10:00 (the store's clock is replaced)."""
    moment = dt.datetime.combine(dt.date.fromisoformat(day), dt.time(10), tzinfo=dt.datetime.now().astimezone().tzinfo)
    service.store.clock = HybridLogicalClock(wall_ms=lambda: int(moment.timestamp() * 1000))


def _save(service, form_id, commune, answers, *, finalize=False):
    submission = service.open_submission(form_id=form_id, commune_code=commune)
    submission.set_many(answers, autosave=False)
    return (submission.finalize() if finalize else submission.save()).result()


def roster(*names: str) -> dict[str, str]:
    answers = {}
    for number, name in enumerate(names, start=1):
        answers[f"/data/roster[{number}]/name"] = name
        answers[f"/data/roster[{number}]/role"] = "it_officer" if number == 1 else "civil_servant"
        answers[f"/data/roster[{number}]/trainings"] = "digital_transformation telecommunications"
        answers[f"/data/roster[{number}]/has_signature_cert"] = "yes"
    return answers


def build_world(service: SurveyService) -> World:
    world = World(service)

    def add(name, day, form_id, commune, answers, **options):
        on_day(service, day)
        world.records[name] = _save(service, form_id, commune, answers, **options).record_id
        world.days[name] = day

    add("staffing_hk", "2025-11-20", "commune_staffing", HOAN_KIEM, {**STAFFING_COMPLETE, **roster(
        "Nguyễn Thị Lan", "Trần Văn Bình")}, finalize=True)
    add("staffing_bd", "2025-11-21", "commune_staffing", BA_DINH, {
        **STAFFING_COMPLETE, "/data/total_staff": "30", **roster("Lê Thị Hoa", "Phạm Quốc Việt", "=1+1 Đỗ An")})
    add("staffing_hcm", "2025-11-22", "commune_staffing", THU_DAU_MOT, {**STAFFING_COMPLETE, **roster("Võ Thị Mai")},
        finalize=True)
    add("deleted", "2025-11-21", "commune_staffing", HOAN_KIEM, STAFFING_COMPLETE)
    CoordinatorService(service.store).delete(world.records.pop("deleted"))
    world.days.pop("deleted")
    add("infrastructure", "2025-11-22", "commune_infrastructure", HOAN_KIEM, {
        "/data/office_location": "21.0285 105.8542 12.5 4.0", "/data/network/tsl_bandwidth": "20.5",
        "/data/network/outages_per_month": "2", "/data/network/backup_power": "generator ups",
        "/data/respondents[1]/respondent_name": "Hoàng Văn Nam", "/data/respondents[2]/respondent_name": "Bùi Thu"})
    add("minutes", "2025-11-23", "visit_minutes", BA_DINH, {
        "/data/delegation_name": "Đoàn công tác số 1", "/data/participants[1]/participant_name": "Nguyễn Văn A",
        "/data/participants[2]/participant_name": "Trần Thị B", "/data/issues[1]/issue_text": "Mạng chậm"})
    _make_conflict(world, "staffing_bd", "2025-11-24")
    return world


def _make_conflict(world: World, name: str, day: str) -> None:
    """Two edits of the same revision: two heads, a conflict; the later one is shown."""
    store = world.service.store
    head = store.revision(store.record(world.records[name]).winner_rev)
    on_day(world.service, day)
    for total in ("31", "32"):
        data = {**head.data, "answers": {**head.answers, "/data/total_staff": total}}
        store.commit_revision(record_id=head.record_id, parents=[head.rev_id], form_id=head.form_id,
                              form_version=head.form_version, data=data, author="Trần Thị B",
                              action="save").result()
    world.days[name] = day


# -- what an export must hold ----------------------------------------------------------------

_POSITIONS = re.compile(r"\[\d+\]")


def store_answers(service: SurveyService, record_id: str) -> dict[str, str]:
    record = service.store.record(record_id)
    return service.store.revision(record.winner_rev).answers


def answer_path(key: str, record_id: str, column: str, root: str = ROOT) -> str:
    """The instance path of a cell: "<record>/roster[2]" + "name" -> "/data/roster[2]/name"."""
    below = key[len(record_id):]
    return f"{root}{below}/{column}"


def repeat_instances(answers: dict[str, str], level: str) -> set[str]:
    """The concrete paths of a repeat's instances ("/data/roster[2]") the answers hold."""
    depth = level.count("/")
    found = set()
    for path in answers:
        steps = path.split("/")[1:]
        if _POSITIONS.sub("", "/" + "/".join(steps[:depth])) == level and len(steps) > depth:
            found.add("/" + "/".join(steps[:depth]))
    return found
