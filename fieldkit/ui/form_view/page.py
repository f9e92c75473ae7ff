"""One page of the form view: a scrolling column of the page's questions, built the
first time it is shown (opening a form costs one page, not all of them)."""

from __future__ import annotations

import itertools

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from fieldkit.forms.model import strip_positions
from fieldkit.ui.form_view.binding import FormBinding
from fieldkit.ui.form_view.sections import Container, PageSpec, build_items, is_shown
from fieldkit.ui.form_view.texts import HINT_STYLE, plain_to_html
from fieldkit.ui.form_view.widgets.base import QuestionWidget


class Page(QScrollArea, Container):
    navigate = Signal(object, str)  # (QuestionWidget, "next" | "next_page" | "previous_page")

    def __init__(self, binding: FormBinding, spec: PageSpec, parent: QWidget | None = None):
        super().__init__(parent)
        self.binding, self.spec = binding, spec
        self.templates = spec.templates()
        self.elements: list = []
        self.built = False
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        # No Tab stop of its own (it shows no mark); it scrolls to the question with the cursor.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    # -- building --------------------------------------------------------------------

    def build(self) -> None:
        if self.built:
            return
        self.built = True
        content = QWidget()
        layout = QVBoxLayout(content)
        self.heading = QLabel(content)
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.heading)
        self.group_hint = QLabel(content)
        self.group_hint.setWordWrap(True)
        self.group_hint.setTextFormat(Qt.TextFormat.RichText)  # plain_to_html: `"` is &quot;
        self.group_hint.setStyleSheet(HINT_STYLE)
        layout.addWidget(self.group_hint)
        group = self.spec.group
        if group is not None and not group.repeat:
            path = f"{self.spec.parent_path}/{group.name}" if group.name else self.spec.parent_path
            self.elements = build_items(self, layout, group.children, path, content)
        else:
            self.elements = build_items(self, layout, self.spec.items, self.spec.parent_path, content)
        layout.addStretch(1)
        self.setWidget(content)
        self.refresh()  # with the heading's text
        self.fix_tab_order()

    def keyPressEvent(self, event) -> None:
        """Page Up / Page Down from a button of the page (Add, Remove...) turn the page, in
        the view, rather than scroll it."""
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if plain and event.key() in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            event.ignore()
            return
        super().keyPressEvent(event)

    def rebuild(self) -> None:
        """Build again from scratch, if built (after the application's language
        changed): the old widgets go, answers stay in the session."""
        if not self.built:
            return
        old = self.takeWidget()
        old.deleteLater()
        self.elements = []
        self.built = False
        self.build()

    def adopt(self, widget: QuestionWidget | None) -> None:
        """Wire a question widget created for this page (also later, in new repeats)."""
        if widget is None:
            return
        widget.navigate.connect(lambda action, source=widget: self.navigate.emit(source, action))
        changed = getattr(widget, "widgets_changed", None)
        if changed is not None:
            changed.connect(self.fix_tab_order)

    # -- texts -----------------------------------------------------------------------

    def title(self) -> str:
        """The page's name in the navigator, in the session language."""
        session = self.binding.session
        parts = [session.render(group.labels) for group in self.spec.trail if group.labels]
        group = self.spec.group
        if group is not None:
            parts.append(session.render(group.labels) if group.labels else group.name)
        else:
            parts.append(self._first_label())
        return " › ".join(part for part in parts if part)

    def _first_label(self) -> str:
        session = self.binding.session
        shown = [item for item in self.spec.items if is_shown(item) and item.labels]
        # A note often says something conditional ("the roster is longer than..."):
        # name the page after its first real question when there is one.
        questions = [item for item in shown if item.type != "note"] or shown
        return session.render(questions[0].labels).splitlines()[0] if questions else ""

    def _texts(self) -> None:
        # A page of loose questions is named after its first question: a heading
        # would only repeat that question's label.
        heading = self.title() if self.spec.group is not None or self.spec.trail else ""
        self.heading.setText(f"<h2>{plain_to_html(heading)}</h2>" if heading else "")
        self.heading.setVisible(bool(heading))
        group = self.spec.group
        hint = self.binding.session.render(group.hints) if group is not None and group.hints else ""
        self.group_hint.setText(plain_to_html(hint))
        self.group_hint.setVisible(bool(hint))

    def refresh_texts(self) -> None:
        if self.built:
            self._texts()
            Container.refresh_texts(self)
            self.refresh()

    # -- state -----------------------------------------------------------------------

    def is_relevant(self) -> bool:
        relevant = self.binding.relevant
        group = self.spec.group
        if group is not None and group.repeat:
            path = f"{self.spec.parent_path}/{group.name}"
            if not relevant(self.spec.parent_path):
                return False
            count = self.binding.session.repeat_count(path)
            return count == 0 or any(relevant(f"{path}[{i}]") for i in range(1, count + 1))
        if group is not None and group.name:
            return relevant(f"{self.spec.parent_path}/{group.name}")
        return any(relevant(f"{self.spec.parent_path}/{item.name}")
                   for item in self.spec.items if is_shown(item) and item.name)

    def refresh(self) -> None:
        if self.built:
            self._texts()  # a heading may show answers ("Household of ${head}")
            self.refresh_elements()

    def structure_changed(self) -> None:
        """A repeat gained or lost blocks: new widgets join the Tab order in place."""
        self.fix_tab_order()

    def fix_tab_order(self) -> None:
        chain = [widget for widget in self.tab_widgets() if widget is not None]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def holds(self, path: str) -> bool:
        return strip_positions(path) in self.templates

    def widget_for(self, path: str) -> QuestionWidget | None:
        for widget in self.question_widgets():
            if widget.path == path:
                return widget
        return None

    def visible_questions(self) -> list[QuestionWidget]:
        return [widget for widget in self.question_widgets() if widget.isVisibleTo(self)]

    def focus_first(self) -> bool:
        """The keyboard focus in the first shown question that takes it (a note does not)."""
        for widget in self.visible_questions():
            if widget.focus_editor():
                self.ensure_visible(widget)
                return True
        return False

    def focus_after(self, source: QuestionWidget) -> bool:
        """Enter in `source`: the focus goes to the next stop shown on the page, a
        question or a repeat's Add button; False if there is none."""
        stops = [stop for stop in self.enter_stops() if stop.isVisibleTo(self) and stop.isEnabled()]
        if source not in stops:
            return False
        for stop in stops[stops.index(source) + 1:]:
            if isinstance(stop, QuestionWidget):
                if not stop.focus_editor():
                    continue
            else:
                stop.setFocus(Qt.FocusReason.OtherFocusReason)
            self.ensure_visible(stop)
            return True
        return False

    def ensure_visible(self, widget: QWidget) -> None:
        self.ensureWidgetVisible(widget, 0, 40)
