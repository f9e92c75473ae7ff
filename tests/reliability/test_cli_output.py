"""Issue 10, item 11: what the command line prints that came from outside (a device name,
an author, a file name on a stick, a form id, a commune code in the data, a reason quoting
a bundle) never reaches the terminal as a raw control or format character: no escape
sequence is obeyed, no U+202E turns text around. Vietnamese stays as it is.

Each test runs `fieldkit.cli.main` as a user types the command, on real data folders and
bundle files, and reads what it printed.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from fieldkit.cli import main
from fieldkit.services.coordinator import CoordinatorService
from fieldkit.store.values import Revision

# clears the screen, sets the window title, colours, a C1 CSI, DEL, then reverses what follows
HOSTILE = "Lan\x1b[2J\x1b]0;owned\x07\x1b[31m\x9b1m\x7f\u202egnp.exe\u2066"
UNSAFE = {"Cc", "Cf", "Cs", "Zl", "Zp"}
FORM = "ha_tang"


def unsafe_characters(text: str) -> list[str]:
    return [character for character in text
            if character != "\n" and unicodedata.category(character) in UNSAFE]


def run(capsys, *arguments) -> tuple[int, str, str]:
    status = main([str(argument) for argument in arguments])
    out, err = capsys.readouterr()
    assert unsafe_characters(out) == [], out
    assert unsafe_characters(err) == [], err
    return status, out, err


@pytest.fixture(autouse=True)
def english(monkeypatch):
    monkeypatch.setenv("FIELDKIT_LANG", "en")


def device(root: Path, folder: str, name: str = HOSTILE) -> CoordinatorService:
    return CoordinatorService.open(root / folder, device_name=name)


def save(service, *, record_id: str, answers: dict, parents=(), author: str = HOSTILE,
         commune: str = "00070") -> Revision:
    data = {"status": "draft", "answers": answers, "commune": commune, "province": "01", "attachments": {}}
    return service.store.commit_revision(record_id=record_id, parents=list(parents), form_id=FORM, form_version="1",
                                         data=data, author=author, action="save").result()


def hostile_bundle(tmp_path: Path) -> Path:
    """A bundle from a laptop whose name (and author) holds escapes, on a stick, under a
    file name that holds them too."""
    laptop = device(tmp_path, "laptop")
    save(laptop, record_id="00000000-0000-4000-8000-000000000001", answers={"/data/staff": "4"})
    stick = tmp_path / "stick"
    stick.mkdir()
    path = stick / f"from{HOSTILE}.fkb"
    laptop.export(path)
    laptop.close()
    return path


def test_an_unknown_device_with_escapes_in_its_name_and_file_name_is_reported_escaped(tmp_path, capsys):
    bundle = hostile_bundle(tmp_path)
    status, out, _err = run(capsys, "--data-dir", tmp_path / "coordinator", "bundle", "import", bundle.parent)
    assert status == 0 and "quarantined" in out
    assert "Lan\\x1b[2J\\x1b]0;owned\\x07" in out and "\\u202egnp.exe" in out  # visible, not obeyed


def test_bundle_verify_shows_the_escapes_of_a_hostile_device_name(tmp_path, capsys):
    bundle = hostile_bundle(tmp_path)
    _status, out, _err = run(capsys, "--data-dir", tmp_path / "coordinator", "bundle", "verify", bundle)
    assert "\\x9b1m\\x7f\\u202e" in out


def test_json_reports_escape_what_json_dumps_leaves_raw_and_read_back_the_same(tmp_path, capsys):
    bundle = hostile_bundle(tmp_path)
    _status, out, _err = run(capsys, "--data-dir", tmp_path / "coordinator", "bundle", "import", bundle, "--json")
    [report] = json.loads(out)
    assert report["device"] == HOSTILE and report["path"] == str(bundle)  # nothing lost, only escaped
    assert "\\u202e" in out and "\\u009b" in out


def test_conflicts_show_hostile_authors_and_device_names_escaped(tmp_path, capsys):
    laptop, other = device(tmp_path, "laptop"), device(tmp_path, "other", name="Minh\u202e")
    laptop.trust(other.store.identity.fingerprint)
    first = save(laptop, record_id="00000000-0000-4000-8000-000000000002", answers={"/data/staff": "4"})
    other.trust(laptop.store.identity.fingerprint)
    other.import_paths([laptop.export(tmp_path / "a.fkb") and tmp_path / "a.fkb"])
    save(laptop, record_id=first.record_id, answers={"/data/staff": "5"}, parents=[first.rev_id])
    save(other, record_id=first.record_id, answers={"/data/staff": "6"}, parents=[first.rev_id],
         author="Đỗ Thị Hoà\x1b[8m")
    other.export(tmp_path / "b.fkb")
    other.close()
    laptop.import_paths([tmp_path / "b.fkb"])
    laptop.close()

    status, out, _err = run(capsys, "--data-dir", tmp_path / "laptop", "conflicts")
    assert status == 0 and "hard conflict" in out
    assert "Đỗ Thị Hoà\\x1b[8m" in out  # Vietnamese kept, the escape shown
    _status, out, _err = run(capsys, "--data-dir", tmp_path / "laptop", "conflicts", "--json")
    assert {head["author"] for head in json.loads(out)[0]["heads"]} == {HOSTILE, "Đỗ Thị Hoà\x1b[8m"}


def test_records_show_a_hostile_author_and_commune_code_escaped(tmp_path, capsys):
    laptop = device(tmp_path, "laptop")
    save(laptop, record_id="00000000-0000-4000-8000-000000000003", answers={"/data/staff": "4"},
         commune="00070\x1b[1A\u202e")
    laptop.close()
    status, out, _err = run(capsys, "--data-dir", tmp_path / "laptop", "records")
    assert status == 0 and len(out.splitlines()) == 1
    assert "00070\\x1b[1A\\u202e" in out and "Lan\\x1b[2J" in out
    _status, out, _err = run(capsys, "--data-dir", tmp_path / "laptop", "records", "--json")
    [row] = json.loads(out)
    assert (row["commune_code"], row["author"]) == ("00070\x1b[1A\u202e", HOSTILE)


def test_keys_show_escapes_a_hostile_host_name(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("platform.node", lambda: HOSTILE)
    status, out, _err = run(capsys, "--data-dir", tmp_path / "laptop", "keys", "show")
    assert status == 0 and "Lan\\x1b[2J" in out
    assert len(out.splitlines()[-1].split()) == 4  # the fingerprint keeps its lines


XFORM = ('<?xml version="1.0"?>\n<h:html xmlns="http://www.w3.org/2002/xforms" xmlns:h="http://www.w3.org/1999/xhtml">'
         '<h:head><h:title>Hạ tầng</h:title><model><instance><data id="f\x9b[2J\u202egnp.exe" version="1\u202e">'
         '<q/></data></instance><bind nodeset="/data/q" type="string"/></model></h:head>'
         '<h:body><input ref="/data/q"><label>Q</label></input></h:body></h:html>')


def test_form_check_escapes_the_form_id_and_the_file_name(tmp_path, capsys):
    path = tmp_path / "form\x1b[31m\u202e.xml"
    path.write_text(XFORM, encoding="utf-8")
    status, out, _err = run(capsys, "form", "check", path)
    assert status == 0 and "form\\x1b[31m\\u202e.xml" in out and "f\\x9b[2J\\u202egnp.exe" in out


def test_an_error_quoting_a_file_name_is_escaped(tmp_path, capsys):
    (tmp_path / "junk\x1b[2J\u202e.fkb").write_bytes(b"PK\x03\x04 not really")
    status, out, _err = run(capsys, "--data-dir", tmp_path / "coordinator", "bundle", "import", tmp_path)
    assert status == 1 and "junk\\x1b[2J\\u202e.fkb" in out
