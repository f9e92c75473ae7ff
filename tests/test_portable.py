"""A portable kit on a USB stick: every file fieldkit, Qt and matplotlib write stays in the
kit, and the borrowed laptop's home folder is left as it was. Real processes, started as a
person starts them, on a kit folder named by FIELDKIT_APP_DIR (what a frozen build finds
beside its executable: tests/test_paths.py)."""

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.children import REPO_ROOT, start_helper
from tests.helpers.filesystems import LAPTOP_FOLDERS, borrowed_laptop, left_on, on_laptop, small_filesystem

STAFFING = REPO_ROOT / "forms" / "commune_staffing.xlsx"
EVERY_ANSWER = {  # commune_staffing, right enough to finalize
    "/data/total_staff": 12, "/data/one_stop_staff": 3, "/data/it_staff": 1,
    "/data/roster[1]/name": "Nguyễn Thị Lan", "/data/roster[1]/role": "it_officer",
    "/data/roster[1]/trainings": ["digital_transformation"], "/data/roster[1]/has_signature_cert": "yes",
    "/data/training_needs": "information_security",
}


@pytest.fixture
def laptop(tmp_path) -> Iterator[Path]:
    with borrowed_laptop(tmp_path / "laptop") as folder:
        yield folder


@pytest.fixture
def writable_laptop(tmp_path) -> Path:
    """A laptop whose folders fieldkit may write: the user's own, outside a kit."""
    for name in LAPTOP_FOLDERS:
        (tmp_path / "own-laptop" / name).mkdir(parents=True)
    return tmp_path / "own-laptop"


def environment(laptop: Path, kit: Path, **extra: str) -> dict[str, str]:
    return {**on_laptop(laptop), "FIELDKIT_APP_DIR": str(kit), "PYTHONPATH": str(REPO_ROOT),
            "PYTHONDONTWRITEBYTECODE": "1", "FIELDKIT_LANG": "en", "QT_QPA_PLATFORM": "offscreen", **extra}


def fieldkit(laptop: Path, kit: Path, *arguments, **extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "fieldkit.cli", *map(str, arguments)], capture_output=True,
                          text=True, env=environment(laptop, kit, **extra), cwd=laptop.parent, timeout=300)


def a_day_of_work(laptop: Path, kit: Path, out: Path) -> None:
    """Submit and finalize, export a bundle, print a commune's report, export to XLSX."""
    answers = out / "answers.json"
    answers.write_text(json.dumps(EVERY_ANSWER, ensure_ascii=False), encoding="utf-8")
    for arguments in (("submit", STAFFING, "--answers", answers, "--commune", "00070", "--finalize"),
                      ("bundle", "export", out / "day.fkb"),
                      ("report", "commune", "00070", "--out", out / "hoan-kiem.pdf"),
                      ("export", "--format", "xlsx", "--out", out / "staff.xlsx")):
        result = fieldkit(laptop, kit, *arguments)
        assert (result.returncode, result.stderr) == (0, ""), arguments


@pytest.fixture
def kit(tmp_path) -> Path:
    folder = tmp_path / "stick" / "fieldkit"
    folder.mkdir(parents=True)
    (folder / "portable.txt").write_text("", encoding="utf-8")
    return folder


def test_a_day_of_work_from_a_kit_leaves_nothing_on_the_laptop(laptop, kit, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    a_day_of_work(laptop, kit, out)
    window = start_helper("portable_window", "--lang", "vi", env=environment(laptop, kit))
    stdout, stderr = window.communicate(timeout=300)
    assert window.returncode == 0, stderr
    assert json.loads(stdout.splitlines()[-1]) == {"shown": True, "text": f"Dữ liệu trên USB: {kit / 'data'}",
                                                   "fits": True, "qt_settings": "IniFormat"}
    assert left_on(laptop) == []
    kept = {str(path.relative_to(kit)) for path in kit.rglob("*")}
    assert {"data/fieldkit.sqlite3", "data/device_key.pem", "data/logs/fieldkit.log", "data/settings.ini",
            "profile/config/QtProject.conf"} <= kept
    assert any(name.startswith("profile/cache/fieldkit/commune-picker") for name in kept)
    assert any(name.startswith("profile/config/matplotlib/fontlist") for name in kept)
    assert any(name.startswith("profile/state/fieldkit/sites/") for name in kept)
    assert sorted(path.name for path in out.iterdir()) == ["answers.json", "day.fkb", "hoan-kiem.pdf", "staff.xlsx"]


def test_a_data_folder_beside_the_program_makes_a_kit_too(laptop, kit):
    (kit / "portable.txt").unlink()
    (kit / "data").mkdir()
    result = fieldkit(laptop, kit, "submit", STAFFING, "--answers", kit.parent / "none.json", "--commune", "00070")
    assert result.returncode == 2 and "none.json" in result.stderr  # refused before anything was opened
    (kit.parent / "some.json").write_text('{"/data/total_staff": 12}', encoding="utf-8")
    result = fieldkit(laptop, kit, "submit", STAFFING, "--answers", kit.parent / "some.json", "--commune", "00070")
    assert result.returncode == 0, result.stderr
    assert (kit / "data" / "fieldkit.sqlite3").is_file()
    assert left_on(laptop) == []


def test_without_portable_txt_the_laptops_folders_are_used(writable_laptop, kit):
    laptop = writable_laptop
    (kit / "portable.txt").unlink()
    (kit.parent / "some.json").write_text('{"/data/total_staff": 12}', encoding="utf-8")
    result = fieldkit(laptop, kit, "submit", STAFFING, "--answers", kit.parent / "some.json", "--commune", "00070")
    assert result.returncode == 0, result.stderr
    assert (laptop / "xdg_data" / "fieldkit" / "fieldkit.sqlite3").is_file()
    window = start_helper("portable_window", env=environment(laptop, kit))
    stdout, stderr = window.communicate(timeout=300)
    assert window.returncode == 0, stderr
    seen = json.loads(stdout.splitlines()[-1])
    assert (seen["shown"], seen["qt_settings"]) == (False, "NativeFormat")
    assert list(kit.iterdir()) == []


def test_data_dir_given_still_wins_and_the_rest_stays_in_the_kit(laptop, kit, tmp_path):
    (tmp_path / "some.json").write_text('{"/data/total_staff": 12}', encoding="utf-8")
    result = fieldkit(laptop, kit, "--data-dir", tmp_path / "elsewhere", "submit", STAFFING, "--answers",
                      tmp_path / "some.json", "--commune", "00070")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "elsewhere" / "fieldkit.sqlite3").is_file()
    assert not (kit / "data").exists() and (kit / "profile" / "state").is_dir()
    assert left_on(laptop) == []


def test_a_kit_on_a_read_only_stick_says_so(laptop, tmp_path):
    with small_filesystem(tmp_path / "stick") as stick:
        (stick / "portable.txt").write_text("", encoding="utf-8")
        subprocess.run(["mount", "-o", "remount,ro", str(stick)], check=True)
        result = fieldkit(laptop, stick, "records", FIELDKIT_LANG="vi")
    assert result.returncode == 2
    assert result.stderr == (f"Tệp dữ liệu {stick / 'data'} nằm trên thiết bị chỉ đọc hoặc không ghi được. "
                             "Hãy chép thư mục dữ liệu sang ổ ghi được hoặc chọn thư mục khác bằng --data-dir.\n")
    assert left_on(laptop) == []


def test_a_kit_on_a_full_stick_says_so(laptop, tmp_path):
    with small_filesystem(tmp_path / "stick", size="300k") as stick:
        (stick / "portable.txt").write_text("", encoding="utf-8")
        (stick / "some.json").write_text('{"/data/total_staff": 12}', encoding="utf-8")
        result = fieldkit(laptop, stick, "submit", STAFFING, "--answers", stick / "some.json", "--commune", "00070")
    assert result.returncode == 2
    assert result.stderr.startswith("The disk is full: ") and str(stick / "data") in result.stderr
    assert "Traceback" not in result.stderr
    assert left_on(laptop) == []
