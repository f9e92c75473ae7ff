"""`fieldkit form publish FILE` and `fieldkit forms list`, as a coordinator runs them
(fieldkit.cli.main in this process, on real files and a real data folder)."""

from fieldkit.cli import main
from fieldkit.services.coordinator import CoordinatorService
from tests.helpers.mini_forms import RSA_PUBLIC_KEY, V1, V2, mini_form


def fieldkit(data_dir, *arguments, lang="en"):
    return main(["--lang", lang, "--data-dir", str(data_dir), *map(str, arguments)])


def written(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_publish_says_what_was_published_and_when_it_travels(tmp_path, capsys):
    data_dir = tmp_path / "data"
    assert fieldkit(data_dir, "forms", "publish", written(tmp_path, "mini.md", V1)) == 0
    assert capsys.readouterr().out.splitlines() == [
        "Published mini_survey version 1: Mini survey",
        "It travels to the laptops at the next sync (fieldkit sync, or a bundle export).",
    ]
    assert fieldkit(data_dir, "form", "publish", written(tmp_path, "mini2.md", V2), lang="vi") == 0
    assert capsys.readouterr().out.startswith("Đã phát hành mini_survey phiên bản 2: Mini survey\n")


def test_a_form_asking_for_encrypted_submissions_is_told_what_fieldkit_does(tmp_path, capsys):
    data_dir = tmp_path / "data"
    keyed = written(tmp_path, "keyed.md", mini_form("1", public_key=RSA_PUBLIC_KEY))
    assert fieldkit(data_dir, "form", "publish", keyed) == 0
    assert capsys.readouterr().out.splitlines()[2:] == [
        "This form asks for encrypted submissions (public_key): fieldkit keeps its answers signed but not "
        "encrypted, on this computer and in drop boxes. To hand them over encrypted, use fieldkit bundle "
        "export --encrypt-to KEYFILE (a coordinator's key from fieldkit keys export).",
    ]
    keyed_v2 = written(tmp_path, "keyed2.md", mini_form("2", public_key=RSA_PUBLIC_KEY))
    assert fieldkit(data_dir, "form", "publish", keyed_v2, lang="vi") == 0
    assert capsys.readouterr().out.splitlines()[2] == (
        "Biểu mẫu này yêu cầu mã hóa phiếu (public_key): fieldkit giữ các câu trả lời có chữ ký nhưng không "
        "mã hóa, trên máy này và trong hộp thư đồng bộ. Để bàn giao phiếu đã mã hóa, hãy dùng fieldkit bundle "
        "export --encrypt-to KEYFILE (khóa của điều phối viên, lấy bằng fieldkit keys export).")


def test_list_marks_the_published_version(tmp_path, capsys):
    data_dir = tmp_path / "data"
    fieldkit(data_dir, "form", "publish", written(tmp_path, "mini.md", V1))
    capsys.readouterr()
    assert fieldkit(data_dir, "forms", "list") == 0
    lines = capsys.readouterr().out.splitlines()
    assert "mini_survey version 1: Mini survey (published)" in lines
    assert any(line.startswith("commune_staffing version ") and "(published)" not in line for line in lines)


def test_an_older_version_is_refused_with_what_to_do(tmp_path, capsys):
    data_dir = tmp_path / "data"
    fieldkit(data_dir, "form", "publish", written(tmp_path, "v2.md", V2))
    capsys.readouterr()
    old = written(tmp_path, "v1.md", V1)
    assert fieldkit(data_dir, "form", "publish", old, lang="vi") == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.strip() == (
        f"{old}: biểu mẫu mini_survey phiên bản 1 không mới hơn phiên bản 2 mà thư mục dữ liệu này đã có. "
        "Hãy đặt cho biểu mẫu mới một `version` cao hơn trong trang settings.")


def test_a_broken_form_is_refused_naming_the_file(tmp_path, capsys):
    data_dir = tmp_path / "data"
    broken = written(tmp_path, "broken.md", mini_form("3").replace("integer", "no_such_type"))
    assert fieldkit(data_dir, "form", "publish", broken) == 2
    error = capsys.readouterr().err
    assert error.startswith(f"ERROR {broken}: ") and "no_such_type" in error and "Traceback" not in error


def test_a_published_form_travels_in_a_bundle_export(tmp_path, capsys):
    data_dir = tmp_path / "data"
    fieldkit(data_dir, "form", "publish", written(tmp_path, "mini.md", V1))
    assert fieldkit(data_dir, "bundle", "export", tmp_path / "out.fkb") == 0
    with CoordinatorService.open(tmp_path / "laptop") as laptop:
        laptop.trust(str(_key_file(data_dir, tmp_path)))
        [report] = laptop.import_paths([tmp_path / "out.fkb"])
    assert report.status == "imported"
    assert fieldkit(tmp_path / "laptop", "forms", "list") == 0
    assert "mini_survey version 1: Mini survey" in capsys.readouterr().out.splitlines()


def _key_file(data_dir, tmp_path):
    key = tmp_path / "coordinator.json"
    assert fieldkit(data_dir, "keys", "export", key) == 0
    return key
