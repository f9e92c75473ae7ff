"""A summary of any form's answers, question by question, as KoboToolbox and ODK Central
report them: for selects, each choice's count and share with its label in the reader's
language (past 30 different choices, e.g. the commune, the 20 most frequent and one row
for the others); for numbers, n, minimum, median, mean, maximum and a histogram; for dates, the
first and last; for other answers, how many and how many different.

Questions inside repeats are counted over every row of every submission. Calculations,
hidden fields and notes are left out (nobody answers them)."""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass

from fieldkit.forms.model import Form, Question, strip_positions
from fieldkit.i18n import translate
from fieldkit.reports import charts, html
from fieldkit.reports.data import Answers
from fieldkit.reports.document import Document
from fieldkit.reports.formtext import NUMERIC_TYPES, SELECT_TYPES, choice_labels, form_title, label, plain, to_number
from fieldkit.reports.versions import summary_versions

NOT_ASKED = {"calculate", "hidden", "note"}
DATE_TYPES = {"date", "dateTime", "time"}
CHART_WIDTH = 520
LONG_LIST, SHOWN_OF_LONG_LIST = 30, 20  # choices answered; beyond, the 20 most frequent and one row for the rest


@dataclass(frozen=True)
class FormData:
    form: Form
    submissions: list[Answers]
    province_name: str = ""  # "" for every province
    drafts: bool = False  # the latest saved version of each submission, not the last finalized one


def form_summary(data: FormData, lang: str) -> Document:
    form, images = data.form, {}
    answers = _by_question(data.submissions)
    title = translate("Summary of the form {form}", lang, form=form_title(form, lang))
    finalized = sum(1 for submission in data.submissions if submission.finalized)
    intro = translate("{count} submissions, {finalized} of them finalized.", lang,
                      count=html.number(len(data.submissions), lang), finalized=html.number(finalized, lang))
    if data.province_name:
        intro += " " + translate("Province: {province}.", lang, province=data.province_name)
    parts = [html.heading(title, 1), html.paragraph(intro),
             summary_versions(data.submissions, drafts=data.drafts, lang=lang)]
    group = form.root.path
    for number, question in enumerate(_asked(form), start=1):
        parent = question.path.rsplit("/", 1)[0]
        if parent != group and parent != form.root.path:  # a page or repeat: its title, as the form shows it
            parts.append(html.heading(label(form, parent, lang), 2))
        group = parent
        parts.append(_question(form, question, answers.get(question.path, []), len(data.submissions), lang,
                               images=images, name=f"q{number}.png"))
    return Document(title=title, html=html.page("", *parts), images=images, landscape=False)


def _asked(form: Form) -> list[Question]:
    return [question for question in form.questions() if question.kind != "none" and question.type not in NOT_ASKED]


def _by_question(submissions: list[Answers]) -> dict[str, list[str]]:
    """Question path -> every non-blank answer to it (repeat rows included)."""
    found: dict[str, list[str]] = {}
    for submission in submissions:
        for path, value in submission.values.items():
            if value not in ("", None):
                found.setdefault(strip_positions(path), []).append(value)
    return found


def _question(form: Form, question: Question, values: list[str], submissions: int, lang: str, *,
              images: dict[str, bytes], name: str) -> str:
    title = label(form, question.path, lang)
    part = html.heading(title, 3)
    part += html.paragraph(_answered(form, question, len(values), submissions, lang), italic=True)
    if not values:
        return part
    if question.type in SELECT_TYPES:
        return part + _choices(form, question, values, lang)
    if question.type in NUMERIC_TYPES:
        return part + _numbers(title, values, lang, images, name)
    if question.type in DATE_TYPES:
        return part + _dates(values, lang)
    return part + html.table([translate("Answered", lang), translate("Different answers", lang)],
                             [[html.number(len(values), lang), html.number(len(set(values)), lang)]],
                             numeric={0, 1})


def _answered(form: Form, question: Question, answered: int, submissions: int, lang: str) -> str:
    repeat = _repeat_of(form, question, lang)
    if repeat:
        return translate("{answered} answers over every row of {repeat} ({type}).", lang,
                         answered=html.number(answered, lang), repeat=repeat, type=question.type)
    return translate("{answered} of {count} submissions answered ({type}).", lang,
                     answered=html.number(answered, lang), count=html.number(submissions, lang), type=question.type)


def _repeat_of(form: Form, question: Question, lang: str) -> str:
    """The label of the innermost repeat the question is in ("" outside repeats)."""
    inside = [group for group in form.repeats() if question.path.startswith(group.path + "/")]
    return (plain(inside[-1].labels, form, lang) or inside[-1].name) if inside else ""


def _choices(form: Form, question: Question, values: list[str], lang: str) -> str:
    labels = choice_labels(form, question, lang)
    picked = Counter(part for value in values for part in (value.split() if question.type == "select_multiple"
                                                           else [value]))
    order = [value for value in labels if value in picked] + sorted(value for value in picked if value not in labels)
    rest: list[str] = []
    if len(order) > LONG_LIST:  # e.g. the commune picked: the most frequent, then the rest in one row
        order = sorted(order, key=lambda value: -picked[value])
        order, rest = order[:SHOWN_OF_LONG_LIST], order[SHOWN_OF_LONG_LIST:]
    rows = [[labels.get(value, value), html.number(picked[value], lang),
             html.percent(picked[value] / len(values) * 100, lang)] for value in order]
    if rest:
        others = sum(picked[value] for value in rest)
        rows.append([translate("{count} other choices", lang, count=html.number(len(rest), lang)),
                     html.number(others, lang), html.percent(others / len(values) * 100, lang)])
    headers = [translate("Choice", lang), translate("Count", lang), translate("Share of answers", lang)]
    return html.table(headers, rows, numeric={1, 2}, widths=(60, 20, 20))


def _numbers(title: str, values: list[str], lang: str, images: dict[str, bytes], name: str) -> str:
    numbers = [found for found in map(to_number, values) if found is not None]
    if not numbers:
        return ""
    headers = ["n", translate("Minimum", lang), translate("Median", lang), translate("Mean", lang),
               translate("Maximum", lang)]
    row = [html.number(len(numbers), lang), *(html.number(figure, lang) for figure in (
        min(numbers), statistics.median(numbers), statistics.fmean(numbers), max(numbers)))]
    table = html.table(headers, [row], numeric={0, 1, 2, 3, 4})
    if len(set(numbers)) < 2:
        return table  # one value: the table says it all
    images[name] = charts.histogram(title=title, values=numbers, x_label=translate("Answer", lang),
                                    y_label=translate("Count", lang))
    return table + html.image(name, width=CHART_WIDTH)


def _dates(values: list[str], lang: str) -> str:
    ordered = sorted(values)
    headers = ["n", translate("First", lang), translate("Last", lang)]
    return html.table(headers, [[html.number(len(values), lang), ordered[0], ordered[-1]]], numeric={0})
