"""The list of what stops a submission from being finalized; activating an entry
takes the person to the question.

It stays compact under the page: as tall as its first entries (at most
`MAX_VISIBLE_LINES` lines of text), never a line cut in half; long entries wrap, so it
scrolls down, never sideways."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QListView, QListWidget, QListWidgetItem, QSizePolicy

from fieldkit.forms.errors import FormError
from fieldkit.forms.paths import InstancePath

PathRole = Qt.ItemDataRole.UserRole + 1
MAX_VISIBLE_LINES = 4  # the page above keeps most of the height
# A label that ends with its own punctuation ("…chưa?", "Ghi chú:") takes no colon.
CLOSING_PUNCTUATION = ("?", ":", "!", ".", "…", "？", "：")


class ErrorList(QListWidget):
    path_activated = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("finalize-errors")
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setResizeMode(QListView.ResizeMode.Adjust)  # entries wrap again when the width changes
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.itemActivated.connect(self._activated)
        self.itemClicked.connect(self._activated)

    def set_errors(self, errors: list[tuple[str, str, str]], session, place=None) -> None:
        """`errors` as `FormSession.errors()` gives them: (path, kind, message).
        `place(path)` names where the question is ("Equipment"), when labels repeat
        from page to page; None or "" for nothing."""
        self.clear()
        for path, _kind, message in errors:
            where = place(path) if place is not None else ""
            prefix = f"{where} › " if where else ""
            item = QListWidgetItem(label_and_message(f"{prefix}{_label(session, path)}", message))
            item.setData(PathRole, path)
            item.setToolTip(path)
            self.addItem(item)
        self.updateGeometry()

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.fitting_height())

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self.fitting_height())

    def fitting_height(self) -> int:
        """The height of the first entries that fit in `MAX_VISIBLE_LINES` lines (at
        least one entry), each whole, at the list's present width."""
        room = MAX_VISIBLE_LINES * self.fontMetrics().lineSpacing() + 2 * self.spacing() + 8
        used = 0
        for row in range(self.count()):
            height = self.visualItemRect(self.item(row)).height()  # wrapped at the present width
            if used and used + height > room:
                break
            used += height
        return used + 2 * self.frameWidth()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()  # entries wrap on more or fewer lines: another height

    def paths(self) -> list[str]:
        return [self.item(row).data(PathRole) for row in range(self.count())]

    def _activated(self, item: QListWidgetItem) -> None:
        self.path_activated.emit(item.data(PathRole))


def label_and_message(label: str, message: str) -> str:
    """ "Số cán bộ: Câu hỏi này bắt buộc…", but "…chuyên dùng chưa? Câu hỏi này…"."""
    label = label.rstrip()
    separator = " " if label.endswith(CLOSING_PUNCTUATION) else ": "
    return f"{label}{separator}{message}"


def _label(session, path: str) -> str:
    """The question's label, and for answers in repeats which instance: "Họ và tên
    (Người cung cấp thông tin 2)"."""
    try:
        label = session.label(path)
    except FormError:  # a path the form no longer has: show it as it is
        return path
    label = (label.splitlines() or [""])[0] or path
    places = []
    parsed = InstancePath.try_parse(path)
    for repeat_path, position in parsed.repeats if parsed is not None else ():
        repeat = session.form.find(repeat_path.template)
        title = session.render(repeat.labels) if repeat is not None and repeat.labels else ""
        places.append(f"{title} {position}".strip())
    return f"{label} ({', '.join(places)})" if places else label
