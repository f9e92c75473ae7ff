"""An XLSForm opened again is not converted again; the cache never blocks loading."""

import pytest

from fieldkit.forms import load_form, xform_cache

FORM = """\
| survey |
| | type    | name | label |
| | integer | age  | Age   |
"""


@pytest.fixture
def conversions(monkeypatch):
    calls = []
    real = xform_cache.cached_xform

    def counting(data, file_type, convert):
        return real(data, file_type, lambda: calls.append(file_type) or convert())

    monkeypatch.setattr("fieldkit.forms.load.cached_xform", counting)
    monkeypatch.setattr(xform_cache, "_memory", {})
    return calls


def test_the_same_workbook_is_converted_once(tmp_path, conversions):
    (tmp_path / "a.md").write_text(FORM, encoding="utf-8")
    first = load_form(tmp_path / "a.md")
    xform_cache._memory.clear()  # a new process: only the disk cache remains
    second = load_form(tmp_path / "a.md")
    assert conversions == [".md"]
    assert first.xform == second.xform


def test_a_changed_workbook_is_converted_again(tmp_path, conversions):
    (tmp_path / "a.md").write_text(FORM, encoding="utf-8")
    load_form(tmp_path / "a.md")
    (tmp_path / "a.md").write_text(FORM.replace("Age", "Tuổi"), encoding="utf-8")
    assert load_form(tmp_path / "a.md").questions()[0].labels == {"": "Tuổi"}
    assert conversions == [".md", ".md"]


def test_an_unwritable_cache_still_loads_the_form(tmp_path, conversions, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    monkeypatch.setenv("FIELDKIT_CACHE_DIR", str(blocker))
    (tmp_path / "a.md").write_text(FORM, encoding="utf-8")
    assert [q.name for q in load_form(tmp_path / "a.md").questions()][0] == "age"
