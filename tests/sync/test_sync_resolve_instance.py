"""resolve(answers=...) keeps instance_xml: with the form version in the store, the
winner's whole instance is reopened, the answers set, and the whole instance stored, as
a Submission stores it; without the form, instance_xml is dropped (rebuilt from answers)."""

import pytest

from fieldkit.forms import load_form
from fieldkit.services.submission import whole_instance_xml
from fieldkit.store.tables import put_form
from tests.helpers.sync_devices import Device, records_equal_rebuild

FORM_ID, VERSION = "resolve_form", "3"
XFORM = f"""<?xml version="1.0"?>
<h:html xmlns="http://www.w3.org/2002/xforms" xmlns:h="http://www.w3.org/1999/xhtml">
  <h:head><h:title>Resolve</h:title>
    <model>
      <instance><data id="{FORM_ID}" version="{VERSION}"><staff/><notes/><hidden/></data></instance>
      <bind nodeset="/data/staff" type="int"/>
      <bind nodeset="/data/notes" type="string"/>
      <bind nodeset="/data/hidden" type="string" relevant="/data/staff &lt; 100"/>
    </model>
  </h:head>
  <h:body>
    <input ref="/data/staff"><label>Staff</label></input>
    <input ref="/data/notes"><label>Notes</label></input>
    <input ref="/data/hidden"><label>Hidden</label></input>
  </h:body>
</h:html>"""


@pytest.fixture
def world(tmp_path):
    devices = {name: Device(tmp_path, name) for name in ("lan", "minh", "coordinator")}
    for device in devices.values():
        device.trusts(*devices.values())
    yield devices
    for device in devices.values():
        device.close()


def _save(device, record_id, answers, parents, *, with_form=True):
    form = load_form(XFORM.encode("utf-8"), file_type="xml")
    if with_form:
        device.store.writer.call(lambda connection: put_form(
            connection, form_id=FORM_ID, version=VERSION, title={"": "Resolve"}, xform=XFORM, source_sha256=None))
    session = form.new_session()
    for path, value in answers.items():
        session.set(path, value)
    data = {"status": "draft", "answers": session.answers(), "commune": "00070", "province": "01",
            "attachments": {}, "instance_xml": whole_instance_xml(session)}
    return device.store.commit_revision(record_id=record_id, parents=parents, form_id=FORM_ID,
                                        form_version=VERSION, data=data, author=device.name,
                                        action="save").result()


def _conflict(world, tmp_path, *, with_form=True):
    lan, minh, coordinator = world["lan"], world["minh"], world["coordinator"]
    base = _save(lan, "r1", {"/data/staff": "5", "/data/notes": "gốc", "/data/hidden": "giữ"}, [],
                 with_form=with_form)
    minh.import_(lan.export(tmp_path / "base.fkb"))
    _save(lan, "r1", {"/data/staff": "6", "/data/notes": "gốc", "/data/hidden": "giữ"}, [base.rev_id],
          with_form=with_form)
    _save(minh, "r1", {"/data/staff": "7", "/data/notes": "gốc", "/data/hidden": "giữ"}, [base.rev_id],
          with_form=with_form)
    coordinator.import_(lan.export(tmp_path / "lan.fkb"), minh.export(tmp_path / "minh.fkb"))
    assert len(coordinator.service.conflicts()) == 1
    return coordinator


def test_resolving_with_answers_keeps_the_whole_instance(world, tmp_path):
    coordinator = _conflict(world, tmp_path)
    revision = coordinator.service.resolve("r1", answers={"/data/staff": "150", "/data/notes": "đã thống nhất"})
    xml = revision.instance_xml
    session = load_form(XFORM.encode("utf-8"), file_type="xml").new_session().from_xml(xml)
    answers = session.answers()
    assert answers["/data/staff"] == "150" and answers["/data/notes"] == "đã thống nhất"
    assert "<hidden>giữ</hidden>" in xml  # non-relevant now, kept: the whole instance
    assert revision.answers["/data/staff"] == "150"
    assert coordinator.service.conflicts() == []
    assert records_equal_rebuild(coordinator.store.path)


def test_without_the_form_version_the_instance_is_dropped(world, tmp_path):
    coordinator = _conflict(world, tmp_path, with_form=False)
    revision = coordinator.service.resolve("r1", answers={"/data/staff": "8"})
    assert "instance_xml" not in revision.data
    assert revision.answers["/data/staff"] == "8"
