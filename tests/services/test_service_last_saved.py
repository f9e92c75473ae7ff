"""A new submission of a form that reads `jr://instance/last-saved` is prefilled from the
last submission of the same form saved on this laptop (the same commune's first), as
ODK Collect prefills from the previous visit."""

import pytest

from tests.helpers.survey_data import BA_DINH, HOAN_KIEM

REVISIT = """<?xml version="1.0"?>
<h:html xmlns="http://www.w3.org/2002/xforms" xmlns:h="http://www.w3.org/1999/xhtml"
        xmlns:jr="http://openrosa.org/javarosa" xmlns:orx="http://openrosa.org/xforms">
  <h:head>
    <h:title>Revisit</h:title>
    <model>
      <instance>
        <data id="revisit" version="1"><commune/><staff/><meta><instanceID/></meta></data>
      </instance>
      <instance id="__last-saved" src="jr://instance/last-saved"/>
      <bind nodeset="/data/commune" type="string"/>
      <bind nodeset="/data/staff" type="int"/>
      <bind nodeset="/data/meta/instanceID" type="string" readonly="true()" jr:preload="uid"/>
      <setvalue event="odk-instance-first-load" ref="/data/staff" value=" instance('__last-saved')/data/staff "/>
    </model>
  </h:head>
  <h:body>
    <input ref="/data/commune"><label>Commune</label></input>
    <input ref="/data/staff"><label>Staff</label></input>
  </h:body>
</h:html>
"""


@pytest.fixture
def revisit(service, tmp_path):
    path = tmp_path / "revisit.xml"
    path.write_text(REVISIT, encoding="utf-8")
    service.add_form(path)

    def open_new(commune):
        return service.open_submission(form_id="revisit", commune_code=commune)
    return open_new


def saved(submission, staff):
    submission.set("/data/staff", staff)
    return submission.save().result()


def test_the_first_submission_starts_blank(revisit):
    assert revisit(HOAN_KIEM).session.value("/data/staff") == ""


def test_a_revisit_is_prefilled_from_the_same_communes_last_submission(revisit):
    saved(revisit(HOAN_KIEM), 12)
    saved(revisit(BA_DINH), 30)  # saved later, for another commune
    again = revisit(HOAN_KIEM)
    assert again.session.value("/data/commune") == HOAN_KIEM
    assert again.session.value("/data/staff") == "12"


def test_the_latest_save_of_a_record_is_the_one_read(revisit):
    first = revisit(HOAN_KIEM)
    saved(first, 12)
    saved(first, 14)
    assert revisit(HOAN_KIEM).session.value("/data/staff") == "14"


def test_a_commune_never_visited_reads_the_last_submission_of_any_commune(revisit):
    saved(revisit(HOAN_KIEM), 12)
    saved(revisit(BA_DINH), 30)
    assert revisit("00008").session.value("/data/staff") == "30"


def test_a_deleted_submission_is_not_read(service, revisit):
    saved(revisit(HOAN_KIEM), 12)
    gone = saved(revisit(HOAN_KIEM), 99)
    from fieldkit.services.coordinator import CoordinatorService

    CoordinatorService(service.store).delete(gone.record_id)
    assert revisit(HOAN_KIEM).session.value("/data/staff") == "12"
