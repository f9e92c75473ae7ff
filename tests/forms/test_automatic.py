"""fieldkit.forms.automatic: the fields a device fills by itself, which a conflict's
kind ignores (fieldkit.sync.merge)."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldkit.forms.automatic import automatic_paths

REPO = Path(__file__).resolve().parents[2]

# Metadata in a repeat and an `orx:meta` group, as other tools write them.
XFORM = """<h:html xmlns="http://www.w3.org/2002/xforms" xmlns:h="http://www.w3.org/1999/xhtml"
    xmlns:jr="http://openrosa.org/javarosa" xmlns:orx="http://openrosa.org/xforms">
  <h:head><h:title>t</h:title><model>
    <instance><survey id="t"><begun/><visit jr:template=""><seen/><when/></visit>
      <orx:meta><orx:instanceID/><orx:audit><orx:who/></orx:audit></orx:meta></survey></instance>
    <instance id="places"><root><item><name>a</name></item></root></instance>
    <bind nodeset="/survey/begun" type="dateTime" jr:preload="timestamp" jr:preloadParams="start"/>
    <bind nodeset="/survey/visit/when" type="dateTime" jr:preload="timestamp" jr:preloadParams="end"/>
    <bind nodeset="/survey/visit/seen" type="string"/>
  </model></h:head><h:body/></h:html>"""


def test_preloads_anywhere_and_the_meta_group_are_filled_by_the_device():
    assert automatic_paths(XFORM) == {"/survey/begun", "/survey/visit/when", "/survey/meta/instanceID",
                                      "/survey/meta/audit", "/survey/meta/audit/who"}


def test_a_shipped_forms_timestamps_device_and_meta_are_automatic():
    from fieldkit.forms.xlsform import xlsform_to_xform

    xform = xlsform_to_xform(REPO / "forms" / "commune_staffing.xlsx", ".xlsx", display="commune_staffing.xlsx")
    assert {"/data/start", "/data/end", "/data/meta/instanceID"} <= automatic_paths(xform)
    assert "/data/total_staff" not in automatic_paths(xform)


def test_a_corpus_form_with_only_an_instance_id(corpus_dir):
    xform = (corpus_dir / "xlsforms" / "pyxform-expected" / "widgets.xml").read_text(encoding="utf-8")
    assert automatic_paths(xform) == {"/widgets/meta/instanceID"}


@pytest.mark.parametrize("text", ["", "<not xml", "<?xml version='1.0'?><!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><x>&e;</x>",
                                  "<h:html xmlns:h='http://www.w3.org/1999/xhtml'/>", "\ud800"])
def test_an_xform_that_does_not_parse_has_no_automatic_fields(text):
    assert automatic_paths(text) == frozenset()
