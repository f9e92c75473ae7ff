"""What the window asks the services instead of reaching into the store: the communes
picked lately, the coordinator service over the same store, and this device."""

from fieldkit.services import SurveyService
from fieldkit.services.coordinator import CoordinatorService
from fieldkit.services.types import ThisDevice
from tests.helpers.survey_data import BA_DINH, HOAN_KIEM


def test_the_recent_communes_are_kept_across_restarts(service, data_dir):
    assert service.recent_communes() == []
    service.remember_commune(HOAN_KIEM)
    service.remember_commune(BA_DINH).result()
    listed = service.recent_communes()
    listed.append("a copy, not the service's own list")
    assert service.recent_communes() == [BA_DINH, HOAN_KIEM]
    service.close()
    with SurveyService.open(data_dir) as reopened:
        assert reopened.recent_communes() == [BA_DINH, HOAN_KIEM]


def test_a_coordinator_service_shares_the_surveys_store(service):
    coordinator = CoordinatorService.sharing_store_of(service)
    identity = service.store.identity
    assert coordinator.store is service.store
    assert coordinator.this_device() == ThisDevice(name=identity.device_name, fingerprint=identity.fingerprint)
    coordinator.close()  # the survey opened the store: it stays open
    assert service.catalog()
