"""Fixtures every test shares; helpers that are not fixtures live in tests/helpers.
Keep small: several engineers' tests use it."""

import os

# Before anything imports Qt: widgets render offscreen, with no display (on a screen
# of a test's choosing when it runs pytest with "offscreen:configfile=…").
if not os.environ.get("QT_QPA_PLATFORM", "").startswith("offscreen:"):
    os.environ["QT_QPA_PLATFORM"] = "offscreen"

from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
# The shared test corpus (forms, XForms, XPath vectors) lives beside the repo, not in it.
CORPUS_DIR = REPO_ROOT.parent / "shared" / "corpus"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """Path to the shared corpus (see its README.md); skips when it is absent."""
    if not CORPUS_DIR.is_dir():
        pytest.skip(f"test corpus not found at {CORPUS_DIR} (expected ../shared/corpus)")
    return CORPUS_DIR


@pytest.fixture(autouse=True)
def _no_real_home(tmp_path_factory, monkeypatch):
    """Every test gets its own data and cache folders; the real home is never touched."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    for variable in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(variable, str(home / variable.lower()))
    monkeypatch.setenv("FIELDKIT_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("FIELDKIT_CACHE_DIR", str(home / "cache"))
    return home


@pytest.fixture(autouse=True)
def _no_command_line_language(monkeypatch):
    """fieldkit.cli.main sets the language of domain errors for the rest of the process;
    each test starts without it (Vietnamese)."""
    import fieldkit.i18n

    monkeypatch.setattr(fieldkit.i18n, "_message_language", None)
