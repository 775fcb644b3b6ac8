"""Reads of the eligibility engine: what a person or a unit can be proposed for, and sweeps.

``eligibility_for_person`` and ``eligibility_for_unit`` answer for one subject the caller has
already fetched through ``restrict`` (the person or unit page); the sweep selectors take the
acting user and only return what that user may see.
"""

import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from tdkt.catalog.models import AwardType
from tdkt.eligibility.codes import codes_for
from tdkt.eligibility.histories import (
    person_histories,
    person_history,
    unit_histories,
    unit_history,
)
from tdkt.eligibility.models import SweepJob, SweepResult
from tdkt.org.models import Unit
from tdkt.people.models import Person
from tdkt.rules.engine import Engine, EvaluationError
from tdkt.rules.facts import PersonHistory, UnitHistory
from tdkt.rules.registry import PERSON, UNIT
from tdkt.rules.verdicts import Verdict


def eligibility_for_person(*, person: Person, year: int) -> list[Verdict]:
    """A verdict for every individual code whose rules cover ``year``, in catalog order.

    Codes whose rules begin after the year's reference date are left out, never reported as
    "not eligible". Runs a fixed number of queries.
    """
    return _verdicts(person_history(person), codes_for(PERSON, year), year)


def eligibility_for_unit(*, unit: Unit, year: int) -> list[Verdict]:
    """A verdict for every collective code whose rules cover ``year``, in catalog order, with
    the unit's member statistics for that year. Runs a fixed number of queries."""
    return _verdicts(unit_history(unit, [year]), codes_for(UNIT, year), year)


def _verdicts(subject, codes: list[str], year: int) -> list[Verdict]:
    engine = Engine()
    verdicts = []
    for code in codes:
        try:
            verdicts.append(engine.evaluate(subject, code, year))
        except EvaluationError:
            continue
    return verdicts


def sweep_persons(user, year: int):
    """The persons a sweep of ``year`` by ``user`` looks at: in the user's reach and employed
    at some time during the year, ordered by unit tree then name."""
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    return (
        Person.objects.restrict(user)
        .filter(recruitment_date__lte=last)
        .exclude(leaving_date__lt=first)
        .order_by("unit__path", "search_text", "pk")
    )


def sweep_units(user, year: int):
    """The units a sweep of ``year`` by ``user`` looks at: in the user's reach and existing on
    31 December of the year, in tree order."""
    return Unit.objects.restrict(user).valid_on(dt.date(year, 12, 31)).order_by("path")


@dataclass
class Subjects:
    """Everything a sweep evaluates: histories by primary key, in list order, and the engine
    that already holds the LĐTT verdicts the units' member statistics needed."""

    people: dict[int, PersonHistory]
    units: dict[int, UnitHistory]
    engine: Engine


def load_subjects(*, user, year: int, with_units: bool = True) -> Subjects:
    """The histories of every person and unit a sweep of ``year`` by ``user`` looks at, in a
    number of queries that does not depend on how many there are."""
    engine = Engine()
    people = person_histories(sweep_persons(user, year))
    units = (
        unit_histories(sweep_units(user, year), [year], people=people, engine=engine)
        if with_units
        else {}
    )
    return Subjects(people, units, engine)


def sweep_job_list(*, user) -> QuerySet[SweepJob]:
    """The sweeps ``user`` may see (their own; every sweep for a superuser), newest first."""
    return SweepJob.objects.restrict(user).select_related("created_by")


def sweep_job_get(*, user, pk) -> SweepJob:
    """One sweep ``user`` may see; any other answers 404."""
    return get_object_or_404(SweepJob.objects.restrict(user).select_related("created_by"), pk=pk)


def sweep_results(
    *, job: SweepJob, code: str = "", outcome: str = "", unit: Unit | None = None
) -> QuerySet[SweepResult]:
    """The results of ``job`` (already fetched for the user), in catalog order of codes then
    in tree order of subjects, with their person and unit in the same query.

    ``unit`` keeps the results of that unit and the units below it.
    """
    results = job.results.select_related("person", "unit")
    if code:
        results = results.filter(code=code)
    if outcome:
        results = results.filter(outcome=outcome)
    if unit is not None:
        results = results.filter(unit__path__startswith=unit.path)
    return results.order_by("code_rank", "position", "pk")


def sweep_unit_choices(*, user, year: int) -> QuerySet[Unit]:
    """The units ``user`` reaches that existed on 31 December of ``year``, in tree order (the
    unit filter of a sweep's results)."""
    return sweep_units(user, year).only("pk", "short_name", "full_name", "depth", "unit_type")


def award_names() -> dict[str, str]:
    """The catalog's Vietnamese name of every code."""
    return dict(AwardType.objects.values_list("code", "name"))


QUOTA_CODES = {"CSTDCS": "LDTT", "TTLDXS": "TTLDTT"}


def quota_findings_for_unit(*, unit: Unit, year: int):
    """The unit-level quotas applied to the titles granted in the unit's subtree for ``year``
    (register counts: merit awards that stand). One query; empty before the parameters begin."""
    from django.db.models import Count, Q

    from tdkt.awards.models import Award
    from tdkt.rules.params import ParameterError
    from tdkt.rules.quotas import check_quotas

    codes = [*QUOTA_CODES, *QUOTA_CODES.values()]
    rows = (
        Award.objects.filter(
            year=year,
            revoked=False,
            kind="CONG_TRANG",
            holder_unit__path__startswith=unit.path,
            award_type__code__in=codes,
        )
        .exclude(Q(unit=unit))
        .values_list("award_type__code")
        .annotate(n=Count("id"))
        .order_by()
    )
    counts = dict.fromkeys(codes, 0) | dict(rows)
    try:
        return check_quotas(
            year=year,
            reference_date=dt.date(year, 12, 31),
            proposals={code: counts[code] for code in QUOTA_CODES},
            basis={basis: counts[basis] for basis in QUOTA_CODES.values()},
        )
    except ParameterError:
        return []
