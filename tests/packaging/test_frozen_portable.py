"""A portable kit made of the frozen build: the built folder on a stick with
`portable.txt` beside the executable (no FIELDKIT_APP_DIR: the executable's own folder
says it). A day's commands leave the borrowed laptop's folders empty; the data and
matplotlib's font cache, written by the frozen chart process, stay in the kit."""

import os
import shutil
import subprocess
from pathlib import Path

from tests.helpers.filesystems import borrowed_laptop, left_on, on_laptop

STAFFING = Path(__file__).resolve().parents[2] / "forms" / "commune_staffing.xlsx"
def link_or_copy(source: str, target: str) -> None:
    """The kit's files as hard links to the build's where the file system allows (280 MB)."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def test_a_frozen_kit_keeps_the_data_and_matplotlib_s_cache_on_the_stick(frozen_app, tmp_path):
    kit = tmp_path / "stick" / "fieldkit"
    shutil.copytree(frozen_app.parent, kit, symlinks=True, copy_function=link_or_copy)
    (kit / "portable.txt").write_text("", encoding="utf-8")
    with borrowed_laptop(tmp_path / "laptop") as laptop:
        run_a_day(kit, frozen_app.name, laptop, tmp_path)
        assert left_on(laptop) == []
    assert any((kit / "data").iterdir())  # the database, the keys
    assert list((kit / "profile" / "config" / "matplotlib").glob("fontlist-*.json"))  # the chart process's cache


def run_a_day(kit: Path, executable: str, laptop: Path, tmp_path: Path) -> None:
    """A submission and a commune report, run from the kit as on the borrowed laptop."""
    environment = on_laptop(laptop)
    answers = tmp_path / "answers.json"
    answers.write_text('{"/data/total_staff": 12}', encoding="utf-8")
    for arguments in (("submit", STAFFING, "--answers", answers, "--commune", "00070"),
                      ("report", "commune", "00070", "--out", tmp_path / "hoan-kiem.pdf")):
        result = subprocess.run([kit / executable, *arguments], capture_output=True, text=True,
                                env=environment, cwd=tmp_path, timeout=300)
        assert (result.returncode, result.stderr) == (0, ""), arguments
