"""The planned register: awards and initiatives before they are written, with shared helpers.

Decision days are drawn once per issuer and year, so every title an issuer grants for a year
shares its December conference date (the sector medal is decided in July).
"""

import datetime as dt
import random
from dataclasses import dataclass, field

from tdkt.catalog.models import CommendationKind
from tdkt.demo.decisions import Decision, DecisionBook
from tdkt.demo.people import PersonPlan, random_date
from tdkt.demo.plan import ROOT, OrgPlan


@dataclass(slots=True)
class AwardRecord:
    award_type: str
    year: int
    kind: str
    decision: Decision
    holder_unit: str
    person: int | None = None
    unit: str | None = None
    revoked_on: dt.date | None = None
    revocation_reason: str = ""
    pk: int | None = None


@dataclass(slots=True)
class InitiativeRecord:
    title: str
    unit: str
    year: int
    recognised_on: dt.date | None
    recognising_body: str
    effect_scope: str
    authors: list[int]
    used_for: AwardRecord | None = None


_DECEMBER_DAYS = {ROOT: (20, 30), "TTG": (15, 30), "CTN": (5, 28)}


@dataclass
class Ledger:
    plan: OrgPlan
    people: list[PersonPlan]
    rng: random.Random
    book: DecisionBook
    awards: list[AwardRecord] = field(default_factory=list)
    initiatives: list[InitiativeRecord] = field(default_factory=list)
    held: list[dict[str, set[int]]] = field(default_factory=list)
    """Per person: award code → years of regular (công trạng) awards."""
    _days: dict[tuple[str, int, str], dt.date] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.held = [{} for _ in self.people]

    def december(self, issuer: str, year: int) -> dt.date:
        """The day ``issuer`` signs its year-end decisions for ``year``."""
        key = (issuer, year, "12")
        if key not in self._days:
            first, last = _DECEMBER_DAYS.get(issuer, (10, 28))
            self._days[key] = dt.date(year, 12, self.rng.randint(first, last))
        return self._days[key]

    def july(self, year: int) -> dt.date:
        """The day the sector medal is decided, before the sector's day (26 July)."""
        key = (ROOT, year, "07")
        if key not in self._days:
            self._days[key] = dt.date(year, 7, self.rng.randint(5, 22))
        return self._days[key]

    def ad_hoc_day(self, year: int) -> dt.date:
        return random_date(self.rng, dt.date(year, 2, 1), dt.date(year, 11, 30))

    def issuer_of(self, unit_code: str, *, collective: bool = False) -> str:
        spec = self.plan.by_code[unit_code]
        return spec.collective_issuer if collective else spec.issuer

    def grant_person(
        self,
        code: str,
        person: PersonPlan,
        year: int,
        issuer: str,
        day: dt.date,
        kind: str = CommendationKind.CONG_TRANG,
    ) -> AwardRecord:
        """Record ``code`` for ``person``; the holder unit is their unit on ``day``."""
        holder = person.unit_on(day)
        if holder is None:
            raise ValueError(f"{person.code} is not employed on {day}")
        record = AwardRecord(
            code,
            year,
            kind,
            self.book.decision(issuer, day, f"{code}-{kind}"),
            holder,
            person=person.index,
        )
        self.awards.append(record)
        if kind == CommendationKind.CONG_TRANG:
            self.held[person.index].setdefault(code, set()).add(year)
        return record

    def grant_unit(
        self,
        code: str,
        unit: str,
        year: int,
        issuer: str,
        day: dt.date,
        kind: str = CommendationKind.CONG_TRANG,
    ) -> AwardRecord:
        record = AwardRecord(
            code, year, kind, self.book.decision(issuer, day, f"{code}-{kind}"), unit, unit=unit
        )
        self.awards.append(record)
        return record

    def has(self, person: int, code: str, year: int) -> bool:
        return year in self.held[person].get(code, ())

    def years_of(self, person: int, code: str) -> set[int]:
        return self.held[person].get(code, set())
