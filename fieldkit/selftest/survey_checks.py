"""The checks of what a delegation member does on the laptop and a coordinator on
theirs: the shipped forms open, a submission is filled, saved and finalized, and its
bundle arrives whole in a second data folder. Each raises when it finds a fault."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from fieldkit.catalog import file_sha256, shipped_form_files, shipped_forms_dir
from fieldkit.selftest import messages
from fieldkit.selftest.answers import ANSWERS, COMMUNE_CODE, FORM_ID
from fieldkit.selftest.session import CheckFailed, Session, failure_text

if TYPE_CHECKING:
    from fieldkit.services.submission import Autosave

COORDINATOR_NAME = "fieldkit self-test coordinator"


def shipped_forms_open(session: Session) -> None:
    """Each shipped form is added as the window's catalog adds it on a first start, then
    a new submission of it is opened for a commune; every file that fails is named."""
    files = shipped_form_files()
    if not files:
        raise CheckFailed(messages.NO_SHIPPED_FORMS, folder=shipped_forms_dir())
    failures = []
    for path in files:
        try:
            _open_form(session, path)
        except Exception as error:  # each broken file is named; the others are still opened
            text = failure_text(error)
            failures.append(text if str(path) in text else f"{path}: {text}")
    if failures:
        raise CheckFailed(messages.FORMS_FAILED, count=len(failures), total=len(files), files="; ".join(failures))


def _open_form(session: Session, path: Path) -> None:
    survey = session.survey
    entry = survey.add_form(path, source_sha256=file_sha256(path))
    survey.open_submission(form_id=entry.form_id, version=entry.version, commune_code=COMMUNE_CODE).close()


def submission_finalized(session: Session) -> None:
    """A new submission filled as the window fills it (each change autosaved), saved as a
    draft, then finalized: the list of submissions shows it finalized."""
    survey = session.survey
    submission = survey.open_submission(form_id=FORM_ID, commune_code=COMMUNE_CODE, lang=session.lang)
    autosaves: list[Autosave] = []
    submission.watch_autosaves(autosaves.append)
    try:
        submission.set_many(ANSWERS)
        for autosave in autosaves:
            autosave.result()
        submission.save().result()
        revision = submission.finalize().result()
    finally:
        submission.close()
    rows = [row for row in survey.submissions(lang=session.lang) if row.record_id == revision.record_id]
    if not rows or rows[0].status != "finalized":
        raise CheckFailed(messages.NOT_FINALIZED, record_id=revision.record_id)
    session.record_id = revision.record_id


def bundle_travels(session: Session) -> None:
    """The laptop's bundle, imported into a coordinator's data folder that trusts the
    laptop's public key file, leaves both folders with the same state digest."""
    from fieldkit.services.coordinator import CoordinatorService

    session.finalized_record()
    bundle, key_file = session.folder("bundle") / "laptop.fkb", session.folder("bundle") / "laptop-key.json"
    with CoordinatorService.sharing_store_of(session.survey) as laptop:
        laptop.export(bundle)
        laptop.export_public_key(key_file)
        sent = laptop.status()
    with CoordinatorService.open(session.folder("coordinator"), device_name=COORDINATOR_NAME) as coordinator:
        coordinator.trust(str(key_file))
        for report in coordinator.import_paths([bundle]):
            if report.rejected:
                raise CheckFailed(messages.BUNDLE_REJECTED, reason=report.reason)
        received = coordinator.status()
    if received["state_digest"] != sent["state_digest"]:
        raise CheckFailed(messages.DIGESTS_DIFFER, sent=sent["revisions"], received=received["revisions"])
