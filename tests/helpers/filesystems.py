"""A real small file system for the full-disk tests of the store, sync and exports."""

import contextlib
import os
import subprocess

import pytest


@contextlib.contextmanager
def small_filesystem(path, size="400k"):
    """A tiny tmpfs mounted at `path` (needs root; the test skips otherwise), unmounted after."""
    path.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)],
                             capture_output=True)
    if mounted.returncode != 0:
        pytest.skip("cannot mount a small filesystem here (needs root)")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], check=True)


LAPTOP_FOLDERS = ("home", "xdg_cache", "xdg_config", "xdg_data", "xdg_state", "tmp")


@contextlib.contextmanager
def borrowed_laptop(path):
    """A borrowed laptop's folders at `path`, all empty (LAPTOP_FOLDERS): home and the XDG
    ones on a read-only file system (a write there fails at once, whoever tries it, root
    too), and the temporary one writable (Python's tempfile needs it)."""
    with small_filesystem(path, size="1m") as folder:
        for name in LAPTOP_FOLDERS:
            (folder / name).mkdir()
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", str(folder / "tmp")], check=True)
        try:
            yield folder
        finally:
            subprocess.run(["umount", "-l", str(folder / "tmp")], check=True)


KIT_OVERRIDES = ("FIELDKIT_DATA_DIR", "FIELDKIT_CACHE_DIR", "FIELDKIT_STATE_DIR", "FIELDKIT_APP_DIR", "MPLCONFIGDIR")


def on_laptop(laptop):
    """This process's environment as on the borrowed laptop: its home, XDG and temporary
    folders, and none of the variables that would choose fieldkit's folders instead of
    the kit."""
    inherited = {name: value for name, value in os.environ.items() if name not in KIT_OVERRIDES}
    return {**inherited, "HOME": str(laptop / "home"), "XDG_CACHE_HOME": str(laptop / "xdg_cache"),
            "XDG_CONFIG_HOME": str(laptop / "xdg_config"), "XDG_DATA_HOME": str(laptop / "xdg_data"),
            "XDG_STATE_HOME": str(laptop / "xdg_state"), "TMPDIR": str(laptop / "tmp")}


def left_on(laptop):
    """What was written in the laptop's folders (nothing, for a kit)."""
    return sorted(str(path.relative_to(laptop)) for path in laptop.rglob("*") if path.name not in LAPTOP_FOLDERS)

