"""`SurveyService`: what the GUI and the CLI do with the store, in their words.

Opening a commune's form, resuming a working copy, listing submissions: the service
turns these into store reads and writer-thread writes. It never calls the GUI.

Outcomes: reads, and `add_form` (which waits for its write, off the GUI thread), return
their answer or raise (StoreError, FormError). The writes made while filling in —
`set_visit`, `remember_commune`, `discard_draft` and every save of a `Submission`, its
autosaves and finalize included — return a Future at once and report their outcome only
through it: the result, or the refusal or storage fault as its exception
(`remember_commune` returns None when there is no commune to remember). How each outcome
of a save arrives: `fieldkit.services.submission`.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Collection
from concurrent.futures import Future
from pathlib import Path
from typing import TYPE_CHECKING

from fieldkit import paths
from fieldkit.catalog import file_sha256, form_titles, shipped_form_files
from fieldkit.communes import CommuneDirectory
from fieldkit.services import last_saved, listing
from fieldkit.services.submission import (
    UNKNOWN_RECORD,
    Submission,
    commune_question,
    ensure_repeat_instances,
    province_question,
)
from fieldkit.services.types import DraftInfo, FormEntry, Received, SubmissionRow, VisitContext
from fieldkit.services.visit_prefill import prefill_from_visit
from fieldkit.store import Store, StoreError, tables
from fieldkit.store.records import marked_records
from fieldkit.store.tables import Row
from fieldkit.store.values import Revision

if TYPE_CHECKING:
    from fieldkit.forms import Form
    from fieldkit.forms.session import FormSession, SessionOptions
    from fieldkit.store.values import RecordRow

log = logging.getLogger(__name__)

RECENT_COMMUNES = 20
_VERSION_RUNS = re.compile(r"\d+|\D+")
UNKNOWN_FORM = "There is no form {form_id!r} (version {version}) in this data folder. Add the form file first."
UNKNOWN_DRAFT = "There is no working copy {draft_id} in this data folder."


class SurveyService:
    def __init__(self, store: Store) -> None:
        self.store = store
        settings = store.setting("visit") or {}
        self._visit = VisitContext(settings.get("delegation", ""), list(settings.get("members", [])),
                                   settings.get("at_keyboard", ""))
        self._recent: list[str] = list(store.setting("recent_communes") or [])
        self.communes = CommuneDirectory(recent_codes=lambda: list(self._recent))
        self._forms: dict[tuple[str, str], Form] = {}
        self._paths: dict[tuple[str, str], Path] = {}
        self._lock = threading.Lock()
        self._shipped_added = False
        self._shipped_lock = threading.Lock()
        self._row_cache = listing.RowCache()
        self._broken: set[tuple[str, str]] = set()  # received form versions that do not open (logged once)

    @classmethod
    def open(cls, data_dir: Path | str | None = None, *, device_name: str | None = None) -> SurveyService:
        """Open the data folder (platformdirs default, or --data-dir); StoreError if it cannot."""
        return cls(Store.open(data_dir=paths.data_dir(data_dir), device_name=device_name))

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> SurveyService:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- the visit -------------------------------------------------------------------------

    @property
    def visit(self) -> VisitContext:
        return self._visit

    @property
    def author(self) -> str:
        """Who saves: the person at the keyboard, else the device's name."""
        return self._visit.at_keyboard.strip() or self.store.identity.device_name

    def set_visit(self, *, delegation: str = "", members: list[str] | None = None,
                  at_keyboard: str = "") -> Future[None]:
        self._visit = VisitContext(delegation.strip(), [name.strip() for name in members or [] if name.strip()],
                                   at_keyboard.strip())
        value = {"delegation": self._visit.delegation, "members": self._visit.members,
                 "at_keyboard": self._visit.at_keyboard}
        return self.store.put_setting("visit", value)

    def remember_commune(self, code: str) -> Future[None] | None:
        if not code:
            return None
        self._recent = [code] + [known for known in self._recent if known != code][: RECENT_COMMUNES - 1]
        return self.store.put_setting("recent_communes", self._recent)

    def recent_communes(self) -> list[str]:
        """The codes of the communes picked lately, most recent first."""
        return list(self._recent)

    # -- forms -----------------------------------------------------------------------------

    def catalog(self) -> list[FormEntry]:
        """Every form this data folder knows, the shipped ones included (added on first use:
        converting a shipped XLSForm the first time takes about a second)."""
        self._add_shipped_forms()
        versions: dict[str, list[Row]] = {}
        for row in self._form_rows():
            versions.setdefault(row["form_id"], []).append(row)
        latest = [newest for rows in versions.values() if (newest := self._latest_usable(rows)) is not None]
        return [FormEntry(row["form_id"], row["version"], row["title"],
                          self._paths.get((row["form_id"], row["version"])))
                for row in sorted(latest, key=lambda row: row["form_id"])]

    def _latest_usable(self, rows: list[Row]) -> Row | None:
        """The newest of a form's versions that opens. A version added from a file was
        checked then; one that came in a bundle (a coordinator's release) is loaded once
        here, and a broken one is passed over: the previous version stays on offer."""
        for row in sorted(rows, key=lambda row: version_key(row["version"]), reverse=True):
            if row["source_sha256"] or self._opens(row["form_id"], row["version"]):
                return row
        return None

    def _opens(self, form_id: str, version: str) -> bool:
        from fieldkit.forms import FormError

        if (form_id, version) in self._broken:
            return False
        try:
            self.form(form_id, version).compiled  # noqa: B018 - expressions that do not compile: broken too
        except FormError as error:
            log.warning("form %s version %s received but not offered: %s", form_id, version, error)
            self._broken.add((form_id, version))
            return False
        return True

    def _usable_version(self, form_id: str) -> str | None:
        rows = [row for row in self._form_rows() if row["form_id"] == form_id]
        if not rows:
            self._add_shipped_forms()
            rows = [row for row in self._form_rows() if row["form_id"] == form_id]
        row = self._latest_usable(rows)
        return row["version"] if row is not None else None

    def _add_shipped_forms(self) -> None:
        """Keep each shipped form version in the store, once per service (a file whose
        bytes the store already knows is not loaded again)."""
        from fieldkit.forms import FormError

        with self._shipped_lock:  # catalog() and form() may race from two worker threads
            if self._shipped_added:
                return
            with self.store.read() as connection:
                known = {row["source_sha256"]: row for row in tables.form_rows(connection) if row["source_sha256"]}
            for path in shipped_form_files():
                digest = file_sha256(path)
                row = known.get(digest)
                if row is not None:
                    self._paths[(row["form_id"], row["version"])] = path
                    continue
                try:
                    self.add_form(path, source_sha256=digest)
                except FormError as error:  # a broken shipped file must not stop the app
                    log.warning("shipped form %s not added: %s", path, error)
            self._shipped_added = True

    def add_form(self, path: Path | str, *, source_sha256: str | None = None) -> FormEntry:
        """Load a form file (raises FormError if broken) and keep its XForm in the store."""
        from fieldkit.forms import load_form

        path = Path(path)
        form = load_form(path)
        form.compiled  # noqa: B018 - a form whose expressions do not compile is refused here
        return self.keep_form(form, path=path, source_sha256=source_sha256)

    def keep_form(self, form: Form, *, path: Path, source_sha256: str | None = None) -> FormEntry:
        """Keep a form loaded (and compiled) from `path` in the store; its catalog entry."""
        digest = source_sha256 or file_sha256(path)
        entry = FormEntry(form.id, form.version or "", form_titles(form), path,
                          asks_encryption=form.asks_encryption)
        self.store.writer.call(lambda connection: tables.put_form(
            connection, form_id=form.id, version=form.version or "", title=entry.title, xform=form.xform,
            source_sha256=digest))
        with self._lock:
            self._forms[(form.id, form.version or "")] = form
            self._paths[(form.id, form.version or "")] = path
        return entry

    def form(self, form_id: str, version: str | None = None) -> Form:
        """A form version the store keeps (the latest that opens when `version` is None)."""
        if version is None:
            version = self._usable_version(form_id)
        if version is not None and (form_id, version) in self._forms:
            return self._forms[(form_id, version)]
        found = self._stored_xform(form_id, version)
        if found is None:
            self._add_shipped_forms()
            found = self._stored_xform(form_id, version)
        if found is None:
            raise StoreError(UNKNOWN_FORM, kind="unknown", form_id=form_id, version=version or "-")
        version, xform = found
        from fieldkit.forms import load_form

        with self._lock:
            if (form_id, version) not in self._forms:
                self._forms[(form_id, version)] = load_form(xform.encode("utf-8"), file_type="xml")
            return self._forms[(form_id, version)]

    def _stored_xform(self, form_id: str, version: str | None) -> tuple[str, str] | None:
        with self.store.read() as connection:
            return tables.form_xform(connection, form_id, version)

    def form_title(self, form_id: str, lang: str = "vi") -> str:
        for row in self._form_rows():
            if row["form_id"] == form_id:
                return row["title"].get(lang) or row["title"].get("") or form_id
        return form_id

    def _form_rows(self) -> list[Row]:
        with self.store.read() as connection:
            return tables.form_rows(connection)

    # -- submissions -----------------------------------------------------------------------

    def open_submission(self, *, form_id: str | None = None, commune_code: str | None = None,
                        record_id: str | None = None, lang: str | None = None, version: str | None = None,
                        resume_working_copy: bool = True, from_visit: bool = False) -> Submission:
        """A new submission of a form (its latest version unless `version`) for a commune,
        or (record_id) the current state of a saved one: its working copy with unsaved
        changes if it has one (unless resume_working_copy=False), else its head revision.
        `from_visit`: a new one takes the visit's delegation and members where it asks
        for them (`fieldkit.services.visit_prefill`)."""
        if record_id is not None:
            return self._open_record(record_id, lang=lang, resume_working_copy=resume_working_copy)
        if form_id is None:
            raise TypeError("open_submission() needs a form_id or a record_id")
        form = self.form(form_id, version)
        options: SessionOptions = {}
        if last_saved.reads_last_saved(form):  # the previous visit's answers, to prefill from
            options["last_saved"] = last_saved.last_saved_xml(self.store, form.id, commune_code)
        session = form.new_session(lang=lang, **options)
        _preset_commune(session, form, commune_code, self.communes)
        if from_visit:
            prefill_from_visit(form, session, self._visit)
        self.remember_commune(commune_code or "")
        return Submission(service=self, form=form, session=session, commune_code=commune_code or "")

    def _open_record(self, record_id: str, *, lang: str | None, resume_working_copy: bool) -> Submission:
        draft = next((draft for draft in self.store.drafts() if draft["record_id"] == record_id), None)
        if draft is not None and resume_working_copy:
            return self.resume(draft["draft_id"], lang=lang)
        record = self.store.record(record_id)
        if record is None:
            raise StoreError(UNKNOWN_RECORD, kind="unknown", record_id=record_id)
        head = self.store.revision(record.winner_rev)
        if head is None:  # records is made from revisions: its winner is always held
            raise StoreError(UNKNOWN_RECORD, kind="unknown", record_id=record_id)
        form = self.form(head.form_id, head.form_version)
        session = _session_from_revision(form, head, lang)
        self.remember_commune(head.commune)
        return Submission(service=self, form=form, session=session, commune_code=head.commune,
                          record_id=record_id, parent_rev=head.rev_id, parent_status=head.data.get("status"),
                          attachments=head.data.get("attachments"))

    def pending_drafts(self) -> list[DraftInfo]:
        """Working copies with changes not saved as a revision: offer to resume them."""
        return [listing.draft_info(draft, self.communes) for draft in self.store.drafts()]

    def resume(self, draft_id: str, *, lang: str | None = None) -> Submission:
        draft = self.store.draft(draft_id)
        if draft is None:
            raise StoreError(UNKNOWN_DRAFT, kind="unknown", draft_id=draft_id)
        form = self.form(draft["form_id"], draft["form_version"])
        session = form.new_session(lang=lang).from_xml(draft["instance_xml"])
        parent = self.store.revision(draft["parent_rev"]) if draft["parent_rev"] else None
        submission = Submission(
            service=self, form=form, session=session, commune_code=draft["commune"] or "", draft_id=draft_id,
            record_id=draft["record_id"], parent_rev=draft["parent_rev"],
            parent_status=parent.data.get("status") if parent else None, attachments=draft["attachments"])
        submission._change_no = 1  # its changes are not in a revision yet
        return submission

    def discard_draft(self, draft_id: str) -> Future[bool]:
        """Remove a working copy (audited); the Future's result: whether there was one."""
        return self.store.discard_draft(draft_id, author=self.author)

    def submissions(self, *, form_id: str | None = None, province: str | None = None, commune: str | None = None,
                    status: str | None = None, text: str | None = None, lang: str = "vi") -> list[SubmissionRow]:
        """Every submission (deleted ones excluded), most recently updated first, filtered."""
        records = self.store.records(form_id=form_id, province=province, commune=commune, status=status)
        with self.store.read() as connection:
            reviewed = marked_records(connection)
        rows = self._row_cache.rows(records, communes=self.communes, titles=self._titles(lang), lang=lang,
                                    reviewed=reviewed, received=self._received_of(records))
        return listing.filtered(rows, text=text)

    def received_marks(self, *, record_ids: Collection[str] | None = None) -> dict[str, Received]:
        """This device's submissions (or those of `record_ids`), each with whether a
        coordinator's receipt holds its latest revision; the others' submissions are not in it."""
        from fieldkit.services.network_sync import received_marks  # the sync modules: loaded on first use

        return received_marks(self.store, record_ids=record_ids)

    def _received_of(self, records: list[RecordRow]) -> dict[str, Received]:
        """A filtered list's few records by id; the whole list in one grouped read."""
        few = len(records) <= 900  # SQLite's bound on a statement's parameters is 999 in old versions
        return self.received_marks(record_ids=[record.record_id for record in records] if few else None)

    def possible_duplicates(self, *, commune_code: str, form_id: str, record_id: str | None = None,
                            lang: str = "vi") -> list[SubmissionRow]:
        """Other submissions of the same form for the same commune: a possible second visit."""
        return [row for row in self.submissions(form_id=form_id, commune=commune_code, lang=lang)
                if row.record_id != record_id]

    def commune_forms(self, commune_code: str) -> list[tuple[FormEntry, str, str | None]]:
        """Each catalog form with its status for this commune and its latest record id;
        a finalized submission since saved as a draft is listing.FINALIZED_EDITED."""
        from fieldkit.store.reports import finalized_then_edited

        rows = self.store.records(commune=commune_code)
        drafts = [draft for draft in self.store.drafts() if draft["commune"] == commune_code]
        with self.store.read() as connection:
            edited = finalized_then_edited(connection, [row.record_id for row in rows])
        return [(entry, *listing.commune_form_status(entry.form_id, rows, drafts, edited=edited))
                for entry in self.catalog()]

    def _titles(self, lang: str) -> dict[str, str]:
        titles = {}
        for row in self._form_rows():
            titles[row["form_id"]] = row["title"].get(lang) or row["title"].get("") or row["form_id"]
        return titles


def _preset_commune(session: FormSession, form: Form, commune_code: str | None, communes: CommuneDirectory) -> None:
    commune = communes.get(commune_code) if commune_code else None
    if commune is None:
        return
    province_path, commune_path = province_question(form), commune_question(form)
    if province_path:
        session.set(province_path, commune.province_code)
    if commune_path:
        session.set(commune_path, commune.code)


def _session_from_revision(form: Form, revision: Revision, lang: str | None) -> FormSession:
    session = form.new_session(lang=lang)
    xml = revision.instance_xml
    if xml:
        return session.from_xml(xml)
    for path, value in sorted(revision.answers.items()):  # made by another tool
        ensure_repeat_instances(session, path)
        session.set(path, value)
    return session


def version_key(version: str) -> tuple[tuple[int, int, str, str], ...]:
    """Orders form versions as people number them: the numbers in a version compare as
    numbers ("1.10" after "1.9", "2024091201-10" after "2024091201-3"), the rest as text;
    a version that starts with a number comes after one that starts with a letter."""
    return tuple(_version_run(run) for run in _VERSION_RUNS.findall(version))


def _version_run(run: str) -> tuple[int, int, str, str]:
    """A number compared by its digits, never int(): a version is text from a form file, and
    int() refuses some digits and numbers of thousands of them."""
    if not run.isdecimal():
        return (0, 0, run, run)
    digits = run.lstrip("0")
    return (1, len(digits), digits, run)

