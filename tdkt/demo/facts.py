"""Yearly facts about each planned person, 2016–2025: ratings, absences, discipline, freezes.

Rates (per person and year): ratings ≈20% HTXSNV, 70% HTTNV, 9% HTNV, 1% KHTNV, shifted by a
personal ``talent``; maternity leave for some women, illness, training, injury on duty and other
absences; discipline ≈0.5%, mostly reprimand or warning for 12 months, with a rating of at most
HTNV that year; a few closed freezes, and a handful still open at the end of 2025.
"""

import datetime as dt
import random
from dataclasses import dataclass, field

from tdkt.demo.people import (
    DATA_END,
    FIRST_YEAR,
    LAST_YEAR,
    LEADER_POSITIONS,
    PersonPlan,
    random_date,
)
from tdkt.people.models import AbsenceReason, DisciplineLevel, FreezeReason, TaskRating

FEATURED_RATINGS = {
    2016: TaskRating.HTTNV,
    2017: TaskRating.HTXSNV,
    2018: TaskRating.HTTNV,
    2019: TaskRating.HTXSNV,
    2020: TaskRating.HTXSNV,
    2021: TaskRating.HTXSNV,
    2022: TaskRating.HTXSNV,
    2023: TaskRating.HTTNV,
    2024: TaskRating.HTXSNV,
    2025: TaskRating.HTTNV,
}
"""The featured person's record: three excellent years in a row, then more."""

UNEXCUSED = frozenset({AbsenceReason.ILLNESS, AbsenceReason.OTHER})
"""Absences that count against the Lao động tiên tiến title (others count as working time)."""

_DISCIPLINE_LEVELS = (
    (DisciplineLevel.KHIEN_TRACH, 55),
    (DisciplineLevel.CANH_CAO, 90),
    (DisciplineLevel.HA_BAC_LUONG, 96),
    (DisciplineLevel.GIANG_CHUC, 98.5),
    (DisciplineLevel.CACH_CHUC, 100),
)
_DISCIPLINE_REASONS = (
    "Vi phạm quy định về thời hạn giải quyết vụ án",
    "Thiếu trách nhiệm trong kiểm sát điều tra, để án bị trả hồ sơ nhiều lần",
    "Vi phạm quy tắc ứng xử của cán bộ, công chức ngành Kiểm sát",
    "Vi phạm quy chế nghiệp vụ kiểm sát",
    "Vi phạm quy định về kê khai tài sản, thu nhập",
    "Vi phạm nội quy, kỷ luật lao động của cơ quan",
)
_FREEZE_NOTES = {
    FreezeReason.INVESTIGATION: "Cơ quan có thẩm quyền đang xác minh, điều tra",
    FreezeReason.INSPECTION: "Đang trong đợt thanh tra, kiểm tra công vụ",
    FreezeReason.COMPLAINT: "Đang xác minh đơn khiếu nại, tố cáo",
    FreezeReason.DISCIPLINARY_REVIEW: "Đang xem xét xử lý kỷ luật",
}


@dataclass(slots=True)
class Discipline:
    level: str
    decided_on: dt.date
    start: dt.date
    end: dt.date
    reason: str
    decision: object = None
    """The ``decisions.Decision`` that imposed it, attached when awards are planned."""


@dataclass(slots=True)
class PersonFacts:
    """Everything known about one person's years; ``absence_days`` counts unexcused days."""

    ratings: dict[int, str] = field(default_factory=dict)
    absences: list[tuple[str, dt.date, dt.date]] = field(default_factory=list)
    disciplines: list[Discipline] = field(default_factory=list)
    freezes: list[tuple[str, dt.date, dt.date | None, str]] = field(default_factory=list)
    absence_days: dict[int, int] = field(default_factory=dict)

    def disciplined_in(self, year: int) -> bool:
        return any(d.decided_on.year == year for d in self.disciplines)

    def frozen_on(self, day: dt.date) -> bool:
        return any(
            start <= day and (end is None or day <= end) for _, start, end, _ in self.freezes
        )


def add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return dt.date(year, month, min(day.day, 28))


def rated_in(person: PersonPlan, year: int) -> bool:
    """Rated for ``year``: recruited by 30 September and still employed on 31 December."""
    return person.recruitment_date <= dt.date(year, 9, 30) and (
        person.leaving_date is None or person.leaving_date >= dt.date(year, 12, 31)
    )


class FactsBuilder:
    """Draws the facts of every person, in the order of the list, from one generator."""

    def __init__(self, rng: random.Random):
        self.rng = rng

    def build(self, people: list[PersonPlan]) -> list[PersonFacts]:
        facts = [self._person(person) for person in people]
        self._open_freezes(people, facts)
        return facts

    def _person(self, person: PersonPlan) -> PersonFacts:
        facts = PersonFacts()
        last_maternity = 0
        for year in range(FIRST_YEAR, LAST_YEAR + 1):
            if not person.employed_in(year):
                continue
            if not person.featured:
                last_maternity = self._absences(person, year, facts, last_maternity)
                self._discipline(person, year, facts)
                self._closed_freeze(person, year, facts)
            if rated_in(person, year):
                facts.ratings[year] = self._rating(person, year, facts)
        if person.featured:
            facts.absences.append(
                (AbsenceReason.TRAINING, dt.date(2022, 3, 7), dt.date(2022, 5, 27))
            )
        if person.leaving_reason == "DISMISSED":
            self._dismissal(person, facts)
        self._count_absence_days(facts)
        return facts

    def _rating(self, person: PersonPlan, year: int, facts: PersonFacts) -> str:
        if person.featured:
            return FEATURED_RATINGS[year]
        if facts.disciplined_in(year):
            return TaskRating.KHTNV if self.rng.random() < 0.2 else TaskRating.HTNV
        talent = person.talent * (1.25 if person.position in LEADER_POSITIONS else 1.0)
        roll = self.rng.random()
        excellent = 0.2 * talent
        if roll < excellent:
            return TaskRating.HTXSNV
        weak = max(0.0, 2.0 - talent)
        if roll < excellent + 0.01 * weak:
            return TaskRating.KHTNV
        if roll < excellent + 0.01 * weak + 0.09 * weak:
            return TaskRating.HTNV
        return TaskRating.HTTNV

    def _absences(self, person, year, facts, last_maternity) -> int:
        rng = self.rng
        first = max(person.start, dt.date(year, 1, 1))
        last = min(person.leaving_date or DATA_END, dt.date(year, 12, 31))
        if first > last:
            return last_maternity
        age = person.age_on(dt.date(year, 7, 1))
        fertile = person.gender == "F" and 22 <= age <= 42 and year - last_maternity >= 2
        if fertile and rng.random() < (0.08 if age <= 35 else 0.025):
            start = random_date(rng, first, last)
            self._add_absence(person, facts, AbsenceReason.MATERNITY, start, 182)
            last_maternity = year
        for reason, chance in (
            (AbsenceReason.ILLNESS, 0.05),
            (AbsenceReason.TRAINING, 0.03),
            (AbsenceReason.INJURY_ON_DUTY, 0.002),
            (AbsenceReason.OTHER, 0.006),
        ):
            if rng.random() < chance:
                start = random_date(rng, first, last)
                self._add_absence(person, facts, reason, start, self._length(reason))
        return last_maternity

    def _length(self, reason: str) -> int:
        rng = self.rng
        if reason == AbsenceReason.ILLNESS:
            return rng.randint(3, 20) if rng.random() < 0.8 else rng.randint(30, 120)
        if reason == AbsenceReason.TRAINING:
            return rng.randint(30, 180)
        if reason == AbsenceReason.INJURY_ON_DUTY:
            return rng.randint(10, 90)
        return rng.randint(5, 70)

    @staticmethod
    def _add_absence(person, facts, reason, start, days) -> None:
        end = start + dt.timedelta(days=days - 1)
        if person.leaving_date is not None:
            end = min(end, person.leaving_date)
        facts.absences.append((reason, start, end))

    def _discipline(self, person: PersonPlan, year: int, facts: PersonFacts) -> None:
        rng = self.rng
        if rng.random() >= 0.005:
            return
        first = max(person.start, dt.date(year, 2, 1))
        last = min(person.leaving_date or DATA_END, dt.date(year, 11, 30))
        if first > last:
            return
        decided = random_date(rng, first, last)
        level = rng.choices(
            [lv for lv, _ in _DISCIPLINE_LEVELS], cum_weights=[w for _, w in _DISCIPLINE_LEVELS]
        )[0]
        leader = person.position in LEADER_POSITIONS
        if level in (DisciplineLevel.GIANG_CHUC, DisciplineLevel.CACH_CHUC) and not leader:
            level = DisciplineLevel.CANH_CAO
        months = 18 if level in (DisciplineLevel.GIANG_CHUC, DisciplineLevel.CACH_CHUC) else 12
        end = add_months(decided, months) - dt.timedelta(days=1)
        facts.disciplines.append(
            Discipline(level, decided, decided, end, rng.choice(_DISCIPLINE_REASONS))
        )
        if rng.random() < 0.5:
            review = decided - dt.timedelta(days=rng.randint(20, 90))
            if review >= person.start:
                facts.freezes.append(
                    (
                        FreezeReason.DISCIPLINARY_REVIEW,
                        review,
                        decided - dt.timedelta(days=1),
                        _FREEZE_NOTES[FreezeReason.DISCIPLINARY_REVIEW],
                    )
                )

    def _dismissal(self, person: PersonPlan, facts: PersonFacts) -> None:
        day = person.leaving_date
        facts.disciplines.append(
            Discipline(
                DisciplineLevel.BUOC_THOI_VIEC,
                day,
                day,
                day,
                "Vi phạm nghiêm trọng, không còn đủ tư cách công chức",
            )
        )

    def _closed_freeze(self, person: PersonPlan, year: int, facts: PersonFacts) -> None:
        rng = self.rng
        if rng.random() >= 0.0015:
            return
        reason = rng.choices(
            (FreezeReason.INSPECTION, FreezeReason.COMPLAINT, FreezeReason.INVESTIGATION),
            cum_weights=(45, 90, 100),
        )[0]
        first = max(person.start, dt.date(year, 2, 1))
        last = min(person.leaving_date or DATA_END, dt.date(year, 10, 31))
        if first > last:
            return
        start = random_date(rng, first, last)
        end = min(start + dt.timedelta(days=rng.randint(30, 180)), dt.date(2025, 11, 30))
        if end > start:
            facts.freezes.append((reason, start, end, _FREEZE_NOTES[reason]))

    def _open_freezes(self, people: list[PersonPlan], facts: list[PersonFacts]) -> None:
        """A handful (at least two) of current staff under a freeze still open today."""
        candidates = [
            p.index
            for p in people
            if p.leaving_date is None and not p.featured and not facts[p.index].freezes
        ]
        count = min(len(candidates), max(2, round(len(candidates) * 0.0008)))
        for index in self.rng.sample(candidates, count):
            reason = self.rng.choice(list(FreezeReason))
            start = random_date(self.rng, dt.date(2025, 8, 1), dt.date(2025, 12, 10))
            facts[index].freezes.append((reason, start, None, _FREEZE_NOTES[reason]))

    @staticmethod
    def _count_absence_days(facts: PersonFacts) -> None:
        for reason, start, end in facts.absences:
            if reason not in UNEXCUSED:
                continue
            for year in range(start.year, end.year + 1):
                first = max(start, dt.date(year, 1, 1))
                last = min(end, dt.date(year, 12, 31))
                facts.absence_days[year] = facts.absence_days.get(year, 0) + (last - first).days + 1
