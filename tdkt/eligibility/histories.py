"""The rule engine's facts built from the database, in bulk.

``person_histories`` and ``unit_histories`` turn querysets into the frozen dataclasses of
``tdkt.rules.facts`` with a fixed number of queries, however many subjects they cover: one
``values_list`` per kind of fact, never one query per subject. Ids become strings (the facts
are also read from JSON cases, where ids are text).

What they guarantee:

- every rating, award (revoked ones included, marked), initiative the person authored (with the
  id of the award it already backs), absence, discipline and freeze of each person;
- awards are ordered by year then id, periods by their start, so equal data give equal facts;
- a unit's ratings and awards are its own: a unit formed by a merger or a rename does not
  inherit its predecessors' titles (the law says nothing of carrying collective chains over);
- ``cluster_leader`` holds, for each year in which a cluster or block the unit belonged to
  closed its vote, whether the members chose the unit as their leading unit; years without a
  closed vote are absent (the rules then say the result is unknown);
- units have no freezes (the register keeps none for collectives).
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from django.db.models import Q, QuerySet

from tdkt.awards.models import Award
from tdkt.emulation.models import ClusterMember
from tdkt.initiatives.models import Initiative
from tdkt.initiatives.models import Status as InitiativeStatus
from tdkt.org.models import Unit, UnitType, UnitYearlyRating
from tdkt.people.models import Absence, Assignment, Discipline, Freeze, Person, YearlyRating
from tdkt.rules import facts
from tdkt.rules.engine import Engine, EvaluationError
from tdkt.rules.verdicts import Outcome
from tdkt.scoring.models import VoteStatus

AWARD_FIELDS = (
    "award_type__code",
    "year",
    "kind",
    "decision_number",
    "decision_date",
    "revoked",
    "id",
)
PROCURACY_TYPES = frozenset(
    {
        UnitType.SUPREME,
        UnitType.HIGH,
        UnitType.PROVINCIAL,
        UnitType.DISTRICT,
        UnitType.AREA,
        UnitType.MILITARY_CENTRAL,
        UnitType.MILITARY_REGION,
        UnitType.MILITARY_AREA,
    }
)
"""Units that are collectives of their own: a unit's members never reach inside them."""
WARNED = facts.DISCIPLINE_ORDER["CANH_CAO"]
COMPLETED = facts.RATING_ORDER["HTNV"]


def person_fact_rows(persons: QuerySet[Person]) -> dict[str, QuerySet]:
    """The ``values_list`` querysets ``person_histories`` reads, by kind of fact.

    Persons keep the order of ``persons``; facts come unordered (they are sorted per person).
    The benchmark fetches exactly these rows raw to measure the floor of a sweep.
    """
    subjects = persons.order_by().values("pk")

    def of(model):
        return model.objects.filter(person__in=subjects).order_by()

    return {
        "persons": persons.values_list(
            "pk", "full_name", "recruitment_date", "leaving_date", "unit_id"
        ),
        "ratings": of(YearlyRating).values_list("person_id", "year", "rating"),
        "awards": of(Award).values_list("person_id", *AWARD_FIELDS),
        "initiatives": of(Initiative.authors.through)
        .filter(initiative__status=InitiativeStatus.RECOGNISED)
        .values_list(
            "person_id",
            "initiative_id",
            "initiative__title",
            "initiative__year",
            "initiative__recognised_on",
            "initiative__effect_scope",
            "initiative__used_for_id",
        ),
        "absences": of(Absence).values_list("person_id", "reason", "start", "end"),
        "disciplines": of(Discipline).values_list(
            "person_id", "level", "decided_on", "start", "end"
        ),
        "freezes": of(Freeze).values_list("person_id", "reason", "start", "end"),
    }


def person_histories(persons: QuerySet[Person]) -> dict[int, facts.PersonHistory]:
    """The history of every person of ``persons``, by primary key in the queryset's order, in
    seven queries."""
    rows = person_fact_rows(persons)
    ratings: dict[int, dict[int, str]] = defaultdict(dict)
    for person_id, year, rating in rows["ratings"]:
        ratings[person_id][year] = rating
    awards = _awards(rows["awards"])
    initiatives = _initiatives(rows["initiatives"])
    absences = _periods(rows["absences"], facts.Absence)
    disciplines = _periods(rows["disciplines"], facts.Discipline)
    freezes = _periods(rows["freezes"], facts.Freeze)
    empty: tuple = ()
    return {
        pk: facts.PersonHistory(
            id=str(pk),
            name=name,
            recruitment_date=recruited,
            leaving_date=left,
            ratings=ratings.get(pk, {}),
            awards=awards.get(pk, empty),
            initiatives=initiatives.get(pk, empty),
            absences=absences.get(pk, empty),
            disciplines=disciplines.get(pk, empty),
            freezes=freezes.get(pk, empty),
            unit_id=str(unit_id),
        )
        for pk, name, recruited, left, unit_id in rows["persons"]
    }


def person_history(person: Person) -> facts.PersonHistory:
    """The history of one person (the caller has already checked it may see them)."""
    return person_histories(Person.objects.filter(pk=person.pk))[person.pk]


def _awards(rows) -> dict[int, tuple[facts.AwardFact, ...]]:
    """Awards by owner, each owner's ordered by year then id."""
    grouped: dict[int, list[tuple]] = defaultdict(list)
    for owner_id, code, year, kind, number, date, revoked, pk in rows:
        fact = facts.AwardFact(code, year, kind, number, date, revoked, str(pk))
        grouped[owner_id].append((year, pk, fact))
    # (year, pk) is unique, so sorting the triples never compares the facts themselves.
    return {
        owner_id: tuple(fact for _year, _pk, fact in sorted(items))
        for owner_id, items in grouped.items()
    }


def _initiatives(rows) -> dict[int, tuple[facts.InitiativeFact, ...]]:
    """Initiatives by author, ordered by year then id; one shared fact per initiative."""
    shared: dict[int, facts.InitiativeFact] = {}
    grouped: dict[int, list[tuple]] = defaultdict(list)
    for person_id, pk, title, year, recognised_on, scope, used_for in rows:
        fact = shared.get(pk)
        if fact is None:
            fact = shared[pk] = facts.InitiativeFact(
                str(pk), title, year, recognised_on, scope or None, str(used_for or "")
            )
        grouped[person_id].append((year, pk, fact))
    return {
        person_id: tuple(fact for _year, _pk, fact in sorted(items))
        for person_id, items in grouped.items()
    }


def _periods(rows, fact) -> dict[int, tuple]:
    """Periods by person, ordered by their start (then content, for a stable order)."""
    grouped: dict[int, list] = defaultdict(list)
    for person_id, *values in rows:
        grouped[person_id].append(fact(*values))
    return {
        person_id: tuple(sorted(items, key=_start_first)) if len(items) > 1 else (items[0],)
        for person_id, items in grouped.items()
    }


def _start_first(period) -> tuple:
    return period.start, repr(period)


def unit_histories(
    units: QuerySet[Unit],
    years: Iterable[int],
    *,
    people: dict[int, facts.PersonHistory] | None = None,
    engine: Engine | None = None,
) -> dict[int, facts.UnitHistory]:
    """The history of every unit of ``units``, by primary key, with member statistics for
    each of ``years``.

    The members of a unit in a year are the persons whose assignment to the unit, or to a unit
    below it that is not a procuracy of its own (its divisions, not its districts), covered 31
    December of that year. Their statistics count: ``completed`` rated HTNV or better;
    ``advanced`` holding a standing LĐTT for the year or, without one, eligible for it (so a
    unit can be assessed before its members' titles are decided); ``fighters`` holding a
    standing CSTĐCS; ``warned_or_worse`` under a discipline of cảnh cáo or above during the
    year.

    Members' histories are taken from ``people`` when given (the sweep has them already) and
    loaded in bulk otherwise; LĐTT verdicts come from ``engine`` when given, so a sweep
    evaluates each person once. The number of queries does not depend on the number of units.
    """
    years = sorted(set(years))
    rows = unit_fact_rows(units)
    subject_rows = list(rows["units"])
    ratings: dict[int, dict[int, str]] = defaultdict(dict)
    for unit_id, year, rating in rows["ratings"]:
        ratings[unit_id][year] = rating
    awards = _awards(rows["awards"])
    leaders: dict[int, dict[int, bool]] = defaultdict(dict)
    for unit_id, year, leading_unit_id in rows["clusters"]:
        leaders[unit_id][year] = leaders[unit_id].get(year, False) or leading_unit_id == unit_id
    members = _member_stats(
        [pk for pk, _name, _type in subject_rows], years, people or {}, engine or Engine()
    )
    return {
        pk: facts.UnitHistory(
            id=str(pk),
            name=name,
            unit_type=unit_type,
            ratings=ratings.get(pk, {}),
            awards=awards.get(pk, ()),
            members=members.get(pk, {}),
            cluster_leader=leaders.get(pk, {}),
        )
        for pk, name, unit_type in subject_rows
    }


def unit_fact_rows(units: QuerySet[Unit]) -> dict[str, QuerySet]:
    """The ``values_list`` querysets ``unit_histories`` reads about the units themselves (the
    members' rows come from ``member_assignments`` and ``person_fact_rows``)."""
    subjects = units.order_by().values("pk")
    return {
        "units": units.values_list("pk", "full_name", "unit_type"),
        "ratings": UnitYearlyRating.objects.filter(unit__in=subjects)
        .order_by()
        .values_list("unit_id", "year", "rating"),
        "awards": Award.objects.filter(unit__in=subjects)
        .order_by()
        .values_list("unit_id", *AWARD_FIELDS),
        "clusters": ClusterMember.objects.filter(
            unit__in=subjects, cluster__scoring_vote__status=VoteStatus.CLOSED
        )
        .order_by()
        .values_list("unit_id", "cluster__year", "cluster__scoring_vote__leading_unit_id"),
        "tree": _tree_rows(),
    }


def _tree_rows() -> QuerySet:
    return Unit.objects.order_by().values_list("pk", "parent_id", "unit_type")


def member_assignments(unit_ids, years: list[int]) -> QuerySet[Assignment]:
    """Assignments to ``unit_ids`` that may cover 31 December of one of ``years``."""
    return (
        Assignment.objects.filter(unit_id__in=list(unit_ids), start__lte=dt.date(years[-1], 12, 31))
        .filter(Q(end__isnull=True) | Q(end__gte=dt.date(years[0], 12, 31)))
        .order_by()
    )


def unit_history(unit: Unit, years: Iterable[int]) -> facts.UnitHistory:
    """The history of one unit (the caller has already checked it may see it)."""
    return unit_histories(Unit.objects.filter(pk=unit.pk), years)[unit.pk]


def _member_units(subject_ids: list[int]) -> dict[int, list[int]]:
    """For every unit whose staff count as members of a subject: the subjects they count for."""
    children: dict[int | None, list[tuple[int, str]]] = defaultdict(list)
    for pk, parent_id, unit_type in _tree_rows():
        children[parent_id].append((pk, unit_type))
    counted_for: dict[int, list[int]] = defaultdict(list)
    for subject in subject_ids:
        stack = [subject]
        while stack:
            unit_id = stack.pop()
            counted_for[unit_id].append(subject)
            stack.extend(pk for pk, kind in children[unit_id] if kind not in PROCURACY_TYPES)
    return counted_for


def _member_stats(
    subject_ids: list[int],
    years: list[int],
    people: dict[int, facts.PersonHistory],
    engine: Engine,
) -> dict[int, dict[int, facts.MemberStats]]:
    if not subject_ids or not years:
        return {}
    counted_for = _member_units(subject_ids)
    year_ends = [dt.date(year, 12, 31) for year in years]
    assignments = member_assignments(counted_for, years)
    members: dict[tuple[int, int], set[int]] = defaultdict(set)
    for person_id, unit_id, start, end in assignments.values_list(
        "person_id", "unit_id", "start", "end"
    ):
        for year, last_day in zip(years, year_ends, strict=True):
            if start <= last_day and (end is None or end >= last_day):
                for subject in counted_for[unit_id]:
                    members[subject, year].add(person_id)
    histories = _member_histories(people, members, assignments)
    return _stats(members, histories, engine)


def _member_histories(people, members, assignments) -> dict[int, facts.PersonHistory]:
    wanted = set().union(*members.values()) if members else set()
    missing = wanted - people.keys()
    if not missing:
        return people
    if len(missing) == len(wanted):
        loaded = person_histories(Person.objects.filter(pk__in=assignments.values("person_id")))
    else:
        loaded = person_histories(Person.objects.filter(pk__in=sorted(missing)))
    return {**people, **loaded}


def _stats(members, histories, engine) -> dict[int, dict[int, facts.MemberStats]]:
    result: dict[int, dict[int, facts.MemberStats]] = defaultdict(dict)
    for (subject, year), person_ids in members.items():
        completed = advanced = fighters = warned = 0
        first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
        for person_id in person_ids:
            person = histories[person_id]
            rating = person.ratings.get(year)
            completed += rating is not None and facts.RATING_ORDER[rating] >= COMPLETED
            held = {a.code for a in person.awards if a.year == year and a.counts_for_merit}
            advanced += "LDTT" in held or _eligible(engine, person, "LDTT", year)
            fighters += "CSTDCS" in held
            warned += any(
                facts.DISCIPLINE_ORDER[d.level] >= WARNED and d.start <= last and d.end >= first
                for d in person.disciplines
            )
        result[subject][year] = facts.MemberStats(
            members=len(person_ids),
            completed=completed,
            advanced=advanced,
            fighters=fighters,
            warned_or_worse=warned,
        )
    return result


def _eligible(engine: Engine, person: facts.PersonHistory, code: str, year: int) -> bool:
    try:
        return engine.evaluate(person, code, year).outcome == Outcome.ELIGIBLE
    except EvaluationError:
        return False
