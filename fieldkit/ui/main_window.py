"""The main window: visit context → commune → its forms → the form; the submissions
browser; the language menu.

The window owns the `SurveyService`, opened off the GUI thread when the window is
already on screen. Every service call that touches the disk goes through
`fieldkit.ui.tasks`; results come back as signals on the GUI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter, QStackedWidget

from fieldkit.communes import picker_rows
from fieldkit.ui import device_name_dialog, errors, memory, tasks
from fieldkit.ui.commune_forms import CommuneForms, FormRow
from fieldkit.ui.commune_picker import FIND_COMMUNE_KEYS, CommunePicker
from fieldkit.ui.coordinator import CoordinatorPage
from fieldkit.ui.form_controller import FormController
from fieldkit.ui.form_page import FormPage
from fieldkit.ui.reports.summaries import SummaryRunner
from fieldkit.ui.resume_dialog import ResumeDialog
from fieldkit.ui.screen_fit import keep_windows_on_screen
from fieldkit.ui.submissions import SubmissionsBrowser
from fieldkit.ui.sync import SyncUi
from fieldkit.ui.visit_dialog import VisitDialog

log = logging.getLogger(__name__)

PAGE_LOADING, PAGE_HOME, PAGE_FORM, PAGE_SUBMISSIONS, PAGE_COORDINATOR = range(5)
PORTABLE_LABEL_WIDTH = 420  # pixels of the status bar's "Data on the USB stick: …", at most
LANGUAGE_NAMES = {"vi": "Tiếng Việt", "en": "English"}  # each in its own language, never translated


def commune_forms_and_receipts(service, commune_code: str, *, with_receipts: bool) -> tuple[list, dict]:
    """On a worker: a commune's forms, and whether a coordinator holds each of this device's
    records among them (asked only where a drop box is set up: no receipt comes otherwise)."""
    found = service.commune_forms(commune_code)
    if not with_receipts:
        return found, {}
    return found, service.received_marks(record_ids=[record for _entry, _status, record in found if record])


class MainWindow(QMainWindow):
    ready = Signal()  # the service is open and the commune list filled: the window is usable

    def __init__(self, data_dir: Path, translators, settings: QSettings, *, log_path: Path | None = None,
                 portable: bool = False):
        super().__init__()
        self.setObjectName("main_window")
        self.data_dir, self.translators, self.settings, self.log_path = data_dir, translators, settings, log_path
        self.service = None
        self.commune = None
        self._focus_forms = False  # Enter in the commune search: its forms take the cursor
        self.catalog: dict = {}
        self.drafts_checked = False  # pending working copies looked for (and offered)
        self.visit_dialog: VisitDialog | None = None
        self.resume_dialog: ResumeDialog | None = None
        self.loading = QLabel()
        self.loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.loading.setWordWrap(True)
        self.picker = CommunePicker()
        self.commune_forms = CommuneForms()
        self.form_page = FormPage()
        self.browser = SubmissionsBrowser()
        self.coordinator = CoordinatorPage()
        self.forms = FormController(self, self.form_page)
        self.summaries = SummaryRunner(self)
        self.pages = QStackedWidget()
        home = QSplitter()
        home.addWidget(self.picker)
        home.addWidget(self.commune_forms)
        home.setSizes([380, 520])
        for page in (self.loading, home, self.form_page, self.browser, self.coordinator):
            self.pages.addWidget(page)
        self.setCentralWidget(self.pages)
        self.visit_label = QLabel()
        self.statusBar().addPermanentWidget(self.visit_label)
        self.portable_label = QLabel()  # a kit on a USB stick: where the data is, always in sight
        self.portable_label.setObjectName("portable_label")
        self.portable_label.setVisible(portable)
        self.statusBar().addPermanentWidget(self.portable_label)
        self._make_actions()
        self.sync = SyncUi(self)  # its indicator in the status bar, its menu before Language
        self._connect()
        self._retranslate()
        self.resize(1100, 720)
        keep_windows_on_screen(self)  # this window and every dialog fit a 1366×728 laptop screen

    # -- actions and menus -------------------------------------------------------------

    def _make_actions(self) -> None:
        def action(name, slot, shortcut=None) -> QAction:
            made = QAction(self)
            made.setObjectName(name)
            made.triggered.connect(slot)
            if shortcut:
                made.setShortcut(shortcut)
            return made

        self.home_action = action("home_action", self.show_home, "Ctrl+1")
        self.find_commune_action = action("find_commune_action", self.find_commune, FIND_COMMUNE_KEYS)
        self.form_action = action("form_action", self.show_form, "Ctrl+2")
        self.submissions_action = action("submissions_action", self.show_submissions, "Ctrl+3")
        self.visit_action = action("visit_action", lambda: self.edit_visit(), "Ctrl+Shift+D")
        self.save_action = action("save_action", self.forms.save, QKeySequence.StandardKey.Save)
        self.finalize_action = action("finalize_action", self.forms.finalize, "Ctrl+Shift+F")
        self.close_form_action = action("close_form_action", self.forms.close, "Ctrl+W")
        self.quit_action = action("quit_action", self.close, "Ctrl+Q")  # StandardKey.Quit is empty on some platforms
        self.language_actions = QActionGroup(self)
        for code, name in LANGUAGE_NAMES.items():
            language = action(f"language_{code}", lambda _checked=False, c=code: self.set_language(c))
            language.setText(name)
            language.setCheckable(True)
            language.setChecked(code == self.translators.language)
            self.language_actions.addAction(language)
        self.toolbar = self.addToolBar("main")
        self.toolbar.setObjectName("toolbar")
        for item in (self.home_action, self.form_action, self.submissions_action, self.visit_action, None,
                     self.save_action, self.finalize_action, self.close_form_action):
            self.toolbar.addSeparator() if item is None else self.toolbar.addAction(item)
        self._make_menus()
        self._update_form_actions()

    def _make_menus(self) -> None:
        """Every action is in a menu, with its shortcut shown there (the toolbar's buttons
        are not in the Tab order)."""
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addActions([self.visit_action, self.save_action, self.finalize_action,
                                   self.close_form_action])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.go_menu = bar.addMenu("")
        self.go_menu.addActions([self.home_action, self.find_commune_action, self.form_action,
                                 self.submissions_action])
        self.coordinator_menu = bar.addMenu("")
        self.coordinator_menu.addActions(self.coordinator.menu_actions)
        self.language_menu = bar.addMenu("")
        self.language_menu.addActions(self.language_actions.actions())

    def _connect(self) -> None:
        self.picker.commune_picked.connect(self.pick_commune)
        self.picker.commune_entered.connect(self._focus_forms_once_read)
        self.commune_forms.open_requested.connect(self._open_form)
        self.commune_forms.summary_requested.connect(lambda: self.summaries.commune(self.commune.code))
        self.summaries.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.browser.open_requested.connect(self._open_row)
        self.forms.opened.connect(self._form_opened)
        self.forms.closed.connect(self._form_closed)
        self.forms.saved.connect(self._refresh_lists)
        self.forms.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.form_page.show_duplicates_clicked.connect(self._show_duplicates)
        self.coordinator.show_requested.connect(lambda: self.pages.setCurrentIndex(PAGE_COORDINATOR))
        self.coordinator.data_changed.connect(self._refresh_lists)
        self.coordinator.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.sync.imported.connect(self.coordinator.import_panel.imported)  # refreshed as after an import
        self.sync.receipts_changed.connect(self._refresh_lists)  # "received by coordinator" in both lists
        self.sync.scheduler.changed.connect(
            lambda: self.browser.show_received(self.sync.scheduler.state.remote is not None))

    def _update_form_actions(self) -> None:
        is_open = self.forms.submission is not None
        for item in (self.form_action, self.save_action, self.finalize_action, self.close_form_action):
            item.setEnabled(is_open)
        for item in (self.home_action, self.find_commune_action, self.submissions_action, self.visit_action):
            item.setEnabled(self.service is not None)

    # -- start and stop ----------------------------------------------------------------

    def start(self) -> None:
        """Open the service off the GUI thread; the window is already on screen."""
        from fieldkit.services import SurveyService

        self.loading.setText(self.tr("Opening the data in {folder}…").format(folder=self.data_dir))
        self.pages.setCurrentIndex(PAGE_LOADING)
        tasks.run(SurveyService.open, data_dir=self.data_dir).then(self._service_opened, self._service_failed)

    def _service_failed(self, error: BaseException) -> None:
        self.loading.setText(self.tr("The data could not be opened.") + f"\n\n{errors.message(error)}")
        errors.show_error(self, self.tr("The data could not be opened."), error)

    def _service_opened(self, service) -> None:
        self.service = service
        self.forms.service = service
        self.coordinator.set_service(service)
        self.sync.set_service(self.coordinator.coordinator)
        self.summaries.set_service(service)
        tasks.run(self._read_start_data, service).then(self._start_data_read, self._service_failed)

    @staticmethod
    def _read_start_data(service) -> dict:
        """What the first screen needs, read in one trip off the GUI thread."""
        provinces, rows = picker_rows.load(service.recent_communes())
        return {"provinces": provinces, "rows": rows, "visit": service.visit}

    def _start_data_read(self, data: dict) -> None:
        self.picker.set_data(data["provinces"], data["rows"])
        self._show_visit(data["visit"])
        self.pages.setCurrentIndex(PAGE_HOME)
        self._update_form_actions()
        self.picker.search_box.setFocus()
        # The catalog converts the shipped XLSForms on the very first run (seconds), and
        # the commune directory (look-ups, the search key) loads in half a second: both
        # come after the picker, which is usable meanwhile.
        tasks.run(self.service.catalog).then(self._catalog_read, self._read_failed)
        tasks.run(self.service.communes.warm_up).then(None, self._read_failed)
        memory.release_soon()  # what opening took, and the module sources PySide6 read meanwhile
        self.ready.emit()

    def _catalog_read(self, entries: list) -> None:
        self.catalog = {entry.form_id: entry for entry in entries}
        device_name_dialog.ask_at_first_start(self, self.service, then=self._ask_visit_or_resume,
                                              message=lambda text: self.statusBar().showMessage(text, 8000))

    def _ask_visit_or_resume(self) -> None:
        if not self.service.visit.at_keyboard:
            self.edit_visit(then=self._offer_resume, or_else=self._offer_resume)
        else:
            self._offer_resume()

    def shutdown(self) -> None:
        """After the event loop: let background work end, then close the service (which
        writes what its writer thread still holds)."""
        self.forms.close_now()
        tasks.wait_for_workers()
        if self.service is not None:
            self.service.close()
            self.service = None

    def closeEvent(self, event) -> None:
        # Nothing to ask: answers are in the working copy, offered again on the next start.
        self.settings.setValue("geometry", self.saveGeometry())
        super().closeEvent(event)

    # -- visit context -----------------------------------------------------------------

    def edit_visit(self, *, then: Callable[[], None] | None = None,
                   or_else: Callable[[], None] | None = None) -> None:
        """The visit dialog; `then` once the visit is saved, `or_else` if it is cancelled."""
        if self.service is None:
            return
        self.visit_dialog = VisitDialog(self.service.visit, self)
        self.visit_dialog.accepted.connect(lambda: self._visit_entered(self.visit_dialog.values(), then))
        if or_else is not None:
            self.visit_dialog.rejected.connect(or_else)
        self.visit_dialog.open()

    def _visit_entered(self, values: dict, then: Callable[[], None] | None) -> None:
        task = tasks.await_future(self.service.set_visit(**values), "set_visit")
        task.then(lambda _result: self._visit_saved(then),
                  lambda error: errors.show_error(self, self.tr("Could not save the visit."), error))

    def _visit_saved(self, then: Callable[[], None] | None) -> None:
        self._show_visit(self.service.visit)
        if then is not None:
            then()

    def _with_visit(self, then: Callable[[], None]) -> None:
        """Every save is credited to the person at the keyboard: with no visit entered
        (its dialog cancelled at the start), a form opens only once it is."""
        if self.service.visit.at_keyboard:
            then()
            return
        self.edit_visit(then=then, or_else=lambda: self.statusBar().showMessage(self.tr(
            "No form was opened: every save is credited to the person at the keyboard, so the visit "
            "comes first."), 15000))

    def _show_visit(self, visit) -> None:
        self.visit_label.setText(self.tr("{delegation} — at the keyboard: {person}").format(
            delegation=visit.delegation or "—", person=visit.at_keyboard or "—") if visit.at_keyboard else "")

    # -- resume --------------------------------------------------------------------------

    def _offer_resume(self) -> None:
        tasks.run(self.service.pending_drafts).then(self._drafts_found, self._read_failed)

    def _drafts_found(self, drafts: list) -> None:
        self.drafts_checked = True
        if not drafts:
            return
        titles = {form_id: entry.title_in(self.translators.language) for form_id, entry in self.catalog.items()}
        self.resume_dialog = ResumeDialog(drafts, titles, self)
        self.resume_dialog.resume_requested.connect(lambda draft: self._with_visit(lambda: self.forms.resume(draft)))
        self.resume_dialog.discard_requested.connect(self._discard_draft)
        self.resume_dialog.open()

    def _discard_draft(self, draft) -> None:
        tasks.run(self.service.discard_draft, draft.draft_id).then(
            lambda _result: self.statusBar().showMessage(self.tr("The unsaved answers were discarded."), 8000),
            lambda error: errors.show_error(self, self.tr("Could not discard the answers."), error))

    def _read_failed(self, error: BaseException) -> None:
        self._focus_forms = False  # a later read (after a save) must not take the cursor
        errors.show_error(self, self.tr("Could not read the data."), error)

    # -- communes and their forms --------------------------------------------------------

    def show_home(self) -> None:
        """The commune list; an open form stays open (see the Form action). The cursor
        goes to the commune's forms, or to the search while no commune is picked."""
        if self.service is not None:
            self.pages.setCurrentIndex(PAGE_HOME)
            if self.commune_forms.model.rowCount():
                self.commune_forms.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
            else:
                self.picker.focus_search()

    def find_commune(self) -> None:
        """The commune list, the cursor in its search box (what was typed selected)."""
        if self.service is not None:
            self.pages.setCurrentIndex(PAGE_HOME)
            self.picker.focus_search()

    def show_form(self) -> None:
        if self.forms.submission is not None:
            self.pages.setCurrentIndex(PAGE_FORM)

    def pick_commune(self, commune) -> None:
        if self.commune is None or self.commune.code != commune.code:
            self._remember(commune)
        self.commune = commune
        tasks.run(commune_forms_and_receipts, self.service, commune.code,
                  with_receipts=self.sync.scheduler.state.remote is not None).then(
            lambda found, picked=commune: self._commune_forms_read(picked, *found), self._read_failed)

    def _remember(self, commune) -> None:
        """Recent communes first in the picker, here and on the next start."""
        saved = self.service.remember_commune(commune.code)
        if saved is not None:
            tasks.await_future(saved, "remember_commune").then(None, self._read_failed)
        self.picker.model.move_to_front(commune.code)

    def _focus_forms_once_read(self) -> None:
        """Enter in the search: the arrows then choose among the commune's forms."""
        self._focus_forms = True

    def _commune_forms_read(self, commune, found: list, received: dict) -> None:
        if self.commune is not commune:  # another commune was picked meanwhile
            return
        rows = [FormRow(entry, status, record, received.get(record) if record else None)
                for entry, status, record in found]
        self.commune_forms.show_commune(commune, rows)
        if self._focus_forms and self.picker.search_box.hasFocus():
            self.commune_forms.table.setFocus(Qt.FocusReason.OtherFocusReason)
        self._focus_forms = False

    def _open_form(self, entry, record_id, new: bool) -> None:
        commune = self.commune
        self._with_visit(lambda: self.forms.open(entry, commune, record_id, new=new))

    def _open_row(self, row) -> None:
        self._with_visit(lambda: self.forms.open_record(self.catalog.get(row.form_id), row.commune_code,
                                                        row.record_id))

    def _form_opened(self, _submission) -> None:
        self.pages.setCurrentIndex(PAGE_FORM)
        self._update_form_actions()

    def _form_closed(self) -> None:
        memory.release_soon()  # the form view's widgets, deleted now
        self.show_home()  # the cursor back on the commune's forms
        self._update_form_actions()
        self._refresh_lists()

    def _refresh_lists(self, *_args) -> None:
        if self.commune is not None:
            self.pick_commune(self.commune)
        if self.pages.currentIndex() == PAGE_SUBMISSIONS or self.browser.model.rowCount():
            self._load_submissions()

    # -- submissions browser ---------------------------------------------------------------

    def show_submissions(self) -> None:
        if self.service is None:
            return
        self.pages.setCurrentIndex(PAGE_SUBMISSIONS)
        self.browser.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self._load_submissions()

    def _load_submissions(self) -> None:
        tasks.run(self.service.submissions, lang=self.translators.language).then(
            self.browser.set_rows, self._read_failed)

    def _show_duplicates(self) -> None:
        self.show_submissions()
        if self.commune is not None:
            self.browser.search_box.setText(self.commune.name)

    # -- language -------------------------------------------------------------------------

    def set_language(self, language: str) -> None:
        """Switch at once: installing the translator sends LanguageChange to every widget."""
        self.translators.install(language)
        self.settings.setValue("language", language)
        self.forms.set_language(language)
        for item in self.language_actions.actions():
            item.setChecked(item.objectName() == f"language_{language}")

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        # Qt adds the application's name itself ("Khảo sát cấp xã — fieldkit")
        self.setWindowTitle(self.tr("Commune surveys"))
        portable = self.tr("Data on the USB stick: {folder}").format(folder=self.data_dir)
        self.portable_label.setToolTip(portable)  # elided: a deep folder must not widen the window past the screen
        self.portable_label.setText(self.fontMetrics().elidedText(portable, Qt.TextElideMode.ElideMiddle,
                                                                  PORTABLE_LABEL_WIDTH))
        # Menu titles take letters that no button of any screen uses ("&File" would be
        # Alt+F of the form's "&Finalize" too): tests/ui/test_app_mnemonics.py checks them.
        self.home_action.setText(self.tr("&Communes"))
        self.find_commune_action.setText(self.tr("&Find a commune"))
        self.form_action.setText(self.tr("F&orm"))
        self.form_action.setToolTip(self.tr("Back to the form being filled"))
        self.submissions_action.setText(self.tr("&Submissions"))
        self.visit_action.setText(self.tr("&Visit…"))
        self.visit_action.setToolTip(self.tr("The delegation, its members and who is at the keyboard"))
        self.save_action.setText(self.tr("&Save"))
        self.finalize_action.setText(self.tr("&Finalize"))
        self.close_form_action.setText(self.tr("&Close form"))
        self.quit_action.setText(self.tr("&Quit"))
        self.file_menu.setTitle(self.tr("F&ile"))
        self.go_menu.setTitle(self.tr("&Browse"))
        self.coordinator_menu.setTitle(self.tr("Coordin&ator"))
        self.language_menu.setTitle(self.tr("Lan&guage"))
        if self.service is not None:
            self._show_visit(self.service.visit)
