"""Synthetic staff: who they are, where they worked over the ten years, and in which post.

Every person is planned in memory (``PersonPlan``) before anything is written. Current staff
are spread over today's units in proportion to each unit's expected staff; people who left
during 2016–2025 are spread the same way. Someone whose unit ended on 30/6/2025 is moved on
1/7/2025 to the unit that took it over, so ``Person.unit`` is always the last unit.
"""

import bisect
import datetime as dt
import itertools
import random
from dataclasses import dataclass, field

from tdkt.demo.names import FEATURED_NAME, NameMaker
from tdkt.demo.plan import LAST_DAY_BEFORE_REFORM, OrgPlan, UnitSpec
from tdkt.org.models import RECORDS_START, REFORM_2025, UnitType
from tdkt.people.models import Gender, Position, Rank

STAFF_AT_SCALE_1 = 16_000
LEAVER_SHARE = 0.25
"""People who left during 2016–2025, as a share of current staff (retirement and moves)."""
DATA_END = dt.date(2025, 12, 31)
FIRST_YEAR, LAST_YEAR = 2016, 2025
FEATURED_UNIT = "T-HN"
FEATURED_CODE = "CB000001"
"""Đặng Văn Đức is planned first, so he always has the first code."""
TRANSFER_SHARE = 0.12

HEAD, DEPUTY, STAFF = 0, 1, 2

_POSITION_OF_STAFF = {
    "KSV": Position.KIEM_SAT_VIEN,
    "KTV": Position.KIEM_TRA_VIEN,
    "CV": Position.CHUYEN_VIEN,
    "NV": Position.NHAN_VIEN,
    "DTV": Position.DIEU_TRA_VIEN,
}
_STAFF_MIX = {
    # profile: (staff kinds, cumulative weights)
    "prof": (("KSV", "KTV", "CV", "NV"), (55, 80, 93, 100)),
    "admin": (("CV", "KTV", "NV"), (60, 75, 100)),
    "invest": (("DTV", "CV", "NV"), (70, 90, 100)),
    "media": (("CV", "NV"), (80, 100)),
    "leaders": (("KSV",), (1,)),
}
_MAX_DEPUTIES = {
    UnitType.SUPREME: 5,
    UnitType.PROVINCIAL: 3,
    UnitType.HIGH: 3,
    UnitType.DISTRICT: 2,
    UnitType.AREA: 3,
    UnitType.SUPREME_UNIT: 3,
    UnitType.DIVISION: 2,
    UnitType.MILITARY_CENTRAL: 2,
    UnitType.MILITARY_REGION: 2,
    UnitType.MILITARY_AREA: 1,
}
LEADER_POSITIONS = frozenset(
    {
        Position.VIEN_TRUONG,
        Position.PHO_VIEN_TRUONG,
        Position.THU_TRUONG,
        Position.PHO_THU_TRUONG,
        Position.TRUONG_PHONG,
        Position.PHO_TRUONG_PHONG,
    }
)


@dataclass(slots=True)
class Segment:
    """A period in one unit and post; ``end`` None means still there."""

    unit: str
    position: str
    start: dt.date
    end: dt.date | None


@dataclass(slots=True)
class PersonPlan:
    index: int
    full_name: str
    gender: str
    date_of_birth: dt.date
    recruitment_date: dt.date
    home: str
    """Today's unit of current staff; for leavers, today's unit that took over their unit."""
    staff_kind: str
    talent: float
    leaving_date: dt.date | None = None
    leaving_reason: str = ""
    level: int = STAFF
    pre_level: int = STAFF
    featured: bool = False
    code: str = ""
    rank: str = ""
    segments: list[Segment] = field(default_factory=list)
    pk: int | None = None

    @property
    def unit(self) -> str:
        return self.segments[-1].unit

    @property
    def position(self) -> str:
        return self.segments[-1].position

    @property
    def start(self) -> dt.date:
        return max(self.recruitment_date, RECORDS_START)

    def unit_on(self, day: dt.date) -> str | None:
        """The unit the person belonged to on ``day``, or None when not employed."""
        for segment in self.segments:
            if segment.start <= day and (segment.end is None or day <= segment.end):
                return segment.unit
        return None

    def employed_in(self, year: int) -> bool:
        return self.start <= dt.date(year, 12, 31) and (
            self.leaving_date is None or self.leaving_date >= dt.date(year, 1, 1)
        )

    def age_on(self, day: dt.date) -> int:
        born = self.date_of_birth
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def random_date(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    """A uniform date between ``first`` and ``last`` (both included)."""
    return first + dt.timedelta(days=rng.randrange((last - first).days + 1))


def add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def spread(weights: list[tuple[str, float]], count: int, rng: random.Random) -> list[str]:
    """``count`` units drawn by systematic sampling: each unit gets its expected share rounded
    up or down, so small scales still touch many units and large scales match the weights."""
    if count <= 0:
        return []
    cumulative = list(itertools.accumulate(weight for _, weight in weights))
    step = cumulative[-1] / count
    offset = rng.random() * step
    return [weights[bisect.bisect_right(cumulative, offset + i * step)][0] for i in range(count)]


class PeopleBuilder:
    """Plans all persons for one organisation plan; use ``build()``."""

    def __init__(self, plan: OrgPlan, rng: random.Random, scale: float):
        self.plan = plan
        self.rng = rng
        self.names = NameMaker(rng)
        self.scale = scale
        self.people: list[PersonPlan] = []
        self.pools = plan.pools()
        self.pool_of = {code: pool for pool, codes in self.pools.items() for code in codes}

    def build(self) -> list[PersonPlan]:
        weights = [(spec.code, spec.staff) for spec in self.plan.units if spec.staff > 0]
        current = max(1, round(STAFF_AT_SCALE_1 * self.scale))
        self._add_featured()
        for home in spread(weights, current, self.rng):
            self.people.append(self._current_person(home))
        for home in spread(weights, round(current * LEAVER_SHARE), self.rng):
            self.people.append(self._leaver(home))
        self._assign_home_levels()
        for person in self.people[1:]:
            person.segments = self._timeline(person)
        self._assign_pre_reform_levels()
        for person in self.people:
            self._set_positions(person)
            person.rank = Rank.KSV_TRUNG_CAP if person.featured else self._rank(person)
        for number, person in enumerate(self.people, start=1):
            person.code = f"CB{number:06d}"
        return self.people

    # --- who the people are -------------------------------------------------------------

    def _new(self, home: str, gender: str, born: dt.date, recruited: dt.date) -> PersonPlan:
        spec = self.plan.by_code[home]
        kinds, cumulative = _STAFF_MIX[spec.profile]
        talent = self.rng.choices((0.4, 0.8, 1.0, 1.3, 1.8), cum_weights=(15, 40, 70, 90, 100))[0]
        return PersonPlan(
            index=len(self.people),
            full_name=self.names.full_name(gender),
            gender=gender,
            date_of_birth=born,
            recruitment_date=recruited,
            home=home,
            staff_kind=self.rng.choices(kinds, cum_weights=cumulative)[0],
            talent=talent,
        )

    def _current_person(self, home: str) -> PersonPlan:
        gender = Gender.MALE if self.rng.random() < 0.58 else Gender.FEMALE
        oldest = 60 if gender == Gender.MALE else 55
        age = self.rng.triangular(24, oldest, 40)
        born = random_date(
            self.rng, dt.date(2025 - int(age), 1, 1), dt.date(2025 - int(age), 12, 28)
        )
        recruited = born + dt.timedelta(days=int(365.25 * (22 + self.rng.triangular(0, 10, 2))))
        if recruited > dt.date(2025, 11, 30):
            recruited = random_date(self.rng, dt.date(2024, 1, 1), dt.date(2025, 11, 30))
        return self._new(home, gender, born, recruited)

    def _leaver(self, home: str) -> PersonPlan:
        left = random_date(self.rng, dt.date(FIRST_YEAR, 1, 15), dt.date(LAST_YEAR, 12, 30))
        roll = self.rng.random()
        if roll < 0.55:
            gender = Gender.MALE if self.rng.random() < 0.6 else Gender.FEMALE
            age = 60 if gender == Gender.MALE else 55
            born = add_years(left, -age) - dt.timedelta(days=self.rng.randrange(1, 90))
            reason = "RETIRED"
        else:
            gender = Gender.MALE if self.rng.random() < 0.55 else Gender.FEMALE
            born = add_years(left, -self.rng.randint(27, 50)) - dt.timedelta(
                days=self.rng.randrange(365)
            )
            reason = "DISMISSED" if roll > 0.99 else "MOVED"
        earliest = add_years(born, 22)
        latest = min(add_years(born, 32), left - dt.timedelta(days=400))
        recruited = random_date(self.rng, earliest, max(earliest, latest))
        person = self._new(home, gender, born, min(recruited, left - dt.timedelta(days=30)))
        person.leaving_date, person.leaving_reason = left, reason
        return person

    def _add_featured(self) -> None:
        """Đặng Văn Đức: a procurator of the Hà Nội procuracy with a full ten-year history."""
        person = PersonPlan(
            index=0,
            full_name=FEATURED_NAME,
            gender=Gender.MALE,
            date_of_birth=dt.date(1983, 5, 12),
            recruitment_date=dt.date(2008, 3, 1),
            home=FEATURED_UNIT,
            staff_kind="KSV",
            talent=1.8,
            featured=True,
        )
        person.segments = [
            Segment("H-HN-BADINH", Position.KIEM_SAT_VIEN, RECORDS_START, dt.date(2018, 12, 31)),
            Segment(FEATURED_UNIT, Position.KIEM_SAT_VIEN, dt.date(2019, 1, 1), None),
        ]
        self.people.append(person)

    # --- posts ---------------------------------------------------------------------------

    def _assign_home_levels(self) -> None:
        """One head per unit of today and a few deputies, chosen among the most senior."""
        by_unit: dict[str, list[PersonPlan]] = {}
        for person in self.people:
            if person.leaving_date is None and not person.featured:
                by_unit.setdefault(person.home, []).append(person)
        for code, members in by_unit.items():
            self._set_levels(self.plan.by_code[code], members)

    def _set_levels(self, spec: UnitSpec, members: list[PersonPlan]) -> None:
        senior = sorted(members, key=lambda p: (p.recruitment_date, p.index))
        pool = senior[: max(1, (len(senior) + 2) // 3)]
        head = pool[self.rng.randrange(len(pool))]
        head.level = HEAD
        if spec.profile == "leaders":
            deputies = _MAX_DEPUTIES[spec.unit_type]
        else:
            deputies = min(_MAX_DEPUTIES[spec.unit_type], round(len(members) / 10))
        for person in [p for p in senior if p is not head][:deputies]:
            person.level = DEPUTY

    def _assign_pre_reform_levels(self) -> None:
        """Give each unit that ended on 30/6/2025 a head (and a deputy) among its staff."""
        members: dict[str, list[PersonPlan]] = {}
        for person in self.people:
            for segment in person.segments:
                spec = self.plan.by_code[segment.unit]
                if spec.valid_to == LAST_DAY_BEFORE_REFORM and segment is self._main_pre(person):
                    members.setdefault(segment.unit, []).append(person)
        for group in members.values():
            for person in group:
                person.pre_level = STAFF if person.level == STAFF else DEPUTY
            ranked = sorted(
                group,
                key=lambda p: (p.level, p.leaving_date is not None, p.recruitment_date, p.index),
            )
            ranked[0].pre_level = HEAD
            if len(group) >= 6 and all(p.pre_level != DEPUTY for p in group):
                ranked[1].pre_level = DEPUTY

    def _main_pre(self, person: PersonPlan) -> Segment | None:
        """The segment ending on 30/6/2025, or the last one of someone who left before."""
        for segment in person.segments:
            if segment.end == LAST_DAY_BEFORE_REFORM:
                return segment
        last = person.segments[-1]
        if person.leaving_date is not None and person.leaving_date < REFORM_2025:
            return last
        return None

    def _set_positions(self, person: PersonPlan) -> None:
        if person.featured:
            return
        main_pre = self._main_pre(person)
        for segment in person.segments:
            spec = self.plan.by_code[segment.unit]
            if segment is main_pre and spec.valid_to == LAST_DAY_BEFORE_REFORM:
                level = person.pre_level
            elif segment is person.segments[-1] and segment.unit == person.home:
                level = person.level if person.leaving_date is None else STAFF
            else:
                level = STAFF
            segment.position = position_for(spec, level, person.staff_kind)

    def _rank(self, person: PersonPlan) -> str:
        today = person.leaving_date or DATA_END
        service = (today - person.recruitment_date).days / 365.25
        position = person.position
        if position in LEADER_POSITIONS:
            spec = self.plan.by_code[person.unit]
            high = spec.unit_type in {UnitType.SUPREME, UnitType.SUPREME_UNIT, UnitType.PROVINCIAL}
            if spec.profile == "admin":
                return Rank.CV_CAO_CAP if high else Rank.CV_CHINH
            return Rank.KSV_CAO_CAP if high or self.rng.random() < 0.2 else Rank.KSV_TRUNG_CAP
        return _staff_rank(position, service, self.rng)

    # --- where they worked ---------------------------------------------------------------

    def _timeline(self, person: PersonPlan) -> list[Segment]:
        start, end, home = person.start, person.leaving_date, person.home
        before = self._pre_reform_unit(person)
        if before == home or start >= REFORM_2025:
            segments = [Segment(home, "", start, end)]
        elif end is not None and end < REFORM_2025:
            segments = [Segment(before, "", start, end)]
        else:
            segments = [
                Segment(before, "", start, LAST_DAY_BEFORE_REFORM),
                Segment(home, "", REFORM_2025, end),
            ]
        return self._with_transfer(segments, person)

    def _pre_reform_unit(self, person: PersonPlan) -> str:
        lineage = self.plan.lineage[person.home]
        if person.level != STAFF:
            leading = [(c, w) for c, w in lineage if self.plan.by_code[c].is_procuracy]
            lineage = leading or lineage
        codes = [code for code, _ in lineage]
        return self.rng.choices(codes, weights=[weight for _, weight in lineage])[0]

    def _with_transfer(self, segments: list[Segment], person: PersonPlan) -> list[Segment]:
        """Some staff came from another unit of the same province (or the same level)."""
        first = segments[0]
        pool = self.pools.get(self.pool_of.get(first.unit, ""), [])
        if len(pool) < 2 or self.rng.random() >= TRANSFER_SHARE:
            return segments
        latest = min(first.end or dt.date(2024, 11, 1), dt.date(2024, 11, 1))
        latest -= dt.timedelta(days=120)
        earliest = max(first.start + dt.timedelta(days=365), dt.date(2016, 2, 1))
        if earliest > latest:
            return segments
        moved = random_date(self.rng, earliest, latest).replace(day=1)
        if moved <= first.start + dt.timedelta(days=180):
            return segments
        other = self.rng.choice([code for code in pool if code != first.unit])
        return [
            Segment(other, "", first.start, moved - dt.timedelta(days=1)),
            Segment(first.unit, "", moved, first.end),
            *segments[1:],
        ]


def position_for(spec: UnitSpec, level: int, staff_kind: str) -> str:
    """The post of someone at ``level`` (head, deputy, staff) in the unit ``spec``."""
    if level == STAFF:
        return _POSITION_OF_STAFF[staff_kind]
    if spec.is_procuracy:
        return Position.VIEN_TRUONG if level == HEAD else Position.PHO_VIEN_TRUONG
    if spec.unit_type == UnitType.DIVISION:
        return Position.TRUONG_PHONG if level == HEAD else Position.PHO_TRUONG_PHONG
    return Position.THU_TRUONG if level == HEAD else Position.PHO_THU_TRUONG


def _staff_rank(position: str, service: float, rng: random.Random) -> str:
    roll = rng.random()
    if position == Position.KIEM_SAT_VIEN:
        if service < 8:
            return Rank.KSV_SO_CAP
        if service < 18:
            return Rank.KSV_TRUNG_CAP if roll < 0.7 else Rank.KSV_SO_CAP
        return Rank.KSV_CAO_CAP if roll < 0.25 else Rank.KSV_TRUNG_CAP
    if position == Position.KIEM_TRA_VIEN:
        if service >= 20 and roll < 0.15:
            return Rank.KTV_CAO_CAP
        return Rank.KTV_CHINH if service >= 10 and roll < 0.6 else Rank.KTV
    if position == Position.CHUYEN_VIEN:
        if service >= 20 and roll < 0.1:
            return Rank.CV_CAO_CAP
        return Rank.CV_CHINH if service >= 10 and roll < 0.5 else Rank.CV
    if position == Position.DIEU_TRA_VIEN:
        return Rank.DIEU_TRA_VIEN
    return Rank.CAN_SU if roll < 0.3 else Rank.NHAN_VIEN
