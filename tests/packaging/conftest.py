"""The frozen build under test: `dist/fieldkit/fieldkit` (`fieldkit.exe` on Windows) at
the repository's root, as `python packaging/build.py` makes it, or the executable named
by FIELDKIT_FROZEN_APP. Without one the tests of the frozen build skip, saying how to
make it; in CI (CI=true), which builds it first, they fail instead."""

import os
from pathlib import Path

import pytest

from tools.xdisplay import VirtualDisplay, missing_programs

REPO_ROOT = Path(__file__).resolve().parents[2]
BUILT = REPO_ROOT / "dist" / "fieldkit" / ("fieldkit.exe" if os.name == "nt" else "fieldkit")


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


def skip_or_fail(reason: str) -> None:
    if in_ci():
        pytest.fail(reason + " (CI must run these tests)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def frozen_app() -> Path:
    """The frozen executable."""
    chosen = os.environ.get("FIELDKIT_FROZEN_APP")
    executable = Path(chosen) if chosen else BUILT
    if not (executable.is_file() and os.access(executable, os.X_OK)):
        skip_or_fail(f"no frozen build at {executable}: run `python packaging/build.py` "
                     "(after `pip install -e '.[build]'`), or set FIELDKIT_FROZEN_APP")
    return executable


@pytest.fixture
def virtual_display():
    """Xvfb at 1366×768 with openbox (tools/xdisplay.py), as tests/ui/xcb use."""
    missing = missing_programs()
    if missing:
        skip_or_fail(f"no X server to test the xcb platform on: apt-get install {' '.join(missing)}")
    with VirtualDisplay() as display:
        yield display
