"""The coordinator's summaries, for one province or the whole country: coverage (communes
visited out of those the commune directory knows), the spread of the key indicators, how
often each problem is reported, staffing gaps, and the communes that need attention first
(the score of `fieldkit.reports.priority`, stated in the document)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from fieldkit.communes import Commune, Province
from fieldkit.forms.model import Form
from fieldkit.i18n import translate
from fieldkit.reports import charts, html
from fieldkit.reports import indicators as ind
from fieldkit.reports.data import Answers
from fieldkit.reports.document import Document
from fieldkit.reports.findings import distributions, priorities, problem_frequency, staffing_gaps
from fieldkit.reports.formtext import form_title
from fieldkit.reports.versions import summary_versions

WIDE_CHART = 900  # the national summary is landscape


@dataclass(frozen=True)
class CoordinatorData:
    province: Province | None  # None: the whole country
    provinces: list[Province]  # the provinces in scope, in code order
    communes: list[Commune]  # every commune in scope the directory knows
    visited: set[str]  # codes of the communes with a submission that counts (fieldkit.reports.data)
    submissions: dict[str, dict[str, Answers]]  # form id -> commune code -> the submission that counts
    forms: dict[str, Form]  # the shipped forms (latest versions), for labels
    today: dt.date
    drafts: bool = False  # the latest saved version of each submission, not the last finalized one


def coordinator_summary(data: CoordinatorData, lang: str) -> Document:
    images: dict[str, bytes] = {}
    scope = data.province.name if data.province else translate("the whole country", lang)
    title = translate("Survey summary: {scope}", lang, scope=scope)
    parts = [
        f'<h1 align="center">{html.text(title.upper())}</h1>',
        html.paragraph(translate("Figures as of {date}.", lang, date=html.long_date(data.today.isoformat(), lang)),
                       align="center", italic=True),
        summary_versions([answers for found in data.submissions.values() for answers in found.values()],
                         drafts=data.drafts, lang=lang),
        _coverage(data, lang, images),
        distributions(data, lang, images),
        problem_frequency(data, lang, images),
        staffing_gaps(data, lang),
        priorities(data, lang, limit=20 if data.province else 30),
    ]
    return Document(title=title, html=html.page("", *parts), images=images, landscape=data.province is None)


def _coverage(data: CoordinatorData, lang: str, images: dict[str, bytes]) -> str:
    total, visited = len(data.communes), len(data.visited)
    part = html.heading(translate("1. Coverage", lang))
    part += html.paragraph(translate("{visited} of {total} communes visited ({share}).", lang,
                                     visited=html.number(visited, lang), total=html.number(total, lang),
                                     share=html.percent(ind.share(visited, total), lang)), bold=True)
    rows = []
    for form_id in ind.SHIPPED_FORMS:
        counted = data.submissions[form_id].values()
        finalized = sum(1 for answers in counted if answers.finalized)
        rows.append([form_title(data.forms[form_id], lang), html.number(len(counted), lang),
                     html.number(finalized, lang)])
    part += html.table([translate("Form", lang), translate("Communes with a submission", lang),
                        translate("Of which finalized", lang)], rows, numeric={1, 2}, widths=(50, 25, 25))
    if data.province is None:
        part += _by_province(data, lang, images)
    return part


def _by_province(data: CoordinatorData, lang: str, images: dict[str, bytes]) -> str:
    """The national summary's table of provinces: coverage and two medians each."""
    communes: dict[str, list[str]] = {}
    for commune in data.communes:
        communes.setdefault(commune.province_code, []).append(commune.code)
    rows, shares = [], []
    for province in data.provinces:
        codes = communes.get(province.code, [])
        visited = [code for code in codes if code in data.visited]
        shares.append(ind.share(len(visited), len(codes)) or 0.0)
        digitised = [ind.infrastructure_figures(data.submissions[ind.INFRASTRUCTURE].get(code))["records_digitised_pct"]
                     for code in visited]
        trained = [ind.staffing_figures(data.submissions[ind.STAFFING].get(code))["trained_pct"] for code in visited]
        rows.append([province.name, html.number(len(codes), lang), html.number(len(visited), lang),
                     html.percent(shares[-1], lang),
                     html.percent(html.median([value for value in digitised if value is not None]), lang),
                     html.percent(html.median([value for value in trained if value is not None]), lang)])
    images["coverage.png"] = charts.vertical_bars(
        title=translate("Communes visited by province (%)", lang), labels=[row[0] for row in rows], values=shares,
        y_label="%", limit=100)
    headers = [translate("Province", lang), translate("Communes", lang), translate("Visited", lang),
               translate("Coverage", lang), translate("Median records digitised", lang),
               translate("Median staff trained", lang)]
    return html.image("coverage.png", width=WIDE_CHART) + html.table(headers, rows, numeric={1, 2, 3, 4, 5})
