"""The child process of tools/screenshots.py: the window as `fieldkit` opens it, on the
X display of $DISPLAY, driven from screen to screen; each screen grabbed whole (the
window manager's frames included) and written as an optimised PNG."""

from __future__ import annotations

import io
import logging
import time
from collections.abc import Callable
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QBuffer, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from fieldkit.ui import app as application
from fieldkit.ui import tasks
from fieldkit.ui.coordinator import TAB_CONFLICTS, TAB_DEVICES, TAB_DUPLICATES, TAB_IMPORT
from fieldkit.ui.main_window import MainWindow
from fieldkit.ui.translators import Translators
from tools.screenshot_data import HOAN_KIEM, STAFFING

INFRASTRUCTURE = "commune_infrastructure"
log = logging.getLogger("tools.screenshots")


def save_optimised(image: QImage, path: Path) -> None:
    """A PNG with a palette of 256 colours, chosen for this image: a screen of flat
    colours and text keeps its look at a fifth of the size."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    picture = Image.open(io.BytesIO(buffer.data().data())).convert("RGB")
    picture.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(
        path, optimize=True)


class Driver:
    """The window, and waiting for it as a person would: until what they wait for shows."""

    def __init__(self, language: str, data: Path, stick: Path, out: Path):
        self.language, self.data, self.stick, self.out = language, data, stick, out
        self.app = application.create_app()
        self.translators = Translators(self.app)
        self.translators.install(language)
        self.window = MainWindow(data, self.translators, application.settings(data))
        self.window.show()
        self.window.start()
        self.wait(lambda: bool(self.window.catalog) and self.window.drafts_checked, "the window to be ready")

    def wait(self, ready: Callable[[], object], what: str, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while not ready():
            if time.monotonic() > deadline:
                failed = self.out / f"timeout-{self.language}.png"  # what the screen showed instead
                QGuiApplication.primaryScreen().grabWindow(0).save(str(failed))
                raise TimeoutError(f"waited {timeout:.0f} s for {what}; the screen: {failed}")
            QTest.qWait(50)

    def settle(self) -> None:
        """Background work delivered, then time for the window manager and the repaint."""
        self.wait(lambda: not tasks.busy(), "the background tasks")
        QTest.qWait(600)

    def grab(self, name: str) -> Path:
        self.settle()
        path = self.out / f"{name}-{self.language}.png"
        save_optimised(QGuiApplication.primaryScreen().grabWindow(0).toImage(), path)
        print(f"  {path.name}", flush=True)
        return path

    def top_level(self, kind: type) -> QWidget | None:
        shown = [widget for widget in QApplication.topLevelWidgets() if isinstance(widget, kind) and widget.isVisible()]
        return shown[0] if shown else None


# -- the screens, in the order a day goes ---------------------------------------------------

def visit(driver: Driver) -> None:
    driver.window.edit_visit()
    driver.wait(lambda: driver.window.visit_dialog.isVisible(), "the visit dialog")
    driver.grab("visit")
    driver.window.visit_dialog.reject()


def communes(driver: Driver) -> None:
    picker, forms = driver.window.picker, driver.window.commune_forms
    picker.search_box.setFocus()
    QTest.keyClicks(picker.search_box, "hoan kiem")
    QTest.keyClick(picker.search_box, Qt.Key.Key_Return)
    driver.wait(lambda: forms.commune is not None and forms.commune.code == HOAN_KIEM and forms.model.rowCount(),
                "Hoàn Kiếm's forms")
    driver.grab("communes")


def open_form(driver: Driver, form_id: str) -> None:
    """As Open does: the commune's submission of the form, or a new one if it has none."""
    forms, controller = driver.window.commune_forms, driver.window.forms
    driver.wait(lambda: forms.row_for(form_id) >= 0, f"the form {form_id} in the list")
    forms.select_form(form_id)
    forms.open_button.click()
    driver.wait(lambda: controller.view is not None and controller.submission.form.id == form_id,
                f"the form {form_id} to open")


def form(driver: Driver) -> None:
    open_form(driver, STAFFING)
    view = driver.window.forms.view
    view.show_page(min(1, len(view.pages) - 1), focus=True)  # past the commune and date: the answers
    driver.grab("form")
    driver.window.forms.close()
    driver.wait(lambda: driver.window.forms.view is None, "the form to close")


def finalize_errors(driver: Driver) -> None:
    open_form(driver, INFRASTRUCTURE)
    view = driver.window.forms.view
    driver.window.forms.finalize()
    driver.wait(lambda: view.error_list.isVisible(), "the finalize errors")
    driver.grab("finalize-errors")
    driver.window.forms.close()
    driver.wait(lambda: driver.window.forms.view is None, "the form to close")


def submissions(driver: Driver) -> None:
    driver.window.show_submissions()
    driver.wait(lambda: driver.window.browser.model.rowCount(), "the submissions")
    driver.grab("submissions")


def print_preview(driver: Driver) -> None:
    from fieldkit.ui.reports.preview import PreviewDialog

    driver.window.summaries.commune(HOAN_KIEM)
    driver.wait(lambda: driver.top_level(PreviewDialog) is not None, "the print preview", timeout=120)
    preview = driver.top_level(PreviewDialog)
    driver.wait(lambda: preview.pages > 0, "the preview's pages", timeout=120)
    driver.grab("print-preview")
    preview.close()


def coordinator_tab(driver: Driver, tab: int):
    """The tab, shown and reloaded (a reload resets its table and selection)."""
    driver.window.coordinator.show_tab(tab)
    driver.settle()
    return driver.window.coordinator.widget(tab)


def import_bundles(driver: Driver) -> None:
    panel = coordinator_tab(driver, TAB_IMPORT)
    panel.import_paths([driver.stick])
    driver.wait(lambda: panel.model.rowCount() == 2 and not panel.running, "the stick's bundles to be imported")
    driver.grab("import")


def conflicts(driver: Driver) -> None:
    panel = coordinator_tab(driver, TAB_CONFLICTS)
    driver.wait(lambda: panel.list_model.rowCount(), "a conflict")
    panel.list.selectRow(0)
    panel.only_different.setChecked(True)  # what the coordinator decides on
    driver.grab("conflicts")


def duplicates(driver: Driver) -> None:
    panel = coordinator_tab(driver, TAB_DUPLICATES)
    driver.wait(lambda: panel.model.rowCount(), "the duplicate visits")
    panel.table.selectRow(0)
    driver.grab("duplicates")


def devices(driver: Driver) -> None:
    panel = coordinator_tab(driver, TAB_DEVICES)
    driver.wait(lambda: panel.model.rowCount(), "the devices")
    driver.grab("devices")


STEPS = {"visit": visit, "communes": communes, "form": form, "finalize-errors": finalize_errors,
         "submissions": submissions, "print-preview": print_preview, "import": import_bundles,
         "conflicts": conflicts, "duplicates": duplicates, "devices": devices}
NEEDS = {"form": "communes", "finalize-errors": "communes", "print-preview": "communes", "conflicts": "import"}


def render(language: str, data: Path, stick: Path, out: Path, screens: list[str]) -> int:
    """The screens asked for (and those they start from: a form opens from a commune),
    in the order of STEPS, written to `out` as NAME-LANGUAGE.png."""
    wanted = set(screens) | {NEEDS[name] for name in screens if name in NEEDS}
    driver = Driver(language, data, stick, out)
    try:
        for name, step in STEPS.items():
            if name in wanted:
                step(driver)
    finally:
        driver.window.close()
        driver.window.shutdown()
    return 0
