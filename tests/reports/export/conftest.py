"""Fixtures of the export tests: one store filled through the services, shared (read only)."""

import pytest

from fieldkit.services import SurveyService
from tests.helpers.export_world import build_world


@pytest.fixture(scope="session")
def world(tmp_path_factory):
    home = tmp_path_factory.mktemp("export_home")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("FIELDKIT_CACHE_DIR", str(home / "cache"))
        service = SurveyService.open(home / "data")
        service.set_visit(delegation="Đoàn công tác số 1", at_keyboard="Nguyễn Văn A").result()
        try:
            yield build_world(service)
        finally:
            service.close()
