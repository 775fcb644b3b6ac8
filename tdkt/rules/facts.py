"""The facts a rule reads: plain frozen dataclasses, built in bulk from the database by
``tdkt.rules.histories`` or read from a JSON/YAML case file by ``tdkt.rules.cases``.

Nothing here imports the ORM, so rules are pure functions of these values.
"""

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

RATING_ORDER = {"HTXSNV": 3, "HTTNV": 2, "HTNV": 1, "KHTNV": 0}
"""Task ratings, best highest."""

DISCIPLINE_ORDER = {
    "KHIEN_TRACH": 1,
    "CANH_CAO": 2,
    "HA_BAC_LUONG": 3,
    "GIANG_CHUC": 4,
    "CACH_CHUC": 5,
    "BUOC_THOI_VIEC": 6,
}
"""Disciplinary measures, lightest lowest."""

MERIT_KIND = "CONG_TRANG"
"""Only merit awards (*công trạng*) feed higher merit awards (NĐ 98/2023 Art 4(3))."""

SCOPE_ORDER = {"CO_SO": 1, "NGANH": 2, "TOAN_QUOC": 3}
"""How far an initiative's effect reaches, narrowest lowest."""


@dataclass(frozen=True)
class AwardFact:
    """A title or award already granted to the subject."""

    code: str
    year: int
    kind: str = MERIT_KIND
    decision_number: str = ""
    decision_date: dt.date | None = None
    revoked: bool = False
    id: str = ""

    @property
    def counts_for_merit(self) -> bool:
        """Stands (not revoked) and is of the merit kind, so it may serve higher awards."""
        return not self.revoked and self.kind == MERIT_KIND


def awards_by_code(awards) -> dict[str, tuple[AwardFact, ...]]:
    """``awards`` grouped by code, each group in the given order (what ``awards_of`` reads:
    rules ask for one code's awards many times per subject)."""
    grouped: dict[str, list[AwardFact]] = {}
    for award in awards:
        grouped.setdefault(award.code, []).append(award)
    return {code: tuple(group) for code, group in grouped.items()}


def merit_years_by_code(awards: dict[str, tuple[AwardFact, ...]]) -> dict[str, frozenset[int]]:
    """For each code of ``awards`` (grouped by code), the years of its standing merit awards."""
    return {
        code: frozenset(a.year for a in group if a.counts_for_merit)
        for code, group in awards.items()
    }


NO_YEARS: frozenset[int] = frozenset()


@dataclass(frozen=True)
class InitiativeFact:
    """An initiative the subject authored. ``effect_scope`` None means never recorded."""

    id: str
    title: str
    year: int
    recognised_on: dt.date | None = None
    effect_scope: str | None = None
    used_for_award: str = ""
    """Id of the award this initiative already backed ('' when unused)."""


@dataclass(frozen=True)
class Absence:
    reason: str
    start: dt.date
    end: dt.date


@dataclass(frozen=True)
class Discipline:
    level: str
    decided_on: dt.date
    start: dt.date
    end: dt.date


@dataclass(frozen=True)
class Freeze:
    reason: str
    start: dt.date
    end: dt.date | None = None

    def open_on(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or self.end >= day)


@dataclass(frozen=True)
class PersonHistory:
    """One person's history as the rules see it."""

    id: str
    name: str
    recruitment_date: dt.date
    leaving_date: dt.date | None = None
    ratings: dict[int, str] = field(default_factory=dict)
    awards: tuple[AwardFact, ...] = ()
    initiatives: tuple[InitiativeFact, ...] = ()
    absences: tuple[Absence, ...] = ()
    disciplines: tuple[Discipline, ...] = ()
    freezes: tuple[Freeze, ...] = ()
    unit_id: str = ""

    def awards_of(self, code: str) -> tuple[AwardFact, ...]:
        return self._awards_by_code.get(code, ())

    def merit_years(self, code: str) -> frozenset[int]:
        """Years in which ``code`` was awarded as a merit award that still stands."""
        return self._merit_years_by_code.get(code, NO_YEARS)

    @cached_property
    def _awards_by_code(self) -> dict[str, tuple[AwardFact, ...]]:
        return awards_by_code(self.awards)

    @cached_property
    def _merit_years_by_code(self) -> dict[str, frozenset[int]]:
        return merit_years_by_code(self._awards_by_code)


@dataclass(frozen=True)
class MemberStats:
    """A collective's members' results for one year (computed from their own histories)."""

    members: int
    completed: int
    """Members rated HTNV or better."""
    advanced: int
    """Members awarded (or eligible for) LĐTT."""
    fighters: int
    """Members awarded CSTĐCS."""
    warned_or_worse: int
    """Members disciplined at cảnh cáo or above during the year."""


@dataclass(frozen=True)
class UnitHistory:
    """One collective's history as the rules see it."""

    id: str
    name: str
    unit_type: str
    ratings: dict[int, str] = field(default_factory=dict)
    """The unit's own task rating per year, when recorded."""
    awards: tuple[AwardFact, ...] = ()
    members: dict[int, MemberStats] = field(default_factory=dict)
    cluster_leader: dict[int, bool] = field(default_factory=dict)
    """Whether the unit was voted the leading unit of its cluster or block that year."""
    freezes: tuple[Freeze, ...] = ()

    def awards_of(self, code: str) -> tuple[AwardFact, ...]:
        return self._awards_by_code.get(code, ())

    def merit_years(self, code: str) -> frozenset[int]:
        """Years in which ``code`` was awarded as a merit award that still stands."""
        return self._merit_years_by_code.get(code, NO_YEARS)

    @cached_property
    def _awards_by_code(self) -> dict[str, tuple[AwardFact, ...]]:
        return awards_by_code(self.awards)

    @cached_property
    def _merit_years_by_code(self) -> dict[str, frozenset[int]]:
        return merit_years_by_code(self._awards_by_code)
