"""One data folder of the demo, driven as its user drives it: a delegation laptop that
fills forms, corrects them and exports bundles, or the coordinator that trusts the
laptops' keys and imports their bundles. Everything goes through SurveyService and
CoordinatorService, as in the window and on the command line."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from fieldkit.demo.people import DELEGATION, Device
from fieldkit.services import SurveyService
from fieldkit.services.coordinator import CoordinatorService
from fieldkit.store.errors import storage_errors
from fieldkit.sync.importer import ImportReport


class Laptop:
    """A data folder with its own key and device name, its visit entered."""

    def __init__(self, folder: Path, device: Device, *, delegation: str = DELEGATION) -> None:
        self.survey = SurveyService.open(folder, device_name=device.name)
        try:
            self.survey.set_visit(delegation=delegation, members=list(device.members),
                                  at_keyboard=device.at_keyboard).result()
        except BaseException:
            self.survey.close()
            raise
        self.coordinator = CoordinatorService.sharing_store_of(self.survey)
        self.members = len(device.members)

    @property
    def fingerprint(self) -> str:
        return self.survey.store.identity.fingerprint

    def fill(self, form_id: str, commune: str, answers: Mapping[str, str], *, from_visit: bool = True) -> str:
        """A new submission, answered and finalized (FinalizeError, through the Future,
        if the form's checks refuse an answer); its record id."""
        submission = self.survey.open_submission(form_id=form_id, commune_code=commune, from_visit=from_visit)
        submission.set_many(answers, autosave=False)  # the revision is the only write, as `fieldkit fill` does
        submission.finalize().result()
        submission.close()
        assert submission.record_id is not None  # a finalized submission has its record
        return submission.record_id

    def correct(self, record_id: str, answers: Mapping[str, str]) -> None:
        """A new revision of a submission, finalized again."""
        submission = self.survey.open_submission(record_id=record_id, resume_working_copy=False)
        submission.set_many(answers, autosave=False)
        submission.finalize().result()
        submission.close()

    def export(self, path: Path) -> Path:
        """Everything this laptop holds, as a signed bundle at `path`."""
        self.coordinator.export(path, full=True, author=self.survey.author)
        return path

    def export_public_key(self, path: Path) -> Path:
        with storage_errors(path):
            self.coordinator.export_public_key(path)
        return path

    def trust(self, key_file: Path) -> None:
        """Enrol a device by its public key file, as a coordinator does."""
        self.coordinator.trust(str(key_file))

    def import_bundles(self, bundles: list[Path]) -> list[ImportReport]:
        return self.coordinator.import_paths(bundles)

    def close(self) -> None:
        self.coordinator.close()
        self.survey.close()
