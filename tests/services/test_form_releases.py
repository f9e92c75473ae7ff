"""Forms travel: a coordinator publishes a form version, it crosses the drop box in a
signed bundle to the laptops that trust the coordinator, which offer it for new
submissions while drafts and records keep the version they were made with."""

import logging

import pytest

from fieldkit.forms import FormError
from fieldkit.services import SurveyService
from fieldkit.services.form_releases import PublishRefused, publish_form, published_forms, unsent_releases
from fieldkit.store import tables
from fieldkit.sync.dropbox.folder import FolderTransport
from tests.helpers.mini_forms import V1, V2, mini_form
from tests.helpers.network_world import sync, trust_by_key
from tests.helpers.sync_devices import Device

HOAN_KIEM = "00070"


@pytest.fixture
def write(tmp_path):
    def write_(text: str, name: str):
        path = tmp_path / "files" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path
    return write_


@pytest.fixture
def world(tmp_path):
    """A coordinator and two laptops, each with its data folder, and a folder drop box."""
    devices = {name: Device(tmp_path, name) for name in ("coordinator", "trusting", "stranger")}
    surveys = {name: SurveyService(device.store) for name, device in devices.items()}  # closed with the device
    (tmp_path / "drop-box").mkdir()
    yield devices, surveys, FolderTransport(tmp_path / "drop-box")
    for device in devices.values():
        device.close()


def versions_offered(survey: SurveyService) -> dict[str, str]:
    return {entry.form_id: entry.version for entry in survey.catalog()}


def test_publishing_keeps_the_form_and_notes_it(service, write):
    entry = publish_form(service, write(V1, "mini.md"))
    assert (entry.form_id, entry.version, entry.title[""]) == ("mini_survey", "1", "Mini survey")
    assert published_forms(service.store) == [("mini_survey", "1")]
    assert versions_offered(service)["mini_survey"] == "1"
    assert unsent_releases(service.store, remote="hop") == [("mini_survey", "1")]


def test_a_broken_form_is_refused_naming_the_file(service, write):
    path = write(V1.replace("integer", "no_such_type"), "broken.md")
    with pytest.raises(FormError) as refused:
        publish_form(service, path)
    assert "broken.md" in str(refused.value)
    assert published_forms(service.store) == []


@pytest.mark.parametrize("version", ["1", "0"])
def test_a_version_not_newer_than_the_one_held_is_refused(service, write, version):
    publish_form(service, write(V1, "mini.md"))
    with pytest.raises(PublishRefused) as refused:
        publish_form(service, write(mini_form(version), "again.md"))
    assert refused.value.text("en") == (
        f"{refused.value.values['path']}: form mini_survey version {version} is not newer than version 1, which "
        "this data folder already holds. Give the new form a higher `version` in its settings sheet.")
    assert "phiên bản 1" in refused.value.text("vi")
    assert published_forms(service.store) == [("mini_survey", "1")]


def test_a_form_without_a_version_is_refused(service, write):
    with pytest.raises(PublishRefused) as refused:
        publish_form(service, write(V1.replace("| 1 |", "|   |"), "mini.md"))
    assert "has no version" in refused.value.text("en")


def test_a_release_reaches_the_laptops_that_trust_the_coordinator_only(world, write, tmp_path):
    devices, surveys, drop_box = world
    coordinator, trusting, stranger = devices["coordinator"], devices["trusting"], devices["stranger"]
    trust_by_key(trusting, coordinator, keys=tmp_path / "keys")
    publish_form(surveys["coordinator"], write(V1, "mini.md"))

    report = sync(coordinator, drop_box)
    assert (report.sent_bundles, report.sent_revisions) == (1, 0)
    assert sync(coordinator, drop_box).sent_bundles == 0  # put once per drop box
    sync(trusting, drop_box)
    sync(stranger, drop_box)

    assert versions_offered(surveys["trusting"])["mini_survey"] == "1"
    assert "mini_survey" not in versions_offered(surveys["stranger"])


def test_a_release_from_an_untrusted_device_is_quarantined(world, write, tmp_path):
    devices, surveys, _drop_box = world
    publish_form(surveys["coordinator"], write(V1, "mini.md"))
    bundle = devices["coordinator"].export(tmp_path / "release.fkb")  # `bundle export` carries published forms

    [report] = devices["stranger"].import_(bundle)
    assert report.status == "quarantined"
    assert "mini_survey" not in versions_offered(surveys["stranger"])
    trust_by_key(devices["trusting"], devices["coordinator"], keys=tmp_path / "keys")
    [report] = devices["trusting"].import_(bundle)
    assert report.status == "imported"
    assert versions_offered(surveys["trusting"])["mini_survey"] == "1"


def test_drafts_and_records_keep_their_version_and_new_submissions_take_the_new_one(world, write, tmp_path):
    devices, surveys, drop_box = world
    coordinator, laptop = devices["coordinator"], devices["trusting"]
    survey = surveys["trusting"]
    trust_by_key(laptop, coordinator, keys=tmp_path / "keys")
    publish_form(surveys["coordinator"], write(V1, "v1.md"))
    sync(coordinator, drop_box)
    sync(laptop, drop_box)

    saved = survey.open_submission(form_id="mini_survey", commune_code=HOAN_KIEM)
    saved.set_many({"/data/total_staff": 12, "/data/note": "đã lưu"}, autosave=False)
    record = saved.save().result()
    working = survey.open_submission(form_id="mini_survey", commune_code=HOAN_KIEM)
    working.set("/data/note", "chưa lưu")
    working.autosave().result()
    working.close()

    publish_form(surveys["coordinator"], write(V2, "v2.md"))
    sync(coordinator, drop_box)
    sync(laptop, drop_box)
    assert versions_offered(survey)["mini_survey"] == "2"

    reopened = survey.open_submission(record_id=record.record_id)
    assert reopened.form.version == "1"
    assert reopened.session.value("/data/total_staff") == "12"
    assert reopened.session.value("/data/note") == "đã lưu"
    [draft] = survey.pending_drafts()
    resumed = survey.resume(draft.draft_id)
    assert resumed.form.version == "1"
    assert resumed.session.value("/data/note") == "chưa lưu"
    new = survey.open_submission(form_id="mini_survey", commune_code=HOAN_KIEM)
    assert new.form.version == "2"
    new.set("/data/phone", "0912 345 678")


def test_a_received_form_that_does_not_open_leaves_the_previous_version_on_offer(world, write, tmp_path, caplog):
    devices, surveys, drop_box = world
    coordinator, laptop = devices["coordinator"], devices["trusting"]
    trust_by_key(laptop, coordinator, keys=tmp_path / "keys")
    publish_form(surveys["coordinator"], write(V1, "v1.md"))
    # a coordinator's mistake: version 2's XForm kept damaged (a tool that wrote half of it)
    coordinator.store.writer.call(lambda connection: tables.put_form(
        connection, form_id="mini_survey", version="2", title={"": "Mini survey"}, xform="<h:html>half",
        source_sha256=None))
    coordinator.store.put_setting("published_forms", [["mini_survey", "1"], ["mini_survey", "2"]]).result()
    sync(coordinator, drop_box)
    sync(laptop, drop_box)

    survey = surveys["trusting"]
    with caplog.at_level(logging.WARNING, logger="fieldkit.services.survey"):
        assert versions_offered(survey)["mini_survey"] == "1"
        assert versions_offered(survey)["mini_survey"] == "1"
        assert survey.open_submission(form_id="mini_survey", commune_code=HOAN_KIEM).form.version == "1"
    told = [record.getMessage() for record in caplog.records if "mini_survey" in record.getMessage()]
    assert len(told) == 1 and "version 2 received but not offered" in told[0]
