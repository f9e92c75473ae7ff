"""The coordinator's screens: import bundles, review conflicts and duplicate visits,
trusted devices, summaries (and the export dialog, this device's name); one page of the
main window with a tab each, and a menu to reach them.

The page works over a `CoordinatorService` sharing the main window's store (one writer
thread, one SQLite file); every call that touches the disk goes through
fieldkit.ui.tasks."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QTabWidget

from fieldkit.ui import device_name_dialog
from fieldkit.ui.coordinator.common import count_text
from fieldkit.ui.coordinator.conflicts import ConflictPanel
from fieldkit.ui.coordinator.devices import DevicesPanel
from fieldkit.ui.coordinator.duplicates import DuplicatesPanel
from fieldkit.ui.coordinator.import_panel import ImportPanel
from fieldkit.ui.coordinator.publish import FormPublisher
from fieldkit.ui.reports.export_dialog import ExportDialog
from fieldkit.ui.reports.summaries_panel import SummariesPanel

TAB_IMPORT, TAB_CONFLICTS, TAB_DUPLICATES, TAB_DEVICES, TAB_SUMMARIES = range(5)


class CoordinatorPage(QTabWidget):
    show_requested = Signal()  # a menu action: the window shows this page
    data_changed = Signal()  # records changed (import, resolution, review): other lists reload
    message = Signal(str)  # for the status bar

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("coordinator_page")
        self.coordinator = None
        self.import_panel, self.conflicts = ImportPanel(), ConflictPanel()
        self.duplicates, self.devices = DuplicatesPanel(), DevicesPanel()
        self.summaries = SummariesPanel()
        self.survey = None
        self.export_dialog: ExportDialog | None = None
        for panel in (self.import_panel, self.conflicts, self.duplicates, self.devices, self.summaries):
            self.addTab(panel, "")
        self.export_action = QAction(self)
        self.export_action.setObjectName("coordinator_export")
        self.export_action.setEnabled(False)
        self.export_action.triggered.connect(self.open_export)
        self.name_action = QAction(self)  # this device's name: asked at first start, changed here
        self.name_action.setObjectName("coordinator_device_name")
        self.name_action.setEnabled(False)
        self.name_action.triggered.connect(self.rename_device)
        self.publisher = FormPublisher(self)  # a form release, to the laptops at the next sync
        self.publisher.message.connect(self.message)
        self.menu_actions = [*(self._action(tab) for tab in range(5)), self.export_action, self.name_action,
                             self.publisher.action]
        self.summaries.export_requested.connect(self.open_export)
        self.summaries.message.connect(self.message)
        self.import_panel.imported.connect(self._imported)
        self.conflicts.resolved.connect(lambda _record: self._changed(conflicts=False))
        self.conflicts.message.connect(self.message)
        self.duplicates.changed.connect(self.data_changed)
        self.duplicates.message.connect(self.message)
        self.devices.changed.connect(lambda: self._changed(devices=False))
        self.devices.message.connect(self.message)
        self.devices.rename_requested.connect(self.rename_device)
        self.currentChanged.connect(self._reload_tab)
        self._retranslate()

    def _action(self, tab: int) -> QAction:
        action = QAction(self)
        action.setObjectName(("coordinator_import", "coordinator_conflicts", "coordinator_duplicates",
                              "coordinator_devices", "coordinator_summaries")[tab])
        action.setEnabled(False)
        action.triggered.connect(lambda _checked=False: self.show_tab(tab))
        return action

    def set_service(self, survey) -> None:
        """The window's SurveyService is open: a CoordinatorService over the same store."""
        from fieldkit.services.coordinator import CoordinatorService

        self.coordinator = CoordinatorService.sharing_store_of(survey)
        self.import_panel.set_service(self.coordinator)
        for panel in (self.conflicts, self.duplicates, self.devices):
            panel.set_services(self.coordinator, survey)
        self.survey = survey
        self.summaries.set_service(survey)
        self.publisher.set_service(survey)
        for action in self.menu_actions:
            action.setEnabled(True)

    def show_tab(self, tab: int) -> None:
        self.show_requested.emit()
        if self.currentIndex() == tab:
            self._reload_tab(tab)
        self.setCurrentIndex(tab)

    def open_export(self) -> None:
        if self.survey is None:
            return
        self.export_dialog = ExportDialog(self.survey, self)
        self.export_dialog.open()

    def rename_device(self) -> None:
        if self.survey is not None:
            device_name_dialog.ask_from_menu(self.window(), self.survey, renamed=self._renamed)

    def _renamed(self, text: str) -> None:
        self.message.emit(text)
        self.devices.reload()

    def _reload_tab(self, tab: int) -> None:
        panel = self.widget(tab)
        if hasattr(panel, "reload"):
            panel.reload()

    def _imported(self, reports: list) -> None:
        self._changed()
        conflicts = sum(report.conflicts_opened for report in reports)
        if conflicts:
            self.message.emit(count_text(conflicts, self.tr("{count} new conflict to review"),
                                         self.tr("{count} new conflicts to review")))

    def _changed(self, *, conflicts: bool = True, devices: bool = True) -> None:
        """Refresh the other tabs' data (each reload is one read on a worker)."""
        if conflicts:
            self.conflicts.reload()
        self.duplicates.reload()
        if devices:
            self.devices.reload()
        self.data_changed.emit()

    def _retranslate(self) -> None:
        titles = (self.tr("Import"), self.tr("Conflicts"), self.tr("Duplicate visits"), self.tr("Devices"),
                  self.tr("Summaries"))
        for tab, title in enumerate(titles):
            self.setTabText(tab, title)
        menu = (self.tr("&Import bundles…"), self.tr("&Conflicts"), self.tr("&Duplicate visits"),
                self.tr("&Trusted devices"), self.tr("&Summaries and printing…"), self.tr("&Export data…"),
                self.tr("This device's &name…"))
        for action, text in zip(self.menu_actions, menu, strict=False):  # the publisher names its own
            action.setText(text)
        self.publisher.retranslate()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
