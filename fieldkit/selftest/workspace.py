"""The self-test's own folders: a temporary folder for everything it writes, the
environment pointed at it while it runs, and removed afterwards, whatever happened.

fieldkit finds its folders through fieldkit.paths and the store's ledger folder
(fieldkit.store.sites.ledger_dir), which honour FIELDKIT_DATA_DIR, FIELDKIT_CACHE_DIR and
FIELDKIT_STATE_DIR; matplotlib (the charts) keeps its font list in MPLCONFIGDIR. Each is
asked where it now points before any check runs: a folder outside the temporary one
(a newer rule in paths.py, say) stops the self-test before it writes anything there.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from fieldkit import paths
from fieldkit.errors import FieldkitError
from fieldkit.selftest import messages
from fieldkit.store.sites import ledger_dir


class WorkspaceError(FieldkitError):
    """The self-test cannot run apart from the user's folders; the message says why."""

    kind = "self_test_workspace"


@contextmanager
def temporary_workspace() -> Iterator[Path]:
    """A new temporary folder, the environment pointed into it until the block ends; the
    folder is removed then, even when the block raised."""
    try:
        root = Path(tempfile.mkdtemp(prefix="fieldkit-self-test-"))
    except OSError as error:
        raise WorkspaceError(messages.NO_TEMPORARY_FOLDER, folder=tempfile.gettempdir(),
                             error=error.strerror or error) from None
    try:
        with _environment(_variables(root)):
            _refuse_unless_isolated(root)
            yield root
    finally:
        shutil.rmtree(root, ignore_errors=True)


def _variables(root: Path) -> dict[str, str]:
    return {
        "FIELDKIT_DATA_DIR": str(root / "data"),
        "FIELDKIT_CACHE_DIR": str(root / "cache"),
        "FIELDKIT_STATE_DIR": str(root / "state"),
        "MPLCONFIGDIR": str(root / "matplotlib"),  # the chart child inherits it
        # Summaries are laid out by Qt, which must not look for a screen; read when Qt loads.
        "QT_QPA_PLATFORM": "offscreen",
    }


@contextmanager
def _environment(variables: dict[str, str]) -> Iterator[None]:
    saved = {name: os.environ.get(name) for name in variables}
    os.environ.update(variables)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _refuse_unless_isolated(root: Path) -> None:
    for folder in (paths.data_dir(), paths.cache_dir(), ledger_dir()):
        if not folder.resolve().is_relative_to(root.resolve()):
            raise WorkspaceError(messages.NOT_ISOLATED, path=folder, root=root)
