"""Where fieldkit keeps its files: a portable kit beside the program, or the user's folders."""

import sys
from pathlib import Path

import platformdirs
import pytest

from fieldkit import paths
from fieldkit.store.sites import ledger_dir


@pytest.fixture
def no_named_folders(monkeypatch):
    """As a person starts fieldkit: no FIELDKIT_* folder variables (conftest sets them)."""
    for variable in ("FIELDKIT_DATA_DIR", "FIELDKIT_CACHE_DIR", "FIELDKIT_STATE_DIR", "FIELDKIT_APP_DIR"):
        monkeypatch.delenv(variable, raising=False)


@pytest.fixture
def kit(tmp_path, monkeypatch, no_named_folders) -> Path:
    """A program folder with portable.txt, named as a test or an IT person names it from source."""
    folder = tmp_path / "E" / "fieldkit"
    folder.mkdir(parents=True)
    (folder / "portable.txt").write_text("", encoding="utf-8")
    monkeypatch.setenv("FIELDKIT_APP_DIR", str(folder))
    return folder


def test_portable_txt_keeps_everything_inside_the_kit(kit):
    assert paths.portable_kit() == kit
    assert paths.data_dir() == kit / "data"
    assert paths.cache_dir() == kit / "profile" / "cache" / "fieldkit"
    assert paths.state_dir() == ledger_dir() == kit / "profile" / "state" / "fieldkit"
    assert paths.qt_settings_dir() == kit / "profile" / "config"
    assert paths.kit_documents_dir() == kit / "documents"


def test_a_data_folder_beside_the_program_makes_a_kit_too(kit):
    (kit / "portable.txt").unlink()
    (kit / "data").mkdir()
    assert paths.portable_kit() == kit
    assert paths.data_dir() == kit / "data"


def test_without_portable_txt_the_users_folders_are_used(kit):
    (kit / "portable.txt").unlink()
    (kit / "data").write_text("a file named data is no kit's data folder", encoding="utf-8")
    assert paths.portable_kit() is None
    assert paths.data_dir() == Path(platformdirs.user_data_dir("fieldkit", appauthor=False))
    assert paths.cache_dir() == Path(platformdirs.user_cache_dir("fieldkit", appauthor=False))
    assert paths.state_dir() == Path(platformdirs.user_state_dir("fieldkit", appauthor=False))
    assert paths.qt_settings_dir() is None and paths.kit_documents_dir() is None


def test_from_source_the_checkout_is_never_a_kit(no_named_folders, monkeypatch):
    monkeypatch.delattr(sys, "frozen", raising=False)
    assert paths.application_dir() is None
    assert paths.portable_kit() is None


def test_a_frozen_build_looks_beside_its_executable(tmp_path, monkeypatch, no_named_folders):
    (tmp_path / "fieldkit.exe").write_bytes(b"")
    (tmp_path / "portable.txt").write_text("", encoding="utf-8")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "fieldkit.exe"))
    assert paths.portable_kit() == tmp_path.resolve()
    assert paths.data_dir() == tmp_path.resolve() / "data"


def test_a_frozen_mac_app_looks_beside_the_app(tmp_path, monkeypatch, no_named_folders):
    executable = tmp_path / "fieldkit.app" / "Contents" / "MacOS" / "fieldkit"
    executable.parent.mkdir(parents=True)
    executable.write_bytes(b"")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(executable))
    assert paths.application_dir() == tmp_path.resolve()


def test_data_dir_given_or_named_still_wins_in_a_kit(kit, tmp_path, monkeypatch):
    assert paths.data_dir(tmp_path / "given") == tmp_path / "given"
    monkeypatch.setenv("FIELDKIT_DATA_DIR", str(tmp_path / "named"))
    monkeypatch.setenv("FIELDKIT_CACHE_DIR", str(tmp_path / "cache"))
    assert paths.data_dir() == tmp_path / "named"
    assert paths.cache_dir() == tmp_path / "cache"


def test_a_kit_points_the_libraries_that_write_by_themselves_inside_it(kit):
    environment = {"XDG_CACHE_HOME": "/home/someone/.cache", "PATH": "/usr/bin"}
    assert paths.keep_inside_kit(environment) == kit
    profile = kit / "profile"
    assert environment == {
        "XDG_CACHE_HOME": str(profile / "cache"), "XDG_CONFIG_HOME": str(profile / "config"),
        "XDG_DATA_HOME": str(profile / "share"), "XDG_STATE_HOME": str(profile / "state"),
        "MPLCONFIGDIR": str(profile / "config" / "matplotlib"), "PATH": "/usr/bin"}


def test_outside_a_kit_the_environment_is_left_alone(no_named_folders):
    environment = {"XDG_CACHE_HOME": "/home/someone/.cache"}
    assert paths.keep_inside_kit(environment) is None
    assert environment == {"XDG_CACHE_HOME": "/home/someone/.cache"}
