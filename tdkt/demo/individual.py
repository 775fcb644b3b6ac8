"""Individual titles and awards for one year, following the rules in force that year.

- LĐTT to 97% of those rated HTTNV or better, not disciplined, not frozen in December, recruited
  long enough (10 months until 2023, 6 from 2024) and not absent too long without excuse.
- CSTĐCS to at most 15% of each issuer's LĐTT holders: until 2023 only with an initiative that
  year; from 2024 an HTXSNV rating suffices. The initiative is linked to the award it backs.
- CSTĐ ngành to about a third of those with three CSTĐCS in a row, with a sector initiative.
- Bằng khen of the Prosecutor General, of the Prime Minister and Huân chương Lao động hạng Ba
  rarely, each resting on the lower ones; the sector medal after 15 years of service.
"""

import datetime as dt
import math

from tdkt.catalog.models import CommendationKind
from tdkt.demo.facts import PersonFacts
from tdkt.demo.initiatives import InitiativeMaker
from tdkt.demo.ledger import Ledger
from tdkt.demo.people import PersonPlan, add_years
from tdkt.demo.plan import ROOT
from tdkt.org.models import UnitType
from tdkt.people.models import Position, TaskRating

GOOD = frozenset({TaskRating.HTXSNV, TaskRating.HTTNV})
FEATURED_INITIATIVE_YEARS = frozenset({2019, 2020, 2021})
CSTDCS_SHARE = 0.15
SERVICE_FOR_MEDAL = 15


class IndividualAwards:
    def __init__(self, ledger: Ledger, facts: list[PersonFacts]):
        self.ledger = ledger
        self.facts = facts
        self.rng = ledger.rng
        self.people = ledger.people
        self.initiatives = InitiativeMaker(ledger)
        self.medal_due = [self._medal_due(p, f) for p, f in zip(self.people, facts, strict=True)]
        self.medal_given: set[int] = set()

    def year(self, year: int) -> None:
        ldtt = self._ldtt(year)
        cstdcs = self._cstdcs(year, ldtt)
        self._cstd_sector(year, cstdcs)
        self._merit_certificates(year, ldtt)
        self._state_awards(year, ldtt)
        self._medal(year)
        self._pending_initiatives(year)

    # --- titles -----------------------------------------------------------------------------

    def _ldtt_eligible(self, person: PersonPlan, facts: PersonFacts, year: int) -> bool:
        if facts.ratings.get(year) not in GOOD or facts.disciplined_in(year):
            return False
        if facts.frozen_on(dt.date(year, 12, 15)):
            return False
        recruited_by = dt.date(year, 3, 1) if year <= 2023 else dt.date(year, 7, 1)
        absence_limit = 60 if year <= 2023 else 90
        return (
            person.recruitment_date <= recruited_by
            and facts.absence_days.get(year, 0) < absence_limit
        )

    def _ldtt(self, year: int) -> dict[str, list[PersonPlan]]:
        """Grant LĐTT; returns the holders grouped by the issuer that decided it."""
        holders: dict[str, list[PersonPlan]] = {}
        for person in self.people:
            if not self._ldtt_eligible(person, self.facts[person.index], year):
                continue
            if not person.featured and self.rng.random() >= 0.97:
                continue
            issuer = self.ledger.issuer_of(person.unit_on(dt.date(year, 12, 31)))
            day = self.ledger.december(issuer, year)
            self.ledger.grant_person("LDTT", person, year, issuer, day)
            holders.setdefault(issuer, []).append(person)
        return holders

    def _cstdcs(self, year: int, ldtt: dict[str, list[PersonPlan]]) -> list[PersonPlan]:
        winners: list[PersonPlan] = []
        for issuer in sorted(ldtt):
            members = ldtt[issuer]
            candidates = []
            for person in members:
                entry = self._cstdcs_candidate(person, year)
                if entry is not None:
                    candidates.append(entry)
            candidates.sort(key=lambda c: c[:3])
            cap = math.floor(CSTDCS_SHARE * len(members))
            if cap == 0 and candidates and candidates[0][0] is False:
                cap = 1
            day = self.ledger.december(issuer, year)
            for rank, (_, _, _, person, has_initiative) in enumerate(candidates):
                award = None
                if rank < cap:
                    award = self.ledger.grant_person("CSTDCS", person, year, issuer, day)
                    winners.append(person)
                if has_initiative:
                    self.initiatives.grassroots(person, year, used_for=award)
        return winners

    def _cstdcs_candidate(self, person: PersonPlan, year: int):
        """(not featured, not excellent, random key, person, has initiative) or None."""
        rating = self.facts[person.index].ratings[year]
        excellent = rating == TaskRating.HTXSNV
        if person.featured:
            has_initiative = year in FEATURED_INITIATIVE_YEARS
        elif year <= 2023:
            has_initiative = self.rng.random() < (0.55 if excellent else 0.07)
        else:
            has_initiative = excellent and self.rng.random() < 0.3
        eligible = has_initiative if year <= 2023 else excellent
        if not eligible:
            return None
        return (not person.featured, not excellent, self.rng.random(), person, has_initiative)

    def _cstd_sector(self, year: int, cstdcs: list[PersonPlan]) -> None:
        if year < 2018:
            return
        for person in cstdcs:
            index = person.index
            if not (
                self.ledger.has(index, "CSTDCS", year - 1)
                and self.ledger.has(index, "CSTDCS", year - 2)
            ):
                continue
            if any(y >= year - 2 for y in self.ledger.years_of(index, "CSTD_NGANH")):
                continue
            if person.featured or self.rng.random() < 0.35:
                day = self.ledger.december(ROOT, year)
                award = self.ledger.grant_person("CSTD_NGANH", person, year, ROOT, day)
                self.initiatives.sector(person, year, used_for=award)

    # --- forms ------------------------------------------------------------------------------

    def _merit_certificates(self, year: int, ldtt: dict[str, list[PersonPlan]]) -> None:
        """Bằng khen of the Prosecutor General: two years of CSTĐCS or of HTXSNV in a row."""
        day = self.ledger.december(ROOT, year)
        for issuer in sorted(ldtt):
            for person in ldtt[issuer]:
                index, ratings = person.index, self.facts[person.index].ratings
                if self.ledger.has(index, "CSTD_NGANH", year):
                    continue
                two_titles = self.ledger.has(index, "CSTDCS", year) and self.ledger.has(
                    index, "CSTDCS", year - 1
                )
                two_ratings = ratings.get(year) == ratings.get(year - 1) == TaskRating.HTXSNV
                if (two_titles or two_ratings) and (
                    (person.featured and year == 2022) or self.rng.random() < 0.05
                ):
                    self.ledger.grant_person("BK_NGANH", person, year, ROOT, day)

    def _good_years(self, person: PersonPlan, year: int) -> bool:
        ratings = self.facts[person.index].ratings
        window = [ratings[y] for y in range(year - 4, year + 1) if y in ratings]
        return len(window) >= 3 and all(r in GOOD for r in window)

    def _state_awards(self, year: int, ldtt: dict[str, list[PersonPlan]]) -> None:
        for issuer in sorted(ldtt):
            for person in ldtt[issuer]:
                self._prime_minister_certificate(person, year)
                self._labour_order(person, year)
        self._career_orders(year)

    def _prime_minister_certificate(self, person: PersonPlan, year: int) -> None:
        index = person.index
        if year < 2018 or self.ledger.years_of(index, "BK_TTG"):
            return
        if not any(y <= year - 2 for y in self.ledger.years_of(index, "BK_NGANH")):
            return
        titles = sum(1 for y in range(year - 4, year + 1) if self.ledger.has(index, "CSTDCS", y))
        if titles >= 2 and self._good_years(person, year) and self.rng.random() < 0.2:
            self.ledger.grant_person(
                "BK_TTG", person, year, "TTG", self.ledger.december("TTG", year)
            )

    def _labour_order(self, person: PersonPlan, year: int) -> None:
        index = person.index
        if year < 2020 or self.ledger.years_of(index, "HCLD3"):
            return
        if not any(y <= year - 3 for y in self.ledger.years_of(index, "BK_TTG")):
            return
        ratings = self.facts[index].ratings
        excellent = any(ratings.get(y) == TaskRating.HTXSNV for y in range(year - 4, year + 1))
        if excellent and self._good_years(person, year) and self.rng.random() < 0.3:
            self.ledger.grant_person(
                "HCLD3", person, year, "CTN", self.ledger.december("CTN", year)
            )

    def _career_orders(self, year: int) -> None:
        """Huân chương Lao động hạng Ba for long-serving heads of the larger units."""
        end = dt.date(year, 12, 31)
        tops = {UnitType.SUPREME, UnitType.SUPREME_UNIT, UnitType.PROVINCIAL}
        for person in self.people:
            if person.position not in (Position.VIEN_TRUONG, Position.THU_TRUONG):
                continue
            unit = person.unit_on(end)
            if unit is None or self.ledger.plan.by_code[unit].unit_type not in tops:
                continue
            if self.ledger.years_of(person.index, "HCLD3") or person.age_on(end) < 55:
                continue
            if (end - person.recruitment_date).days < 25 * 365 or self.rng.random() >= 0.2:
                continue
            self.ledger.grant_person(
                "HCLD3",
                person,
                year,
                "CTN",
                self.ledger.december("CTN", year),
                kind=CommendationKind.CONG_HIEN,
            )
            self.ledger.held[person.index].setdefault("HCLD3", set()).add(year)

    # --- the sector medal -------------------------------------------------------------------

    def _medal_due(self, person: PersonPlan, facts: PersonFacts) -> int:
        """The first July the person has 15 years of service, periods of discipline aside."""
        due = add_years(person.recruitment_date, SERVICE_FOR_MEDAL)
        year = due.year if due <= dt.date(due.year, 7, 26) else due.year + 1
        before = [d for d in facts.disciplines if d.decided_on < dt.date(year, 7, 26)]
        return year + len(before)

    def _medal(self, year: int) -> None:
        day = self.ledger.july(year)
        for person in self.people:
            index = person.index
            due = self.medal_due[index]
            if index in self.medal_given or due < 2016 or due > year:
                continue
            if person.unit_on(day) is None or self.facts[index].frozen_on(day):
                continue
            previous = self.facts[index].ratings.get(year - 1)
            allowed = GOOD if year >= 2025 else GOOD | {TaskRating.HTNV}
            if previous is not None and previous not in allowed:
                continue
            if person.featured or self.rng.random() < 0.95:
                self.ledger.grant_person(
                    "KNC_VSNKS", person, year, ROOT, day, kind=CommendationKind.CONG_HIEN
                )
                self.medal_given.add(index)

    def _pending_initiatives(self, year: int) -> None:
        if year != 2025:
            return
        end = dt.date(year, 12, 31)
        for person in self.people:
            if person.featured or person.unit_on(end) is None:
                continue
            if self.facts[person.index].ratings.get(year) in GOOD and self.rng.random() < 0.006:
                self.initiatives.pending(person, year)
