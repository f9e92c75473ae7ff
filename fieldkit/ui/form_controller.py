"""Open, save, finalize and close the one submission shown in the form page.

The services do the work and report every outcome of a save through a Future (see
`fieldkit.services.submission`): `save()` and `finalize()` return theirs, and the
autosave after each change is handed to `_watch_autosave`. This controller waits for
each through fieldkit.ui.tasks and tells the person what happened. A storage fault never
closes the form: the answers stay in memory and on screen, and Save can be tried again
once the disk has room or the file is free.
"""

from __future__ import annotations

import datetime as dt
import logging
from concurrent.futures import Future
from contextlib import ExitStack

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox

from fieldkit.services.types import Status
from fieldkit.ui import errors, labels, tasks

log = logging.getLogger(__name__)


class AsTypedTarget:
    """What the FormView writes through: the Submission, keeping text as the person typed
    it ("12a" stays; the view shows what is wrong) where the command line would refuse it."""

    def __init__(self, submission):
        self.submission = submission

    @property
    def session(self):
        return self.submission.session

    def set(self, path: str, value: object) -> None:
        self.submission.set(path, value, as_typed=True)

    def add_repeat(self, path: str) -> int:
        return self.submission.add_repeat(path)

    def remove_repeat(self, path: str) -> None:
        self.submission.remove_repeat(path)

    def attach(self, path: str, file_path: str) -> str:
        return self.submission.attach(path, file_path)


class FormController(QObject):
    opened = Signal(object)  # the Submission
    closed = Signal()
    saved = Signal(object)  # the revision (after Save or Finalize)
    message = Signal(str)  # for the status bar

    def __init__(self, window, page):
        super().__init__(window)
        self.window, self.page = window, page
        self.service = None
        self.submission = None
        self.entry = self.commune = None
        self.view = None
        self._question: QMessageBox | None = None
        self._autosave_fault = False
        page.save_clicked.connect(self.save)
        page.finalize_clicked.connect(self.finalize)
        page.close_clicked.connect(self.close)

    # -- opening -------------------------------------------------------------------------

    def open(self, entry, commune, record_id, *, new: bool) -> None:
        """Open a record (or a new one); a new one for a commune and form that already
        have a record asks first: two delegations may be visiting the same commune."""
        if new:
            tasks.run(self.service.possible_duplicates, commune_code=commune.code, form_id=entry.form_id).then(
                lambda found: self._confirm_new(entry, commune, found), self._failed_to_open)
            return
        self._start_open(entry, commune, lambda: self.service.open_submission(
            form_id=entry.form_id, commune_code=commune.code, record_id=record_id, from_visit=True))

    def open_record(self, entry, commune_code: str, record_id: str) -> None:
        """A saved record (from the submissions browser); its commune is looked up off
        the GUI thread with it."""
        self._start_open(entry, commune_code, lambda: self.service.open_submission(
            form_id=entry.form_id, commune_code=commune_code, record_id=record_id))

    def resume(self, draft) -> None:
        entry = self.window.catalog.get(draft.form_id)
        self._start_open(entry, draft.commune_code, lambda: self.service.resume(draft.draft_id))

    def _confirm_new(self, entry, commune, found: list) -> None:
        if not found:
            self.open(entry, commune, None, new=False)
            return
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Possible duplicate visit"),
                          self.tr("{commune} already has {count} submission(s) of “{form}”. Start another one "
                                  "anyway?").format(commune=commune.name, count=len(found), form=self._title(entry)),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self.window)
        box.setObjectName("confirm_duplicate")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.finished.connect(lambda result: result == QMessageBox.StandardButton.Yes
                             and self.open(entry, commune, None, new=False))
        self._question = box
        box.open()

    def _start_open(self, entry, commune, make) -> None:
        """`commune`: the picked one, or a code to look up with the opening."""
        self.close_now()
        self.message.emit(self.tr("Opening the form…"))

        def opening():
            submission = make()
            found = self.service.communes.get(commune) if isinstance(commune, str) else commune
            return submission, found

        tasks.run(opening).then(lambda opened: self._show(entry, opened[1], opened[0]), self._failed_to_open)

    def _failed_to_open(self, error) -> None:
        self.message.emit("")
        errors.show_error(self.window, self.tr("Could not open the form."), error)

    def _show(self, entry, commune, submission) -> None:
        from fieldkit.ui.form_view import FormView

        self.close_now()  # two quick double-clicks: the last one wins
        with ExitStack() as on_failure:
            # A view that cannot be built is a bug, for the excepthook; the submission is
            # closed first, its working copy kept, to be resumed once this is fixed.
            on_failure.callback(submission.close)
            # The page has its own Finalize button, beside Save and Close.
            view = FormView(AsTypedTarget(submission), finalize_button=False)
            on_failure.pop_all()
        submission.watch_autosaves(self._watch_autosave)
        self.entry, self.commune, self.submission, self.view = entry, commune, submission, view
        self._follow_language(self._lang())
        self.view.save_requested.connect(self.save)
        self.view.finalize_requested.connect(self.finalize)
        self.page.set_form_view(self.view, self._heading())
        if getattr(submission, "parent_status", None) == Status.FINALIZED:
            self.page.show_info(self.tr("This submission is finalized. Changes are saved as a new revision; "
                                        "the finalized one is kept."))
        self.message.emit("")  # "Opening the form…" is over
        self.opened.emit(submission)
        self._check_duplicates()

    def _check_duplicates(self) -> None:
        submission, commune = self.submission, self.commune
        if commune is None:
            return
        tasks.run(self.service.possible_duplicates, commune_code=commune.code, form_id=submission.form.id,
                  record_id=submission.record_id).then(
            lambda found: submission is self.submission and self._show_duplicates(found), self._read_failed)

    def _show_duplicates(self, found: list) -> None:
        if not found:
            self.page.show_duplicates("")
            return
        others = "; ".join(f"{row.author or '—'}, {row.updated.replace('T', ' ')[:16]}" for row in found[:3])
        self.page.show_duplicates(self.tr("Possible duplicate visit: {commune} already has {count} other "
                                          "submission(s) of this form ({others}).").format(
            commune=self.commune.name, count=len(found), others=others))

    # -- saving ----------------------------------------------------------------------------

    def _watch_autosave(self, future: Future) -> None:
        tasks.await_future(future, "autosave").then(self._autosaved, self._autosave_failed)

    def _autosaved(self, _result) -> None:
        if self._autosave_fault:
            self._autosave_fault = False
            self.page.show_fault("")
        self.message.emit(self.tr("Answers kept at {time}").format(time=dt.datetime.now().strftime("%H:%M:%S")))

    def _autosave_failed(self, error) -> None:
        self._autosave_fault = True
        self.page.show_fault(self.tr("Your answers could not be written to the disk. They are still here: "
                                     "do not close fieldkit; fix the problem, then press Save.")
                             + f"\n{errors.message(error)}")
        errors.show_error(self.window, self.tr("Your last answers could not be kept on the disk."), error)

    def save(self) -> None:
        self._commit(finalize=False)

    def finalize(self) -> None:
        self._commit(finalize=True)

    def _commit(self, *, finalize: bool) -> None:
        submission = self.submission
        if submission is None or not self.page.save_button.isEnabled():
            return  # nothing open, or a save already in flight
        # The revision, a refused finalize (FinalizeError) and a storage fault all come
        # back through the Future; anything raised here is a bug, for the excepthook.
        future = submission.finalize() if finalize else submission.save()
        self.page.set_busy(True)
        tasks.await_future(future, "finalize" if finalize else "save").then(
            lambda revision: self._committed(revision, finalize), lambda error: self._commit_failed(error, finalize))

    def _committed(self, revision, finalized: bool) -> None:
        self.page.set_busy(False)
        self.page.show_fault("")
        self._autosave_fault = False
        when = dt.datetime.now().strftime("%H:%M")
        self.message.emit(self.tr("Finalized at {time}.").format(time=when) if finalized
                          else self.tr("Saved at {time}.").format(time=when))
        if finalized:
            self.page.show_info(self.tr("This submission is finalized. Changes are saved as a new revision; "
                                        "the finalized one is kept."))
        self.saved.emit(revision)

    def _commit_failed(self, error, finalized: bool) -> None:
        self.page.set_busy(False)
        if hasattr(error, "errors") and isinstance(error.errors, list):  # FinalizeError
            self._show_errors(error.errors)
            return
        action = self.tr("Could not finalize.") if finalized else self.tr("Could not save.")
        if errors.is_store_error(error) or isinstance(error, OSError):
            self.page.show_fault(action + " " + errors.message(error))
        errors.show_error(self.window, action, error)

    def _show_errors(self, found) -> None:
        """The FormView lists them under the page; a click jumps to the question."""
        if self.view is not None:
            self.view.show_errors(list(found))
        self.message.emit(self.tr("{count} answers must be corrected before finalizing.").format(count=len(found)))

    def _read_failed(self, error) -> None:
        errors.show_error(self.window, self.tr("Could not read the data."), error)

    # -- closing and language -------------------------------------------------------------------

    def close(self) -> None:
        """Close the form; unsaved answers stay in the working copy and are offered on the
        next start, so nothing needs asking."""
        if self.submission is None:
            return
        if self.submission.dirty:
            self.message.emit(self.tr("The form was closed; its unsaved answers are kept and can be resumed."))
        self.close_now()
        self.closed.emit()

    def close_now(self) -> None:
        if self.submission is None:
            return
        self.submission.close()
        self.page.set_form_view(None)
        self.view = self.submission = self.entry = self.commune = None

    def set_language(self, language: str) -> None:
        if self.submission is not None:
            self.page.title.setText(self._heading())
            self._follow_language(language)

    def _follow_language(self, language: str) -> None:
        """Show the form's labels in the interface language when the form has it (its
        own language box can still change them); a form without it keeps its default,
        and the engine's own messages follow the interface language."""
        wanted = next((known for known in self.submission.form.languages
                       if known.endswith(f"({language})")), language)
        if wanted != self.submission.session.lang:
            self.view.set_language(wanted)

    def _lang(self) -> str:
        return labels.ui_language()

    def _title(self, entry) -> str:
        return entry.title_in(self._lang()) if entry is not None else ""

    def _heading(self) -> str:
        title = self._title(self.entry) or self.submission.form.id
        if self.commune is None:
            return title
        return f"{title} — {self.commune.name}, {self.commune.province_name}"
