"""Figures for the home dashboard, computed within the user's scope."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count

from tdkt.awards.models import Award
from tdkt.org.models import Unit
from tdkt.people.models import Freeze, Person, TaskRating, YearlyRating


@dataclass(frozen=True)
class Dashboard:
    units: int
    people: int
    women_share: float | None
    open_freezes: int
    awards_last_year: int
    last_year: int
    chart: dict


def dashboard_for(*, user, today: dt.date, years: int = 5) -> Dashboard:
    """Counts for the user's scope and a chart of task ratings over the last ``years`` years.

    Seven queries whatever the size of the scope.
    """
    people = Person.objects.restrict(user).filter(leaving_date__isnull=True)
    gender_counts = dict(people.values_list("gender").annotate(n=Count("id")).order_by())
    total = sum(gender_counts.values())
    last_year = today.year - 1
    first_year = last_year - years + 1
    rows = (
        YearlyRating.objects.restrict(user)
        .filter(year__gte=first_year, year__lte=last_year)
        .values_list("year", "rating")
        .annotate(n=Count("id"))
        .order_by()
    )
    counts = {(year, rating): n for year, rating, n in rows}
    labels = list(range(first_year, last_year + 1))
    chart = {
        "labels": [str(y) for y in labels],
        "datasets": [
            {"label": str(label), "code": code, "data": [counts.get((y, code), 0) for y in labels]}
            for code, label in TaskRating.choices
        ],
    }
    return Dashboard(
        units=Unit.objects.restrict(user).valid_on(today).count(),
        people=total,
        women_share=(gender_counts.get("F", 0) / total) if total else None,
        open_freezes=Freeze.objects.restrict(user)
        .filter(start__lte=today, person__leaving_date__isnull=True)
        .exclude(end__lt=today)
        .count(),
        awards_last_year=Award.objects.restrict(user).counting().filter(year=last_year).count(),
        last_year=last_year,
        chart=chart,
    )
