"""Reads of persons and their facts, always scoped to the acting user."""

from dataclasses import dataclass, field

from django.db.models import QuerySet

from tdkt.awards.models import Award
from tdkt.core.scope import get_scoped_or_404
from tdkt.initiatives.models import Initiative
from tdkt.people.models import (
    Absence,
    Assignment,
    Discipline,
    Freeze,
    Person,
    YearlyRating,
)


def person_list(*, user, filters: dict | None = None) -> QuerySet[Person]:
    """Persons the user may view, with their unit, filtered by the people-list filters.

    ``filters`` keys: ``q`` (diacritic-insensitive name or code), ``unit`` (a Unit: its subtree),
    ``gender``, ``rank``, ``position``, ``status`` ("active" | "left").
    """
    filters = filters or {}
    qs = Person.objects.restrict(user).select_related("unit")
    if q := filters.get("q"):
        qs = qs.search(q)
    if unit := filters.get("unit"):
        qs = qs.filter(unit__path__startswith=unit.path)
    for name in ("gender", "rank", "position"):
        if value := filters.get(name):
            qs = qs.filter(**{name: value})
    status = filters.get("status")
    if status == "active":
        qs = qs.filter(leaving_date__isnull=True)
    elif status == "left":
        qs = qs.filter(leaving_date__isnull=False)
    return qs


def person_get(*, user, pk, action: str = "view") -> Person:
    """One person the user may ``action``; anything else answers 404."""
    return get_scoped_or_404(Person.objects.select_related("unit"), user, action, pk=pk)


@dataclass
class YearRow:
    """Everything known about a person for one year, for the person page."""

    year: int
    rating: YearlyRating | None = None
    awards: list[Award] = field(default_factory=list)
    absences: list[Absence] = field(default_factory=list)
    disciplines: list[Discipline] = field(default_factory=list)
    freezes: list[Freeze] = field(default_factory=list)
    initiatives: list[Initiative] = field(default_factory=list)
    units: list[Assignment] = field(default_factory=list)


@dataclass
class PersonDossier:
    person: Person
    assignments: list[Assignment]
    years: list[YearRow]
    open_freezes: list[Freeze]


def _years_touched(start, end, first_year: int, last_year: int) -> range:
    start_year = start.year if start else first_year
    end_year = end.year if end else last_year
    return range(max(start_year, first_year), min(end_year, last_year) + 1)


def person_dossier(*, person: Person, today) -> PersonDossier:
    """The person's assignments and yearly facts grouped by year, newest year first.

    Runs a fixed number of queries (one per kind of fact) whatever the length of the history.
    """
    assignments = list(
        Assignment.objects.filter(person=person).select_related("unit").order_by("start")
    )
    ratings = list(YearlyRating.objects.filter(person=person))
    awards = list(Award.objects.filter(person=person).select_related("award_type", "holder_unit"))
    absences = list(Absence.objects.filter(person=person))
    disciplines = list(Discipline.objects.filter(person=person))
    freezes = list(Freeze.objects.filter(person=person))
    initiatives = list(Initiative.objects.filter(authors=person))
    first_year = min(
        [person.recruitment_date.year] + [r.year for r in ratings] + [a.year for a in awards]
    )
    last_year = max([today.year] + [r.year for r in ratings] + [a.year for a in awards])
    if person.leaving_date:
        last_year = min(last_year, max(person.leaving_date.year, *(r.year for r in ratings)))
    rows = {year: YearRow(year) for year in range(first_year, last_year + 1)}

    def row(year: int) -> YearRow:
        return rows.setdefault(year, YearRow(year))

    for rating in ratings:
        row(rating.year).rating = rating
    for award in awards:
        row(award.year).awards.append(award)
    for initiative in initiatives:
        row(initiative.year).initiatives.append(initiative)
    for items, attr in ((absences, "absences"), (disciplines, "disciplines"), (freezes, "freezes")):
        for item in items:
            for year in _years_touched(item.start, item.end, first_year, last_year):
                getattr(row(year), attr).append(item)
    for assignment in assignments:
        for year in _years_touched(assignment.start, assignment.end, first_year, last_year):
            row(year).units.append(assignment)
    years = [rows[y] for y in sorted(rows, reverse=True)]
    open_freezes = [f for f in freezes if f.end is None or f.end >= today]
    return PersonDossier(person, assignments, years, open_freezes)
