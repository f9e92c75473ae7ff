"""A real small file system for the full-disk tests of the store, sync and exports."""

import contextlib
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
