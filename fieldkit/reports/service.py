"""`ReportService`: the summaries the GUI prints and the CLI writes, built as `Document`s.

Reads go through the store's read connections (no writer needed), so a summary can be
built on a worker thread while people keep typing. Nothing here draws on screen.

Each summary uses the last finalized version of each submission, or with `drafts=True`
the latest saved one (fieldkit.reports.data), and sets apart the answers that fail
their form's checks (fieldkit.reports.validity).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from fieldkit.reports import data as reads
from fieldkit.reports import indicators as ind
from fieldkit.reports.data import Answers
from fieldkit.reports.document import Document
from fieldkit.reports.errors import (
    NO_COMMUNE_DATA,
    NO_DATA,
    NO_PROVINCE_DATA,
    NO_SUBMISSIONS,
    UNKNOWN_COMMUNE,
    UNKNOWN_FORM,
    UNKNOWN_PROVINCE,
    ReportError,
)
from fieldkit.reports.html import median
from fieldkit.reports.validity import checked
from fieldkit.store import reports as stored

if TYPE_CHECKING:
    from fieldkit.forms import Form
    from fieldkit.services import SurveyService


class ReportService:
    def __init__(self, survey: SurveyService):
        self.survey = survey
        self.store = survey.store
        self.communes = survey.communes

    # -- the commune ------------------------------------------------------------------------

    def commune_summary(self, commune_code: str, *, lang: str = "vi", drafts: bool = False) -> Document:
        """The working-visit record (biên bản) of one commune; ReportError for an unknown
        code or a commune with no submission of the shipped forms."""
        from fieldkit.reports.commune import CommuneData, commune_summary

        commune = self.communes.get(commune_code)
        if commune is None:
            raise ReportError(UNKNOWN_COMMUNE, lang=lang, code=commune_code)
        with self.store.read() as connection:
            submissions = {form_id: reads.chosen(connection, form_id=form_id, commune=commune.code,
                                                 drafts=drafts).get(commune.code)
                           for form_id in ind.SHIPPED_FORMS}
            in_province = reads.chosen(connection, form_id=ind.INFRASTRUCTURE, province=commune.province_code,
                                       drafts=drafts)
        if not any(submissions.values()):
            raise ReportError(NO_COMMUNE_DATA, lang=lang, commune=commune.name)
        forms = self._forms(submissions)
        submissions = {form_id: self._checked(answers, forms[form_id], lang) if answers else None
                       for form_id, answers in submissions.items()}
        in_province = self._checked_where_saved_with_errors(in_province, lang)
        if submissions[ind.INFRASTRUCTURE] is not None:
            in_province[commune.code] = submissions[ind.INFRASTRUCTURE]
        figures = [ind.infrastructure_figures(answers) for answers in in_province.values()]
        medians = {key: median([row[key] for row in figures if row[key] is not None]) for key in ind.DIGITISATION}
        visit = self.survey.visit
        data = CommuneData(commune=commune, forms=forms, submissions=submissions,
                           province_medians=medians, province_communes=len(in_province),
                           delegation=visit.delegation, members=list(visit.members))
        return commune_summary(data, lang)

    # -- the coordinator ------------------------------------------------------------------

    def province_summary(self, province_code: str, *, lang: str = "vi", drafts: bool = False) -> Document:
        """Coverage, indicators, problems, staffing gaps and priorities of one province."""
        province = self.communes.province(province_code)
        if province is None:
            raise ReportError(UNKNOWN_PROVINCE, lang=lang, code=province_code)
        return self._coordinator(province, lang, drafts)

    def national_summary(self, *, lang: str = "vi", drafts: bool = False) -> Document:
        """The same over the whole country, with a table of the provinces."""
        return self._coordinator(None, lang, drafts)

    def _coordinator(self, province, lang: str, drafts: bool) -> Document:
        import datetime as dt

        from fieldkit.reports.coverage import CoordinatorData, coordinator_summary

        code = province.code if province else None
        with self.store.read() as connection:
            submissions = {form_id: reads.chosen(connection, form_id=form_id, province=code, drafts=drafts)
                           for form_id in ind.SHIPPED_FORMS}
        submissions = {form_id: self._checked_where_saved_with_errors(found, lang)
                       for form_id, found in submissions.items()}
        visited = set().union(*submissions.values())  # communes with a submission that counts
        if not visited:
            if province is None:
                raise ReportError(NO_DATA, lang=lang)
            raise ReportError(NO_PROVINCE_DATA, lang=lang, province=province.name)
        communes = self.communes.in_province(code) if code else [
            commune for known in self.communes.provinces() for commune in self.communes.in_province(known.code)]
        data = CoordinatorData(
            province=province, provinces=[province] if province else self.communes.provinces(), communes=communes,
            visited=visited & {commune.code for commune in communes}, submissions=submissions,
            forms={form_id: self.survey.form(form_id) for form_id in ind.SHIPPED_FORMS}, today=dt.date.today(),
            drafts=drafts)
        return coordinator_summary(data, lang)

    # -- any form ---------------------------------------------------------------------------

    def form_summary(self, form_id: str, *, lang: str = "vi", province: str | None = None,
                     drafts: bool = False) -> Document:
        """Per-question counts, shares and statistics of a form's submissions (every live
        one that is not a marked duplicate; of one province when `province` is given)."""
        from fieldkit.reports.form_summary import FormData, form_summary
        from fieldkit.reports.formtext import form_title
        from fieldkit.store import StoreError

        try:
            form = self.survey.form(form_id)
        except StoreError:
            raise ReportError(UNKNOWN_FORM, lang=lang, form_id=form_id) from None
        known = self.communes.province(province) if province else None
        if province and known is None:
            raise ReportError(UNKNOWN_PROVINCE, lang=lang, code=province)
        with self.store.read() as connection:
            submissions = reads.every(connection, form_id=form_id, province=province, drafts=drafts)
        if not submissions:
            raise ReportError(NO_SUBMISSIONS, lang=lang, form=form_title(form, lang))
        submissions = [self._checked(answers, self._form(form_id, answers.form_version), lang)
                       if answers.recorded_errors else answers for answers in submissions]
        return form_summary(FormData(form, submissions, known.name if known else "", drafts), lang)

    # -- helpers ----------------------------------------------------------------------------

    def _forms(self, submissions: dict[str, Answers | None]) -> dict[str, Form]:
        """Each shipped form, in the version its submission was made with (else the latest)."""
        forms = {}
        for form_id in ind.SHIPPED_FORMS:
            answers = submissions.get(form_id)
            forms[form_id] = self._form(form_id, answers.form_version if answers else None)
        return forms

    def _checked(self, answers: Answers, form: Form, lang: str) -> Answers:
        """`answers` with those failing their form's checks set apart (fieldkit.reports.validity)."""
        def instance(rev_id: str) -> str | None:
            with self.store.read() as connection:
                return stored.revision_instance(connection, rev_id)

        return checked(answers, form, instance, lang)

    def _checked_where_saved_with_errors(self, found: dict[str, Answers], lang: str) -> dict[str, Answers]:
        """`_checked` for the submissions whose revision counted errors when saved (the
        others passed the same checks then: see fieldkit.reports.validity)."""
        return {code: self._checked(answers, self._form(answers.form_id, answers.form_version), lang)
                if answers.recorded_errors else answers for code, answers in found.items()}

    def _form(self, form_id: str, version: str | None) -> Form:
        from fieldkit.store import StoreError

        try:
            return self.survey.form(form_id, version or None)
        except StoreError:  # a version this folder does not hold: label with the latest
            return self.survey.form(form_id)
