"""Commendation records (*hồ sơ thành tích khen thưởng*) of a person and of a unit.

A record lists every title and award over the years with its decision, kind and status, and
what else the office attaches to a dossier (initiatives, yearly ratings, the titles registered
each year against the results). Revoked awards are listed, marked as revoked, and left out of
every count and every result. Each record is read with a fixed number of queries whatever the
length of the history.
"""

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q

from tdkt.awards.models import Award
from tdkt.catalog.models import AwardCategory, CommendationKind
from tdkt.core.scope import get_scoped_or_404
from tdkt.emulation.models import RegisteredCollective, RegisteredPerson
from tdkt.emulation.selectors.registrations import covers, is_result
from tdkt.initiatives.models import EffectScope, Initiative, Status
from tdkt.org.models import Unit, UnitType, UnitYearlyRating
from tdkt.org.selectors import unit_lineage
from tdkt.people.models import Assignment, Person, YearlyRating


@dataclass(frozen=True)
class AwardTotal:
    """How many standing (not revoked) awards of one type, and in which years."""

    code: str
    name: str
    count: int
    years: tuple[int, ...]

    @property
    def years_label(self) -> str:
        """ "2016 (3), 2018, 2019 (2)": each year once, with the count when above one (a
        merged unit's predecessors may each have been awarded in the same year)."""
        counts = Counter(self.years)
        return ", ".join(f"{y} ({n})" if n > 1 else str(y) for y, n in sorted(counts.items()))


def _totals(awards: list[Award]) -> list[AwardTotal]:
    """Standing awards counted per type, in catalog order; revoked ones never count."""
    years: dict[str, list[int]] = defaultdict(list)
    types = {}
    for award in awards:
        if award.revoked:
            continue
        years[award.award_type.code].append(award.year)
        types[award.award_type.code] = award.award_type
    ordered = sorted(types.values(), key=lambda t: (t.sort_order, t.code))
    return [
        AwardTotal(t.code, t.name, len(years[t.code]), tuple(sorted(years[t.code])))
        for t in ordered
    ]


@dataclass(frozen=True)
class RegisteredTitle:
    """A title registered for a year (*đăng ký thi đua*) and its result: achieved when the
    subject holds, for that year, a standing merit title at least as high in the same chain
    (the rule of the emulation app's year-end comparison); a revoked award never achieves."""

    year: int
    code: str
    name: str
    subject: str
    """The registered person or collective."""
    registered_by: str
    """The unit whose registration holds the target."""
    achieved: bool
    granted: tuple[str, ...]
    """Names of the standing merit titles the subject holds for the year."""
    revoked: tuple[str, ...]
    """Names of the subject's revoked merit titles of the year (shown, never counted)."""
    pending: bool = False
    """Not achieved yet in a year not over on the day the record is made: no result yet
    rather than missed."""

    @property
    def result(self) -> str:
        """``"achieved"``, ``"pending"`` or ``"missed"``."""
        if self.achieved:
            return "achieved"
        return "pending" if self.pending else "missed"


@dataclass(frozen=True)
class RegistrationYear:
    """The registered titles of one year and how many were achieved."""

    year: int
    titles: tuple[RegisteredTitle, ...]

    @property
    def achieved(self) -> int:
        return sum(1 for t in self.titles if t.achieved)


def _decided(targets, today: dt.date):
    """Whether the results of a target's year are out, as a function of the target. A year
    not over is never decided. A title the head of a unit confers (level 0: LĐTT, CSTĐCS,
    TTLĐTT) is decided once a level-0 title of that year is recorded in the registering unit's
    subtree; a higher one (the sector's or the state's) once that title is recorded for that
    year anywhere in the register. Revoked awards count: the results were decided. Two queries
    at most (none when every year is this year or later)."""
    past = [t for t in targets if t.registration.year < today.year]
    if not past:
        return lambda target: False
    years = {t.registration.year for t in past}
    within = Q()
    for path in {t.registration.unit.path for t in past if t.award_type.level == 0}:
        within |= Q(holder_unit__path__startswith=path)
    unit_years = set()
    if within:
        unit_years = set(
            Award.objects.filter(
                within,
                year__in=years,
                award_type__level=0,
                award_type__category=AwardCategory.TITLE,
            )
            .order_by()
            .values_list("year", "holder_unit__path")
            .distinct()
        )
    higher = {t.award_type_id for t in past if t.award_type.level > 0}
    code_years = set()
    if higher:
        code_years = set(
            Award.objects.filter(award_type_id__in=higher, year__in=years)
            .order_by()
            .values_list("year", "award_type_id")
            .distinct()
        )

    def decided(target) -> bool:
        year = target.registration.year
        if year >= today.year:
            return False
        if target.award_type.level > 0:
            return (year, target.award_type_id) in code_years
        prefix = target.registration.unit.path
        return any(y == year and path.startswith(prefix) for y, path in unit_years)

    return decided


def _results(
    targets, awards: list[Award], subject_of, label_of, today: dt.date
) -> list[RegistrationYear]:
    """``targets`` (registered rows with ``registration__unit`` and ``award_type`` loaded)
    against ``awards`` (already read), grouped by year, newest first. ``subject_of`` gives the
    subject of a target or an award (a person id or a unit id), ``label_of`` a target's name.
    A title not achieved is pending, not missed, until the year is over and its results are
    recorded: the subject received a title that year, or ``_decided`` (titles of a year are
    decided early the next year, the sector's and the state's later still)."""
    decided = _decided(targets, today)
    titles: dict[tuple, list[Award]] = defaultdict(list)
    for award in awards:
        if award.kind == CommendationKind.CONG_TRANG and (
            award.award_type.category == AwardCategory.TITLE
        ):
            titles[(award.year, subject_of(award))].append(award)
    by_year: dict[int, list[RegisteredTitle]] = defaultdict(list)
    for target in targets:
        year, code = target.registration.year, target.award_type.code
        held = titles.get((year, subject_of(target)), [])
        standing = [a for a in held if is_result(a)]
        achieved = any(covers(a.award_type.code, code) for a in standing)
        by_year[year].append(
            RegisteredTitle(
                year=year,
                code=code,
                name=target.award_type.name,
                subject=label_of(target),
                registered_by=target.registration.unit.short_name,
                achieved=achieved,
                granted=tuple(a.award_type.name for a in standing),
                revoked=tuple(a.award_type.name for a in held if a.revoked),
                pending=not achieved and not held and not decided(target),
            )
        )
    return [RegistrationYear(y, tuple(by_year[y])) for y in sorted(by_year, reverse=True)]


@dataclass
class PersonRecord:
    person: Person
    made_on: dt.date
    assignments: list[Assignment]
    awards: list[Award]
    """Every award, newest year first, revoked ones included (and marked)."""
    initiatives: list[Initiative]
    ratings: list[YearlyRating]
    totals: list[AwardTotal] = field(default_factory=list)
    registrations: list[RegistrationYear] = field(default_factory=list)
    """The titles the person was registered for, per year (newest first), with the results."""

    @property
    def revoked_count(self) -> int:
        return sum(1 for a in self.awards if a.revoked)


def _person_registrations(
    person: Person, awards: list[Award], today: dt.date
) -> list[RegistrationYear]:
    targets = list(
        RegisteredPerson.objects.filter(person=person)
        .select_related("registration__unit", "award_type")
        .order_by("-registration__year", "award_type__sort_order")
    )
    return _results(
        targets, awards, lambda row: row.person_id, lambda _row: person.full_name, today
    )


def person_record(*, user, pk, today: dt.date) -> PersonRecord:
    """The record of person ``pk`` if ``user`` may view them (404 otherwise). A fixed number
    of queries (seven, and up to two more when registrations of past years await a result)."""
    person = get_scoped_or_404(Person.objects.select_related("unit__parent"), user, "view", pk=pk)
    awards = list(
        Award.objects.filter(person=person)
        .select_related("award_type", "holder_unit")
        .order_by("-year", "award_type__sort_order", "decision_date")
    )
    initiatives = list(
        Initiative.objects.filter(authors=person)
        .select_related("unit", "used_for__award_type")
        .order_by("-year", "title")
    )
    return PersonRecord(
        person=person,
        made_on=today,
        assignments=list(
            Assignment.objects.filter(person=person).select_related("unit").order_by("-start")
        ),
        awards=awards,
        initiatives=initiatives,
        ratings=list(YearlyRating.objects.filter(person=person).order_by("-year")),
        totals=_totals(awards),
        registrations=_person_registrations(person, awards, today),
    )


@dataclass(frozen=True)
class MemberYear:
    """Individual awards of a unit's staff in one year: one count per award type, in the
    order of ``UnitRecord.member_codes``."""

    year: int
    counts: tuple[int, ...]


@dataclass(frozen=True)
class StaffInitiative:
    """A recognised initiative in a unit's record, with its authors' names (in the order they
    were entered)."""

    initiative: Initiative
    authors: tuple[str, ...]
    unit: str
    """Where it was made, a division named with its procuracy (a merged province has two
    "Phòng 1")."""


INITIATIVES_LISTED = 300
"""Above this many recognised initiatives (a whole province over the years is well below it,
the whole sector far above), a unit's record page and PDF count them per year instead of
listing them; the Excel file and the API list them all."""


@dataclass(frozen=True)
class InitiativeYear:
    """The recognised initiatives of one year in a unit's record, counted."""

    year: int
    total: int
    by_scope: tuple[int, ...]
    """Counts in the order of ``EffectScope`` (cơ sở, ngành, toàn quốc)."""
    backing: int
    """How many back an award."""


@dataclass
class UnitRecord:
    unit: Unit
    made_on: dt.date
    lineage: list[Unit]
    """The unit and the units it succeeded (that the user reaches), newest first."""
    awards: list[Award]
    """Collective awards of the unit and of its predecessors, newest year first."""
    ratings: list[UnitYearlyRating]
    member_years: list[MemberYear]
    member_codes: list[tuple[str, str]]
    """(code, name) of the individual award types that appear in ``member_years``."""
    totals: list[AwardTotal] = field(default_factory=list)
    registrations: list[RegistrationYear] = field(default_factory=list)
    """The titles the unit and its predecessors registered for, per year (newest first),
    with the results."""
    initiatives: list[StaffInitiative] = field(default_factory=list)
    """Recognised initiatives made in the unit or its predecessors (subunits included) by
    their staff, newest year first, with their authors and the award each backs; empty when
    ``initiatives_listed`` is false."""
    initiative_years: list[InitiativeYear] = field(default_factory=list)
    """The same initiatives counted per year, newest first (always filled)."""
    initiatives_listed: bool = True
    """False when there were more than the record was asked to list."""

    @property
    def initiatives_total(self) -> int:
        return sum(y.total for y in self.initiative_years)

    @property
    def revoked_count(self) -> int:
        return sum(1 for a in self.awards if a.revoked)

    @property
    def predecessors(self) -> list[Unit]:
        return [u for u in self.lineage if u.pk != self.unit.pk]


def unit_label(unit: Unit) -> str:
    """The unit's short name; a division's followed by its parent's ("Phòng 1, VKSND tỉnh Hòa
    Bình"). ``unit.parent`` must be loaded."""
    if unit.unit_type == UnitType.DIVISION and unit.parent is not None:
        return f"{unit.short_name}, {unit.parent.short_name}"
    return unit.short_name


def _unit_registrations(
    ids: list[int], awards: list[Award], today: dt.date
) -> list[RegistrationYear]:
    targets = list(
        RegisteredCollective.objects.filter(unit_id__in=ids)
        .select_related("registration__unit", "award_type", "unit__parent")
        .order_by("-registration__year", "unit__path")
    )
    return _results(
        targets, awards, lambda row: row.unit_id, lambda row: unit_label(row.unit), today
    )


def _initiative_years(chosen) -> list[InitiativeYear]:
    """One query: the initiatives of ``chosen`` counted per year, scope of effect and backing."""
    scopes = list(EffectScope.values)
    counts: dict[int, list[int]] = defaultdict(lambda: [0] * (len(scopes) + 2))
    rows = (
        chosen.order_by()
        .values("year", "effect_scope")
        .annotate(n=Count("pk"), backing=Count("used_for"))
    )
    for row in rows:
        cells = counts[row["year"]]
        cells[0] += row["n"]
        cells[1] += row["backing"]
        if row["effect_scope"] in scopes:
            cells[2 + scopes.index(row["effect_scope"])] += row["n"]
    return [
        InitiativeYear(year, cells[0], tuple(cells[2:]), cells[1])
        for year, cells in sorted(counts.items(), reverse=True)
    ]


def _unit_initiatives(chosen) -> list[StaffInitiative]:
    """Two queries; the authors are read by a join on the same filter rather than by a list of
    ids, which SQLite answers slowly for a whole sector's initiatives."""
    names: dict[int, list[str]] = defaultdict(list)
    authorship = (
        Initiative.authors.through.objects.filter(initiative__in=chosen.values("pk"))
        .order_by("pk")
        .values_list("initiative_id", "person__full_name")
    )
    for initiative_id, name in authorship:
        names[initiative_id].append(name)
    initiatives = chosen.select_related("unit__parent", "used_for__award_type", "used_for__person")
    return [
        StaffInitiative(item, tuple(names[item.pk]), unit_label(item.unit))
        for item in initiatives.order_by("-year", "unit__path", "title", "pk")
    ]


def unit_record(*, user, pk, today: dt.date, all_initiatives: bool = False) -> UnitRecord:
    """The record of unit ``pk`` if ``user`` may view it (404 otherwise), with the years of
    the units it succeeded (the 2025 mergers): their collective awards, ratings and
    registrations, and the individual awards and recognised initiatives of the staff of the
    unit and of those units, subunits included. The initiatives are listed when there are at
    most ``INITIATIVES_LISTED`` of them or ``all_initiatives`` is set, and counted per year in
    any case.
    A fixed number of queries (one more per generation of predecessors)."""
    unit = get_scoped_or_404(Unit.objects.select_related("parent"), user, "view", pk=pk)
    lineage = unit_lineage(unit, user=user)
    ids = [u.pk for u in lineage]
    awards = list(
        Award.objects.filter(unit_id__in=ids)
        .select_related("award_type", "unit")
        .order_by("-year", "award_type__sort_order", "decision_date")
    )
    ratings = list(
        UnitYearlyRating.objects.filter(unit_id__in=ids).select_related("unit").order_by("-year")
    )
    subtrees, made_in = Q(), Q()
    for member in lineage:
        subtrees |= Q(holder_unit__path__startswith=member.path)
        made_in |= Q(unit__path__startswith=member.path)
    counted = (
        Award.objects.counting()
        .filter(person__isnull=False)
        .filter(subtrees)
        .values("year", "award_type__code", "award_type__name", "award_type__sort_order")
        .annotate(n=Count("id"))
        .order_by("-year", "award_type__sort_order")
    )
    by_year: dict[int, Counter] = defaultdict(Counter)
    codes: dict[str, tuple[int, str]] = {}
    for row in counted:
        by_year[row["year"]][row["award_type__code"]] += row["n"]
        codes[row["award_type__code"]] = (row["award_type__sort_order"], row["award_type__name"])
    member_codes = sorted(codes, key=lambda c: codes[c])
    chosen = Initiative.objects.filter(made_in, status=Status.RECOGNISED)
    initiative_years = _initiative_years(chosen)
    total = sum(y.total for y in initiative_years)
    listed = all_initiatives or total <= INITIATIVES_LISTED
    return UnitRecord(
        unit=unit,
        made_on=today,
        lineage=lineage,
        awards=awards,
        ratings=ratings,
        member_years=[
            MemberYear(y, tuple(by_year[y][c] for c in member_codes))
            for y in sorted(by_year, reverse=True)
        ],
        member_codes=[(c, codes[c][1]) for c in member_codes],
        totals=_totals(awards),
        registrations=_unit_registrations(ids, awards, today),
        initiatives=_unit_initiatives(chosen) if listed else [],
        initiative_years=initiative_years,
        initiatives_listed=listed,
    )
