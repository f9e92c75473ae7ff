"""The Coordinator menu's "Publish a form…": choose a form file, publish it
(fieldkit.services.form_releases, on a worker), and say the result in words: what
travels at the next sync, or why the file was refused."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from fieldkit.ui import errors, labels, tasks


class FormPublisher(QObject):
    message = Signal(str)  # for the status bar

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.survey = None
        self.action = QAction(parent)
        self.action.setObjectName("coordinator_publish_form")
        self.action.setEnabled(False)
        self.action.triggered.connect(self.choose_file)
        self.refusal: QMessageBox | None = None
        self.notice: QMessageBox | None = None

    def set_service(self, survey) -> None:
        self.survey = survey
        self.action.setEnabled(True)

    def retranslate(self) -> None:
        self.action.setText(self.tr("&Publish a form…"))

    def choose_file(self) -> None:
        dialog = QFileDialog(self._window(), self.tr("Form to publish to the laptops"))
        dialog.setObjectName("publish_form_dialog")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilter(self.tr("Forms (*.xlsx *.xls *.xml *.md)"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(self.publish)
        dialog.open()

    def publish(self, path: str) -> None:
        from fieldkit.services.form_releases import publish_form

        if self.survey is not None:
            tasks.run(publish_form, self.survey, path).then(self._published, self._refused)

    def _published(self, entry) -> None:
        title = entry.title.get(labels.ui_language()) or entry.title.get("") or entry.form_id
        self.message.emit(self.tr("Published “{title}” ({form_id}, version {version}). It travels to the laptops "
                                  "at the next sync.").format(title=title, form_id=entry.form_id,
                                                              version=entry.version))
        if entry.asks_encryption:  # ODK Collect would encrypt them with the form's key; fieldkit does not
            # in a box, not only the status bar: its message goes after 8 seconds, cut to the window's width
            self.notice = QMessageBox(
                QMessageBox.Icon.Information, self.tr("The form asks for encrypted submissions"),
                self.tr("This form asks for encrypted submissions: fieldkit keeps its answers signed but not "
                        "encrypted, on this computer and in drop boxes. To hand them over encrypted, export with "
                        "fieldkit bundle export --encrypt-to KEYFILE (a coordinator's key)."),
                QMessageBox.StandardButton.Ok, self._window())
            self.notice.setObjectName("publish_form_encryption")
            self.notice.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.notice.open()

    def _refused(self, error: BaseException) -> None:
        from fieldkit.forms import FormError
        from fieldkit.services.form_releases import PublishRefused

        if not isinstance(error, (FormError, PublishRefused)):
            errors.show_error(self._window(), self.tr("Could not publish the form."), error)
            return
        self.refusal = QMessageBox(QMessageBox.Icon.Warning, self.tr("The form was not published"),
                                   errors.message(error), QMessageBox.StandardButton.Ok, self._window())
        self.refusal.setObjectName("publish_form_refused")
        self.refusal.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.refusal.open()

    def _window(self) -> QWidget:
        parent = self.parent()
        return parent.window() if isinstance(parent, QWidget) else None  # type: ignore[return-value]
