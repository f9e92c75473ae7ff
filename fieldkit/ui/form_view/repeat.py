"""Repeats: each instance a framed block with Duplicate and Remove, and an Add button.

Repeats counted by an expression (jr:count) or marked jr:noAddRemove follow the
session: no buttons, the blocks appear and go as the count changes.

Keys: Enter in the last row's last question goes to the Add button rather than to the
next page; there Enter (or Space) adds a row and puts the cursor in it, while Tab or
Page Down goes on, as the hint beside the button says.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from fieldkit.forms.errors import FormError
from fieldkit.forms.model import Group, strip_positions
from fieldkit.ui.form_view.sections import Container, build_items
from fieldkit.ui.form_view.texts import HINT_STYLE, plain_to_html, translate
from fieldkit.ui.form_view.widgets.base import show_focus_marks


class RowButton(QPushButton):
    """A push button that Enter presses too: outside a dialog Qt leaves Enter to Space."""

    def keyPressEvent(self, event) -> None:
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
            self.click()
            event.accept()
            return
        super().keyPressEvent(event)


class AddButton(RowButton):
    """The Add button, with a hint for keyboard users beside it while it has the focus."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.hint = QLabel(parent)
        self.hint.setStyleSheet(HINT_STYLE)
        self.hint.hide()

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        self.hint.show()

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self.hint.hide()


class RepeatBlock(QFrame, Container):
    """One instance of a repeat."""

    def __init__(self, section: RepeatSection, position: int):
        super().__init__(section.blocks_box)
        self.section, self.position = section, position
        self.path = f"{section.path}[{position}]"
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName(f"repeat:{self.path}")
        layout = QVBoxLayout(self)
        header = QHBoxLayout()
        self.title = QLabel(self)
        header.addWidget(self.title, 1)
        self.duplicate_button = self.remove_button = None
        if section.editable:
            self.duplicate_button = RowButton(translate("FormView", "Duplicate"), self)
            self.duplicate_button.clicked.connect(lambda: section.duplicate(self.position))
            self.remove_button = RowButton(translate("FormView", "Remove"), self)
            self.remove_button.clicked.connect(lambda: section.remove(self.position))
            header.addWidget(self.duplicate_button)
            header.addWidget(self.remove_button)
        layout.addLayout(header)
        self.elements = build_items(section.page, layout, section.group.children, self.path, self)
        self.refresh_title()

    def refresh_title(self) -> None:
        """"Child 2", or with the instance's own answers when the label shows them
        ("Child ${name}": each block names its own child, updated as it is typed)."""
        title = self.section.title_text(self.path) or translate("FormView", "Item")
        text = f"<b>{plain_to_html(title)} {self.position}</b>"
        if self.title.text() != text:
            self.title.setText(text)
        for button, text in ((self.duplicate_button, translate("FormView", "Duplicate")),
                             (self.remove_button, translate("FormView", "Remove"))):
            if button is not None:
                button.setAccessibleName(f"{text} {title} {self.position}")

    def own_tab_widgets(self) -> list[QWidget]:
        return [button for button in (self.duplicate_button, self.remove_button) if button is not None]

    def is_relevant(self) -> bool:
        return self.section.page.binding.relevant(self.path)

    def refresh(self) -> None:
        self.refresh_title()
        self.refresh_elements()


class RepeatSection(QFrame):
    """All instances of one repeat under one parent node."""

    def __init__(self, page, group: Group, parent_path: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.page, self.group = page, group
        self.path = f"{parent_path}/{group.name}"
        self.editable = not group.repeat_count and not group.no_add_remove
        self.setObjectName(f"repeat:{self.path}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.blocks_box = QWidget(self)
        self.blocks_layout = QVBoxLayout(self.blocks_box)
        self.blocks_layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.blocks_box)
        self.add_button = None
        if self.editable:
            self.add_button = AddButton(self)
            self.add_button.clicked.connect(self.add)
            row = QHBoxLayout()
            row.addWidget(self.add_button)
            row.addWidget(self.add_button.hint)
            row.addStretch(1)
            layout.addLayout(row)
        self.blocks: list[RepeatBlock] = []
        self.sync()
        self._texts()

    def title_text(self, instance: str | None = None) -> str:
        """The repeat's label; read in `instance` (its outputs show that instance's answers)."""
        if not self.group.labels:
            return self.group.name
        session = self.page.binding.session
        if instance is not None:
            try:
                return session.label(instance)
            except FormError:  # not in the instance (see FormBinding.relevant)
                pass
        return session.render(self.group.labels)

    def _texts(self) -> None:
        if self.add_button is not None:
            self.add_button.setText(translate("FormView", "Add: {title}").format(title=self.title_text()))
            hint = translate("FormView", "Enter: add a row · Tab: go on · Page Down: next page")
            self.add_button.hint.setText(hint)
            self.add_button.setAccessibleDescription(hint)

    # -- structure ---------------------------------------------------------------------

    def count(self) -> int:
        try:
            return self.page.binding.session.repeat_count(self.path)
        except FormError:  # its parent node is absent (see FormBinding.relevant)
            return 0

    def sync(self) -> bool:
        """Blocks for the session's instances; True if any block came or went. Later
        instances are the only ones to change when the session adds (at the end) or
        a count shrinks (from the end); `remove` handles removals in the middle."""
        wanted = self.count()
        if wanted == len(self.blocks):
            return False
        self._drop_blocks(wanted)
        for position in range(len(self.blocks) + 1, wanted + 1):
            block = RepeatBlock(self, position)
            self.blocks_layout.addWidget(block)
            block.show()  # now, not when the layout's queued call comes: it can be laid out
            self.blocks.append(block)
        return True

    def _drop_blocks(self, keep: int) -> None:
        for block in self.blocks[keep:]:
            self.blocks_layout.removeWidget(block)
            block.setParent(None)
            block.deleteLater()
        del self.blocks[keep:]

    def add(self) -> None:
        self.page.binding.add_repeat(self.path)
        self._focus_block(len(self.blocks))

    def duplicate(self, position: int) -> None:
        self.page.binding.duplicate_repeat(f"{self.path}[{position}]")
        self._focus_block(len(self.blocks))

    def remove(self, position: int) -> None:
        instance = f"{self.path}[{position}]"
        if _has_answers(self.page.binding.session, instance):
            title = f"{self.title_text()} {position}"
            asked = QMessageBox.question(
                self, translate("FormView", "Remove"),
                translate("FormView", "Remove “{title}” and its answers?").format(title=title))
            if asked != QMessageBox.StandardButton.Yes:
                return
        self._drop_blocks(position - 1)  # later blocks shift down: rebuilt by sync
        self.page.binding.remove_repeat(instance)
        if self.blocks:
            self._focus_block(min(position, len(self.blocks)))
        elif self.add_button is not None:
            self.add_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _focus_block(self, position: int) -> None:
        if 0 < position <= len(self.blocks):
            block = self.blocks[position - 1]
            focused = next((widget for widget in block.question_widgets() if widget.focus_editor()), None)
            if focused is not None:
                show_focus_marks(focused)
            # A block just added has no place yet: its layouts are only requested.
            # Lay them out now, so that the page can scroll to where it really is.
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
            self.page.ensure_visible(block)
            if focused is not None:  # a block taller than the page is centred: its question back in view
                self.page.ensure_visible(focused)

    # -- page element ------------------------------------------------------------------

    def is_relevant(self) -> bool:
        return True  # each block answers for its own instance

    def refresh(self) -> None:
        if self.sync():
            self.page.structure_changed()
        for block in self.blocks:
            relevant = block.is_relevant()
            if block.isHidden() == relevant:
                block.setVisible(relevant)
            if relevant:
                block.refresh()

    def refresh_texts(self) -> None:
        self._texts()
        for block in self.blocks:
            block.refresh_title()
            block.refresh_texts()

    def question_widgets(self):
        for block in self.blocks:
            yield from block.question_widgets()

    def enter_stops(self):
        for block in self.blocks:
            yield from block.enter_stops()
        if self.add_button is not None:
            yield self.add_button

    def tab_widgets(self) -> list[QWidget]:
        chain: list[QWidget] = []
        for block in self.blocks:
            chain.extend(block.own_tab_widgets())
            chain.extend(block.tab_widgets())
        if self.add_button is not None:
            chain.append(self.add_button)
        return chain


def _has_answers(session, instance: str) -> bool:
    """Whether the instance holds something a person entered: what the form calculates
    itself (a new row's `is_trained` = 0) is not worth asking about."""
    binds = session.form.binds
    for path, value in session.answers().items():
        if value and path.startswith(instance + "/"):
            bind = binds.get(strip_positions(path))
            if bind is None or not bind.calculate:
                return True
    return False
