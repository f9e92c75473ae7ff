"""Image and file attachments: a picker button, or drop a file onto the question.

The answer is the file's name; the target stores the file itself (services keep it
once by SHA-256). A preview shows pictures chosen in this sitting."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImageReader, QPixmap
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from fieldkit.ui.form_view.binding import settable
from fieldkit.ui.form_view.texts import HINT_STYLE, translate
from fieldkit.ui.form_view.widgets.base import QuestionWidget

PREVIEW = QSize(160, 120)
_KINDS = ("image", "audio", "video")


def _file_filter(question_type: str) -> str:
    if question_type == "image":
        patterns = " ".join(f"*.{bytes(f).decode()}" for f in QImageReader.supportedImageFormats())
        return translate("FormView", "Images ({patterns})").format(patterns=patterns)
    if question_type == "audio":
        return translate("FormView", "Sound files (*.mp3 *.m4a *.ogg *.wav *.amr *.aac)")
    if question_type == "video":
        return translate("FormView", "Videos (*.mp4 *.mov *.3gp *.webm *.mkv *.avi)")
    return translate("FormView", "All files (*)")


class AttachmentWidget(QuestionWidget):
    def build_editor(self) -> QWidget:
        self.setAcceptDrops(True)
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        self.preview = QLabel(box)
        self.preview.hide()
        self.file_label = QLabel(box)
        self.file_label.setTextFormat(Qt.TextFormat.PlainText)
        self.choose_button = QPushButton(translate("FormView", "Choose file…"), box)
        self.label.setBuddy(self.choose_button)
        self.choose_button.clicked.connect(self.pick_file)
        self.remove_button = QPushButton(translate("FormView", "Remove"), box)
        self.remove_button.clicked.connect(lambda: self.commit(""))
        row = QHBoxLayout()
        row.addWidget(self.choose_button)
        row.addWidget(self.remove_button)
        row.addWidget(self.file_label, 1)
        column.addLayout(row)
        column.addWidget(self.preview)
        drop = QLabel(translate("FormView", "or drop a file here"), box)
        drop.setStyleSheet(HINT_STYLE)
        column.addWidget(drop)
        return box

    def key_widgets(self) -> list[QWidget]:
        return [self.choose_button, self.remove_button]

    def named_widgets(self) -> list[QWidget]:
        return []  # "Choose file…" says what the button does; the label is its buddy

    def pick_file(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, translate("FormView", "Choose a file"), str(Path.home()), _file_filter(self.question.type))
        if chosen:
            self.attach(chosen)

    def attach(self, file_path: str) -> None:
        """Store `file_path` as this question's answer; a failure is shown inline."""
        if not settable(self.session, self.path):
            return
        try:
            self.binding.attach(self.path, file_path)
        except OSError as error:  # unreadable file, full disk: say so, keep the form
            self._set_text("error", self.error_label, translate("FormView", "Could not attach the file: {error}")
                           .format(error=error.strerror or error))
            return
        self._show_preview(file_path)

    def _show_preview(self, file_path: str | None) -> None:
        reader = QImageReader(file_path) if file_path and self.question.type == "image" else None
        if reader is None or not reader.canRead():
            self.preview.hide()
            return
        size = reader.size()
        if size.isValid():
            reader.setScaledSize(size.scaled(PREVIEW, Qt.AspectRatioMode.KeepAspectRatio))
        self.preview.setPixmap(QPixmap.fromImage(reader.read()))
        self.preview.show()

    def show_value(self, text: str) -> None:
        self.file_label.setText(text or translate("FormView", "No file yet"))
        if not text:
            self.preview.hide()

    def refresh(self) -> None:
        super().refresh()
        answered = bool(self.session.value(self.path))
        self.remove_button.setEnabled(answered and self.choose_button.isEnabled())

    # -- drag and drop -------------------------------------------------------------------

    def _dropped_file(self, event) -> str | None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        if len(urls) != 1 or not urls[0].isLocalFile() or not self.choose_button.isEnabled():
            return None
        path = urls[0].toLocalFile()
        return path if Path(path).is_file() else None

    def dragEnterEvent(self, event) -> None:
        if self._dropped_file(event):
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:
        if self._dropped_file(event):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        path = self._dropped_file(event)
        if path:
            event.acceptProposedAction()
            self.attach(path)
