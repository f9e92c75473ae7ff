"""The coordinator's summaries: a province, the whole country, or one form (all
provinces or one) -> preview, print or save as PDF; and the way to the export dialog."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from fieldkit.ui import errors, tasks
from fieldkit.ui.reports.choices import Choices, fill_forms, fill_provinces, read_choices
from fieldkit.ui.reports.summaries import PREVIEW, PRINT, SAVE_PDF, SummaryRunner

KIND_PROVINCE, KIND_NATIONAL, KIND_FORM = range(3)


class SummariesPanel(QWidget):
    export_requested = Signal()
    message = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("summaries_panel")
        self.survey = None
        self.choices = Choices([], [])
        self.runner = SummaryRunner(self)
        self.kinds = QButtonGroup(self)
        self.kind_buttons = [QRadioButton() for _kind in range(3)]
        for kind, button in enumerate(self.kind_buttons):
            button.setObjectName(("kind_province", "kind_national", "kind_form")[kind])
            self.kinds.addButton(button, kind)
        self.kind_buttons[KIND_PROVINCE].setChecked(True)
        self.province_box, self.form_box = QComboBox(), QComboBox()
        self.province_box.setObjectName("summary_province")
        self.form_box.setObjectName("summary_form")
        self.province_label, self.form_label = QLabel(), QLabel()
        self.drafts_box = QCheckBox()  # unticked: each submission's last finalized version
        self.drafts_box.setObjectName("summary_drafts")
        self.action_buttons = {action: QPushButton() for action in (PREVIEW, PRINT, SAVE_PDF)}
        for action, button in self.action_buttons.items():
            button.setObjectName(f"summary_{action}")
            button.clicked.connect(lambda _checked=False, chosen=action: self.run(chosen))
        self.export_button = QPushButton()
        self.export_button.setObjectName("open_export")
        self.export_button.clicked.connect(self.export_requested)
        self.status = QLabel()
        self.status.setObjectName("summary_status")
        self.status.setWordWrap(True)
        self._lay_out()
        self.kinds.idToggled.connect(lambda _kind, _on: self._update())
        self.runner.busy.connect(lambda busy: self._update(busy=busy))
        self.runner.message.connect(self.status.setText)
        self.runner.message.connect(self.message)
        self._retranslate()
        self._update()

    def _lay_out(self) -> None:
        kinds = QHBoxLayout()
        for button in self.kind_buttons:
            kinds.addWidget(button)
        kinds.addStretch()
        fields = QFormLayout()
        fields.addRow(self.province_label, self.province_box)
        fields.addRow(self.form_label, self.form_box)
        fields.addRow("", self.drafts_box)
        actions = QHBoxLayout()
        for button in self.action_buttons.values():
            actions.addWidget(button)
        actions.addStretch()
        actions.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(kinds)
        layout.addLayout(fields)
        layout.addLayout(actions)
        layout.addWidget(self.status)
        layout.addStretch()

    def set_service(self, survey) -> None:
        self.survey = survey
        self.runner.set_service(survey)
        self.reload()

    def reload(self) -> None:
        """Provinces and forms, read off the GUI thread (the catalog may have grown)."""
        if self.survey is not None:
            tasks.run(read_choices, self.survey).then(self._choices_read, self._read_failed)

    def _choices_read(self, choices: Choices) -> None:
        self.choices = choices
        self._fill()
        self._update()

    def _read_failed(self, error: BaseException) -> None:
        errors.show_error(self, self.tr("Could not read the provinces and forms."), error)

    def _fill(self) -> None:
        everything = self.tr("All provinces") if self.kinds.checkedId() == KIND_FORM else None
        fill_provinces(self.province_box, self.choices.provinces, everything=everything)
        fill_forms(self.form_box, self.choices.forms, everything=None)

    def run(self, action: str) -> None:
        kind, drafts = self.kinds.checkedId(), self.drafts_box.isChecked()
        if kind == KIND_PROVINCE and self.province_box.currentData():
            self.runner.province(self.province_box.currentData(), action, drafts=drafts)
        elif kind == KIND_NATIONAL:
            self.runner.national(action, drafts=drafts)
        elif kind == KIND_FORM and self.form_box.currentData():
            self.runner.form(self.form_box.currentData(), self.province_box.currentData(), action, drafts=drafts)

    def _update(self, *, busy: bool = False) -> None:
        kind = self.kinds.checkedId()
        if (self.province_box.count() and self.province_box.itemData(0) is None) != (kind == KIND_FORM):
            self._fill()  # "All provinces" is offered for a form's summary only
        self.province_box.setEnabled(kind != KIND_NATIONAL)
        self.form_box.setEnabled(kind == KIND_FORM)
        ready = self.survey is not None and bool(self.choices.provinces) and not busy
        for button in self.action_buttons.values():
            button.setEnabled(ready)

    def _retranslate(self) -> None:
        for button, text in zip(self.kind_buttons, (self.tr("&Province summary"), self.tr("&National summary"),
                                                    self.tr("Summary of a f&orm")), strict=True):
            button.setText(text)
        self.province_label.setText(self.tr("Province:"))
        self.form_label.setText(self.tr("Form:"))
        self.drafts_box.setText(self.tr("Include &unfinalized drafts (latest saved version of each submission)"))
        texts = {PREVIEW: self.tr("Pre&view…"), PRINT: self.tr("P&rint…"), SAVE_PDF: self.tr("Save as P&DF…")}
        for action, button in self.action_buttons.items():
            button.setText(texts[action])
        self.export_button.setText(self.tr("E&xport data…"))
        if self.choices.provinces:
            self._fill()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
