"""`ReportService`: the summaries the GUI prints and the CLI writes, built as `Document`s.

Reads go through the store's read connections (no writer needed), so a summary can be
built on a worker thread while people keep typing. Nothing here draws on screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from fieldkit.reports import data as reads
from fieldkit.reports import indicators as ind
from fieldkit.reports import messages  # noqa: F401 - registers the summaries' Vietnamese
from fieldkit.reports.document import Document
from fieldkit.reports.errors import NO_COMMUNE_DATA, UNKNOWN_COMMUNE, ReportError
from fieldkit.reports.html import median

if TYPE_CHECKING:
    from fieldkit.forms import Form
    from fieldkit.services import SurveyService


class ReportService:
    def __init__(self, survey: "SurveyService"):
        self.survey = survey
        self.store = survey.store
        self.communes = survey.communes

    # -- the commune ------------------------------------------------------------------------

    def commune_summary(self, commune_code: str, *, lang: str = "vi") -> Document:
        """The working-visit record (biên bản) of one commune; ReportError for an unknown
        code or a commune with no submission of the shipped forms."""
        from fieldkit.reports.commune import CommuneData, commune_summary

        commune = self.communes.get(commune_code)
        if commune is None:
            raise ReportError(UNKNOWN_COMMUNE, lang=lang, code=commune_code)
        with self.store.read() as connection:
            submissions = {form_id: reads.chosen(connection, form_id=form_id, commune=commune.code).get(commune.code)
                           for form_id in ind.SHIPPED_FORMS}
            in_province = reads.chosen(connection, form_id=ind.INFRASTRUCTURE, province=commune.province_code)
        if not any(submissions.values()):
            raise ReportError(NO_COMMUNE_DATA, lang=lang, commune=commune.name)
        figures = [ind.infrastructure_figures(answers) for answers in in_province.values()]
        medians = {key: median([row[key] for row in figures if row[key] is not None]) for key in ind.DIGITISATION}
        visit = self.survey.visit
        data = CommuneData(commune=commune, forms=self._forms(submissions), submissions=submissions,
                           province_medians=medians, province_communes=len(in_province),
                           delegation=visit.delegation, members=list(visit.members))
        return commune_summary(data, lang)

    # -- helpers ----------------------------------------------------------------------------

    def _forms(self, submissions: dict[str, reads.Answers | None]) -> dict[str, "Form"]:
        """Each shipped form, in the version its submission was made with (else the latest)."""
        forms = {}
        for form_id in ind.SHIPPED_FORMS:
            answers = submissions.get(form_id)
            forms[form_id] = self._form(form_id, answers.form_version if answers else None)
        return forms

    def _form(self, form_id: str, version: str | None) -> "Form":
        from fieldkit.store import StoreError

        try:
            return self.survey.form(form_id, version or None)
        except StoreError:  # a version this folder does not hold: label with the latest
            return self.survey.form(form_id)
