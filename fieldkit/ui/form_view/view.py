"""FormView: the form-filling view.

Pages (`fieldkit.ui.form_view.page`) in a stack with a section navigator beside them,
the progress of required answers and the label-language switch above, Previous /
Next / Finalize below, and the list of errors that stop finalizing.

Keys: the keyboard focus starts in the first question, and each page change puts it
in that page's first question. Tab moves through the questions in order; Enter moves
to the next question (and on to the next page; past a repeat's last row, to its Add
button first); Page Up / Page Down change page; Ctrl+S asks to save.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from fieldkit.forms.model import strip_positions
from fieldkit.ui.form_view.binding import FormBinding
from fieldkit.ui.form_view.errors import ErrorList
from fieldkit.ui.form_view.page import Page
from fieldkit.ui.form_view.sections import collect_pages
from fieldkit.ui.form_view.texts import translate
from fieldkit.ui.form_view.widgets.base import QuestionWidget, show_focus_marks


class FormView(QWidget):
    answer_changed = Signal(str)  # concrete path; also a repeat's path when it gains or loses instances
    save_requested = Signal()  # Ctrl+S
    finalize_requested = Signal()  # the Finalize button, once the session has no errors

    def __init__(self, target, parent: QWidget | None = None, *, finalize_button: bool = True):
        super().__init__(parent)
        self.binding = FormBinding(target, self)
        self.binding.answer_changed.connect(self._answer_changed)
        self.binding.structure_changed.connect(self._answer_changed)
        self.pages: list[Page] = []
        self._errors_shown = False
        self._focus_when_shown = True
        self._build_layout()
        self._retranslate()
        self.finalize_button.setVisible(finalize_button)
        self._build_pages()
        self.refresh_navigator()
        self.show_page(self._next_relevant(-1, 1) or 0)

    @property
    def session(self):
        return self.binding.session

    # -- construction ------------------------------------------------------------------

    def _build_layout(self) -> None:
        outer = QVBoxLayout(self)
        outer.addLayout(self._build_top_bar())
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.navigator = QListWidget(splitter)
        self.navigator.setObjectName("section-navigator")
        self.navigator.setWordWrap(True)
        self.navigator.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.navigator.currentRowChanged.connect(self._navigator_moved)
        # Arrows browse the sections; Enter or a click goes into the one chosen.
        self.navigator.itemActivated.connect(lambda _item: self.focus_first_question())
        self.navigator.itemClicked.connect(lambda _item: self.focus_first_question())
        self.navigator.installEventFilter(self)  # its own Page Up / Page Down would jump rows
        right = QWidget(splitter)
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget(right)
        column.addWidget(self.stack, 1)
        self.errors_title = QLabel(right)
        self.error_list = ErrorList(right)
        self.error_list.setMaximumHeight(160)
        self.error_list.path_activated.connect(self.focus_path)
        column.addWidget(self.errors_title)
        column.addWidget(self.error_list)
        self.errors_title.hide()
        self.error_list.hide()
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([220, 700])
        outer.addWidget(splitter, 1)
        outer.addLayout(self._build_bottom_bar())

    def _build_top_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        title = QLabel(self.session.form.title or self.session.form.id, self)
        title.setWordWrap(True)
        title.setTextFormat(Qt.TextFormat.PlainText)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("required-progress")
        self.progress.setMinimumWidth(220)
        self.language_box = QComboBox(self)
        self.language_box.setObjectName("form-language")
        for language in self.session.form.languages:
            self.language_box.addItem(language, language)
        self.language_box.setCurrentIndex(max(self.language_box.findData(self.session.lang), 0))
        self.language_box.currentIndexChanged.connect(
            lambda index: self.set_language(self.language_box.itemData(index)))
        self.language_label = QLabel(self)
        self.language_label.setBuddy(self.language_box)
        has_languages = len(self.session.form.languages) > 1
        self.language_label.setVisible(has_languages)
        self.language_box.setVisible(has_languages)
        bar.addWidget(title, 1)
        bar.addWidget(self.progress)
        bar.addWidget(self.language_label)
        bar.addWidget(self.language_box)
        return bar

    def _build_bottom_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.previous_button = QPushButton(self)
        self.previous_button.clicked.connect(self.previous_page)
        self.next_button = QPushButton(self)
        self.next_button.clicked.connect(self.next_page)
        self.finalize_button = QPushButton(self)
        self.finalize_button.clicked.connect(self.request_finalize)
        bar.addWidget(self.previous_button)
        bar.addWidget(self.next_button)
        bar.addStretch(1)
        bar.addWidget(self.finalize_button)
        return bar

    def _retranslate(self) -> None:
        """The view's own texts, in the application's language (Qt translation)."""
        self.language_label.setText(translate("FormView", "Form language:"))
        self.previous_button.setText(translate("FormView", "‹ Previous"))
        self.previous_button.setToolTip(translate("FormView", "Previous page (Page Up)"))
        self.next_button.setText(translate("FormView", "Next ›"))
        self.next_button.setToolTip(translate("FormView", "Next page (Page Down)"))
        self.finalize_button.setText(translate("FormView", "Finalize…"))

    def changeEvent(self, event) -> None:
        """The application's language changed: retranslate the bars, rebuild the pages
        already built (their buttons and messages), keep the page shown."""
        if event.type() == QEvent.Type.LanguageChange and self.pages:
            self._retranslate()
            current = self.current_index
            for page in self.pages:
                page.rebuild()
            # The question that had the cursor is gone with its page: put the cursor back
            # in the page, or the keyboard would be left with nothing.
            self.show_page(current, focus=self.isVisible())
            self.refresh()
        super().changeEvent(event)

    def _build_pages(self) -> None:
        for spec in collect_pages(self.session.form):
            page = Page(self.binding, spec, self.stack)
            page.navigate.connect(self._navigate)
            self.stack.addWidget(page)
            self.pages.append(page)
            self.navigator.addItem(QListWidgetItem(page.title()))

    def eventFilter(self, watched, event) -> bool:
        if watched is self.navigator and event.type() == QEvent.Type.KeyPress and not event.modifiers():
            if event.key() in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
                self.keyPressEvent(event)
                return True
        return super().eventFilter(watched, event)

    def showEvent(self, event) -> None:
        """Shown for the first time (the form was opened): the cursor goes into the first
        question, so that typing answers it and Page Down turns the page at once."""
        super().showEvent(event)
        if self._focus_when_shown:
            self._focus_when_shown = False
            self.focus_first_question()

    def keyPressEvent(self, event) -> None:
        """Ctrl+S and Page Up / Page Down from anywhere in the view. Key presses, not
        QShortcuts: a window's own Save action (the shell's menu) must win without
        an "ambiguous shortcut" between the two; keys the window does not claim
        arrive here from whichever child had them. Editors that would use Page Up /
        Page Down themselves are watched by their question widget (KeyWatcher)."""
        if event.matches(QKeySequence.StandardKey.Save):
            self.save_requested.emit()
        elif event.key() == Qt.Key.Key_PageDown and not event.modifiers():
            self.next_page()
        elif event.key() == Qt.Key.Key_PageUp and not event.modifiers():
            self.previous_page()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    # -- pages ---------------------------------------------------------------------------

    @property
    def current_index(self) -> int:
        return self.stack.currentIndex()

    @property
    def current_page(self) -> Page | None:
        return self.pages[self.current_index] if self.pages else None

    def show_page(self, index: int, *, focus: bool = False) -> None:
        if not 0 <= index < len(self.pages):
            return
        page = self.pages[index]
        if page.built:
            page.refresh()  # answers on other pages may have changed what it shows
        else:
            page.build()
        self.stack.setCurrentIndex(index)
        self.navigator.blockSignals(True)
        self.navigator.setCurrentRow(index)
        self.navigator.blockSignals(False)
        self.previous_button.setEnabled(self._next_relevant(index, -1) is not None)
        self.next_button.setEnabled(self._next_relevant(index, 1) is not None)
        if focus:
            self.focus_first_question()

    def _next_relevant(self, index: int, step: int) -> int | None:
        index += step
        while 0 <= index < len(self.pages):
            if self.pages[index].is_relevant():
                return index
            index += step
        return None

    def next_page(self) -> None:
        target = self._next_relevant(self.current_index, 1)
        if target is not None:
            self.show_page(target, focus=True)

    def previous_page(self) -> None:
        target = self._next_relevant(self.current_index, -1)
        if target is not None:
            self.show_page(target, focus=True)

    def _navigator_moved(self, row: int) -> None:
        if row >= 0 and row != self.current_index:
            self.show_page(row)

    def _navigate(self, source: QuestionWidget, action: str) -> None:
        if action == "next_page":
            self.next_page()
        elif action == "previous_page":
            self.previous_page()
        else:
            self.focus_next(source)

    def focus_first_question(self) -> bool:
        """The keyboard focus in the current page's first question that takes it."""
        page = self.current_page
        if page is None or not page.focus_first():
            return False
        show_focus_marks(self)
        return True

    def focus_next(self, source: QuestionWidget) -> None:
        """Enter: the next question shown on the page (or a repeat's Add button after its
        last row), else the next page's first question."""
        if self.current_page.focus_after(source):
            show_focus_marks(self)
        else:
            self.next_page()

    # -- finding questions ---------------------------------------------------------------

    def page_of(self, path: str) -> int | None:
        template = strip_positions(path)
        for index, page in enumerate(self.pages):
            if page.holds(template):
                return index
        return None

    def widget_for(self, path: str) -> QuestionWidget | None:
        """The widget of the question at concrete `path` (its page is built if needed)."""
        index = self.page_of(path)
        if index is None:
            return None
        self.pages[index].build()
        return self.pages[index].widget_for(path)

    def focus_path(self, path: str) -> bool:
        """Show the page of `path` and put the cursor in its question. False if the
        question is not shown (not relevant, or a calculation)."""
        index = self.page_of(path)
        if index is None:
            return False
        self.show_page(index)
        widget = self.pages[index].widget_for(path)
        if widget is None or not widget.isVisibleTo(self.pages[index]):
            return False
        self.binding.touched.add(path)  # came here to fix it: say what is wrong
        widget.refresh_error()
        self.pages[index].ensure_visible(widget)
        widget.focus_editor()
        return True

    # -- state ---------------------------------------------------------------------------

    def _answer_changed(self, path: str) -> None:
        self.refresh()
        self.answer_changed.emit(path)

    def refresh(self) -> None:
        """After an answer change: the current page, the navigator, the progress and
        the error list (if shown). Other pages refresh when shown."""
        page = self.current_page
        if page is not None:
            page.refresh()
        self.refresh_navigator()
        if self._errors_shown:
            self._fill_errors(self.session.errors())

    def refresh_navigator(self) -> None:
        for index, page in enumerate(self.pages):
            item = self.navigator.item(index)
            flags = item.flags()
            enabled = page.is_relevant()
            wanted = flags | Qt.ItemFlag.ItemIsEnabled if enabled else flags & ~Qt.ItemFlag.ItemIsEnabled
            if wanted != flags:
                item.setFlags(wanted)
            title = page.title()  # it may show answers: "${total_vaccinated} of ${total_children} vaccinated"
            if item.text() != title:
                item.setText(title)
        answered, required = self.progress_counts()
        self.progress.setRange(0, max(required, 1))
        self.progress.setValue(answered if required else 1)
        self.progress.setFormat(translate("FormView", "{answered} / {required} required answered")
                                .format(answered=answered, required=required))

    def progress_counts(self) -> tuple[int, int]:
        """(answered, required) over the required questions that are relevant now; an
        answer that breaks its constraint or is not of its type ("-5", "abc2.5") is not
        answered yet."""
        session = self.session
        answered = required = 0
        for path, _question in session.visible_questions():
            if session.is_required(path):
                required += 1
                answered += bool(session.value(path)) and session.error(path) is None
        return answered, required

    # -- errors and finalizing -----------------------------------------------------------

    def show_errors(self, errors: list[tuple[str, str, str]] | None = None) -> None:
        """List what stops finalizing (default: `session.errors()`) under the page,
        kept up to date as answers change, and reveal every inline message."""
        self._errors_shown = True
        self._fill_errors(self.session.errors() if errors is None else errors)
        self.reveal_errors()

    def reveal_errors(self) -> None:
        """From now on show "required" messages on every question, touched or not
        (for a shell that lists finalize errors in its own widget)."""
        self.binding.reveal_all = True
        self.refresh()

    def _fill_errors(self, errors) -> None:
        self.error_list.set_errors(errors, self.session, self._place)
        self.errors_title.setText(
            translate("FormView", "{count} answers to fix before finalizing:").format(count=len(errors))
            if errors else translate("FormView", "Nothing left to fix."))
        self.errors_title.show()
        self.error_list.setVisible(bool(errors))

    def _place(self, path: str) -> str:
        """The page of a question in a group page (its label alone may repeat there:
        "Mobile signal" is asked for the office, the residential and remote areas)."""
        index = self.page_of(path)
        if index is None or self.pages[index].spec.group is None or self.pages[index].spec.group.repeat:
            return ""
        return self.pages[index].title()

    def request_finalize(self) -> None:
        """The Finalize button: the shell finalizes (and lists what stops it, through
        `show_errors` or its own list)."""
        self.finalize_requested.emit()

    # -- language ------------------------------------------------------------------------

    def set_language(self, language: str) -> None:
        """Show the form's labels in another of its languages."""
        if language == self.session.lang:
            return
        self.session.set_language(language)
        self.language_box.blockSignals(True)
        self.language_box.setCurrentIndex(max(self.language_box.findData(self.session.lang), 0))
        self.language_box.blockSignals(False)
        for page in self.pages:
            page.refresh_texts()
        self.refresh()  # the navigator's titles too
