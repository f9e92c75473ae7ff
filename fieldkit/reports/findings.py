"""The parts of the coordinator summaries that read the indicators: their spread across
communes, problem frequencies, staffing gaps and the priority list."""

from __future__ import annotations

import statistics

from fieldkit.i18n import translate
from fieldkit.reports import charts, html, priority
from fieldkit.reports import indicators as ind
from fieldkit.reports.formtext import choice_labels, label

CHART_WIDTH = 600


def _indicator_label(data, key: str, lang: str) -> str:
    if key in ind.DERIVED_LABELS:
        return translate(ind.DERIVED_LABELS[key], lang)
    return label(data.forms[ind.SOURCE_FORM[key]], ind.path(key), lang)


def _indicator_values(data) -> dict[str, list[float]]:
    values: dict[str, list[float]] = {key: [] for key in ind.DISTRIBUTIONS}
    for answers in data.submissions[ind.INFRASTRUCTURE].values():
        for key, value in ind.infrastructure_figures(answers).items():
            if key in values and value is not None:
                values[key].append(value)
    for answers in data.submissions[ind.STAFFING].values():
        for key, value in ind.staffing_figures(answers).items():
            if key in values and value is not None:
                values[key].append(value)
    return values


def distributions(data, lang: str, images: dict[str, bytes]) -> str:
    """n, minimum, median, mean and maximum of each indicator over the communes."""
    values = _indicator_values(data)
    rows = []
    for key, found in values.items():
        if found:
            rows.append([_indicator_label(data, key, lang), html.number(len(found), lang),
                         html.number(min(found), lang), html.number(statistics.median(found), lang),
                         html.number(statistics.fmean(found), lang), html.number(max(found), lang)])
    part = html.heading(translate("2. Key indicators across communes", lang))
    if not rows:
        return part + html.paragraph(translate("No survey answers yet.", lang), italic=True)
    headers = [translate("Indicator", lang), "n", translate("Minimum", lang), translate("Median", lang),
               translate("Mean", lang), translate("Maximum", lang)]
    part += html.table(headers, rows, numeric={1, 2, 3, 4, 5}, widths=(45, 9, 11, 11, 12, 12))
    shares = [key for key in ind.DISTRIBUTIONS if key.endswith("_pct") and values[key]]
    if shares:
        images["spread.png"] = charts.box_plots(
            title=translate("Spread across communes (%)", lang),
            labels=[_indicator_label(data, key, lang) for key in shares],
            values=[values[key] for key in shares], x_label="%")
        part += html.image("spread.png", width=CHART_WIDTH)
    return part


def problem_frequency(data, lang: str, images: dict[str, bytes]) -> str:
    """How many communes reported each problem group, in the survey or the minutes."""
    reporting = set(data.submissions[ind.INFRASTRUCTURE]) | set(data.submissions[ind.MINUTES])
    counts: dict[str, int] = {}
    for commune in reporting:
        for group in ind.problems(data.submissions[ind.INFRASTRUCTURE].get(commune),
                                  data.submissions[ind.MINUTES].get(commune)):
            counts[group] = counts.get(group, 0) + 1
    form = data.forms[ind.INFRASTRUCTURE]
    labels = choice_labels(form, form.find(ind.path("problems")), lang)
    ordered = sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))
    part = html.heading(translate("3. Problems reported", lang))
    part += html.paragraph(translate("Out of {count} communes with a survey or minutes.", lang,
                                     count=html.number(len(reporting), lang)))
    if not ordered:
        return part + html.paragraph(translate("No problems recorded.", lang), italic=True)
    rows = [[labels.get(group, group), html.number(count, lang), html.percent(ind.share(count, len(reporting)), lang)]
            for group, count in ordered]
    part += html.table([translate("Problem", lang), translate("Communes", lang), translate("Share", lang)], rows,
                       numeric={1, 2}, widths=(60, 20, 20))
    images["problems.png"] = charts.horizontal_bars(
        title=translate("Communes reporting each problem", lang), labels=[row[0] for row in rows],
        series=[(translate("Communes", lang), [count for _group, count in ordered])],
        value_text=lambda value: html.number(value, lang))
    return part + html.image("problems.png", width=CHART_WIDTH)


def staffing_gaps(data, lang: str) -> str:
    staffing = data.submissions[ind.STAFFING]
    figures = [ind.staffing_figures(answers) for answers in staffing.values()]
    part = html.heading(translate("4. Staffing gaps", lang))
    part += html.paragraph(translate("Out of {count} communes with a staffing survey.", lang,
                                     count=html.number(len(staffing), lang)))
    if not staffing:
        return part
    gaps = [
        (translate("Communes with no IT staff", lang), sum(1 for row in figures if row["it_staff"] == 0)),
        (translate("Communes where under half the listed staff have training", lang),
         sum(1 for row in figures if row["trained_pct"] is not None and row["trained_pct"] < 50)),
        (translate("Communes where no listed staff holds a digital-signature certificate", lang),
         sum(1 for row in figures if row["cert_pct"] == 0)),
    ]
    rows = [[name, html.number(count, lang), html.percent(ind.share(count, len(staffing)), lang)]
            for name, count in gaps]
    part += html.table([translate("Gap", lang), translate("Communes", lang), translate("Share", lang)], rows,
                       numeric={1, 2}, widths=(60, 20, 20))
    return part + _training_needs(data, lang)


def _training_needs(data, lang: str) -> str:
    form = data.forms[ind.STAFFING]
    labels = choice_labels(form, form.find(ind.path("training_needs")), lang)
    counts: dict[str, int] = {}
    for answers in data.submissions[ind.STAFFING].values():
        for need in set(ind.value(answers, "training_needs").split()) - {"none"}:
            counts[need] = counts.get(need, 0) + 1
    rows = [[labels.get(need, need), html.number(count, lang)]
            for need, count in sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))]
    if not rows:
        return ""
    return (html.heading(label(form, ind.path("training_needs"), lang), 3)
            + html.table([translate("Need", lang), translate("Communes", lang)], rows, numeric={1}, widths=(80, 20)))


def priorities(data, lang: str, *, limit: int) -> str:
    ranked = priority.ranking([commune.code for commune in data.communes], data.submissions)
    names = {commune.code: commune for commune in data.communes}
    part = html.heading(translate("5. Communes that need attention first", lang))
    part += html.paragraph(translate(priority.EXPLANATION, lang), italic=True)
    if not ranked:
        return part
    rows = [[str(place), names[item.commune].name, names[item.commune].province_name, html.number(item.score, lang),
             "; ".join(translate(reason, lang) for reason in item.reasons)]
            for place, item in enumerate(ranked[:limit], start=1)]
    headers = ["#", translate("Commune", lang), translate("Province", lang), translate("Score", lang),
               translate("Weighs most", lang)]
    return part + html.table(headers, rows, numeric={0, 3}, widths=(5, 22, 20, 9, 44))
