"""What every summary says, on its first page, about the versions of the submissions it
uses: finalized when and by whom, or a draft not finalized (in a red box no reader can
miss), and how many answers failing their form's checks it sets apart."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from fieldkit.forms.model import Form
from fieldkit.i18n import translate
from fieldkit.reports import html
from fieldkit.reports.data import Answers
from fieldkit.reports.formtext import form_title
from fieldkit.store.hlc import hlc_datetime
from fieldkit.store.records import Status


def saved_at(hlc: str, lang: str) -> str:
    """A revision's time, local: "14:05 ngày 20/11/2026" / "20 November 2026, 14:05"."""
    try:
        when = hlc_datetime(hlc, dt.datetime.now().astimezone().tzinfo or dt.UTC)
    except (ValueError, OverflowError, OSError):
        return hlc  # not a timestamp (another tool's): as it is
    if lang == "vi":
        return f"{when:%H:%M} ngày {when:%d/%m/%Y}"
    return f"{html.long_date(when.date().isoformat(), lang)}, {when:%H:%M}"


def _who(answers: Answers) -> str:
    version = answers.version
    if version is None:
        return ""
    if version.device and version.device != version.author:
        return f"{version.author} ({version.device})" if version.author else version.device
    return version.author or version.device


def version_text(answers: Answers, lang: str) -> str:
    """"Finalized at 14:05 on 20/11/2026 by Nguyễn Văn An (Laptop 3)", or the draft's."""
    version = answers.version
    if version is None:  # nothing known of the revision: its status alone
        return translate("Finalized", lang) if answers.finalized else translate("Draft, not finalized", lang)
    values = {"when": saved_at(version.saved, lang), "who": _who(answers) or "?"}
    if answers.finalized:
        text = translate("Finalized at {when} by {who}.", lang, **values)
        if not version.current:
            text += " " + translate("A later draft, not finalized, is not used.", lang)
        return text
    return translate("DRAFT, NOT FINALIZED: saved at {when} by {who}.", lang, **values)


def _flagged(answers: Answers, lang: str) -> str:
    text = version_text(answers, lang)
    return text if answers.finalized else html.Flagged(text, translate("Its figures may still change.", lang))


def commune_versions(submissions: dict[str, Answers | None], forms: dict[str, Form], lang: str) -> str:
    """The commune record's box: each form's version; a red banner first if one is a draft."""
    used = [(forms[form_id], answers) for form_id, answers in submissions.items()
            if answers is not None and form_id in forms]
    drafts = [form_title(form, lang) for form, answers in used if not answers.finalized]
    part = ""
    if drafts:
        part += html.banner(translate("DRAFT: this record uses answers not finalized yet ({forms}).", lang,
                                      forms="; ".join(drafts)))
    rows = [[form_title(form, lang), _flagged(answers, lang)] for form, answers in used]
    part += html.table([translate("Form", lang), translate("Version used", lang)], rows, widths=(40, 60))
    invalid = sum(len(answers.invalid) for _form, answers in used)
    if invalid:
        part += html.paragraph(translate(
            "Answers failing their form's checks: {count}. They are printed in red with the form's message, and "
            "no figure uses them.", lang, count=html.number(invalid, lang)), bold=True)
    return part


def summary_versions(submissions: Iterable[Answers], *, drafts: bool, lang: str) -> str:
    """The coordinator's and the per-form summaries' paragraph: which version of each
    submission they use, how many are drafts, and the answers set apart."""
    used = list(submissions)
    unfinalized = sum(1 for answers in used if answers.status != Status.FINALIZED)
    rule = translate("Versions: the latest saved version of each submission, drafts included (asked for).", lang) \
        if drafts else translate("Versions: the last finalized version of each submission; a draft saved on top of "
                                 "a finalized submission is not used.", lang)
    part = html.paragraph(rule, bold=True)
    if unfinalized:
        part += html.banner(translate("{count} of the {total} submissions used are drafts, not finalized: their "
                                      "figures may still change.", lang, count=html.number(unfinalized, lang),
                                      total=html.number(len(used), lang)))
    invalid = sum(len(answers.invalid) for answers in used)
    if invalid:
        part += html.paragraph(translate("Answers failing their form's checks, left out of the figures: {count}.",
                                         lang, count=html.number(invalid, lang)), italic=True)
    return part
