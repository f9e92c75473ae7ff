"""`fieldkit` with no command, and `fieldkit gui`, open the window."""

import pytest

from fieldkit import cli


@pytest.mark.parametrize("argv, expected", [
    ([], (None, None)),
    (["gui"], (None, None)),
    (["--data-dir", "/media/stick/fieldkit", "--lang", "en"], ("/media/stick/fieldkit", "en")),
    (["--lang", "vi", "gui"], (None, "vi")),
])
def test_no_command_or_gui_opens_the_window(monkeypatch, argv, expected):
    opened = []
    monkeypatch.setattr("fieldkit.ui.app.run", lambda data_dir, lang: opened.append((data_dir, lang)) or 0)
    assert cli.main(argv) == 0
    assert opened == [expected]


def test_an_unknown_language_is_refused(capsys):
    with pytest.raises(SystemExit):
        cli.main(["--lang", "fr"])
    assert "--lang" in capsys.readouterr().err


def test_a_command_speaks_the_language_chosen_in_the_window(tmp_path, monkeypatch, capsys):
    """What QSettings wrote is read without Qt by the command line."""
    from fieldkit.ui import app

    monkeypatch.delenv("FIELDKIT_LANG", raising=False)
    settings = app.settings(tmp_path)
    settings.setValue("geometry", b"\x01\xd9\xd0\xcb\x00=%[]")
    settings.setValue("language", "en")
    settings.sync()
    assert cli.main(["--data-dir", str(tmp_path), "records"]) == 0
    assert capsys.readouterr().out == "No submissions yet.\n"
    settings.setValue("language", "vi")
    settings.sync()
    assert cli.main(["--data-dir", str(tmp_path), "records"]) == 0
    assert capsys.readouterr().out == "Chưa có phiếu nào.\n"
