"""The key indicators of the shipped forms (tools/forms_src), read from a submission's
answers. Percentages are computed here from the counts the forms ask for, not taken
from the forms' own calculations, so submissions made by another tool count the same."""

from __future__ import annotations

import math

from fieldkit.reports.data import Answers
from fieldkit.reports.formtext import to_number
from fieldkit.reports.messages import _

INFRASTRUCTURE, STAFFING, MINUTES = "commune_infrastructure", "commune_staffing", "visit_minutes"
SHIPPED_FORMS = (INFRASTRUCTURE, STAFFING, MINUTES)
ROOT = "/data"

# Shown in the commune summary, with the forms' own labels.
# Where each question is in its form (its page group), by name.
GROUPS = {
    "network": ("tsl_connected", "tsl_bandwidth", "outages_per_month", "outage_hours", "backup_power"),
    "office_area": ("office_mobile", "office_internet"),
    "residential_area": ("residential_mobile", "residential_internet"),
    "remote_area": ("remote_mobile", "remote_internet", "hamlets_no_signal"),
    "equipment": ("computers", "computers_old", "scanners", "printers", "signature_tokens", "videoconf",
                  "videoconf_count"),
    "services": ("one_stop_software", "one_stop_in_use", "portal_integration", "db_failures",
                 "records_digitised_pct", "records_online_pct", "procedures_total", "procedures_configured",
                 "eforms_accurate"),
    "findings": ("problems", "problem_notes"),
}
PATHS = {name: f"{group}/{name}" for group, names in GROUPS.items() for name in names}
INFRASTRUCTURE_ROWS = (*GROUPS["network"], *GROUPS["office_area"], *GROUPS["residential_area"], "has_remote_areas",
                       *GROUPS["remote_area"], *GROUPS["equipment"], *GROUPS["services"])
STAFFING_ROWS = ("total_staff", "one_stop_staff", "it_staff", "training_needs")

# Numeric indicators of the coordinator summaries: (key, fixed label).
COMPUTERS_OLD_PCT = _("Computers older than 5 years (%)")
PROCEDURES_CONFIGURED_PCT = _("Procedures fully configured (%)")
TRAINED_PCT = _("Staff with some training (%)")
CERT_PCT = _("Staff holding a digital-signature certificate (%)")
DIGITISATION = ("records_digitised_pct", "records_online_pct", "procedures_configured_pct")
DISTRIBUTIONS = ("computers", "computers_old_pct", "tsl_bandwidth", "outages_per_month", "records_digitised_pct",
                 "records_online_pct", "procedures_configured_pct", "total_staff", "it_staff", "trained_pct",
                 "cert_pct")
DERIVED_LABELS = {"computers_old_pct": COMPUTERS_OLD_PCT, "procedures_configured_pct": PROCEDURES_CONFIGURED_PCT,
                  "trained_pct": TRAINED_PCT, "cert_pct": CERT_PCT}
# where each indicator's question is, for its label: the form
SOURCE_FORM = {"computers": INFRASTRUCTURE, "tsl_bandwidth": INFRASTRUCTURE, "outages_per_month": INFRASTRUCTURE,
               "records_digitised_pct": INFRASTRUCTURE, "records_online_pct": INFRASTRUCTURE,
               "total_staff": STAFFING, "it_staff": STAFFING}


def path(name: str) -> str:
    """"computers" -> "/data/equipment/computers"; a repeat or a top-level name as it is."""
    return f"{ROOT}/{PATHS.get(name, name)}"


def value(answers: Answers | None, name: str) -> str:
    return answers.values.get(path(name), "") if answers else ""


def figure(answers: Answers | None, name: str) -> float | None:
    return to_number(value(answers, name))


def share(part: float | None, whole: float | None) -> float | None:
    if part is None or not whole:
        return None
    found = part / whole * 100
    return found if math.isfinite(found) else None


def repeat_rows(answers: Answers | None, repeat: str) -> list[dict[str, str]]:
    """The rows of a repeat, in order: [{name: value}] from "/data/roster[2]/trainings"."""
    return list(answers.repeats.get(path(repeat), [])) if answers else []


def trained(row: dict[str, str]) -> bool:
    topics = row.get("trainings", "").split()
    return bool(topics) and "none" not in topics


def infrastructure_figures(answers: Answers | None) -> dict[str, float | None]:
    computers = figure(answers, "computers")
    return {
        "computers": computers,
        "computers_old": figure(answers, "computers_old"),
        "computers_old_pct": share(figure(answers, "computers_old"), computers),
        "tsl_bandwidth": figure(answers, "tsl_bandwidth"),
        "outages_per_month": figure(answers, "outages_per_month"),
        "records_digitised_pct": figure(answers, "records_digitised_pct"),
        "records_online_pct": figure(answers, "records_online_pct"),
        "procedures_configured_pct": share(figure(answers, "procedures_configured"),
                                           figure(answers, "procedures_total")),
    }


def staffing_figures(answers: Answers | None) -> dict[str, float | None]:
    roster = repeat_rows(answers, "roster")
    listed = len(roster) or None
    holders = sum(1 for row in roster if row.get("has_signature_cert") == "yes")
    return {
        "total_staff": figure(answers, "total_staff"),
        "it_staff": figure(answers, "it_staff"),
        "roster_count": len(roster) if answers else None,
        "trained_pct": share(sum(1 for row in roster if trained(row)), listed),
        "cert_pct": share(holders, listed),
    }


def training_coverage(answers: Answers | None, topics: list[str]) -> dict[str, float | None]:
    """Per training topic, the share (%) of the roster trained in it."""
    roster = repeat_rows(answers, "roster")
    return {topic: share(sum(1 for row in roster if topic in row.get("trainings", "").split()), len(roster) or None)
            for topic in topics}


def problems(infrastructure: Answers | None, minutes: Answers | None) -> set[str]:
    """The problem groups a commune reported: in the survey's problem list or as the
    group of an issue raised in the minutes ("none" and unset groups left out)."""
    found = set(value(infrastructure, "problems").split())
    found |= {row.get("issue_group", "") for row in repeat_rows(minutes, "issues")}
    return found - {"", "none"}
