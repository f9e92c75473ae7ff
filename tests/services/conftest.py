"""Fixtures of the service tests: a data folder with the shipped forms and a visit."""

import pytest

from fieldkit.services import SurveyService


@pytest.fixture
def data_dir(tmp_path):
    return tmp_path / "data"


@pytest.fixture
def service(data_dir):
    service = SurveyService.open(data_dir)
    service.set_visit(delegation="Đoàn công tác số 1", members=["Nguyễn Văn A", "Trần Thị B"],
                      at_keyboard="Nguyễn Văn A").result()
    yield service
    service.close()
