"""Import bundles from files, a folder or a removable drive; a progress bar; one result
row per bundle.

The import runs on a worker (fieldkit.ui.tasks), bundle by bundle, so one unreadable
file (a USB stick pulled out mid-import) becomes one row with a plain message instead
of stopping the others. The database side is the service's: each chunk is committed
whole or not at all, and importing again completes what was cut short.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QSortFilterProxyModel, QStorageInfo, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldkit.services.drives import removable_mounts
from fieldkit.services.types import Status
from fieldkit.ui import errors, labels, tasks
from fieldkit.ui.coordinator.columns import fit_columns
from fieldkit.ui.coordinator.common import SORT_ROLE, RowsModel, count_text
from fieldkit.ui.tables import make_table

# an import's outcome coloured as the submission status it resembles
_STATUS_LOOK = {"imported": Status.FINALIZED, "rejected": Status.HAS_ERRORS, "failed": Status.HAS_ERRORS,
                "quarantined": Status.DRAFT}

(COLUMN_FILE, COLUMN_STATUS, COLUMN_NEW, COLUMN_PRESENT, COLUMN_PENDING, COLUMN_CONFLICTS,
 COLUMN_REASON) = range(7)
PROGRESS_STEPS = 1000


def removable_drives(volumes=None, platform: str = sys.platform, *, mounts_text: str | None = None,
                     sys_root: Path | None = None, user: str | None = None) -> list[tuple[str, str]]:
    """(label, root path) of mounted drives a USB stick shows up as: on Linux the
    removable ones (fieldkit.services.drives); every drive letter but the system's on
    Windows; /Volumes/* on macOS."""
    if platform.startswith("linux"):
        return [(f"{Path(mount.path).name or mount.path} — {mount.path}", mount.path)
                for mount in removable_mounts(mounts_text=mounts_text, sys_root=sys_root, user=user)]
    volumes = QStorageInfo.mountedVolumes() if volumes is None else volumes
    system = QStorageInfo.root().rootPath()
    found = []
    for volume in volumes:
        root = volume.rootPath()
        if not volume.isValid() or not volume.isReady():
            continue
        if platform.startswith("win"):
            usable = len(root) <= 3 and root[1:2] == ":" and root != system
        else:
            usable = root.startswith("/Volumes/")
        if usable:
            name = volume.displayName() or Path(root).name or root
            found.append((f"{name} — {root}", root))
    return found


def overall_progress(number: int, count: int, step: str, done: int, total: int) -> int:
    """Bundles done so far, plus this bundle's share: verifying is its first half,
    committing the chunks its second."""
    fraction = done / total if total else 1.0
    within = fraction / 2 if step == "verify" else 0.5 + fraction / 2
    return int(PROGRESS_STEPS * ((number - 1) + within) / max(count, 1))


def import_files(service, paths: list[Path], progress) -> list:
    """On a worker: every bundle under `paths`, one report each, in one call to the
    service, so it checks the next bundle while the previous one commits; an unreadable
    file or folder is a report of its own (status "failed"), the others go on."""
    return service.import_paths(paths, progress=_Throttle(progress))


class _Throttle:
    """Forwards a progress call only when the bar would move: verifying reports every
    member hashed, and each forwarded call is a signal queued to the GUI thread."""

    def __init__(self, progress):
        self.progress, self.last = progress, None

    def __call__(self, number, count, path, step, done, total) -> None:
        value = overall_progress(number, count, step, done, total)
        if value != self.last:
            self.last = value
            self.progress(number, count, path, step, done, total)


class ImportResults(RowsModel):
    COLUMNS = 7

    def headers(self) -> tuple:
        return (self.tr("File"), self.tr("Status"), self.tr("New"), self.tr("Already present"), self.tr("Pending"),
                self.tr("Conflicts opened"), self.tr("Reason"))

    def status_text(self, status: str) -> str:
        return {"imported": self.tr("imported"), "already_present": self.tr("already present"),
                "quarantined": self.tr("quarantined (device not trusted yet)"), "rejected": self.tr("rejected"),
                "failed": self.tr("failed: import it again")}.get(status, status)

    def display(self, report, column: int):
        if column == COLUMN_FILE:
            return Path(report.path).name
        if column == COLUMN_STATUS:
            return self.status_text(report.status)
        if column == COLUMN_REASON:
            return self.reason(report)
        return (report.new, report.present, report.pending, report.conflicts_opened)[column - COLUMN_NEW]

    def reason(self, report) -> str:
        # a file that vanished or could not be read (a drive pulled out) has its plain reason too
        text = report.reason_en if labels.ui_language() == "en" else report.reason
        return text or ""

    def decorate(self, report, column: int, role):
        if role == Qt.ItemDataRole.ToolTipRole and column in (COLUMN_FILE, COLUMN_REASON):
            return report.path if column == COLUMN_FILE else self.reason(report)
        if role == Qt.ItemDataRole.ForegroundRole and column == COLUMN_STATUS:
            return labels.status_colour(_STATUS_LOOK.get(report.status, ""))
        return None


class ImportPanel(QWidget):
    imported = Signal(list)  # the reports, once a whole import has run

    def __init__(self, parent=None):
        super().__init__(parent)
        self.service = None
        self.running = False
        self.model = ImportResults(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = make_table("import_results", self.proxy)
        fit_columns(self.table)
        self.files_button, self.folder_button = QPushButton(), QPushButton()
        self.drive_box, self.drive_button, self.rescan_button = QComboBox(), QPushButton(), QPushButton()
        self.drive_box.setObjectName("drive_box")
        self.progress = QProgressBar()
        self.progress.setObjectName("import_progress")
        self.progress.setRange(0, PROGRESS_STEPS)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.relay = tasks.Progress(self)
        self.relay.progressed.connect(self._progressed, Qt.ConnectionType.QueuedConnection)
        self._layout()
        self.files_button.clicked.connect(self.choose_files)
        self.folder_button.clicked.connect(self.choose_folder)
        self.drive_button.clicked.connect(self.import_drive)
        self.rescan_button.clicked.connect(self.refresh_drives)
        self._retranslate()
        self.refresh_drives()

    def _layout(self) -> None:
        buttons = QHBoxLayout()
        for widget in (self.files_button, self.folder_button, self.drive_box, self.drive_button, self.rescan_button):
            buttons.addWidget(widget)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)

    def set_service(self, service) -> None:
        self.service = service

    # -- choosing what to import ------------------------------------------------------------

    def choose_files(self) -> None:
        dialog = self._dialog(QFileDialog.FileMode.ExistingFiles)
        dialog.setNameFilter(self.tr("fieldkit bundles (*.fkb)"))
        dialog.filesSelected.connect(lambda chosen: self.import_paths([Path(name) for name in chosen]))
        dialog.open()

    def choose_folder(self) -> None:
        dialog = self._dialog(QFileDialog.FileMode.Directory)
        dialog.fileSelected.connect(lambda chosen: self.import_paths([Path(chosen)]))
        dialog.open()

    def _dialog(self, mode) -> QFileDialog:
        dialog = QFileDialog(self, self.tr("Import bundles"))
        dialog.setFileMode(mode)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        return dialog

    def refresh_drives(self) -> None:
        self.drive_box.clear()
        for label, root in removable_drives():
            self.drive_box.addItem(label, root)
        if not self.drive_box.count():
            self.drive_box.addItem(self.tr("No removable drive found"), None)
        self.drive_button.setEnabled(self.drive_box.currentData() is not None and not self.running)

    def import_drive(self) -> None:
        root = self.drive_box.currentData()
        if root:
            self.import_paths([Path(root)])

    # -- importing -----------------------------------------------------------------------------

    def import_paths(self, paths: list[Path]) -> None:
        if self.service is None or self.running or not paths:
            return
        self._set_running(True)
        self.progress.setValue(0)
        self.summary.setText(self.tr("Importing…"))
        tasks.run(import_files, self.service, list(paths), self.relay, description="import bundles").then(
            self._finished, self._failed)

    def _progressed(self, values: tuple) -> None:
        number, count, path, step, done, total = values
        self.progress.setValue(max(self.progress.value(), overall_progress(number, count, step, done, total)))
        self.summary.setText(self.tr("Bundle {number} of {count}: {file}").format(
            number=number, count=count, file=Path(path).name))

    def _finished(self, reports: list) -> None:
        self._set_running(False)
        self.progress.setValue(PROGRESS_STEPS)
        self.model.set_rows(reports)
        self.summary.setText(self._summary(reports))
        self.imported.emit(reports)

    def _summary(self, reports: list) -> str:
        if not reports:
            return self.tr("No bundle (*.fkb) was found there.")
        count = lambda *statuses: sum(1 for report in reports if report.status in statuses)  # noqa: E731
        return self.tr("{bundles}: {imported} imported, {present} already present, {quarantined} quarantined, "
                       "{rejected} rejected or failed.").format(
            bundles=count_text(len(reports), self.tr("{count} bundle"), self.tr("{count} bundles")),
            imported=count("imported"), present=count("already_present"),
            quarantined=count("quarantined"), rejected=count("rejected", "failed"))

    def _failed(self, error: BaseException) -> None:
        self._set_running(False)
        self.summary.setText(self.tr("The import stopped."))
        errors.show_error(self, self.tr("The import stopped."), error)

    def _set_running(self, running: bool) -> None:
        self.running = running
        for button in (self.files_button, self.folder_button, self.rescan_button):
            button.setEnabled(not running)
        self.drive_button.setEnabled(not running and self.drive_box.currentData() is not None)

    # -- language ------------------------------------------------------------------------------

    def _retranslate(self) -> None:
        self.files_button.setText(self.tr("Choose &files…"))
        self.folder_button.setText(self.tr("Choose a f&older…"))
        self.drive_button.setText(self.tr("Import from &drive"))
        self.rescan_button.setText(self.tr("Look for drives again"))
        self.drive_box.setToolTip(self.tr("USB sticks and other removable drives plugged into this computer"))
        if self.drive_box.currentData() is None and self.drive_box.count():
            self.drive_box.setItemText(0, self.tr("No removable drive found"))
        self.model.retranslate()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
