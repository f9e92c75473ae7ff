"""The window's code loads: every module the window imports, Qt's among them, is in place.

A build that left a Qt module out (QtNetwork, for the window's sync) passed every other
check and then failed at the first start of the window; importing the main window finds
that without opening one."""

from __future__ import annotations

import importlib

from fieldkit.selftest.session import Session


def window_code_loads(session: Session) -> None:
    importlib.import_module("fieldkit.ui.main_window")
