"""Which communes need attention first: a score out of 100, stated in every summary that
ranks them. Each item adds its points in proportion to the gap it measures:

| item | points |
| --- | ---: |
| not connected to the dedicated government data network | 15 |
| share of computers older than 5 years | up to 15 |
| share of records not digitised | up to 15 |
| share of records not received online | up to 10 |
| share of procedures not fully configured | up to 10 |
| share of listed staff with no training | up to 15 |
| no IT / digital-transformation staff | 10 |
| problem groups reported (survey or minutes), 2 points each | up to 10 |

An item whose answer is missing adds nothing: a commune is never ranked higher for
what was not asked. Ties go by commune code.
"""

from __future__ import annotations

from dataclasses import dataclass

from fieldkit.reports import indicators as ind
from fieldkit.reports.data import Answers
from fieldkit.reports.messages import _

NOT_CONNECTED = _("Not connected to the dedicated data network")
OLD_COMPUTERS = _("Old computers")
NOT_DIGITISED = _("Records not digitised")
NOT_ONLINE = _("Records not received online")
NOT_CONFIGURED = _("Procedures not configured")
UNTRAINED = _("Staff without training")
NO_IT_STAFF = _("No IT staff")
PROBLEMS = _("Problems reported")
EXPLANATION = _(
    "Priority score (0–100, higher needs attention first): 15 points if not connected to the dedicated data "
    "network; up to 15 for the share of computers older than 5 years; up to 15 for the share of records not "
    "digitised; up to 10 for the share of records not received online; up to 10 for the share of procedures "
    "not fully configured; up to 15 for the share of listed staff with no training; 10 if the commune has no IT "
    "staff; 2 per problem group reported, up to 10. A missing answer adds nothing.")


@dataclass(frozen=True)
class Priority:
    commune: str
    score: float
    reasons: list[str]  # the English keys of the items that weigh most, heaviest first


def _gap(value: float | None, points: float) -> float:
    return 0.0 if value is None else points * (100 - min(max(value, 0), 100)) / 100


def score(infrastructure: Answers | None, staffing: Answers | None, minutes: Answers | None) -> dict[str, float]:
    """Points per item (keys: the item texts above)."""
    figures = ind.infrastructure_figures(infrastructure)
    staff = ind.staffing_figures(staffing)
    old = figures["computers_old_pct"]
    return {
        NOT_CONNECTED: 15.0 if ind.value(infrastructure, "tsl_connected") == "no" else 0.0,
        OLD_COMPUTERS: 0.0 if old is None else 15 * min(old, 100) / 100,
        NOT_DIGITISED: _gap(figures["records_digitised_pct"], 15),
        NOT_ONLINE: _gap(figures["records_online_pct"], 10),
        NOT_CONFIGURED: _gap(figures["procedures_configured_pct"], 10),
        UNTRAINED: _gap(staff["trained_pct"], 15),
        NO_IT_STAFF: 10.0 if staff["it_staff"] == 0 else 0.0,
        PROBLEMS: min(10.0, 2.0 * len(ind.problems(infrastructure, minutes))),
    }


def ranking(communes: list[str], submissions: dict[str, dict[str, Answers]]) -> list[Priority]:
    """Every commune with a survey or a minutes submission, highest score first.
    `submissions`: form id -> commune -> the submission that counts."""
    ranked = []
    for commune in communes:
        infrastructure, staffing, minutes = (submissions[form_id].get(commune) for form_id in ind.SHIPPED_FORMS)
        if infrastructure is None and staffing is None and minutes is None:
            continue
        points = score(infrastructure, staffing, minutes)
        reasons = [item for item, value in sorted(points.items(), key=lambda pair: -pair[1]) if value > 0][:3]
        ranked.append(Priority(commune, round(sum(points.values()), 1), reasons))
    return sorted(ranked, key=lambda priority: (-priority.score, priority.commune))
