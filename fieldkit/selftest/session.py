"""What the checks share: the temporary folder, the laptop's data folder (opened through
SurveyService, as the window opens it) and the submission the checks after it use."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from fieldkit.errors import FieldkitError
from fieldkit.selftest import messages

if TYPE_CHECKING:
    from fieldkit.services import SurveyService

LAPTOP_NAME = "fieldkit self-test"


class CheckFailed(FieldkitError):
    """A check that found something wrong; the message (fieldkit.selftest.messages) says what."""

    kind = "self_test_failed"


class Session:
    def __init__(self, *, root: Path, lang: str) -> None:
        self.root = root
        self.lang = lang
        self.record_id: str | None = None  # the submission finalized by the submission check
        self._survey: SurveyService | None = None

    @property
    def survey(self) -> SurveyService:
        """The laptop's SurveyService, opened on first use; a folder that cannot be
        opened raises again for each check that needs it."""
        if self._survey is None:
            from fieldkit.services import SurveyService

            self._survey = SurveyService.open(self.folder("laptop"), device_name=LAPTOP_NAME)
        return self._survey

    def folder(self, name: str) -> Path:
        path = self.root / name
        path.mkdir(parents=True, exist_ok=True)
        return path

    def finalized_record(self) -> str:
        """The record the submission check finalized; CheckFailed when it could not."""
        if self.record_id is None:
            raise CheckFailed(messages.NEEDS_SUBMISSION)
        return self.record_id

    def close(self) -> None:
        if self._survey is not None:
            self._survey.close()
            self._survey = None


def failure_text(error: BaseException) -> str:
    """An error as one line of a check's report: the domain's errors and the forms' say
    what and where already; a system error gives its file; anything else its type too."""
    from fieldkit.forms import FormError

    if isinstance(error, (FieldkitError, FormError)):
        text = str(error)
    elif isinstance(error, OSError) and error.strerror:
        text = f"{error.filename}: {error.strerror}" if error.filename else error.strerror
    else:
        text = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
    return " ".join(text.split())
