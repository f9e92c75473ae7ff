"""The commune summary, in the form of a working-visit record (biên bản làm việc):
the national heading, who took part, the key indicators with charts beside the province
median, the problems found, the recommendations, and signature blocks."""

from __future__ import annotations

from dataclasses import dataclass, field

from fieldkit.communes import Commune
from fieldkit.forms.model import Form
from fieldkit.i18n import translate
from fieldkit.reports import charts, html
from fieldkit.reports import indicators as ind
from fieldkit.reports.data import Answers, Invalid
from fieldkit.reports.document import Document
from fieldkit.reports.formtext import choice_labels, form_title, label, shown
from fieldkit.reports.signatures import signature_blocks
from fieldkit.reports.versions import commune_versions

CHART_WIDTH = 600  # pixels of the HTML, about the width of an A4 page's text
EQUIPMENT = ("computers", "computers_old", "scanners", "printers", "signature_tokens")


@dataclass(frozen=True)
class CommuneData:
    commune: Commune
    forms: dict[str, Form]  # the shipped forms, by form id (the versions the answers were made with)
    submissions: dict[str, Answers | None]  # the one that counts, by form id
    province_medians: dict[str, float | None]  # digitisation indicators over the province's communes
    province_communes: int  # how many communes of the province the medians are over
    delegation: str = ""  # the visit's, when the minutes do not name it
    members: list[str] = field(default_factory=list)


def commune_summary(data: CommuneData, lang: str) -> Document:
    images: dict[str, bytes] = {}
    minutes = data.submissions.get(ind.MINUTES)
    parts = [
        _heading(data, lang),
        commune_versions(data.submissions, data.forms, lang),
        _participants(data, lang),
        html.heading(translate("II. Findings", lang)),
        _infrastructure(data, lang, images),
        _staffing(data, lang, images),
        _problems(data, lang),
        _recommendations(data, lang),
        _closing(minutes, lang),
        signature_blocks(data, lang),
    ]
    title = translate("Working visit record: {commune}", lang, commune=data.commune.name)
    return Document(title=title, html=html.page("", *parts), images=images, landscape=False)


# -- heading and participants -----------------------------------------------------------

def visit_date(data: CommuneData) -> str:
    for form_id in (ind.MINUTES, ind.INFRASTRUCTURE, ind.STAFFING):
        date = ind.value(data.submissions.get(form_id), "visit_date")
        if date:
            return date
    return ""


def delegation(data: CommuneData) -> str:
    return ind.value(data.submissions.get(ind.MINUTES), "delegation_name") or data.delegation


def _heading(data: CommuneData, lang: str) -> str:
    commune, date = data.commune, visit_date(data)
    motto = (f'<table width="100%" cellpadding="2"><tr>'
             f'<td width="45%" align="center"><b>{html.text(delegation(data).upper())}</b></td>'
             f'<td width="55%" align="center"><b>{html.text(translate("SOCIALIST REPUBLIC OF VIET NAM", lang))}'
             f'</b><br><b>{html.text(translate("Independence – Freedom – Happiness", lang))}</b></td></tr>'
             f'<tr><td></td><td align="center"><i>{html.text(commune.name)}, '
             f'{html.text(html.long_date(date, lang) if date else translate("date ....", lang))}</i></td></tr>'
             f'</table>')
    title = (f'<h1 align="center">{html.text(translate("WORKING VISIT RECORD", lang))}</h1>'
             + html.paragraph(translate("On the digital infrastructure and staffing of {commune}, {province}", lang,
                                        commune=commune.name, province=commune.province_name),
                              align="center", bold=True))
    opening = html.paragraph(translate(
        "On {date}, at the office of {commune}, {province}, the delegation {delegation} worked with {commune} "
        "on its digital infrastructure, equipment, online public services and staff.", lang,
        date=html.long_date(date, lang) if date else "....", commune=commune.name,
        province=commune.province_name, delegation=delegation(data) or "...."))
    return motto + title + opening


def _participants(data: CommuneData, lang: str) -> str:
    minutes, form = data.submissions.get(ind.MINUTES), data.forms.get(ind.MINUTES)
    part = html.heading(translate("I. Participants", lang))
    rows = _rows_as_written(minutes, "participants")
    if not rows or form is None:
        names = ", ".join(data.members) or "...."
        return part + html.paragraph(translate("Delegation: {names}.", lang, names=names))
    side = "/data/participants/participant_role"
    headers = [label(form, "/data/participants/participant_name", lang),
               label(form, "/data/participants/participant_org", lang), label(form, side, lang)]
    table = [[_cell(form, f"/data/participants/{name}", row.get(name, ""), lang)
              for name in ("participant_name", "participant_org", "participant_role")] for row in rows]
    return part + html.table(headers, table)


# -- indicators ---------------------------------------------------------------------------

def _sections(form: Form, answers: Answers, names: tuple[str, ...], lang: str,
              derived: dict[str, list[list[str]]] | None = None) -> list[tuple[str, list[list[str]]]]:
    """(page title, [[label, answer]]) of the answered questions, page by page as the form
    shows them; the `derived` rows (by page group name) end their page."""
    pages: list[tuple[str, list[list[str]]]] = []  # (group path, rows)
    for name in names:
        path = ind.path(name)
        group = path.rsplit("/", 1)[0]
        if not pages or pages[-1][0] != group:
            pages.append((group, []))
        answer = answers.invalid.get(path) or ind.value(answers, name)
        if answer:
            pages[-1][1].append([label(form, path, lang), _cell(form, path, answer, lang)])
    for group, rows in pages:
        rows.extend((derived or {}).get(group.rsplit("/", 1)[-1], []))
    return [(label(form, group, lang) if group != ind.ROOT else "", rows) for group, rows in pages if rows]


def _rows_as_written(answers: Answers | None, repeat: str) -> list[dict[str, str | Invalid]]:
    """A repeat's rows with its invalid answers in place, to print (never to count)."""
    return list(answers.repeats_as_written.get(ind.path(repeat), [])) if answers else []


def _cell(form: Form, path: str, answer: str | Invalid, lang: str, *, as_date: bool = False) -> str:
    """An answer as printed; one failing its form's checks flagged with the form's message."""
    value = answer.value if isinstance(answer, Invalid) else answer
    text = html.long_date(value, lang) if as_date and value else shown(form, path, value, lang)
    if isinstance(answer, Invalid):
        return html.Flagged(text, translate("Not valid: {reason}", lang, reason=answer.message))
    return text


def _indicator_headers(lang: str) -> list[str]:
    return [translate("Indicator", lang), translate("Value", lang)]


def _missing(data: CommuneData, form_id: str, lang: str) -> str:
    form = data.forms.get(form_id)
    title = form_title(form, lang) if form else form_id
    return html.paragraph(translate("No submission of the form {form} for this commune.", lang, form=title),
                          italic=True)


def _infrastructure(data: CommuneData, lang: str, images: dict[str, bytes]) -> str:
    answers, form = data.submissions.get(ind.INFRASTRUCTURE), data.forms.get(ind.INFRASTRUCTURE)
    part = html.heading(translate("1. Digital infrastructure and equipment", lang), 3)
    if answers is None or form is None:
        return part + _missing(data, ind.INFRASTRUCTURE, lang)
    figures = ind.infrastructure_figures(answers)
    derived = {group: [[translate(ind.DERIVED_LABELS[key], lang), html.percent(figures[key], lang)]]
               for group, key in (("equipment", "computers_old_pct"), ("services", "procedures_configured_pct"))}
    sections = _sections(form, answers, ind.INFRASTRUCTURE_ROWS, lang, derived)
    part += html.sectioned_table(_indicator_headers(lang), sections, numeric={1}, widths=(62, 38))
    images["equipment.png"] = charts.horizontal_bars(
        title=label(form, "/data/equipment", lang),
        labels=[label(form, ind.path(name), lang) for name in EQUIPMENT],
        series=[(data.commune.name, [ind.figure(answers, name) for name in EQUIPMENT])],
        value_text=lambda value: html.number(value, lang))
    return (part + html.image("equipment.png", width=CHART_WIDTH)
            + _digitisation(data, form, figures, lang, images))


def _digitisation(data: CommuneData, form: Form, figures: dict, lang: str, images: dict[str, bytes]) -> str:
    """The commune's digitisation rates beside the province median, as a chart and a table;
    a line of text instead when the commune is the only one of its province to compare."""
    if data.province_communes < 2:
        return html.paragraph(translate(
            "{commune} is the only commune of {province} with a survey so far: there is no province median to "
            "compare its digitisation with.", lang, commune=data.commune.name, province=data.commune.province_name),
            italic=True)
    labels = [label(form, ind.path("records_digitised_pct"), lang), label(form, ind.path("records_online_pct"), lang),
              translate(ind.PROCEDURES_CONFIGURED_PCT, lang)]
    median_name = translate("Median of {count} communes of {province}", lang, count=data.province_communes,
                            province=data.commune.province_name)
    ours = [figures[key] for key in ind.DIGITISATION]
    medians = [data.province_medians.get(key) for key in ind.DIGITISATION]
    images["digitisation.png"] = charts.horizontal_bars(
        title=translate("Digitisation beside the province median (%)", lang), labels=labels,
        series=[(data.commune.name, ours), (median_name, medians)],
        value_text=lambda value: html.percent(value, lang), limit=100)
    rows = [[name, html.percent(value, lang), html.percent(middle, lang)]
            for name, value, middle in zip(labels, ours, medians, strict=True)]
    return (html.image("digitisation.png", width=CHART_WIDTH)
            + html.table([translate("Indicator", lang), data.commune.name, median_name], rows, numeric={1, 2},
                         widths=(50, 20, 30)))


def _staffing(data: CommuneData, lang: str, images: dict[str, bytes]) -> str:
    answers, form = data.submissions.get(ind.STAFFING), data.forms.get(ind.STAFFING)
    part = html.heading(translate("2. Staff, training and digital signatures", lang), 3)
    if answers is None or form is None:
        return part + _missing(data, ind.STAFFING, lang)
    figures = ind.staffing_figures(answers)
    [(_title, rows)] = _sections(form, answers, ind.STAFFING_ROWS, lang) or [("", [])]
    rows[3:3] = [[translate("Staff listed in the roster", lang), html.number(figures["roster_count"], lang)],
                 [translate(ind.TRAINED_PCT, lang), html.percent(figures["trained_pct"], lang)],
                 [translate(ind.CERT_PCT, lang), html.percent(figures["cert_pct"], lang)]]
    part += html.table(_indicator_headers(lang), rows, numeric={1}, widths=(62, 38))
    if figures["roster_count"]:
        images["training.png"] = _training_chart(data, form, answers, figures, lang)
        part += html.image("training.png", width=CHART_WIDTH)
    return part


def _training_chart(data: CommuneData, form: Form, answers: Answers, figures: dict, lang: str) -> bytes:
    topics = choice_labels(form, form.find("/data/roster/trainings"), lang)
    topics.pop("none", None)
    coverage = ind.training_coverage(answers, list(topics))
    return charts.horizontal_bars(
        title=translate("Training coverage of the {count} staff listed (%)", lang, count=figures["roster_count"]),
        labels=[translate("Any training", lang), *topics.values()],
        series=[(data.commune.name, [figures["trained_pct"], *coverage.values()])],
        value_text=lambda value: html.percent(value, lang), limit=100)


# -- problems, recommendations, closing ----------------------------------------------------

def _problems(data: CommuneData, lang: str) -> str:
    survey, minutes = data.submissions.get(ind.INFRASTRUCTURE), data.submissions.get(ind.MINUTES)
    part = html.heading(translate("III. Problems found", lang))
    items = []
    survey_form, minutes_form = data.forms.get(ind.INFRASTRUCTURE), data.forms.get(ind.MINUTES)
    groups = ind.value(survey, "problems").split()
    if survey_form and groups:
        labels = choice_labels(survey_form, survey_form.find(ind.path("problems")), lang)
        items += [labels.get(group, group) for group in groups]
        if ind.value(survey, "problem_notes"):
            items.append(ind.value(survey, "problem_notes"))
    if minutes_form:
        labels = choice_labels(minutes_form, minutes_form.find("/data/issues/issue_group"), lang)
        for row in _rows_as_written(minutes, "issues"):
            issue = _cell(minutes_form, "/data/issues/issue_text", row.get("issue_text", ""), lang)
            group = labels.get(str(row.get("issue_group", "")), "")
            items.append(_with_group(issue, group))
    if not items:
        return part + html.paragraph(translate("No problems recorded.", lang), italic=True)
    return part + html.bullets(items)


def _with_group(issue: str, group: str) -> str:
    """"issue (group)", still flagged when the issue is."""
    if not group:
        return issue
    text = f"{issue} ({group})"
    return html.Flagged(text, issue.note) if isinstance(issue, html.Flagged) else text


def _recommendations(data: CommuneData, lang: str) -> str:
    minutes, form = data.submissions.get(ind.MINUTES), data.forms.get(ind.MINUTES)
    part = html.heading(translate("IV. Recommendations", lang))
    rows = _rows_as_written(minutes, "recommendations")
    if not rows or form is None:
        return part + html.paragraph(translate("No recommendations recorded.", lang), italic=True)
    names = ("recommendation", "responsible", "priority", "deadline")
    headers = ["#", *(label(form, f"/data/recommendations/{name}", lang) for name in names)]
    table = [[str(number), *(_recommendation_cell(form, row, name, lang) for name in names)]
             for number, row in enumerate(rows, start=1)]
    return part + html.table(headers, table, numeric={0})


def _recommendation_cell(form: Form, row: dict[str, str | Invalid], name: str, lang: str) -> str:
    return _cell(form, f"/data/recommendations/{name}", row.get(name, ""), lang, as_date=name == "deadline")


def _closing(minutes: Answers | None, lang: str) -> str:
    notes = ind.value(minutes, "closing_notes")
    return html.heading(translate("V. Conclusion", lang)) + html.paragraph(notes) if notes else ""
