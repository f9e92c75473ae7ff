"""One root for the domain's errors: a kind, a message template, values, `text(lang)`, `str()` in the CLI's language."""

import pytest

from fieldkit import i18n
from fieldkit.errors import FieldkitError
from fieldkit.reports.errors import UNKNOWN_COMMUNE, ReportError
from fieldkit.reports.export.errors import DISK_FULL as EXPORT_DISK_FULL
from fieldkit.reports.export.errors import ExportError
from fieldkit.services.answer_messages import NOT_AN_ANSWER, WRONG_TYPE
from fieldkit.services.answers import AnswerRefused
from fieldkit.services.answers_file import AnswersFileError
from fieldkit.services.types import FinalizeError
from fieldkit.store.errors import DISK_FULL, StoreError
from fieldkit.sync.archive import NotAFile
from fieldkit.sync.crypto import KeyFileError
from fieldkit.sync.errors import BAD_MANIFEST_FIELD, NOT_A_FILE, BundleError, CheckerStopped


@pytest.fixture
def cli_language(monkeypatch):
    """Set the command line's language for one test."""
    monkeypatch.setattr(i18n, "_message_language", None)
    monkeypatch.delenv("FIELDKIT_LANG", raising=False)
    return i18n.set_message_language


def test_every_domain_error_is_a_fieldkit_error_with_its_kind():
    errors = [
        StoreError(DISK_FULL, kind="disk_full", path="/stick/fieldkit.sqlite3"),
        ExportError(EXPORT_DISK_FULL, kind="disk_full", path="/stick/x.xlsx"),
        BundleError(BAD_MANIFEST_FIELD, step="size", path="a.fkb", field="site_id", problem="is missing", found="-"),
        CheckerStopped("{path}: stopped", step="revision", path="a.fkb"),
        ReportError(UNKNOWN_COMMUNE, lang="en", code="99999"),
        AnswerRefused(NOT_AN_ANSWER, path="/data/x", kind="an object"),
        AnswersFileError("{path}", path="a.json"),
        KeyFileError("{field} {problem} (value: {found})", field="x25519", problem="is missing", found="-"),
        FinalizeError([("/data/x", "required", "This answer is required.")], "en"),
    ]
    assert all(isinstance(error, FieldkitError) for error in errors)
    assert [error.kind for error in errors] == [
        "disk_full", "disk_full", "bundle_refused", "checker_stopped", "report", "answer_refused", "answers_file",
        "key_file", "finalize_refused"]
    assert all(isinstance(error, ValueError) for error in errors[5:8])  # as their callers catch them


def test_the_message_in_each_language_and_its_values():
    error = StoreError(DISK_FULL, kind="disk_full", path="/stick/fieldkit.sqlite3")
    assert (error.message, error.values) == (DISK_FULL, {"path": "/stick/fieldkit.sqlite3"})
    assert error.text("en").startswith("The disk is full: /stick/fieldkit.sqlite3 could not")
    assert error.text("vi").startswith("Ổ đĩa đã đầy: không ghi được /stick/fieldkit.sqlite3.")


def test_values_that_are_messages_are_translated_too():
    bundle = BundleError(BAD_MANIFEST_FIELD, step="size", path="a.fkb", field="site_id", problem="is missing",
                         found="-")
    assert "site_id is missing" in bundle.text("en") and "is missing" not in bundle.text("vi")
    assert bundle.values["problem"] == "is missing"
    pipe = NotAFile(NOT_A_FILE, step="size", path="/dev/x", kind="a named pipe (FIFO)")
    assert "a named pipe (FIFO)" in pipe.text("en") and "a named pipe (FIFO)" not in pipe.text("vi")


def test_a_wrong_type_says_why_in_each_language():
    refused = AnswerRefused(WRONG_TYPE, path="/data/total_staff", answer="12a", data_type="int")
    assert refused.path == "/data/total_staff" and refused.values["field"] == "/data/total_staff"
    assert "Expected a whole number." in refused.text("en")
    assert "Cần nhập một số nguyên." in refused.text("vi")


def test_str_is_in_the_command_lines_language(cli_language, monkeypatch):
    assert str(StoreError(DISK_FULL, path="p")).startswith("Ổ đĩa đã đầy")  # Vietnamese first
    monkeypatch.setenv("FIELDKIT_LANG", "en")  # read by the command line alone
    assert str(StoreError(DISK_FULL, path="p")).startswith("Ổ đĩa đã đầy")
    cli_language("en")
    assert str(StoreError(DISK_FULL, path="p")).startswith("The disk is full")
    cli_language("vi")
    assert str(AnswerRefused(NOT_AN_ANSWER, path="/data/x", kind="an object")).startswith("/data/x: kiểu")
    assert str(FinalizeError([])) == "Cần sửa 0 câu trả lời trước khi hoàn tất."


def test_an_error_asked_for_in_a_language_speaks_it(cli_language):
    cli_language("vi")
    assert str(ReportError(UNKNOWN_COMMUNE, lang="en", code="99999")) == "There is no commune with code 99999."
    assert str(FinalizeError([], "en")) == "0 answers must be corrected before finalizing."
