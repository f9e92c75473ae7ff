"""Fixtures of the coordinator screens' tests: real laptops' bundles (built once per
session) and a main window over a fresh coordinator data folder."""

from pathlib import Path

import pytest

from tests.helpers.coordinator_world import build_world

HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config, items):
    """As in tests/ui: offscreen Qt warns for every dialog it shows (a limit of the test
    platform); every other Qt warning still fails the test."""
    for item in items:
        if Path(str(item.path)).resolve().parent == HERE:
            item.add_marker(pytest.mark.qt_log_ignore("does not support propagateSizeHints"))


@pytest.fixture(scope="session")
def world(tmp_path_factory):
    return build_world(tmp_path_factory.mktemp("laptops"))


@pytest.fixture
def page(start_shell):
    """The coordinator page of a main window on a new data folder, shown (in Vietnamese)."""
    shell = start_shell()
    shell.enter_visit()
    window = shell.window
    page = window.coordinator
    page.menu_actions[0].trigger()
    shell.qtbot.waitUntil(lambda: window.pages.currentWidget() is page)
    page.shell = shell
    yield page
    # The form view's tests, which run next, expect the source language (English)
    shell.translators.install("en")
