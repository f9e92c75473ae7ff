"""Fixtures for the application-shell tests (tests/ui/test_app_*.py): a main window over
a real SurveyService in a temporary data folder (helpers in tests/helpers/shell.py).
The form view's own tests have theirs in tests/ui/form_view/conftest.py."""

from pathlib import Path

import pytest

from tests.helpers.shell import Shell

HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config, items):
    """Offscreen, Qt warns "This plugin does not support propagateSizeHints()" for every
    dialog it shows: a limit of the test platform, not a fault of the app. Every other
    Qt warning still fails the test."""
    for item in items:
        path = Path(str(item.path)).resolve()
        if path.parent == HERE:
            item.add_marker(pytest.mark.qt_log_ignore("does not support propagateSizeHints"))


@pytest.fixture
def data_dir(tmp_path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def start_shell(qtbot, data_dir):
    """start_shell(lang="vi") -> Shell; every shell started is shut down at the end."""
    started = []

    def start(lang: str = "vi", folder: Path | None = None, *, named: bool = True) -> Shell:
        shell = Shell(qtbot, folder or data_dir, lang, named=named)
        started.append(shell)
        return shell

    yield start
    for shell in started:
        if shell.window.service is not None:
            shell.close()
    if started:  # the next test starts in English, as widgets made without a shell expect
        started[0].translators.install("en")


# The sync tests' window (tests/ui/test_sync_*.py): fake networks (QNetworkInformation's
# reachability and metering set by the test) and a fake sync pass (tests/helpers/sync_window.py).

@pytest.fixture
def network(monkeypatch):
    from tests.helpers.sync_window import fake_networks

    return fake_networks(monkeypatch)


@pytest.fixture
def fake_sync(monkeypatch):
    from tests.helpers.sync_window import FakeSync

    return FakeSync(monkeypatch)


@pytest.fixture
def window(start_shell, network, fake_sync):
    from tests.helpers.sync_window import window_with_fake_sync

    return window_with_fake_sync(start_shell, fake_sync)
