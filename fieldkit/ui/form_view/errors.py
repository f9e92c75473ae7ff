"""The list of what stops a submission from being finalized; activating an entry
takes the person to the question."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from fieldkit.forms.errors import FormError
from fieldkit.forms.paths import InstancePath

PathRole = Qt.ItemDataRole.UserRole + 1


class ErrorList(QListWidget):
    path_activated = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("finalize-errors")
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
            item = QListWidgetItem(f"{prefix}{_label(session, path)}: {message}")
            item.setData(PathRole, path)
            item.setToolTip(path)
            self.addItem(item)

    def paths(self) -> list[str]:
        return [self.item(row).data(PathRole) for row in range(self.count())]

    def _activated(self, item: QListWidgetItem) -> None:
        self.path_activated.emit(item.data(PathRole))


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
