"""On a desktop that lacks a library of Qt's xcb platform plugin, `fieldkit` names the
missing libraries and the apt-get command, and exits with status 2, instead of Qt's
abort ("Could not load the Qt platform plugin xcb")."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from fieldkit import cli
from fieldkit.ui import platform_check

REPO_ROOT = Path(__file__).resolve().parents[3]
X11 = {"DISPLAY": ":0"}


@pytest.mark.parametrize("environ, expected", [
    ({"DISPLAY": ":0"}, True),
    ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb"}, True),
    ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb:nograb;offscreen"}, True),
    ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, False),
    ({"DISPLAY": ":0", "XDG_SESSION_TYPE": "wayland"}, False),  # Qt tries Wayland first
    ({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0", "QT_QPA_PLATFORM": "xcb"}, True),
    ({}, False),  # no display: not a desktop session
])
def test_the_check_runs_when_the_window_will_open_through_xcb(environ, expected):
    assert platform_check.uses_xcb(environ, platform="linux") is expected


def test_no_check_off_linux():
    assert platform_check.uses_xcb(X11, platform="win32") is False


def test_the_libraries_are_those_the_plugin_and_qt_need_from_the_system():
    plugin, qt_libraries = platform_check.qt_locations()
    needed = platform_check.system_libraries(plugin, qt_libraries)
    assert {"libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxkbcommon-x11.so.0", "libEGL.so.1"} <= set(needed)
    assert not any(name.startswith("libQt6") for name in needed)  # PySide6 ships those


def test_missing_libraries_are_found_by_opening_each(monkeypatch):
    absent = {"libxcb-cursor.so.0", "libxcb-icccm.so.4"}

    def load(name):
        if name in absent:
            raise OSError(f"{name}: cannot open shared object file: No such file or directory")

    assert sorted(platform_check.missing_for_window(X11, load=load)) == sorted(absent)
    assert platform_check.missing_for_window({**X11, "QT_QPA_PLATFORM": "offscreen"}, load=load) == []


def test_the_command_installs_the_packages_of_the_missing_libraries():
    missing = ["libxcb-cursor.so.0", "libglib-2.0.so.0", "libgthread-2.0.so.0", "libodd.so.3"]
    assert platform_check.install_command(missing) == \
        "sudo apt-get install libxcb-cursor0 libglib2.0-0 libodd.so.3"


@pytest.mark.parametrize("lang, expected", [
    ("vi", "Không mở được cửa sổ: nền tảng X11 (xcb) của Qt cần các thư viện hệ thống mà máy này chưa có: "
           "libxcb-cursor.so.0, libxcb-icccm.so.4. Hãy cài đặt rồi khởi động lại fieldkit:\n"
           "  sudo apt-get install libxcb-cursor0 libxcb-icccm4\n"),
    ("en", "The window cannot open: Qt's X11 (xcb) platform needs system libraries that this computer lacks: "
           "libxcb-cursor.so.0, libxcb-icccm.so.4. Install them, then start fieldkit again:\n"
           "  sudo apt-get install libxcb-cursor0 libxcb-icccm4\n"),
])
def test_the_command_names_what_is_missing_in_its_language_and_opens_no_window(monkeypatch, capsys, lang, expected):
    opened = []
    monkeypatch.setattr("fieldkit.ui.platform_check.missing_for_window",
                        lambda: ["libxcb-cursor.so.0", "libxcb-icccm.so.4"])
    monkeypatch.setattr("fieldkit.ui.app.run", lambda data_dir, lang: opened.append(lang) or 0)
    assert cli.main(["--lang", lang]) == 2
    assert capsys.readouterr().err == expected
    assert opened == []


def plugin_lacking_a_library(folder: Path) -> Path:
    """A copy of Qt's xcb plugin that needs `libxcb-cursoR.so.0`, which no system has:
    what Qt meets on a desktop without libxcb-cursor0."""
    plugin, _libraries = platform_check.qt_locations()
    data = plugin.read_bytes()
    assert data.count(b"libxcb-cursor.so.0\0") == 1
    folder.mkdir()
    (folder / plugin.name).write_bytes(data.replace(b"libxcb-cursor.so.0\0", b"libxcb-cursoR.so.0\0"))
    return folder


def test_fieldkit_started_without_a_library_of_the_plugin_says_so_instead_of_aborting(tmp_path):
    environment = {key: value for key, value in os.environ.items()
                   if key not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY", "XDG_SESSION_TYPE")}
    environment.update(DISPLAY=":4321", QT_QPA_PLATFORM_PLUGIN_PATH=str(plugin_lacking_a_library(tmp_path / "p")))
    result = subprocess.run([sys.executable, "-m", "fieldkit.cli", "--data-dir", str(tmp_path / "data"),
                             "--lang", "en"], cwd=REPO_ROOT, env=environment, capture_output=True, text=True,
                            timeout=120)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == ("The window cannot open: Qt's X11 (xcb) platform needs system libraries that this "
                             "computer lacks: libxcb-cursoR.so.0. Install them, then start fieldkit again:\n"
                             "  sudo apt-get install libxcb-cursoR.so.0\n")


def test_ci_installs_what_the_window_and_the_xcb_tests_need():
    from tools.xdisplay import PROGRAMS

    script = (REPO_ROOT / ".ci" / "run").read_text(encoding="utf-8")
    pairs = {f"{library}:{package}" for library, package in platform_check.PACKAGES.items()}
    pairs |= {f"{program}:{package}" for program, package in PROGRAMS.items()}
    assert pairs - set(re.findall(r"[\w.+-]+:[\w.+-]+", script)) == set()


def test_the_readme_installs_the_xcb_libraries_a_desktop_may_lack():
    plugin, qt_libraries = platform_check.qt_locations()
    packages = {platform_check.PACKAGES[name] for name in platform_check.system_libraries(plugin, qt_libraries)
                if name.startswith(("libxcb-", "libxkbcommon-x11"))}
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    install = readme[readme.index("sudo apt-get install"):].split("```")[0].split()
    assert "libxcb-cursor0" in packages and packages - set(install) == set()
