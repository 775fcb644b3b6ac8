"""Ten years of the register: individual and collective awards, initiatives, decisions.

``plan_awards`` walks 2016–2025 in order and returns a ``Ledger`` whose decisions are numbered.
Besides the regular (công trạng) titles it adds a few ad hoc (đột xuất) and thematic (chuyên đề)
awards each year, and revokes about 0.2% of individual awards later on. Disciplinary decisions
are numbered in the same registers as the issuers' award decisions.
"""

import datetime as dt
import random

from tdkt.catalog.models import CommendationKind
from tdkt.demo.collective import CollectiveAwards
from tdkt.demo.decisions import DecisionBook
from tdkt.demo.facts import PersonFacts
from tdkt.demo.individual import IndividualAwards
from tdkt.demo.ledger import Ledger
from tdkt.demo.names import NameMaker
from tdkt.demo.people import FIRST_YEAR, LAST_YEAR, PersonPlan
from tdkt.demo.plan import ROOT, OrgPlan

REVOCATION_RATE = 0.002
_REVOCATION_REASONS = (
    "Phát hiện kê khai thành tích không trung thực",
    "Hồ sơ đề nghị khen thưởng không đúng sự thật",
    "Phát hiện vi phạm trong thời gian đạt thành tích",
    "Bị kỷ luật về hành vi xảy ra trước thời điểm khen thưởng",
)
_SPECIAL = (
    # kind, share of employed staff per year, chance of the Prosecutor General's certificate
    (CommendationKind.DOT_XUAT, 0.0015, 0.35),
    (CommendationKind.CHUYEN_DE, 0.002, 0.5),
)


def plan_awards(
    plan: OrgPlan, people: list[PersonPlan], facts: list[PersonFacts], rng: random.Random
) -> Ledger:
    """Every award and initiative of 2016–2025, with numbered decisions."""
    ledger = Ledger(plan, people, rng, DecisionBook(plan.issuers, rng, NameMaker(rng)))
    individual = IndividualAwards(ledger, facts)
    collective = CollectiveAwards(ledger)
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        individual.year(year)
        _special_awards(ledger, facts, year)
        collective.year(year)
    _revoke(ledger)
    _discipline_decisions(ledger, facts)
    ledger.book.finalise()
    return ledger


def _special_awards(ledger: Ledger, facts: list[PersonFacts], year: int) -> None:
    rng, people = ledger.rng, ledger.people
    employed = [p for p in people if p.unit_on(dt.date(year, 6, 30)) is not None]
    for kind, share, sector_chance in _SPECIAL:
        wanted = int(len(employed) * share + rng.random())
        for person in rng.sample(employed, min(wanted, len(employed))):
            day = ledger.ad_hoc_day(year)
            unit = person.unit_on(day)
            if unit is None or facts[person.index].frozen_on(day):
                continue
            if facts[person.index].disciplined_in(year):
                continue
            if rng.random() < sector_chance:
                ledger.grant_person("BK_NGANH", person, year, ROOT, day, kind=kind)
            else:
                ledger.grant_person("GK", person, year, ledger.issuer_of(unit), day, kind=kind)
        _special_unit_awards(ledger, year, kind, sector_chance)


def _special_unit_awards(ledger: Ledger, year: int, kind: str, sector_chance: float) -> None:
    rng = ledger.rng
    day = ledger.ad_hoc_day(year)
    units = [
        spec
        for spec in ledger.plan.units
        if spec.is_valid_on(day) and spec.code != ROOT and spec.unit_type != "SUPREME"
    ]
    for spec in rng.sample(units, rng.randint(2, 5)):
        if rng.random() < sector_chance:
            ledger.grant_unit("BK_NGANH", spec.code, year, ROOT, day, kind=kind)
        else:
            issuer = ledger.issuer_of(spec.code, collective=True)
            ledger.grant_unit("GK", spec.code, year, issuer, day, kind=kind)


def _revoke(ledger: Ledger) -> None:
    rng = ledger.rng
    for award in ledger.awards:
        if award.person is None or rng.random() >= REVOCATION_RATE:
            continue
        award.revoked_on = award.decision.date + dt.timedelta(days=rng.randint(60, 540))
        award.revocation_reason = rng.choice(_REVOCATION_REASONS)


def _discipline_decisions(ledger: Ledger, facts: list[PersonFacts]) -> None:
    for person, person_facts in zip(ledger.people, facts, strict=True):
        for number, discipline in enumerate(person_facts.disciplines):
            unit = person.unit_on(discipline.decided_on) or person.unit
            issuer = ledger.issuer_of(unit)
            discipline.decision = ledger.book.decision(
                issuer, discipline.decided_on, f"KL-{person.index}-{number}"
            )
