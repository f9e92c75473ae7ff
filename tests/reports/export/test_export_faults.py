"""A full stick, a read-only stick, a folder that is not ours, an interrupted export:
a clear message, nothing half-written left, the store untouched."""

import contextlib
import json
import os
import sqlite3
import subprocess

import pytest

from fieldkit.reports.export import ExportError, export_submissions
from fieldkit.services import SurveyService
from fieldkit.store import DATABASE_FILE, StoreError
from tests.helpers.filesystems import small_filesystem
from tests.helpers.survey_data import HOAN_KIEM, STAFFING_COMPLETE

TARGETS = {"csv": "xuat", "xlsx": "khao-sat.xlsx", "sqlite": "khao-sat.sqlite", "json": "khao-sat.json",
           "geojson": "diem.geojson"}


def store_state(service) -> tuple:
    with service.store.read() as connection:
        revisions = connection.execute("SELECT count(*) FROM revisions").fetchone()[0]
    return revisions, service.store.records(include_deleted=True), len(service.store.audit_log())


def listing(folder) -> dict:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir()) if path.is_file()}


@pytest.mark.parametrize("format", list(TARGETS))
def test_a_full_stick_leaves_nothing_behind_and_keeps_the_earlier_file(world, tmp_path, format):
    before = store_state(world.service)
    with small_filesystem(tmp_path / "stick", "256k") as stick:
        target = stick / TARGETS[format]
        if format != "csv":
            target.write_bytes(b"the export of yesterday")
        free = os.statvfs(stick)
        (stick / "photos.bin").write_bytes(b"\0" * (free.f_bavail * free.f_frsize))  # the stick is full
        kept = listing(stick)
        with pytest.raises(ExportError) as refused:
            export_submissions(world.service, format=format, out=target, labels=True)
        assert refused.value.kind == "disk_full"
        assert str(target) in refused.value.text("en") and "Ổ đĩa đã đầy" in refused.value.text("vi")
        assert listing(stick) == kept and sorted(path.name for path in stick.iterdir()) == sorted(kept)

        (stick / "photos.bin").unlink()  # room made: the same export now succeeds
        result = export_submissions(world.service, format=format, out=target, labels=True)
        assert result.submissions == 5 and target.exists()
    assert store_state(world.service) == before


@pytest.mark.parametrize("format", ["csv", "xlsx", "sqlite"])
def test_a_read_only_stick_says_so_and_changes_nothing(world, tmp_path, format):
    before = store_state(world.service)
    with small_filesystem(tmp_path / "stick", "1m") as stick:
        (stick / "notes.txt").write_text("giữ nguyên", encoding="utf-8")
        subprocess.run(["mount", "-o", "remount,ro", str(stick)], check=True)
        target = stick / TARGETS[format]
        with pytest.raises(ExportError) as refused:
            export_submissions(world.service, format=format, out=target)
        assert refused.value.kind == "read_only"
        assert str(target) in refused.value.text("en") and "read-only" in refused.value.text("en")
        assert "chỉ đọc" in refused.value.text("vi")
        assert sorted(path.name for path in stick.iterdir()) == ["notes.txt"]
    assert store_state(world.service) == before


def test_an_interrupted_export_leaves_no_partial_file(world, tmp_path):
    def cancel(done, total):
        if done:
            raise KeyboardInterrupt

    for format, name in TARGETS.items():
        with pytest.raises(KeyboardInterrupt):
            export_submissions(world.service, format=format, out=tmp_path / name, progress=cancel)
    assert list(tmp_path.iterdir()) == []


def test_a_folder_holding_other_files_is_never_replaced(world, tmp_path):
    documents = tmp_path / "Documents"
    documents.mkdir()
    (documents / "bao-cao.docx").write_bytes(b"a report")
    with pytest.raises(ExportError) as refused:
        export_submissions(world.service, format="csv", out=documents)
    assert "already exists and holds other files" in refused.value.text("en")
    assert listing(documents) == {"bao-cao.docx": b"a report"}


def test_an_earlier_export_folder_is_replaced_whole(world, tmp_path):
    export_submissions(world.service, format="csv", out=tmp_path / "xuat")
    result = export_submissions(world.service, format="csv", out=tmp_path / "xuat", form_id="visit_minutes")
    files = sorted(path.name for path in (tmp_path / "xuat").iterdir())
    assert files == sorted([*result.files, "fieldkit-export.json"])
    assert json.loads((tmp_path / "xuat" / "fieldkit-export.json").read_text(encoding="utf-8"))["submissions"] == 1
    assert sorted(path.name for path in tmp_path.iterdir()) == ["xuat"]


@pytest.mark.parametrize(("format", "make", "message"), [
    ("xlsx", lambda target: target.mkdir(), "is a folder"),
    ("csv", lambda target: target.write_bytes(b"x"), "is a file"),
])
def test_a_target_of_the_wrong_kind_is_refused(world, tmp_path, format, make, message):
    make(tmp_path / "target")
    with pytest.raises(ExportError) as refused:
        export_submissions(world.service, format=format, out=tmp_path / "target")
    assert message in refused.value.text("en")


def test_a_missing_folder_is_named(world, tmp_path):
    with pytest.raises(ExportError) as refused:
        export_submissions(world.service, format="json", out=tmp_path / "no" / "a.json")
    assert f"The folder {tmp_path / 'no'} does not exist" in refused.value.text("en")


def test_a_damaged_data_file_is_named_not_the_export(tmp_path, monkeypatch):
    monkeypatch.setenv("FIELDKIT_CACHE_DIR", str(tmp_path / "cache"))
    out = tmp_path / "out"
    out.mkdir()
    answers = dict(STAFFING_COMPLETE)
    for number in range(1, 120):  # a revision long enough to spill onto overflow pages
        answers[f"/data/roster[{number}]/name"] = f"Nguyễn Thị Lan {number} " + "x" * 60
    with SurveyService.open(tmp_path / "data") as service:
        submission = service.open_submission(form_id="commune_staffing", commune_code=HOAN_KIEM)
        submission.set_many(answers, autosave=False)
        submission.save().result()
    data_file = tmp_path / "data" / DATABASE_FILE
    with contextlib.closing(sqlite3.connect(data_file)) as connection:
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        overflow = connection.execute("SELECT min(pageno) FROM dbstat WHERE name = 'revisions' "
                                      "AND pagetype = 'overflow'").fetchone()[0]
    with open(data_file, "r+b") as damaged:  # the revision's answers are no longer readable
        damaged.seek((overflow - 1) * page_size)
        damaged.write(b"\xff" * page_size)
    with SurveyService.open(tmp_path / "data") as service:
        for format, name in TARGETS.items():
            with pytest.raises(StoreError) as refused:
                export_submissions(service, format=format, out=out / name)
            assert not isinstance(refused.value, ExportError) and refused.value.kind == "corrupt"
            assert str(data_file) in refused.value.text("en")
    assert list(out.iterdir()) == []
