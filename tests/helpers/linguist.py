"""Qt Linguist's tools (lrelease, lupdate), as PySide6 ships them."""

import shutil
from pathlib import Path

import PySide6
import pytest


def linguist_tool(name: str) -> str:
    """The path of Qt's `name` tool; skips the test when PySide6 lacks it."""
    bundled = Path(PySide6.__file__).parent / name
    found = str(bundled) if bundled.exists() else shutil.which(f"pyside6-{name}")
    if found is None:
        pytest.skip(f"{name} (Qt Linguist) not installed")
    return found
