"""`Submission`: one form being filled for one commune, saved as the person types.

Every change writes the working copy (the instance XML, on the writer thread, coalesced,
synchronous=FULL), so a crash or a dead battery loses at most the change in flight.
`save()` and `finalize()` turn the current state into a signed revision whose parent is
the revision it was opened from; the working copy goes away in the same transaction.

Every outcome of a save arrives through one channel, a `concurrent.futures.Future`
(completed by the store's writer thread, or at once when the outcome is known before any
write); none is raised:

- `save()`, `finalize()`: the revision; or FinalizeError (finalize refused: answers
  missing or wrong, nothing stored); or StoreError (the disk refused: full, read-only,
  locked by another program; the answers stay in memory and a retry can succeed; or,
  for a save that changes nothing, the revision it stands on is no longer in the folder).
- the autosave after each change (`set`, `set_many`, `add_repeat`, `remove_repeat`,
  `attach`) and `autosave()`: the working copy row (None when a revision already holds
  it); or StoreError. These methods return something else (or nothing), so each
  autosave's Future is handed to the watchers given to `watch_autosaves` (the window's
  form controller), at once, on the thread that made the change.

What raises at once is a refusal of the change itself (AnswerRefused; a file to attach
that cannot be read): nothing changed, so there is nothing to save. Anything else
raised is a bug.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable, Mapping
from concurrent.futures import Future
from pathlib import Path
from typing import TYPE_CHECKING

from fieldkit.services import answers as checks
from fieldkit.services.answers import ensure_repeat_instances
from fieldkit.services.types import FinalizeError, Status
from fieldkit.store.errors import StoreError, storage_errors
from fieldkit.store.tables import Row
from fieldkit.store.values import JsonObject, Revision

if TYPE_CHECKING:
    from fieldkit.forms.model import Form
    from fieldkit.forms.session import FormSession
    from fieldkit.services.survey import SurveyService

__all__ = [
    "UNKNOWN_RECORD", "Submission", "commune_question", "ensure_repeat_instances", "province_question",
    "whole_instance_xml",
]

UNKNOWN_RECORD = "There is no submission {record_id} in this data folder."

# The outcome of one autosave: the working copy row written (None: a revision already holds
# it), or StoreError when the disk refuses.
Autosave = Future[Row | None]


class Submission:
    def __init__(self, *, service: SurveyService, form: Form, session: FormSession, commune_code: str,
                 draft_id: str | None = None, record_id: str | None = None, parent_rev: str | None = None,
                 parent_status: str | None = None, attachments: dict[str, str] | None = None) -> None:
        self.service = service
        self.form = form
        self.session = session
        self.commune_code = commune_code
        self.draft_id = draft_id or str(uuid.uuid4())
        self.record_id = record_id
        self.parent_rev = parent_rev  # the revision this state descends from
        self.parent_status = parent_status
        self.attachments = dict(attachments or {})  # file name -> sha256
        self._unwritten: dict[str, bytes] = {}  # attached files not yet committed, by sha256
        self._autosave_watchers: list[Callable[[Autosave], object]] = []
        self._change_no = 0
        self._saved_change_no = 0
        self._closed = False
        self._field_index: checks.Fields | None = None  # the form's fields by path, read on first use

    # -- filling -------------------------------------------------------------------------

    @property
    def dirty(self) -> bool:
        """Changes not yet in a revision (they are in the working copy)."""
        return self._change_no > self._saved_change_no

    def set(self, path: str, value: object, *, as_typed: bool = False) -> None:
        """Answer a question and autosave the working copy.

        Raises AnswerRefused (nothing set) for a calculated or read-only field, a value
        its type cannot hold, text that cannot be stored, a row beyond the limit.
        `as_typed=True` (the window) keeps text that is not a value of the type yet,
        as the person typed it: `errors()` reports it until it is corrected."""
        text = checks.answer_text(self._fields(), path, value, as_typed=as_typed)
        ensure_repeat_instances(self.session, path)
        checks.check_settable(self.session, path)
        self.session.set(path, text)
        self._changed()

    def set_many(self, answers: Mapping[str, object], *, autosave: bool = True) -> None:
        """Answer several questions (paths with positions add the repeat rows they need),
        then one autosave; `autosave=False` keeps the working copy untouched (the CLI
        writes nothing unless the revision is made).

        Every answer is checked as `set` checks it, and the rows they need are
        counted, before any is set: AnswerRefused names the first that is wrong. (A
        field read-only only because of an earlier answer is refused when reached.)"""
        fields = self._fields()
        texts = [(path, checks.answer_text(fields, path, value)) for path, value in answers.items()]
        checks.plan_repeats(self.session, [path for path, _text in texts])
        for path, text in texts:
            ensure_repeat_instances(self.session, path)
            checks.check_settable(self.session, path)
            self.session.set(path, text)
        if autosave:
            self._changed()
        else:
            self._change_no += 1

    def _fields(self) -> checks.Fields:
        if self._field_index is None:
            self._field_index = checks.Fields(self.form)
        return self._field_index

    def add_repeat(self, path: str) -> int:
        position = self.session.add_repeat(path)
        self._changed()
        return position

    def remove_repeat(self, path: str) -> None:
        self.session.remove_repeat(path)
        self._changed()

    def attach(self, path: str, file_path: str | Path) -> str:
        """Answer `path` with a file, stored once by SHA-256; the name it is known by.

        The file is read here and written with the working copy that names it, in one
        transaction, without waiting (the autosave's Future tells how it went). Raises
        StoreError when the file cannot be read; the answer is then unchanged."""
        source = Path(file_path)
        with storage_errors(source):
            data = source.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        name = _unique_name(source.name, digest, self.attachments)
        self.attachments[name] = digest
        self._unwritten[digest] = data
        self.set(path, name)
        return name

    def attachment(self, name: str) -> bytes | None:
        digest = self.attachments.get(name)
        if digest is None:
            return None
        return self._unwritten.get(digest) or self.service.store.blob(digest)

    def errors(self) -> list[tuple[str, str, str]]:
        return self.session.errors()

    # -- saving --------------------------------------------------------------------------

    def save(self) -> Future[Revision]:
        """A new revision (status draft) of the current answers; Future[Revision],
        failed with StoreError when the disk refuses."""
        return self._commit(Status.DRAFT)

    def finalize(self) -> Future[Revision]:
        """A finalized revision; Future[Revision], failed with FinalizeError listing
        the errors when there are any (nothing is stored), or with StoreError."""
        errors = self.session.errors()
        if errors:
            return _failed(FinalizeError(errors, self.session.message_language))
        self.session.stamp_end()
        return self._commit(Status.FINALIZED)

    def autosave(self) -> Autosave:
        """Write the working copy again (e.g. "Try again" after a full disk was cleared)."""
        return self._write_working_copy()

    def watch_autosaves(self, watcher: Callable[[Autosave], object]) -> None:
        """Hand every later autosave's Future to `watcher` as it is submitted, on the
        thread that made the change. The window watches them all, so a full disk is told
        at the keystroke that met it."""
        self._autosave_watchers.append(watcher)

    def close(self) -> None:
        """Stop editing. Unsaved changes stay in the working copy (pending_drafts)."""
        self._closed = True

    # -- internals -----------------------------------------------------------------------

    def _changed(self) -> None:
        self._change_no += 1
        self._write_working_copy()

    def _write_working_copy(self) -> Autosave:
        change_no, draft = self._change_no, self._draft_row()

        def make_draft() -> Row | None:  # on the writer thread, after any save submitted before
            if change_no <= self._saved_change_no:
                return None  # already in a revision
            return {**draft, "parent_rev": self.parent_rev, "record_id": self.record_id}

        blobs = dict(self._unwritten)
        written: Autosave = self.service.store.autosave_draft(
            draft_id=self.draft_id, make_draft=make_draft, blobs=blobs,
            on_commit=lambda _draft: self._written(blobs))
        for watcher in self._autosave_watchers:
            watcher(written)
        return written

    def _written(self, blobs: dict[str, bytes]) -> None:
        for digest in blobs:
            self._unwritten.pop(digest, None)

    def _draft_row(self) -> Row:
        return {
            "draft_id": self.draft_id, "form_id": self.form.id, "form_version": self.form.version or "",
            "instance_xml": whole_instance_xml(self.session), "attachments": self._used_attachments(),
            "commune": self.current_commune(), "author": self.service.author,
        }

    def current_commune(self) -> str:
        """The commune the answers name (the form's commune question), else the one opened with."""
        path = commune_question(self.form)
        answered = self.session.value(path) if path and self.session.is_relevant(path) else ""
        return answered or self.commune_code or ""

    def _used_attachments(self, answers: dict[str, str] | None = None) -> dict[str, str]:
        """The attached files an answer still names (a replaced photo is dropped)."""
        if not self.attachments:
            return {}  # the common case, without walking the answers at every keystroke
        answered = set((answers if answers is not None else self.session.answers()).values())
        return {name: digest for name, digest in self.attachments.items() if name in answered}

    def _revision_data(self, status: str) -> JsonObject:
        commune, answers = self.current_commune(), self.session.answers()
        directory_entry = self.service.communes.get(commune) if commune else None
        return {
            "status": status, "answers": answers, "attachments": self._used_attachments(answers),
            "commune": commune, "province": directory_entry.province_code if directory_entry else "",
            "instance_xml": whole_instance_xml(self.session),
            "error_count": sum(1 for _path, kind, _message in self.session.errors() if kind != "required"),
        }

    def _action(self, status: str) -> str:
        if self.parent_status == Status.FINALIZED:
            return "edit"
        return "finalize" if status == Status.FINALIZED else "save"

    def _commit(self, status: str) -> Future[Revision]:
        if not self.dirty and self.parent_rev and self.parent_status == status:
            return self._unchanged(self.parent_rev)
        self.record_id = self.record_id or str(uuid.uuid4())
        change_no, data = self._change_no, self._revision_data(status)
        parents = [self.parent_rev] if self.parent_rev else []

        blobs = dict(self._unwritten)

        def after(revision: Revision) -> None:  # on the writer thread, once committed, before the next write
            self.parent_rev, self.parent_status = revision.rev_id, status
            self._saved_change_no = max(self._saved_change_no, change_no)
            self._written(blobs)

        committed: Future[Revision] = self.service.store.commit_revision(
            record_id=self.record_id, parents=parents, form_id=self.form.id, form_version=self.form.version or "",
            data=data, author=self.service.author, action=self._action(status), draft_id=self.draft_id,
            blobs=blobs, after=after)
        return committed

    def _unchanged(self, rev_id: str) -> Future[Revision]:
        """Save pressed twice: the revision already says it all. Read at once; a fault
        reading it answers through the Future, as a fault writing would."""
        unchanged: Future[Revision] = Future()
        try:
            revision = self.service.store.revision(rev_id)
        except StoreError as error:
            unchanged.set_exception(error)
            return unchanged
        if revision is None:  # the data folder no longer holds it (another folder put in its place)
            unchanged.set_exception(StoreError(UNKNOWN_RECORD, kind="unknown", record_id=self.record_id))
        else:
            unchanged.set_result(revision)
        return unchanged


def _failed(error: BaseException) -> Future[Revision]:
    """A Future that already holds `error`: a refusal known before anything is written."""
    failed: Future[Revision] = Future()
    failed.set_exception(error)
    return failed


def whole_instance_xml(session: FormSession) -> str:
    """The instance with every node, non-relevant ones and their answers included.

    `session.to_xml()` is the ODK submission, without non-relevant nodes; reopening it
    would lose those nodes (and what was typed in them before a relevance change). The
    working copy and the revision keep everything, so a session reopens exactly."""
    return session.instance.to_xml(keep=lambda _node: True)


def commune_question(form: Form) -> str | None:
    """The path of the form's commune question (`<root>/commune`), if it has one."""
    path = f"{form.root.path}/commune"
    return path if form.find(path) is not None else None


def province_question(form: Form) -> str | None:
    path = f"{form.root.path}/province"
    return path if form.find(path) is not None else None


def _unique_name(name: str, digest: str, taken: dict[str, str]) -> str:
    """The file name, or name-2, name-3... when another file already uses it here."""
    stem, dot, suffix = name.rpartition(".")
    stem, suffix = (stem, f".{suffix}") if dot else (name, "")
    candidate, number = name, 1
    while taken.get(candidate, digest) != digest:
        number += 1
        candidate = f"{stem}-{number}{suffix}"
    return candidate

