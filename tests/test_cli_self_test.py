"""`fieldkit --self-test`, run as IT staff and CI run it: a real process, in a home whose
folders it must leave exactly as they were, with a temporary folder it must remove."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from fieldkit import paths
from fieldkit.catalog import shipped_form_files
from fieldkit.cli import main
from fieldkit.selftest import WorkspaceError, run_checks

REPO = Path(__file__).resolve().parents[1]
XDG_VARIABLES = ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME")

VIETNAMESE_LINES = [
    "Mở các biểu mẫu kèm theo: ĐẠT",
    "Điền, lưu và hoàn tất một phiếu: ĐẠT",
    "Xuất một gói dữ liệu và nhập vào thư mục dữ liệu thứ hai, cùng mã tóm tắt trạng thái: ĐẠT",
    "Bản tổng hợp của xã dạng PDF chứa đúng chữ tiếng Việt: ĐẠT",
    "Ghi tệp xuất XLSX và đọc lại: ĐẠT",
    "Mã của cửa sổ nạp được, cùng các mô-đun Qt: ĐẠT",
    "Tự kiểm tra đạt: cả 6 bước kiểm tra đều ĐẠT",
]
ENGLISH_LINES = [
    "Shipped forms open: OK",
    "A submission is filled, saved and finalized: OK",
    "A bundle is exported and imported into a second data folder, same state digest: OK",
    "A commune summary PDF holds its Vietnamese text: OK",
    "An XLSX export is written and read back: OK",
    "The window's code loads, Qt's modules with it: OK",
    "Self-test passed: all 6 checks OK",
]

# A form whose calculation does not parse: the window leaves it out of its catalog.
BROKEN_FORM = """
| survey |
|        | type      | name  | label | calculation    |
|        | integer   | count | Count |                |
|        | calculate | twice |       | ${count} * * 2 |
| settings |
|          | form_id     |
|          | broken_form |
"""


class Machine:
    """A user's account: a home with the platform folders, the user's own fieldkit data
    folder (its window last chosen in English), and a temporary folder of its own."""

    def __init__(self, root: Path):
        self.home, self.temporary = root / "home", root / "tmp"
        self.temporary.mkdir()
        for variable in XDG_VARIABLES:
            (self.home / variable.lower()).mkdir(parents=True)
        user_data = self.home / "xdg_data_home" / "fieldkit"
        user_data.mkdir()
        (user_data / "settings.ini").write_text("[General]\nlanguage=en\n", encoding="utf-8")

    def environment(self, **extra: str) -> dict[str, str]:
        kept = {name: value for name, value in os.environ.items()
                if not name.startswith(("FIELDKIT_", "XDG_")) and name not in ("MPLCONFIGDIR", "TMPDIR")}
        return {**kept, "HOME": str(self.home), "TMPDIR": str(self.temporary), "PYTHONPATH": str(REPO),
                **{variable: str(self.home / variable.lower()) for variable in XDG_VARIABLES}, **extra}

    def home_contents(self) -> dict[str, bytes | None]:
        """Every file (its bytes) and folder (None) under the home."""
        return {path.relative_to(self.home).as_posix(): path.read_bytes() if path.is_file() else None
                for path in sorted(self.home.rglob("*"))}

    def self_test(self, *arguments: str, **extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "fieldkit.cli", "--self-test", *arguments],
                              capture_output=True, text=True, env=self.environment(**extra), cwd=REPO, timeout=120)


@pytest.fixture
def machine(tmp_path) -> Machine:
    return Machine(tmp_path)


def passed_lines(stdout: str) -> list[str]:
    """The lines without their times: "name: OK (1.2 s)" -> "name: OK"."""
    return [line.rsplit(" (", 1)[0] for line in stdout.splitlines()]


def test_every_check_passes_in_vietnamese_by_default(machine):
    before = machine.home_contents()

    result = machine.self_test()

    assert result.returncode == 0, result.stdout + result.stderr
    assert passed_lines(result.stdout) == VIETNAMESE_LINES  # not the English the user's window chose
    assert all(line.endswith(" giây)") or line.endswith(" giây).") for line in result.stdout.splitlines())
    assert result.stderr == ""
    assert machine.home_contents() == before
    assert list(machine.temporary.iterdir()) == []


def test_every_check_passes_in_english_with_lang_en(machine):
    result = machine.self_test("--lang", "en")

    assert result.returncode == 0, result.stdout + result.stderr
    assert passed_lines(result.stdout) == ENGLISH_LINES
    assert all(line.endswith(" s)") or line.endswith(" s).") for line in result.stdout.splitlines())


def test_a_broken_shipped_form_fails_the_forms_check_by_name_and_the_others_still_run(machine, tmp_path):
    forms = tmp_path / "forms"
    forms.mkdir()
    for path in shipped_form_files():
        shutil.copy(path, forms)
    (forms / "broken.md").write_text(BROKEN_FORM, encoding="utf-8")
    before = machine.home_contents()

    result = machine.self_test("--lang", "en", FIELDKIT_FORMS_DIR=str(forms))

    assert result.returncode == 1, result.stdout + result.stderr
    forms_line, *other_lines, summary = result.stdout.splitlines()
    assert forms_line.startswith(f"Shipped forms open: FAILED: 1 of 4 shipped forms cannot be opened: "
                                 f"{forms / 'broken.md'}: /data/twice: calculate expression")
    assert passed_lines("\n".join(other_lines)) == ENGLISH_LINES[1:6]
    assert summary.startswith("Self-test FAILED: 1 of 6 checks failed (")
    assert machine.home_contents() == before
    assert list(machine.temporary.iterdir()) == []


def test_the_checks_that_need_the_submission_say_so_when_it_could_not_be_made(machine, tmp_path):
    forms = tmp_path / "forms"
    forms.mkdir()
    (forms / "broken.md").write_text(BROKEN_FORM, encoding="utf-8")

    result = machine.self_test(FIELDKIT_FORMS_DIR=str(forms))

    assert result.returncode == 1, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Mở các biểu mẫu kèm theo: KHÔNG ĐẠT: 1/1 biểu mẫu kèm theo không mở được: ")
    assert lines[1].startswith("Điền, lưu và hoàn tất một phiếu: KHÔNG ĐẠT: Thư mục dữ liệu này không có "
                               "biểu mẫu 'commune_staffing'")
    not_checked = "KHÔNG ĐẠT: Chưa kiểm tra: cần phiếu đã hoàn tất, mà bước kiểm tra trước không tạo được."
    assert all(not_checked in line for line in lines[2:5])
    assert lines[5].startswith("Mã của cửa sổ nạp được, cùng các mô-đun Qt: ĐẠT")  # it needs no form
    assert lines[6].startswith("Tự kiểm tra KHÔNG ĐẠT: 5/6 bước kiểm tra không đạt (")
    assert "Traceback" not in result.stdout + result.stderr
    assert list(machine.temporary.iterdir()) == []


# A build that left QtNetwork out, as the first network-sync build did: the import is
# refused in a process of its own (sys.modules of this one stays whole).
WITHOUT_QTNETWORK = """
import sys
from importlib.abc import MetaPathFinder


class LeftOutOfTheBuild(MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "PySide6.QtNetwork":
            raise ModuleNotFoundError("No module named 'PySide6.QtNetwork'", name=name)
        return None


sys.meta_path.insert(0, LeftOutOfTheBuild())
from fieldkit.cli import main

sys.exit(main(["--self-test", "--lang", "en"]))
"""


def test_a_build_without_a_qt_module_of_the_window_fails_the_window_check_by_name(tmp_path):
    script = tmp_path / "without_qtnetwork.py"
    script.write_text(WITHOUT_QTNETWORK, encoding="utf-8")
    result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300,
                            env={**os.environ, "PYTHONPATH": str(REPO), "TMPDIR": str(tmp_path)})
    assert result.returncode == 1, result.stdout + result.stderr
    window_line = next(line for line in result.stdout.splitlines() if line.startswith("The window's code loads"))
    assert "FAILED: ModuleNotFoundError: No module named 'PySide6.QtNetwork'" in window_line
    assert "Self-test FAILED: 1 of 6 checks failed" in result.stdout and "Traceback" not in result.stderr


def test_a_folder_outside_the_temporary_one_stops_it_before_any_check(monkeypatch, tmp_path):
    """A rule in paths.py that ignored the self-test's variables would send its writes to
    the user's cache: it refuses instead, and removes its temporary folder."""
    (tmp_path / "tmp").mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    monkeypatch.setattr(paths, "cache_dir", lambda: tmp_path / "users-cache")
    reported = []

    with pytest.raises(WorkspaceError) as refusal:
        run_checks(lang="en", report=reported.append)

    assert f"would use {tmp_path / 'users-cache'}, outside its temporary folder" in refusal.value.text("en")
    assert reported == [] and list((tmp_path / "tmp").iterdir()) == []
    assert not (tmp_path / "users-cache").exists()


def test_a_temporary_folder_that_cannot_be_made_is_a_failure_told_in_one_line(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "unplugged-stick"))

    status = main(["--self-test", "--lang", "en"])

    assert status == 1
    assert capsys.readouterr().out == (f"Self-test FAILED: The self-test cannot create its temporary folder in "
                                       f"{tmp_path / 'unplugged-stick'}: No such file or directory\n")


def test_it_takes_no_data_folder(capsys):
    status = main(["--self-test", "--data-dir", "/somewhere", "--lang", "en"])

    assert status == 2
    assert capsys.readouterr().err.strip() == ("--self-test runs alone, in temporary folders of its own: "
                                               "it takes no --data-dir and no command")
