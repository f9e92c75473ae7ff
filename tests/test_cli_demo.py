"""`fieldkit demo`, run as a newcomer runs it: a real process that fills a data folder to
learn on, beside the real data unless told where, and never into a folder that holds
anything."""

import os
import pathlib
import subprocess
import sys

import pytest

from tests.helpers.filesystems import small_filesystem

REPO = pathlib.Path(__file__).resolve().parents[1]


def fieldkit(*arguments, home: pathlib.Path, lang: str = "en") -> subprocess.CompletedProcess:
    environment = {**os.environ, "FIELDKIT_LANG": lang, "HOME": str(home), "FIELDKIT_DATA_DIR": str(home / "data"),
                   "FIELDKIT_CACHE_DIR": str(home / "cache")}
    return subprocess.run([sys.executable, "-m", "fieldkit.cli", *map(str, arguments)], capture_output=True,
                          text=True, env=environment, cwd=REPO, timeout=600)


def listing(folder: pathlib.Path) -> dict:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    """`fieldkit demo` with no --data-dir, for someone whose data folder is home/data."""
    home = tmp_path_factory.mktemp("home")
    return home, fieldkit("demo", home=home)


def test_with_no_folder_given_it_fills_one_beside_the_user_data_folder_and_says_how_to_open_it(made):
    home, result = made
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    demo = home / "fieldkit-demo"
    assert lines[0] == f"Building a demo survey in {demo}…"
    assert lines[1] == "Laptop 1 — Đoàn 3: surveying 19 communes…"
    assert "  Xã Mường Tè, " in result.stdout and lines.count("Laptop 2 — Đoàn 3: surveying 19 communes…") == 1
    assert lines[-6].startswith("Done in ") and lines[-6].endswith(f"The demo data folder {demo} holds:")
    assert lines[-5:] == [
        "  38 communes of Lai Châu: 38 infrastructure, 39 staffing and 38 visit-minutes submissions, all finalized",
        "  conflicts to review: 1 hard, 1 soft; possible duplicate visits: 1",
        "  laptops trusted: Laptop 1 — Đoàn 3, Laptop 2 — Đoàn 3",
        f"Open it with:  fieldkit --data-dir {demo}",
        "(the Coordinator menu has its conflicts, duplicate visits, devices and summaries)",
    ]
    assert not (home / "data").exists()  # the real data folder: untouched, not even made


def test_the_folder_it_made_opens_with_the_command_it_printed(made):
    home, _result = made
    conflicts = fieldkit("--data-dir", home / "fieldkit-demo", "conflicts", home=home)
    assert conflicts.returncode == 0, conflicts.stderr
    assert sorted(line.split(": ")[1].split(",")[0] for line in conflicts.stdout.splitlines()
                  if " conflict, " in line) == ["hard conflict", "soft conflict"]


def test_a_folder_that_holds_data_is_refused_and_left_as_it_was(made):
    home, _result = made
    demo = home / "fieldkit-demo"
    before = listing(demo)
    again = fieldkit("demo", "--data-dir", demo, home=home)
    assert again.returncode == 2 and again.stdout == ""
    assert again.stderr == (f"{demo} already holds files: the demo only fills a new or empty folder, so that it "
                            "never mixes with real data. Choose another folder with --data-dir.\n")
    assert listing(demo) == before


def test_the_refusal_speaks_vietnamese_and_takes_the_folder_before_the_command_too(tmp_path):
    folder = tmp_path / "du-lieu"
    folder.mkdir()
    (folder / "ghi-chu.txt").write_text("dữ liệu thật", encoding="utf-8")
    refused = fieldkit("--data-dir", folder, "demo", home=tmp_path, lang="vi")
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert refused.stderr.startswith(f"{folder} đã có tệp: dữ liệu mẫu chỉ được tạo trong thư mục mới hoặc trống")
    assert listing(folder) == {"ghi-chu.txt": "dữ liệu thật".encode()}


def test_a_read_only_stick_is_told_at_once_and_nothing_is_left(tmp_path):
    with small_filesystem(tmp_path / "stick", "1m") as stick:
        (stick / "demo").mkdir()
        subprocess.run(["mount", "-o", "remount,ro", str(stick)], check=True)
        refused = fieldkit("demo", "--data-dir", stick / "demo", home=tmp_path)
        assert refused.returncode == 2 and "Traceback" not in refused.stderr
        assert refused.stderr.splitlines() == [
            f"The data file {stick / 'demo'} is on a read-only medium or cannot be written. Copy the data folder to "
            "a writable disk or choose another with --data-dir.",
            f"Nothing of the demo was left in {stick / 'demo'}."]
        assert "surveying" not in refused.stdout  # no work done before the fault was found
        assert list((stick / "demo").iterdir()) == []


def test_a_full_disk_is_said_in_words_and_what_was_written_is_removed(tmp_path):
    with small_filesystem(tmp_path / "stick", "300k") as stick:
        refused = fieldkit("demo", "--data-dir", stick / "kit" / "demo", home=tmp_path)
        assert refused.returncode == 2 and "Traceback" not in refused.stderr
        assert refused.stderr.startswith("The disk is full: ")
        assert refused.stderr.endswith(f"Nothing of the demo was left in {stick / 'kit' / 'demo'}.\n")
        assert list(stick.iterdir()) == []  # the folders it made are gone too: try again elsewhere


def test_each_progress_line_has_its_vietnamese():
    from fieldkit import i18n
    from fieldkit.cli.demo import PROGRESS

    vietnamese = i18n.catalogue("vi")
    assert [message for message in PROGRESS.values() if message not in vietnamese] == []
