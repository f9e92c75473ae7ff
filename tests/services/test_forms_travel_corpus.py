"""Forms others wrote travel through a drop box, and their submissions come back.

Every XLSForm of the shared corpus (pyxform's examples, ODK Web Forms' real-world forms):
the coordinator publishes it (after giving it a version, as it must, when it has none),
the laptop's sync pass pulls it and its catalogue offers it, the laptop fills one
submission the way the window does and syncs, and the coordinator's pass imports it:
the same answers, the same form version, the same state on both devices.

Forms that share a form id (group.csv, group.md, group.xls...) travel as successive
versions of one form, one per round, the way a coordinator revises a form in the field."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from fieldkit.errors import FieldkitError
from fieldkit.forms import FormError
from fieldkit.forms.load import load_form
from fieldkit.services import SurveyService
from fieldkit.services.form_releases import PublishRefused, publish_form
from fieldkit.services.survey import version_key
from fieldkit.services.types import FormEntry
from fieldkit.store.values import Revision
from fieldkit.sync.dropbox.folder import FolderTransport
from fieldkit.sync.dropbox.transport import Transport
from tests.helpers.corpus_forms import XLSFORMS, corpus_form_names, fill, versioned_copy
from tests.helpers.network_world import drop_box_of, laptop_and_coordinator, sync
from tests.helpers.sync_devices import Device

HOAN_KIEM = "00070"
NAMES = corpus_form_names()
# What fieldkit refuses to publish, and the words that say why (pyxform converts it; its
# calculation is prose, which no XPath parser accepts).
REFUSED = {"pyxform/bad_calc.xlsx": 'calculate expression "because pyxform doesn\'t know what to do" is not valid'}
# Forms with only calculations, hidden fields and notes: their submission travels unanswered.
NOTHING_TO_ASK = {"pyxform/calculate.xls", "pyxform/hidden.xls", "pyxform/pull_data.xlsx"}


@dataclass
class Trip:
    """What happened to one form file on its way out and back."""

    path: Path
    refusal: Exception | None = None  # publishing the file as it is
    published: FormEntry | None = None
    offered: str | None = None  # the version the laptop's catalogue offered
    given: dict[str, str] = field(default_factory=dict)
    revision: Revision | None = None  # the laptop's
    failure: tuple[str, Exception] | None = None  # the step that raised, and what


@dataclass
class Journey:
    laptop: Device
    coordinator: Device
    trips: dict[str, Trip]


def _attempt(trip: Trip, step: str, action: Callable[[], object]) -> None:
    """Run one step for one form; a fault is kept for that form's test to tell."""
    if trip.failure is not None:
        return
    try:
        action()
    except Exception as error:  # noqa: BLE001 - any fault is this form's failure, told by its test
        trip.failure = (step, error)


def _rounds(trips: dict[str, Trip]) -> list[list[Trip]]:
    """Round k holds the k-th file of each form id: a form id is published once per round."""
    by_form: dict[str, list[Trip]] = defaultdict(list)
    for trip in trips.values():
        try:
            by_form[load_form(trip.path).id].append(trip)
        except FormError:
            by_form[str(trip.path)].append(trip)  # refused when published: it tells how
    depth = max(len(files) for files in by_form.values())
    return [[files[k] for files in by_form.values() if len(files) > k] for k in range(depth)]


def _publish(survey: SurveyService, trip: Trip, *, version: str, folder: Path) -> None:
    try:
        trip.published = publish_form(survey, trip.path)
    except (FormError, PublishRefused) as refusal:
        trip.refusal = refusal
        if isinstance(refusal, PublishRefused) and "has no version" in refusal.text("en"):
            trip.published = publish_form(survey, versioned_copy(trip.path, version=version, folder=folder))


def _fill_and_save(survey: SurveyService, trip: Trip, seed: int, *, files: Path) -> None:
    assert trip.published is not None
    trip.offered = {entry.form_id: entry.version for entry in survey.catalog()}.get(trip.published.form_id)
    if trip.offered != trip.published.version:
        return  # told by the form's test
    submission = survey.open_submission(form_id=trip.published.form_id, commune_code=HOAN_KIEM, from_visit=True)
    trip.given = fill(submission, seed=seed, files=files)
    # A form whose made-up answers break a constraint is sent as a draft: it travels the same.
    saved = submission.save() if submission.errors() else submission.finalize()
    trip.revision = saved.result(timeout=30)


def _round(journey: Journey, surveys: dict[str, SurveyService], trips: list[Trip], *, number: int,
           transport: FolderTransport, folder: Path) -> None:
    for trip in trips:
        _attempt(trip, "publish", lambda trip=trip: _publish(
            surveys["coordinator"], trip, version=f"2026{number:04d}", folder=folder))
    sync(journey.coordinator, transport)
    sync(journey.laptop, transport)
    for seed, trip in enumerate(trips):
        if trip.published is not None:
            _attempt(trip, "fill on the laptop", lambda trip=trip, seed=seed: _fill_and_save(
                surveys["laptop"], trip, seed, files=folder / "photos"))
    sync(journey.laptop, transport)
    sync(journey.coordinator, transport)
    sync(journey.laptop, transport)  # the coordinator's receipt


@pytest.fixture(scope="module")
def journey(tmp_path_factory, corpus_dir) -> Iterator[Journey]:
    """Every corpus form published, pulled, filled and brought back; built once for the module."""
    root = tmp_path_factory.mktemp("corpus-travel")
    trips = {name: Trip(XLSFORMS / name) for name in NAMES}
    with pytest.MonkeyPatch.context() as patch:  # the per-test home is not made yet at module scope
        patch.setenv("HOME", str(root / "home"))
        patch.setenv("FIELDKIT_DATA_DIR", str(root / "home" / "data"))
        patch.setenv("FIELDKIT_CACHE_DIR", str(root / "home" / "cache"))
        with laptop_and_coordinator(root) as (laptop, coordinator, drop_box):
            world = Journey(laptop, coordinator, trips)
            surveys = {"laptop": SurveyService(laptop.store), "coordinator": SurveyService(coordinator.store)}
            for number, round_trips in enumerate(_rounds(trips), start=1):
                _round(world, surveys, round_trips, number=number, transport=FolderTransport(drop_box),
                       folder=root / "versioned")
            yield world


@pytest.mark.parametrize("name", NAMES)
def test_a_form_written_elsewhere_travels_and_its_submission_comes_back(journey, name):
    trip = journey.trips[name]
    if trip.failure is not None:
        step, error = trip.failure
        raise AssertionError(f"{name}: {step} failed: {type(error).__name__}: {error}") from error
    if name in REFUSED:
        assert isinstance(trip.refusal, (FormError, FieldkitError)), trip.refusal
        assert REFUSED[name] in str(trip.refusal) and trip.path.name in str(trip.refusal)
        assert trip.published is None
        return
    assert trip.published is not None
    assert trip.offered == trip.published.version, f"{name}: the laptop offers version {trip.offered}"
    assert trip.revision is not None
    assert bool(trip.given) != (name in NOTHING_TO_ASK), f"{name}: answered {trip.given}"

    laptop_revision = trip.revision
    arrived = journey.coordinator.store.revision(laptop_revision.rev_id)
    assert arrived is not None, f"{name}: the submission did not reach the coordinator"
    assert (arrived.form_id, arrived.form_version) == (trip.published.form_id, trip.published.version)
    assert arrived.answers == laptop_revision.answers
    assert arrived.data == laptop_revision.data
    assert {path: laptop_revision.answers.get(path) for path in trip.given} == trip.given
    for digest in laptop_revision.data["attachments"].values():
        assert journey.coordinator.store.blob(digest) == journey.laptop.store.blob(digest)

    coordinator_sees = SurveyService(journey.coordinator.store).open_submission(record_id=laptop_revision.record_id)
    assert coordinator_sees.form.version == trip.published.version
    assert coordinator_sees.session.answers() == laptop_revision.answers


def test_unversioned_forms_are_refused_until_they_have_a_version(journey):
    refused = {name: trip.refusal for name, trip in journey.trips.items()
               if isinstance(trip.refusal, PublishRefused)}
    assert "pyxform/group.csv" in refused and "web-forms/socio-economic-survey-v20240515.xlsx" not in refused
    for name, refusal in refused.items():
        assert refusal.text("en").endswith("has no version. A form to publish needs a `version` in its settings "
                                           "sheet, so that laptops can tell the new one from the old.")
        assert refusal.text("en").startswith(f"{journey.trips[name].path}: form ")
        assert "không có phiên bản" in refusal.text("vi")


def test_both_devices_end_with_the_same_state(journey):
    laptop, coordinator = journey.laptop, journey.coordinator
    assert laptop.digest() == coordinator.digest()
    filled = [trip.revision.record_id for trip in journey.trips.values() if trip.revision is not None]
    assert len(filled) == len(NAMES) - len(REFUSED)
    marks = SurveyService(laptop.store).received_marks(record_ids=filled)
    assert sorted(record for record, mark in marks.items() if mark.by == "coordinator") == sorted(filled)


SOCIO_ECONOMIC = "web-forms/socio-economic-survey-v20240515.xlsx"  # a repeat, its own version string


@pytest.fixture
def over_webdav(tmp_path, corpus_dir) -> Iterator[tuple[Device, Device, Callable[[], Transport]]]:
    """A laptop and its coordinator, and a drop box on wsgidav (on 127.0.0.1)."""
    with laptop_and_coordinator(tmp_path) as (laptop, coordinator, _folder):
        with drop_box_of("wsgidav", tmp_path / "dav") as open_transport:
            yield laptop, coordinator, open_transport


def test_a_draft_on_the_old_version_opens_with_its_answers_after_the_new_version_arrives(over_webdav, tmp_path):
    laptop, coordinator, open_transport = over_webdav
    at_laptop, at_coordinator = open_transport(), open_transport()
    survey, coordinating = SurveyService(laptop.store), SurveyService(coordinator.store)
    first = publish_form(coordinating, XLSFORMS / SOCIO_ECONOMIC)
    sync(coordinator, at_coordinator)
    sync(laptop, at_laptop)
    working = survey.open_submission(form_id=first.form_id, commune_code=HOAN_KIEM)
    given = fill(working, seed=2, files=tmp_path / "photos")
    working.close()  # the laptop closes the form unsaved: a working copy, on version 1

    newer = versioned_copy(XLSFORMS / SOCIO_ECONOMIC, version="20240601090000", folder=tmp_path / "v2")
    assert publish_form(coordinating, newer).version == "20240601090000"
    sync(coordinator, at_coordinator)
    sync(laptop, at_laptop)
    assert {entry.form_id: entry.version for entry in survey.catalog()}[first.form_id] == "20240601090000"

    [draft] = survey.pending_drafts()
    resumed = survey.resume(draft.draft_id)
    assert resumed.form.version == first.version == "20240515143545"
    assert {path: resumed.session.value(path) for path in given} == given
    assert any("[1]/" in path for path in given)  # the household roster's row came back too
    sent = resumed.finalize().result(timeout=30)
    sync(laptop, at_laptop)
    sync(coordinator, at_coordinator)
    arrived = SurveyService(coordinator.store).open_submission(record_id=sent.record_id)
    assert arrived.form.version == "20240515143545"
    assert arrived.session.answers() == sent.answers


@pytest.mark.parametrize("old, new", [("2024091201-3", "2024091201-10"), ("1.9", "1.10"), ("v9", "v10")])
def test_a_version_with_a_longer_number_in_it_is_newer(tmp_path, corpus_dir, old, new):
    """ODK versions are strings a person writes: the coordinator bumps the number in them."""
    source = XLSFORMS / "web-forms" / "all-question-types-v2024091201-3.xlsx"
    with laptop_and_coordinator(tmp_path) as (laptop, coordinator, drop_box):
        coordinating, survey = SurveyService(coordinator.store), SurveyService(laptop.store)
        for version in (old, new):
            publish_form(coordinating, versioned_copy(source, version=version, folder=tmp_path / version))
        sync(coordinator, FolderTransport(drop_box))
        sync(laptop, FolderTransport(drop_box))
        assert {entry.form_id: entry.version for entry in survey.catalog()}["all-question-types"] == new
        with pytest.raises(PublishRefused) as refused:
            publish_form(coordinating, versioned_copy(source, version=old, folder=tmp_path / "again"))
        assert f"version {old} is not newer than version {new}" in refused.value.text("en")


# Settings an ODK server reads (where to send, the key to encrypt with, how to name a
# submission) and fieldkit does not need: the form still travels and comes back.
ODD_SETTINGS = """\
| survey |
| | type         | name     | label                 | repeat_count |
| | text         | chief    | Người phụ trách       |              |
| | begin repeat | village  | Thôn                  |              |
| | text         | name     | Tên thôn              |              |
| | begin repeat | family   | Hộ                    | 2            |
| | integer      | members  | Số người              |              |
| | end repeat   |          |                       |              |
| | end repeat   |          |                       |              |
| settings |
| | form_id | version    | instance_name          | submission_url                        | public_key |
| | odd     | 2024-05 b  | concat('xa-', ${chief}) | https://central.example.org/submission | MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA1 |
"""


def test_a_form_with_nested_repeats_and_server_settings_travels(tmp_path):
    form_file = tmp_path / "odd.md"
    form_file.write_text(ODD_SETTINGS, encoding="utf-8")
    with laptop_and_coordinator(tmp_path) as (laptop, coordinator, drop_box):
        coordinating, survey = SurveyService(coordinator.store), SurveyService(laptop.store)
        assert publish_form(coordinating, form_file).version == "2024-05 b"
        sync(coordinator, FolderTransport(drop_box))
        sync(laptop, FolderTransport(drop_box))
        submission = survey.open_submission(form_id="odd", commune_code=HOAN_KIEM)
        submission.set_many({"/data/chief": "bà Lan", "/data/village[1]/name": "Thôn Đông",
                             "/data/village[1]/family[2]/members": 5})
        sent = submission.finalize().result(timeout=30)
        sync(laptop, FolderTransport(drop_box))
        sync(coordinator, FolderTransport(drop_box))

        arrived = SurveyService(coordinator.store).open_submission(record_id=sent.record_id)
        assert arrived.form.version == "2024-05 b"
        assert arrived.session.value("/data/village[1]/family[2]/members") == "5"
        assert arrived.session.answers() == sent.answers
        assert "base64RsaPublicKey" in arrived.form.xform and "central.example.org" in arrived.form.xform
        assert arrived.form.asks_encryption  # noted, not acted on: the answers came back readable
        sync(laptop, FolderTransport(drop_box))
        assert coordinator.digest() == laptop.digest()


def test_versions_order_as_people_number_them_whatever_their_digits():
    ordered = ["", "beta", "v2", "v10", "1", "1.9", "1.10", "20240915", "2024091201-3", "2024091201-10"]
    assert sorted(reversed(ordered), key=version_key) == ordered
    assert version_key("007") != version_key("7")  # the same number, other text: two versions
    # digits int() refuses (a superscript; 5,000 of them) order without an error
    assert version_key("1²") > version_key("1") and version_key("9" * 5000) > version_key("9" * 4999)
