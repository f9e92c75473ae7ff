"""Where fieldkit keeps its files: platformdirs locations, overridable for tests and
for a laptop that runs from a USB stick (`--data-dir`, FIELDKIT_CACHE_DIR)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "fieldkit"


def data_dir(override: str | os.PathLike | None = None) -> Path:
    if override is not None:
        return Path(override)
    return Path(os.environ.get("FIELDKIT_DATA_DIR") or platformdirs.user_data_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    return Path(os.environ.get("FIELDKIT_CACHE_DIR") or platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def resources_dir() -> Path:
    """`resources/` (translations, fonts) of the source tree, or of a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    base = Path(bundle) if bundle else Path(__file__).resolve().parents[1]
    return Path(os.environ.get("FIELDKIT_RESOURCES") or base / "resources")
