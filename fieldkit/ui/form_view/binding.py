"""Between the widgets and the target: every answer goes through here.

The target is a services `Submission` (which autosaves on every `set`) or, in tests,
any object with `.session`, `set`, `add_repeat`, `remove_repeat` and optionally
`attach`. The binding also remembers which questions the person has touched: a
"required" message is shown inline only once a question was touched or errors were
asked for, so a fresh form is not a wall of red.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from fieldkit.forms.errors import FormError
from fieldkit.forms.model import Group, Question, strip_positions
from fieldkit.forms.paths import InstancePath
from fieldkit.forms.values import to_text


class FormBinding(QObject):
    answer_changed = Signal(str)  # concrete path of the answer that changed
    structure_changed = Signal(str)  # concrete path of a repeat that gained or lost instances

    def __init__(self, target, parent: QObject | None = None):
        super().__init__(parent)
        self.target = target
        self.touched: set[str] = set()
        self.reveal_all = False

    @property
    def session(self):
        return self.target.session

    def relevant(self, path: str) -> bool:
        """Whether the question or group at `path` is shown. A submission loaded from
        its XML lacks the nodes that were not relevant when it was saved (ODK leaves
        them out): a node that is not there is not shown, rather than an error."""
        try:
            return self.session.is_relevant(path)
        except FormError:
            return False

    def shows_required(self, path: str) -> bool:
        return self.reveal_all or path in self.touched

    def commit(self, path: str, value) -> None:
        """Answer a question; nothing happens when the answer is unchanged, so a
        redraw that re-emits a value never costs an autosave."""
        self.touched.add(path)
        if self.session.value(path) == to_text(value):
            return
        self.target.set(path, value)
        self.answer_changed.emit(path)

    def attach(self, path: str, file_path: str) -> str:
        """Store a file as the answer; the answer is its file name."""
        self.touched.add(path)
        attach = getattr(self.target, "attach", None)
        if attach is not None:
            name = attach(path, file_path)
        else:
            name = Path(file_path).name
            self.target.set(path, name)
        self.answer_changed.emit(path)
        return name

    # -- repeats ---------------------------------------------------------------------

    def add_repeat(self, path: str) -> None:
        self.target.add_repeat(path)
        self.structure_changed.emit(path)

    def remove_repeat(self, instance_path: str) -> None:
        self.target.remove_repeat(instance_path)
        self.structure_changed.emit(str(InstancePath.parse(instance_path).without_position()))

    def duplicate_repeat(self, instance_path: str) -> None:
        """Add an instance after the last one holding a copy of `instance_path`'s answers."""
        repeat = InstancePath.parse(instance_path).without_position()
        repeat_path = str(repeat)
        group = self.session.form.find(repeat.template)
        self.target.add_repeat(repeat_path)
        copy_path = str(repeat.at(self.session.repeat_count(repeat_path)))
        self._copy_answers(group, instance_path, copy_path)
        self.structure_changed.emit(repeat_path)

    def _copy_answers(self, group: Group, source: str, copy: str) -> None:
        session = self.session
        for item in group.children:
            if isinstance(item, Group) and not item.name:  # a group without its own node
                self._copy_answers(item, source, copy)
            elif isinstance(item, Group) and item.repeat:
                inner_source, inner_copy = f"{source}/{item.name}", f"{copy}/{item.name}"
                for position in range(1, session.repeat_count(inner_source) + 1):
                    while session.repeat_count(inner_copy) < position:
                        self.target.add_repeat(inner_copy)
                    self._copy_answers(item, f"{inner_source}[{position}]", f"{inner_copy}[{position}]")
            elif isinstance(item, Group):
                self._copy_answers(item, f"{source}/{item.name}", f"{copy}/{item.name}")
            elif isinstance(item, Question) and item.kind not in ("none", "output"):
                value = session.value(f"{source}/{item.name}")
                if value and settable(session, f"{copy}/{item.name}"):
                    self.target.set(f"{copy}/{item.name}", value)


def settable(session, path: str) -> bool:
    """Whether a person may answer `path`: not calculated by the form, not read-only now
    (the services refuse both)."""
    bind = session.form.binds.get(strip_positions(path))
    return not (bind is not None and bind.calculate) and not session.is_readonly(path)
