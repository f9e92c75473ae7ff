"""Fixtures of the summaries and export GUI tests: a data folder holding real submissions,
saved through the service before the window opens."""

from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
HOAN_KIEM = "00070"
# Figures no label or date would contain by chance, so finding them in a PDF means the data.
STAFFING = {
    "/data/total_staff": "137", "/data/one_stop_staff": "23", "/data/it_staff": "4",
    "/data/roster[1]/name": "Nguyễn Thị Lan", "/data/roster[1]/role": "it_officer",
    "/data/roster[1]/trainings": "digital_transformation telecommunications",
    "/data/roster[1]/has_signature_cert": "yes", "/data/training_needs": "information_security",
}


def pytest_collection_modifyitems(config, items):
    """As in tests/ui: offscreen Qt warns for every dialog it shows (a limit of the test
    platform); every other Qt warning still fails the test."""
    for item in items:
        if Path(str(item.path)).resolve().parent == HERE:
            item.add_marker(pytest.mark.qt_log_ignore("does not support propagateSizeHints"))


@pytest.fixture(autouse=True)
def _source_language_after():
    """Windows here run in Vietnamese; the tests that run next expect the source language."""
    yield
    from PySide6.QtWidgets import QApplication

    from fieldkit.ui.app import Translators

    if QApplication.instance() is not None:
        Translators(QApplication.instance()).install("en")


def save_submission(data_dir: Path, *, form_id: str, commune: str, answers: dict) -> str:
    """A finalized submission, saved as the window would save it; its record id."""
    from fieldkit.services import SurveyService

    with SurveyService.open(data_dir) as survey:
        survey.catalog()
        submission = survey.open_submission(form_id=form_id, commune_code=commune)
        submission.set_many(answers, autosave=False)
        return submission.finalize().result().record_id


@pytest.fixture
def surveyed(data_dir) -> Path:
    """The data folder with Phường Hoàn Kiếm's staffing survey finalized."""
    save_submission(data_dir, form_id="commune_staffing", commune=HOAN_KIEM, answers=STAFFING)
    return data_dir
