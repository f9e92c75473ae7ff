"""How a form is cut into pages, and the widgets that lay out a page's content.

Pages: each top-level group is a page (a repeat too); questions outside groups make
a page of their own between them; a plain (not field-list) top-level group that holds
groups is split into the pages of its parts. Within a page, nested groups are framed
sections and repeats are repeat sections (`fieldkit.ui.form_view.repeat`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from fieldkit.forms.model import Form, Group, Question
from fieldkit.ui.form_view.registry import create_widget, widget_class
from fieldkit.ui.form_view.texts import plain_to_html
from fieldkit.ui.form_view.widgets.base import QuestionWidget


@dataclass
class PageSpec:
    """One page: either one group (`group`), or a run of questions outside groups."""

    items: list[Question | Group]
    parent_path: str  # concrete path of the node the items sit in
    group: Group | None = None
    trail: list[Group] = field(default_factory=list)  # enclosing groups split into pages

    def templates(self) -> set[str]:
        """Template paths of everything on the page, to find the page of a path."""
        found: set[str] = set()

        def visit(items):
            for item in items:
                found.add(item.path)
                if isinstance(item, Group):
                    visit(item.children)

        visit(self.items)
        return found


def is_shown(item: Question | Group) -> bool:
    if isinstance(item, Group):
        return any(is_shown(child) for child in item.children)
    return widget_class(item) is not None


def collect_pages(form: Form) -> list[PageSpec]:
    pages: list[PageSpec] = []
    _collect(form.root, form.root.path, [], pages)
    return pages


def _collect(group: Group, parent_path: str, trail: list[Group], pages: list[PageSpec]) -> None:
    loose: list[Question] = []

    def flush() -> None:
        if any(is_shown(item) for item in loose):
            pages.append(PageSpec(items=list(loose), parent_path=parent_path, trail=trail))
        loose.clear()

    for item in group.children:
        if not isinstance(item, Group):
            loose.append(item)
            continue
        if not is_shown(item):
            continue
        flush()
        path = f"{parent_path}/{item.name}" if item.name else parent_path
        holds_groups = any(isinstance(child, Group) and is_shown(child) for child in item.children)
        if not item.repeat and not item.field_list and holds_groups:
            _collect(item, path, [*trail, item], pages)
        else:
            pages.append(PageSpec(items=[item], parent_path=parent_path, group=item, trail=trail))
    flush()


class Container:
    """Something holding page elements in display order: a page, a group section or
    a repeat instance. Elements are QuestionWidgets, GroupSections and RepeatSections."""

    elements: list

    def question_widgets(self):
        for element in self.elements:
            if isinstance(element, QuestionWidget):
                yield element
            else:
                yield from element.question_widgets()

    def enter_stops(self):
        """Where Enter can take the focus, in page order: the questions, and after a
        repeat's last row its Add button."""
        for element in self.elements:
            if isinstance(element, QuestionWidget):
                yield element
            else:
                yield from element.enter_stops()

    def tab_widgets(self) -> list[QWidget]:
        chain: list[QWidget] = []
        for element in self.elements:
            if isinstance(element, QuestionWidget):
                chain.extend(element.key_widgets())
            else:
                chain.extend(element.tab_widgets())
        return chain

    def refresh_elements(self) -> None:
        for element in self.elements:
            relevant = element.is_relevant()
            if element.isHidden() == relevant:
                element.setVisible(relevant)
            if relevant:
                element.refresh()

    def refresh_texts(self) -> None:
        for element in self.elements:
            element.refresh_texts()


def build_items(page, layout: QVBoxLayout, items, parent_path: str, parent: QWidget) -> list:
    """Create the elements for `items` (children of the node at `parent_path`), add
    them to `layout`, and return them in order."""
    from fieldkit.ui.form_view.repeat import RepeatSection  # repeat builds items too

    elements = []
    binding = page.binding
    for item in items:
        if not is_shown(item):
            continue
        if isinstance(item, Group) and item.repeat:
            element = RepeatSection(page, item, parent_path, parent)
        elif isinstance(item, Group):
            element = GroupSection(page, item, parent_path, parent)
        else:
            element = create_widget(binding, item, f"{parent_path}/{item.name}", parent)
            page.adopt(element)
        layout.addWidget(element)
        elements.append(element)
    return elements


class GroupSection(QFrame, Container):
    """A group inside a page: a framed block with the group's label."""

    def __init__(self, page, group: Group, parent_path: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.page, self.group = page, group
        self.path = f"{parent_path}/{group.name}" if group.name else parent_path
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.elements = build_items(page, layout, group.children, self.path, self)
        self._title_text()

    def _title_text(self) -> None:
        text = self.page.binding.session.render(self.group.labels) if self.group.labels else ""
        self.title.setText(f"<b>{plain_to_html(text)}</b>" if text else "")
        self.title.setVisible(bool(text))

    def is_relevant(self) -> bool:
        if not self.group.name:
            return True  # a group without its own node: its questions decide
        return self.page.binding.relevant(self.path)

    def refresh(self) -> None:
        self.refresh_elements()

    def refresh_texts(self) -> None:
        self._title_text()
        Container.refresh_texts(self)
