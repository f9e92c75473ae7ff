"""The language of the command line: `--lang` (before or after the command's name), else
FIELDKIT_LANG, else the language last chosen in the window (settings.ini in the data
folder), else Vietnamese; the messages, what is written and the domain's errors all
speak it."""

from __future__ import annotations

import pytest

from fieldkit.cli import main
from fieldkit.cli.common import saved_language

NOWHERE = "nowhere.xlsx"
# (the arguments after --data-dir, what it prints in Vietnamese, in English)
COMMANDS = {
    "form check": (["form", "check", NOWHERE], f"LỖI {NOWHERE}:", f"ERROR {NOWHERE}:"),
    "records": (["records"], "Chưa có phiếu nào.", "No submissions yet."),
    "export": (["export", "--format", "json", "--out", "a.json", "--from", "26/11/2025"],
               "'26/11/2025' không phải là ngày", "'26/11/2025' is not a date"),
    "report": (["report", "commune", "99999", "--out", "x.pdf"], "Không có xã, phường nào mã 99999",
               "There is no commune with code 99999"),
}


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("FIELDKIT_LANG", raising=False)
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


def save_choice(data_dir, language: str) -> None:
    """As the window's QSettings (IniFormat) writes it."""
    text = f"[General]\ngeometry=@ByteArray(\\x1\\xd9\\xd0\\xcb)\nlanguage={language}\n"
    (data_dir / "settings.ini").write_text(text, encoding="utf-8")


def printed(capsys, data_dir, arguments: list[str]) -> str:
    main(["--data-dir", str(data_dir), *arguments])
    out, err = capsys.readouterr()
    return out + err


@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize(("option", "environment", "saved", "expected"), [
    ("en", "vi", "vi", "en"),
    ("vi", "en", "en", "vi"),
    (None, "en", "vi", "en"),
    (None, "vi", "en", "vi"),
    (None, None, "en", "en"),
    (None, None, None, "vi"),
])
def test_lang_then_fieldkit_lang_then_the_windows_choice(data_dir, capsys, monkeypatch, command, option, environment,
                                                       saved, expected):
    if environment:
        monkeypatch.setenv("FIELDKIT_LANG", environment)
    if saved:
        save_choice(data_dir, saved)
    arguments, vietnamese, english = COMMANDS[command]
    text = printed(capsys, data_dir, [*arguments, "--lang", option] if option else arguments)
    assert (english if expected == "en" else vietnamese) in text
    assert (vietnamese if expected == "en" else english) not in text


@pytest.mark.parametrize("arguments", [
    ["--lang", "en", "form", "check", NOWHERE],
    ["form", "--lang", "en", "check", NOWHERE],
    ["form", "check", "--lang", "en", NOWHERE],
    ["--lang", "vi", "form", "check", NOWHERE, "--lang", "en"],
])
def test_lang_is_taken_before_and_after_the_commands_name(data_dir, capsys, arguments):
    assert f"ERROR {NOWHERE}:" in printed(capsys, data_dir, arguments)


def test_the_help_texts_speak_the_language(data_dir, capsys):
    save_choice(data_dir, "en")
    for arguments, expected in ((["records", "--help"], "print JSON"), (["records", "--help", "--lang", "vi"],
                                                                         "in ra JSON")):
        with pytest.raises(SystemExit):
            main(["--data-dir", str(data_dir), *arguments])
        assert expected in capsys.readouterr().out


def test_export_labels_speak_lang(capsys, monkeypatch, tmp_path):
    """`export --labels --lang en` writes English labels whatever FIELDKIT_LANG says."""
    from fieldkit.services import SurveyService

    monkeypatch.setenv("FIELDKIT_LANG", "vi")
    with SurveyService.open(tmp_path / "data") as survey:
        submission = survey.open_submission(form_id="commune_staffing", commune_code="00070")
        submission.set_many({"/data/total_staff": "12"}, autosave=False)
        submission.save().result()
    status = main(["--data-dir", str(tmp_path / "data"), "export", "--format", "json", "--out",
                   str(tmp_path / "a.json"), "--labels", "--lang", "en"])
    assert status == 0 and "Exported 1 submissions" in capsys.readouterr().out
    assert '"bản nháp"' not in (tmp_path / "a.json").read_text(encoding="utf-8")
    status = main(["--data-dir", str(tmp_path / "data"), "export", "--format", "json", "--out",
                   str(tmp_path / "b.json"), "--labels"])
    assert status == 0 and "Đã xuất 1 phiếu" in capsys.readouterr().out
    assert '"bản nháp"' in (tmp_path / "b.json").read_text(encoding="utf-8")


@pytest.mark.parametrize(("content", "expected"), [
    (b"[General]\nlanguage=en\n", "en"),
    (b'[General]\nlanguage="en"\n', "en"),
    (b"[General]\nlanguage=fr\n", None),
    (b"[Other]\nlanguage=en\n", None),
    (b"language=en\n", None),  # no section: not QSettings' file
    (b"[General]\nlanguage=en\n\xff\xfe garbage without =\n", None),
    (b"\x00\x01\x02", None),
])
def test_a_saved_choice_is_read_only_when_it_is_one(tmp_path, content, expected):
    (tmp_path / "settings.ini").write_bytes(content)
    assert saved_language(tmp_path) == expected


def test_no_settings_file_or_a_folder_in_its_place_is_no_choice(tmp_path):
    assert saved_language(tmp_path) is None
    (tmp_path / "settings.ini").mkdir()
    assert saved_language(tmp_path) is None
