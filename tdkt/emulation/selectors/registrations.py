"""Reads of registrations: lists, early warnings from the rule engine, and the year-end
comparison of registration with result (the awards register)."""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet

from tdkt.accounts.permissions import MANAGE_EMULATION
from tdkt.awards.models import Award
from tdkt.catalog.models import AwardCategory, CommendationKind
from tdkt.core.scope import get_scoped_or_404
from tdkt.emulation.models import RegistrationPeriod, UnitRegistration
from tdkt.emulation.services.registrations import (
    COLLECTIVE_TITLES,
    PERSON_TITLES,
    collective_units,
    registrable_persons,
)
from tdkt.org.models import Unit, UnitType


def period_of(year: int) -> RegistrationPeriod | None:
    return RegistrationPeriod.objects.filter(year=year).first()


def registration_list(*, user, year: int) -> QuerySet[UnitRegistration]:
    """The registrations of ``year`` the user may view, with counts of registered targets."""
    return (
        UnitRegistration.objects.restrict(user)
        .filter(year=year)
        .select_related("unit", "reopened_by")
        .annotate(
            collective_count=Count("collectives", distinct=True),
            person_count=Count("persons", distinct=True),
        )
        .order_by("unit__path")
    )


def registration_get(*, user, pk, action: str = "view") -> UnitRegistration:
    base = UnitRegistration.objects.select_related("unit", "reopened_by")
    return get_scoped_or_404(base, user, action, pk=pk)


def unregistered_units(*, user, year: int) -> QuerySet[Unit]:
    """Units the user manages that may register for ``year`` and have not yet."""
    day = dt.date(year, 12, 31)
    return (
        Unit.objects.restrict(user, MANAGE_EMULATION)
        .valid_on(day)
        .exclude(unit_type=UnitType.DIVISION)
        .exclude(emulation_registrations__year=year)
        .order_by("path")
    )


@dataclass
class TargetRow:
    """One registrable collective or person, its registered title, and the early check."""

    subject: object
    code: str = ""
    outcome: str = ""
    warnings: list[str] = field(default_factory=list)


def _hoped(history, code: str, year: int):
    """``history`` with the registration year going as hoped: the best rating, the titles
    below ``code`` in its chain granted, and (for a collective) every member completing their
    tasks and earning LĐTT, one CSTĐCS, nobody disciplined, and the cluster led. What the rule
    engine still finds missing then comes from the history so far."""
    from dataclasses import replace

    from tdkt.rules.facts import AwardFact, MemberStats, UnitHistory

    chain = COLLECTIVE_TITLES if code in COLLECTIVE_TITLES else PERSON_TITLES
    held = {(a.code, a.year) for a in history.awards}
    below = [c for c in chain[: chain.index(code)] if (c, year) not in held]
    changes = {
        "ratings": {year: "HTXSNV", **history.ratings},
        "awards": history.awards + tuple(AwardFact(code=c, year=year) for c in below),
    }
    if isinstance(history, UnitHistory):
        size = max(1, history.members.get(year, MemberStats(1, 0, 0, 0, 0)).members)
        changes["members"] = {**history.members, year: MemberStats(size, size, size, 1, 0)}
        changes["cluster_leader"] = {year: True, **history.cluster_leader}
    return replace(history, **changes)


def _check(engine, history, code: str, year: int) -> tuple[str, list[str]]:
    """The outcome for ``code`` if the year goes as hoped, and the conditions still not met."""
    from tdkt.rules.engine import EvaluationError

    try:
        verdict = engine.evaluate(_hoped(history, code, year), code, year)
    except EvaluationError:
        return "", []
    return str(verdict.outcome), [c.text for c in verdict.reasons_not_met]


def registration_rows(registration: UnitRegistration) -> tuple[list[TargetRow], list[TargetRow]]:
    """Every collective and person the unit may register, with the registered title and, for
    registered ones, what the rule engine finds missing even if the year goes as hoped (see
    ``_hoped``): an early warning such as "not three consecutive CSTĐCS".

    A fixed number of queries: histories are loaded in bulk for the registered subjects only.
    """
    from tdkt.eligibility.histories import person_histories, unit_histories
    from tdkt.org.models import Unit as UnitModel
    from tdkt.people.models import Person
    from tdkt.rules.engine import Engine

    year = registration.year
    units = collective_units(registration.unit, year)
    persons = list(registrable_persons(registration.unit, year))
    by_unit = dict(registration.collectives.values_list("unit_id", "award_type__code"))
    by_person = dict(registration.persons.values_list("person_id", "award_type__code"))
    engine = Engine()
    people = person_histories(Person.objects.filter(pk__in=list(by_person)).order_by("pk"))
    unit_facts = unit_histories(
        UnitModel.objects.filter(pk__in=list(by_unit)).order_by("pk"), [year], engine=engine
    )
    unit_rows, person_rows = [], []
    for unit in units:
        row = TargetRow(unit, by_unit.get(unit.pk, ""))
        if row.code and unit.pk in unit_facts:
            row.outcome, row.warnings = _check(engine, unit_facts[unit.pk], row.code, year)
        unit_rows.append(row)
    for person in persons:
        row = TargetRow(person, by_person.get(person.pk, ""))
        if row.code and person.pk in people:
            row.outcome, row.warnings = _check(engine, people[person.pk], row.code, year)
        person_rows.append(row)
    return unit_rows, person_rows


@dataclass
class ResultLine:
    """A registered target and whether it was achieved, or an award nobody registered."""

    subject: str
    unit: str
    registered: str
    granted: str
    status: str  # "achieved" | "missed" | "unregistered"


@dataclass
class UnitComparison:
    registration: UnitRegistration
    lines: list[ResultLine] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for line in self.lines if line.status == status)

    @property
    def registered(self) -> int:
        return self.count("achieved") + self.count("missed")

    @property
    def achieved(self) -> int:
        return self.count("achieved")

    @property
    def unregistered(self) -> int:
        return self.count("unregistered")


def covers(registered: str, granted: str) -> bool:
    """Whether ``registered`` is ``granted`` or above it in the same chain. A target ``t`` is
    achieved by a granted title ``g`` when ``covers(g, t)`` (a title at least as high); an
    award ``g`` was registered when the subject's registered ``t`` gives ``covers(t, g)``."""
    for chain in (PERSON_TITLES, COLLECTIVE_TITLES):
        if registered in chain and granted in chain:
            return chain.index(granted) <= chain.index(registered)
    return False


def is_result(award: Award) -> bool:
    """Whether ``award`` counts as a result against registrations: a standing title (not a
    form) granted on merit, the awards ``comparison`` reads."""
    return (
        not award.revoked
        and award.kind == CommendationKind.CONG_TRANG
        and award.award_type.category == AwardCategory.TITLE
    )


def comparison(*, user, year: int) -> list[UnitComparison]:
    """Registration against result for every registration of ``year`` the user may view.

    The result is the awards register: standing titles (not forms) granted on merit for the
    year. A registered target is achieved when the subject holds the registered title; an
    award is flagged "unregistered" when its subject registered no title covering it. An award
    belongs to the registration of the unit holding it, or of the unit above when the holder is
    a division (divisions register with their unit; area procuracies register themselves). A
    fixed number of queries whatever the number of registrations and awards.
    """
    from tdkt.emulation.models import RegisteredCollective, RegisteredPerson

    registrations = list(
        UnitRegistration.objects.restrict(user)
        .filter(year=year)
        .select_related("unit")
        .order_by("unit__path")
    )
    by_id = {r.pk: UnitComparison(r) for r in registrations}
    persons = list(
        RegisteredPerson.objects.filter(registration__in=registrations).select_related(
            "person__unit", "award_type"
        )
    )
    collectives = list(
        RegisteredCollective.objects.filter(registration__in=registrations).select_related(
            "unit", "award_type"
        )
    )
    unit_ids = [r.unit_id for r in registrations]
    concerned = (
        Q(holder_unit__in=unit_ids)
        | Q(holder_unit__parent__in=unit_ids, holder_unit__unit_type=UnitType.DIVISION)
        | Q(person__in=[r.person_id for r in persons])
    )
    awards = list(
        Award.objects.restrict(user)
        .counting()
        .filter(concerned)
        .filter(
            year=year,
            award_type__category=AwardCategory.TITLE,
            kind=CommendationKind.CONG_TRANG,
        )
        .select_related("award_type", "person", "unit", "holder_unit")
    )
    granted_person: dict[int, set[str]] = {}
    granted_unit: dict[int, set[str]] = {}
    for award in awards:
        target = granted_person if award.person_id else granted_unit
        target.setdefault(award.person_id or award.unit_id, set()).add(award.award_type.code)
    registered_person = {r.person_id: r.award_type.code for r in persons}
    registered_unit = {r.unit_id: r.award_type.code for r in collectives}
    for row in persons:
        got = granted_person.get(row.person_id, set())
        hit = any(covers(code, row.award_type.code) for code in got)
        by_id[row.registration_id].lines.append(
            ResultLine(row.person.full_name, row.person.unit.short_name, row.award_type.code,
                       ", ".join(sorted(got)), "achieved" if hit else "missed")
        )  # fmt: skip
    for row in collectives:
        got = granted_unit.get(row.unit_id, set())
        hit = any(covers(code, row.award_type.code) for code in got)
        by_id[row.registration_id].lines.append(
            ResultLine(row.unit.short_name, row.unit.short_name, row.award_type.code,
                       ", ".join(sorted(got)), "achieved" if hit else "missed")
        )  # fmt: skip
    by_unit = {r.unit_id: r for r in registrations}
    for award in awards:
        holder = award.holder_unit
        owner = by_unit.get(holder.pk)
        if owner is None and holder.unit_type == UnitType.DIVISION:
            owner = by_unit.get(holder.parent_id)
        if owner is None:
            continue
        code = award.award_type.code
        if award.person_id:
            registered = registered_person.get(award.person_id, "")
            subject = award.person.full_name
        else:
            registered = registered_unit.get(award.unit_id, "")
            subject = award.unit.short_name
        if not registered or not covers(registered, code):
            by_id[owner.pk].lines.append(
                ResultLine(subject, holder.short_name, registered, code, "unregistered")
            )
    return [by_id[r.pk] for r in registrations]
