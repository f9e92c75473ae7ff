"""The signature blocks that close a working-visit record: the commune chair on the left,
the head of the delegation on the right, room to sign, and the name when the forms know it
(the chair: a respondent of the infrastructure survey whose role is chairperson)."""

from __future__ import annotations

from fieldkit.i18n import translate
from fieldkit.reports import html
from fieldkit.reports import indicators as ind

SIGNING_SPACE = "<br>" * 5


def chair_name(data) -> str:
    for row in ind.repeat_rows(data.submissions.get(ind.INFRASTRUCTURE), "respondents"):
        if row.get("respondent_role") == "chairperson":
            return row.get("respondent_name", "")
    return ""


def signature_blocks(data, lang: str) -> str:
    commune = data.commune.name
    left = _block(translate("FOR {commune}", lang, commune=commune.upper()),
                  translate("CHAIRPERSON", lang), chair_name(data), lang)
    right = _block(translate("FOR THE DELEGATION", lang), translate("HEAD OF THE DELEGATION", lang), "", lang)
    return ('<br><table width="100%" cellpadding="4"><tr>'
            f'<td width="50%" align="center">{left}</td><td width="50%" align="center">{right}</td>'
            "</tr></table>")


def _block(side: str, role: str, name: str, lang: str) -> str:
    return (f"<b>{html.text(side)}</b><br><b>{html.text(role)}</b><br>"
            f"<i>{html.text(translate('(Signature, full name)', lang))}</i>{SIGNING_SPACE}"
            f"<b>{html.text(name)}</b>")
