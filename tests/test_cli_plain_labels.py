"""Issue 9: a form with no language columns (a plain `label` column, as most XLSForms in
the wild have) opened by `fieldkit submit` with the app in Vietnamese and in English.
The form shows its only (default) language; the app's own messages keep the app's
language. The window's side is tests/ui/form_view/test_form_view_plain_labels.py."""

import json

import pytest

from fieldkit.cli import main
from tests.helpers.plain_labels import PLAIN_FORM, REQUIRED_MESSAGE


@pytest.fixture
def fieldkit(tmp_path, capsys, monkeypatch):
    """fieldkit(lang, *arguments) -> (status, stdout, stderr), over a fresh data folder."""

    def run(lang, *arguments):
        monkeypatch.setenv("FIELDKIT_LANG", lang)
        status = main(["--data-dir", str(tmp_path / "data"), *map(str, arguments)])
        out, err = capsys.readouterr()
        return status, out, err

    return run


@pytest.fixture
def files(tmp_path):
    """files(answers) -> (form.md, answers.json)."""
    form = tmp_path / "plain_labels.md"
    form.write_text(PLAIN_FORM, encoding="utf-8")

    def write(answers):
        path = tmp_path / "answers.json"
        path.write_text(json.dumps(answers, ensure_ascii=False), encoding="utf-8")
        return form, path

    return write


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_submit_a_form_without_language_columns(fieldkit, files, lang):
    answers = {"/data/office": "UBND xã Tả Van", "/data/staff": "12", "/data/wifi": "yes",
               "/data/room[1]/room_name": "Bộ phận một cửa"}
    form, path = files(answers)
    status, out, err = fieldkit(lang, "submit", form, "--answers", path, "--commune", "00070", "--finalize")
    assert (status, err) == (0, ""), out + err
    record_id = out.strip().splitlines()[-1]
    status, out, err = fieldkit(lang, "records", "--json")
    assert status == 0, err
    [row] = [row for row in json.loads(out) if row["record_id"] == record_id]
    assert row["form_id"] == "plain_labels" and row["status"] == "finalized"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_submit_refused_names_the_missing_answer_in_the_app_language(fieldkit, files, lang):
    form, path = files({"/data/office": "UBND xã Tả Van", "/data/room[1]/room_name": "Kho"})
    status, out, err = fieldkit(lang, "submit", form, "--answers", path, "--finalize")
    assert status == 1 and "Traceback" not in err, out + err
    assert "/data/staff: " in out
    assert "room_name" not in out and "/data/office" not in out
    assert f"/data/staff: {REQUIRED_MESSAGE[lang]}" in out
