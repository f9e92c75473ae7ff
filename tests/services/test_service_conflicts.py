"""fieldkit.services.conflicts without a store: labels from a form, what differs, and a
form that cannot be had (the paths stand as labels, the review goes on)."""

from __future__ import annotations

import pathlib

import pytest

from fieldkit.communes import CommuneDirectory
from fieldkit.forms import FormError, load_form
from fieldkit.services.conflicts import differing_answers, field_label, labelled_conflicts
from fieldkit.store import StoreError

STAFFING = pathlib.Path(__file__).resolve().parents[2] / "forms" / "commune_staffing.xlsx"


@pytest.fixture(scope="module")
def form():
    return load_form(STAFFING)


@pytest.mark.parametrize(("path", "lang", "label"), [
    ("/data/total_staff", "en", "Total staff of the commune"),
    ("/data/total_staff", "vi", "Tổng số cán bộ, công chức, viên chức của xã"),
    ("/data/roster[3]/name", "en", "Full name #3"),
    ("/data/not_in_the_form", "en", "/data/not_in_the_form"),
])
def test_a_path_is_labelled_from_the_form(form, path, lang, label):
    assert field_label(form, path, lang) == label


def test_without_a_form_the_path_is_the_label():
    assert field_label(None, "/data/roster[2]/name", "vi") == "/data/roster[2]/name"


CONFLICT = {
    "record_id": "r", "form_id": "commune_staffing", "commune": "00070", "fields": ["/data/total_staff"],
    "winner": "b", "kind": "hard", "delete": False,
    "heads": [{"rev_id": "a", "answers": {"/data/total_staff": "13", "/data/it_staff": "1", "/data/note": "x"}},
              {"rev_id": "b", "answers": {"/data/total_staff": "15", "/data/it_staff": "1"}}],
}


def test_only_what_differs_is_listed_each_version_with_its_answer():
    answers = differing_answers({**CONFLICT, "labels": {"/data/total_staff": "Total staff"}})
    assert [(answer.path, answer.label, answer.values, answer.hard) for answer in answers] == [
        ("/data/note", "/data/note", {"a": "x", "b": ""}, False),
        ("/data/total_staff", "Total staff", {"a": "13", "b": "15"}, True),
    ]


class Coordinator:
    def conflicts(self):
        return [{**CONFLICT, "heads": [dict(head) for head in CONFLICT["heads"]]}]


class Survey:
    """A survey whose forms cannot be had: `fault` is what asking for one raises."""

    def __init__(self, fault: Exception):
        self.fault = fault
        self.communes = CommuneDirectory()

    def form(self, form_id):
        raise self.fault

    def form_title(self, form_id, lang):
        return form_id


@pytest.mark.parametrize("fault", [
    StoreError("There is no form", kind="unknown"),
    StoreError("read-only", kind="read_only"),
    FormError("the stored form is broken"),
])
def test_a_form_that_cannot_be_had_leaves_the_paths_as_labels(fault):
    [conflict] = labelled_conflicts(Coordinator(), Survey(fault), "en")
    assert conflict["labels"] == {path: path for path in ("/data/total_staff", "/data/it_staff", "/data/note")}
    assert conflict["commune_name"] == "Phường Hoàn Kiếm" and conflict["form_title"] == "commune_staffing"


def test_any_other_error_is_not_hidden():
    with pytest.raises(ZeroDivisionError):
        labelled_conflicts(Coordinator(), Survey(ZeroDivisionError()), "en")
