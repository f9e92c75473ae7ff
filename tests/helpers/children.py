"""Helper modules that a test runs as a child process, started the one way: as
`python -m tests.helpers.NAME ...` with the repo root as the working folder. `-m` puts
the working folder first on the child's sys.path, so the child imports this checkout's
`tests.helpers` and `fieldkit` whatever the parent's folder, and no helper edits sys.path.

Import as `from tests.helpers.children import start_helper`.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]


def start_helper(module: str, *arguments: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    """`python -m tests.helpers.<module> ARGUMENTS` from the repo root, its stdout and
    stderr piped as text; `env` replaces the environment when given."""
    return subprocess.Popen([sys.executable, "-m", f"tests.helpers.{module}", *arguments], cwd=REPO_ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
