"""The delegation's fortnight in Lai Châu, replayed through the services.

Two teams share the province's communes, one laptop each, and fill the three shipped
forms in every commune they visit. Laptop 2's team lead enrols laptop 1 and imports its
bundle to review it; from there:

- both laptops correct the number of computers of one commune, each its own way: a hard
  conflict (the same answer changed on both sides);
- the team lead adds the IT officer a commune just hired to one staffing submission
  while laptop 1 corrects its training needs, both finalized: a soft conflict
  (different answers changed; the `end` timestamp each finalize sets does not count);
- team two visits one of team one's communes again and fills its staffing form: a
  duplicate visit.

The coordinator (the demo's data folder) enrols both laptops by their public key files
and imports their bundles. The laptops' folders and bundles are temporary.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from fieldkit.communes import Commune, CommuneDirectory
from fieldkit.demo import answers as forms
from fieldkit.demo.laptops import Laptop
from fieldkit.demo.people import COORDINATOR, PROVINCE, TEAM_ONE, TEAM_TWO
from fieldkit.demo.profiles import Profile, profile
from fieldkit.store.errors import storage_errors

# progress(step, values): "survey" {device, communes}, "commune" {device, commune, date},
# "review" {reviewer, device}, "import" {device, bundles}
Progress = Callable[[str, dict[str, str]], None]


class DemoRefused(Exception):
    """The folder holds something already (`kind` "not_empty") or is a file ("not_a_folder"):
    demo data is never mixed into other data."""

    def __init__(self, kind: str, folder: Path) -> None:
        super().__init__(f"{kind}: {folder}")
        self.kind, self.folder = kind, folder


class DemoImportFailed(Exception):
    """The coordinator could not import a laptop's bundle (a storage fault): the reason."""

    def __init__(self, bundle: Path, reason: str) -> None:
        super().__init__(f"{bundle}: {reason}")
        self.bundle, self.reason = bundle, reason


@dataclass
class DemoSummary:
    folder: Path
    province: str
    communes: int
    submissions: dict[str, int]  # form id -> submissions the coordinator holds
    conflicts: dict[str, int]  # "hard" / "soft" -> how many
    duplicates: int  # groups of possible duplicate visits
    devices: list[str] = field(default_factory=list)  # the laptops the coordinator trusts


def refuse_unless_empty(folder: Path) -> None:
    """DemoRefused unless `folder` is missing or an empty folder."""
    with storage_errors(folder):
        if folder.exists() and not folder.is_dir():
            raise DemoRefused("not_a_folder", folder)
        if folder.is_dir() and any(folder.iterdir()):
            raise DemoRefused("not_empty", folder)


def build_demo(folder: Path, *, today: dt.date | None = None, progress: Progress | None = None) -> DemoSummary:
    """Fill `folder` (missing or empty) as a coordinator's data folder; on any failure
    remove what was written (the folders made for it too), so it can be tried again."""
    folder = Path(folder)
    refuse_unless_empty(folder)
    made = first_missing(folder)
    try:
        with storage_errors(folder):
            folder.mkdir(parents=True, exist_ok=True)
        return _build(folder, today or dt.date.today(), progress or (lambda _step, _values: None))
    except BaseException:
        if made is not None:
            shutil.rmtree(made, ignore_errors=True)
        else:
            _empty(folder)
        raise


def first_missing(folder: Path) -> Path | None:
    """The outermost folder of `folder`'s path that does not exist yet (None: it exists)."""
    missing = None
    for path in (folder, *folder.parents):
        if path.exists():
            break
        missing = path
    return missing


def _empty(folder: Path) -> None:
    for child in folder.iterdir() if folder.is_dir() else ():
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child, ignore_errors=True)
        else:
            child.unlink(missing_ok=True)


def plan(today: dt.date) -> tuple[list[Profile], list[Profile]]:
    """The province's communes in code order, the first half team one's, the rest team
    two's; each team visits two communes a day, the last ones two days ago."""
    communes = sorted(CommuneDirectory().in_province(PROVINCE), key=lambda commune: commune.code)
    half = (len(communes) + 1) // 2
    return _visits(communes[:half], today), _visits(communes[half:], today)


def _visits(communes: list[Commune], today: dt.date) -> list[Profile]:
    last = len(communes) - 1
    return [profile(commune, today - dt.timedelta(days=2 + (last - index) // 2))
            for index, commune in enumerate(communes)]


def _build(folder: Path, today: dt.date, progress: Progress) -> DemoSummary:
    team_one, team_two = plan(today)
    laptops = [Laptop(folder, COORDINATOR)]  # first: a folder that cannot be written is told at once
    try:
        with storage_errors(tempfile.gettempdir()):
            work = Path(tempfile.mkdtemp(prefix="fieldkit-demo-laptops-"))
    except BaseException:
        laptops[0].close()
        raise
    try:
        laptops.append(Laptop(work / "laptop-1", TEAM_ONE))
        laptops.append(Laptop(work / "laptop-2", TEAM_TWO))
        coordinator, one, two = laptops
        records = _survey(one, team_one, progress) | _survey(two, team_two, progress)
        bundles = _review(one, two, team_one, records, work, progress)
        progress("import", {"device": COORDINATOR.name, "bundles": str(len(bundles))})
        for laptop in (one, two):
            coordinator.trust(laptop.export_public_key(work / f"{laptop.fingerprint[:8]}.json"))
        _import(coordinator, bundles)
        return summary(coordinator, folder, len(team_one) + len(team_two))
    finally:
        for laptop in laptops:
            laptop.close()
        shutil.rmtree(work, ignore_errors=True)


def _survey(laptop: Laptop, team: list[Profile], progress: Progress) -> dict[tuple[str, str], str]:
    """Every form in every commune of the team; record ids by (form, commune code)."""
    device = laptop.survey.store.identity.device_name
    progress("survey", {"device": device, "communes": str(len(team))})
    records = {}
    for visit in team:
        for form_id in forms.FORMS:
            answers = forms.answers_for(form_id, visit, members=laptop.members)
            records[(form_id, visit.commune.code)] = laptop.fill(form_id, visit.commune.code, answers)
        progress("commune", {"device": device, "commune": visit.commune.name, "date": visit.visit_date.isoformat()})
    return records


def _review(one: Laptop, two: Laptop, team_one: list[Profile], records: dict[tuple[str, str], str], work: Path,
            progress: Progress) -> list[Path]:
    """Laptop 2 reviews laptop 1's bundle; both correct; both export. The bundles."""
    progress("review", {"reviewer": TEAM_TWO.name, "device": TEAM_ONE.name})
    counted, hired, revisited = chosen(team_one)
    two.trust(one.export_public_key(work / "laptop-1.json"))
    _import(two, [one.export(work / "laptop-1-first.fkb")])
    computers = "/data/equipment/computers"
    two.correct(records[(forms.INFRASTRUCTURE, counted.commune.code)], {computers: str(counted.computers + 2)})
    two.correct(records[(forms.STAFFING, hired.commune.code)], {"/data/it_staff": str(hired.it_staff + 1)})
    second_visit = forms.staffing(revisited) | {"/data/visit_date": str(revisited.visit_date + dt.timedelta(days=1)),
                                                "/data/total_staff": str(revisited.total_staff + 1)}
    two.fill(forms.STAFFING, revisited.commune.code, second_visit)
    one.correct(records[(forms.INFRASTRUCTURE, counted.commune.code)], {computers: str(counted.computers + 1)})
    one.correct(records[(forms.STAFFING, hired.commune.code)], {"/data/training_needs": "digitisation"})
    return [one.export(work / "laptop-1.fkb"), two.export(work / "laptop-2.fkb")]


def chosen(team: list[Profile]) -> tuple[Profile, Profile, Profile]:
    """The communes of the conflicts and of the second visit: one whose computers were
    counted again, the first with no IT officer (who is then hired), one visited twice."""
    hired = next((visit for visit in team[1:] if visit.it_staff == 0), team[1])
    others = [visit for visit in team[1:] if visit is not hired]
    return others[0], hired, others[1]


def _import(laptop: Laptop, bundles: list[Path]) -> None:
    for report in laptop.import_bundles(bundles):
        if report.status not in ("imported", "already_present"):
            raise DemoImportFailed(Path(report.path), report.reason or report.status)


def summary(coordinator: Laptop, folder: Path, communes: int) -> DemoSummary:
    """What the coordinator's folder holds, read back through the services."""
    survey, service = coordinator.survey, coordinator.coordinator
    rows = survey.submissions()
    kinds = [conflict["kind"] for conflict in service.conflicts()]
    province = survey.communes.province(PROVINCE)
    own = survey.store.identity.fingerprint
    return DemoSummary(
        folder=folder, province=province.name if province else PROVINCE, communes=communes,
        submissions={form_id: sum(1 for row in rows if row.form_id == form_id) for form_id in forms.FORMS},
        conflicts={kind: kinds.count(kind) for kind in ("hard", "soft")}, duplicates=len(service.duplicates()),
        devices=[str(device["name"]) for device in service.devices()
                 if device["state"] == "trusted" and device["fingerprint"] != own])
