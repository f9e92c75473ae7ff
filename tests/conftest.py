"""Shared test helpers. Keep small: several engineers' tests use it."""

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
