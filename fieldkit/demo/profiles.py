"""Each demo commune's situation, drawn once from a seeded generator: how remote it is,
its signal, network, equipment and staff. The three forms' answers are read from it
(fieldkit.demo.answers), so they agree with each other: a commune with no IT officer
lists the staff shortage among its problems, and its minutes raise it."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from fieldkit.communes import Commune
from fieldkit.demo.people import people

SEED = 2026  # the same demo on every machine, every run
TOWN, CENTRE, REMOTE = "town", "centre", "remote"
SIGNALS = ("none", "weak", "usable", "good")
# The seats of the former districts: market towns, better served than the mountain communes
DISTRICT_SEATS = {"Xã Bình Lư", "Xã Mường Tè", "Xã Sìn Hồ", "Xã Phong Thổ", "Xã Than Uyên", "Xã Tân Uyên",
                  "Xã Pa Tần"}


@dataclass(frozen=True)
class Profile:
    commune: Commune
    visit_date: dt.date
    kind: str  # TOWN (a ward), CENTRE (a former district's seat), REMOTE (mountain, border)
    office_signal: str  # mobile and fixed internet at the commune office: one of SIGNALS
    residential_signal: str
    remote_signal: str | None  # None: the commune has no remote hamlets
    hamlets_no_signal: int
    bandwidth: int | None  # the dedicated government network, Mbps; None: not connected
    outages: int  # power cuts a month
    computers: int
    computers_old: int  # older than five years
    signature_tokens: int
    db_failures: tuple[str, ...]  # the databases whose connection fails
    eforms: str  # are the e-forms accurate: yes / partly / no
    total_staff: int
    it_staff: int
    chairperson: str
    staff: tuple[str, ...]  # the other staff the delegation met, for the roster and the minutes

    @property
    def weak_signal(self) -> bool:
        return self.office_signal in ("none", "weak") or self.residential_signal == "none" \
            or self.hamlets_no_signal > 2

    @property
    def old_computers(self) -> bool:
        return self.computers_old * 2 >= self.computers


def rng_for(*names: str) -> random.Random:
    """A generator of its own for each commune and form: adding a form, or a commune,
    leaves every other one's answers as they were."""
    return random.Random(":".join((str(SEED), *names)))


def kind_of(commune: Commune, rng: random.Random) -> str:
    if commune.division == "phường":
        return TOWN
    return CENTRE if commune.name in DISTRICT_SEATS or rng.random() < 0.2 else REMOTE


def signal_between(rng: random.Random, lowest: str, highest: str) -> str:
    return SIGNALS[rng.randint(SIGNALS.index(lowest), SIGNALS.index(highest))]


def profile(commune: Commune, visit_date: dt.date) -> Profile:
    rng = rng_for(commune.code, "profile")
    kind = kind_of(commune, rng)
    far = {TOWN: 0, CENTRE: 1, REMOTE: 2}[kind]
    computers = rng.randint(*((24, 36), (14, 24), (6, 14))[far])
    connected = far < 2 or rng.random() < 0.6
    names = people(rng, 5)
    return Profile(
        commune=commune, visit_date=visit_date, kind=kind,
        office_signal=signal_between(rng, ("usable", "usable", "weak")[far], "good"),
        residential_signal=signal_between(rng, ("usable", "weak", "none")[far], ("good", "good", "usable")[far]),
        remote_signal=None if far == 0 else signal_between(rng, "none", ("good", "usable", "weak")[far]),
        hamlets_no_signal=(0, rng.randint(0, 2), rng.randint(0, 8))[far],
        bandwidth=rng.choice(((100, 200), (40, 100), (10, 20, 40))[far]) if connected else None,
        outages=rng.randint(*((0, 1), (1, 4), (2, 9))[far]),
        computers=computers, computers_old=round(computers * rng.uniform(*((0.1, 0.4), (0.25, 0.6), (0.3, 0.85))[far])),
        signature_tokens=rng.randint(*((6, 9), (4, 6), (2, 5))[far]),
        db_failures=rng.choice(((), ("sector_software",)) if far == 0 else
                               ((), (), ("civil_status",), ("civil_status", "population"), ("vneid",))),
        eforms=rng.choice((("yes",), ("yes", "partly"), ("yes", "yes", "partly", "no"))[far]),
        total_staff=rng.randint(*((36, 45), (30, 40), (24, 33))[far]),
        it_staff=(2, 1, rng.choice((0, 1, 1)))[far],
        chairperson=names[0], staff=tuple(names[1:]))
