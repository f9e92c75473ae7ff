"""The Linux desktop entry: `install-desktop-entry.sh`, beside the built executable,
writes fieldkit.desktop with the folder's absolute paths; a folder whose path the entry
cannot hold is refused with a message, and nothing is written."""

import configparser
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
SCRIPT = REPO_ROOT / "packaging" / "linux" / "install-desktop-entry.sh"
pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a Linux desktop's menu")


def install(folder: Path, data_home: Path, *options: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(folder / "install-desktop-entry.sh"), *options], capture_output=True, text=True,
                          env={**os.environ, "XDG_DATA_HOME": str(data_home)}, timeout=60)


def read_entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive: Name[vi]
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def test_the_built_folder_s_entry_starts_its_executable_with_its_icon(frozen_app, tmp_path):
    result = install(frozen_app.parent, tmp_path / "share")
    assert result.returncode == 0, result.stderr
    written = tmp_path / "share" / "applications" / "fieldkit.desktop"
    assert str(written) in result.stdout
    entry = read_entry(written)
    assert entry["Exec"] == f'"{frozen_app}"'
    assert Path(entry["Icon"]).is_absolute() and Path(entry["Icon"]).is_file()
    assert (entry["Type"], entry["Terminal"], entry["Name"]) == ("Application", "false", "fieldkit")
    assert entry["GenericName[vi]"] == "Khảo sát xã"

    removed = install(frozen_app.parent, tmp_path / "share", "--remove")
    assert removed.returncode == 0 and not written.exists()


def test_a_folder_whose_path_the_entry_cannot_hold_is_refused(tmp_path):
    folder = tmp_path / "fieldkit $HOME"
    folder.mkdir()
    shutil.copy(SCRIPT, folder)
    result = install(folder, tmp_path / "share")
    assert result.returncode == 2
    assert "rename it" in result.stderr and str(folder) in result.stderr
    assert not (tmp_path / "share").exists()


def test_outside_a_built_folder_the_script_names_what_is_missing(tmp_path):
    shutil.copy(SCRIPT, tmp_path)
    result = install(tmp_path, tmp_path / "share")
    assert result.returncode == 2
    assert f"missing: {tmp_path / 'fieldkit'}" in result.stderr
