"""A real X server (Xvfb at 1366×768 with openbox) for the tests that run the app on
Qt's xcb platform, as on a desktop. Without Xvfb and its tools the tests skip, saying
which Debian packages are missing; in CI (CI=true) they fail instead: .ci/run installs them."""

import os

import pytest

from tools.xdisplay import VirtualDisplay, missing_programs


@pytest.fixture
def virtual_display():
    missing = missing_programs()
    if missing:
        reason = f"no X server to test the xcb platform on: apt-get install {' '.join(missing)}"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(reason + " (CI must run these tests)")
        pytest.skip(reason)
    with VirtualDisplay() as display:
        yield display
