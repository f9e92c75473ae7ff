"""Running fieldkit as a user does, for the store's reliability tests (items 1, 4, 10, 15)."""

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
STAFFING = REPO / "forms" / "commune_staffing.xlsx"


def fieldkit(data_dir: Path, *arguments, lang: str = "en", env: dict | None = None) -> subprocess.CompletedProcess:
    environment = {**os.environ, "FIELDKIT_LANG": lang, **(env or {})}
    return subprocess.run([sys.executable, "-m", "fieldkit.cli", "--data-dir", str(data_dir), *map(str, arguments)],
                          capture_output=True, text=True, env=environment, cwd=data_dir.parent)


def answers_file(folder: Path, values: dict | None = None) -> Path:
    path = folder / "answers.json"
    path.write_text(json.dumps(values or {"/data/total_staff": 12}), encoding="utf-8")
    return path


def submit(data_dir: Path, form=STAFFING, **options) -> subprocess.CompletedProcess:
    return fieldkit(data_dir, "submit", form, "--answers", answers_file(data_dir.parent), "--commune", "00070",
                    **options)
