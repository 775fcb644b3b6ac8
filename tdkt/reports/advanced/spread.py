"""The spread (*lan tỏa*) of advanced models year by year: how many units learned from a model
each year and in total so far, and the same across every model a user reaches."""

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from django.db.models import Count
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext as _

from tdkt.reports.models import Adoption


@dataclass(frozen=True)
class SpreadYear:
    """One year of a model's spread: units that adopted it that year, and since the start."""

    year: int
    adopted: int
    cumulative: int


def model_spread(adoptions, *, first_year: int, today: dt.date) -> list[SpreadYear]:
    """Every year from ``first_year`` (the model's year) to this year or the last adoption,
    whichever is later, with its adoptions and the running total; empty when nothing was
    adopted. Reads the given adoptions only (no query)."""
    per_year = Counter(adoption.adopted_on.year for adoption in adoptions)
    if not per_year:
        return []
    last = max(today.year, *per_year)
    years, total = [], 0
    for year in range(min(first_year, *per_year), last + 1):
        total += per_year[year]
        years.append(SpreadYear(year, per_year[year], total))
    return years


def spread_chart(years: list[SpreadYear]) -> dict:
    """The data of the spread chart: bars per year and a line for the running total."""
    return {
        "labels": [str(y.year) for y in years],
        "datasets": [
            {
                "type": "bar",
                "label": _("Đơn vị học tập trong năm"),
                "data": [y.adopted for y in years],
            },
            {"type": "line", "label": _("Lũy kế"), "data": [y.cumulative for y in years]},
        ],
    }


@dataclass(frozen=True)
class SectorSpreadYear:
    """One year of adoptions across many models."""

    year: int
    adoptions: int
    models: int
    """Distinct models adopted that year."""
    units: int
    """Distinct units that adopted a model that year."""
    cumulative: int
    """Adoptions from the first year up to this one."""


def sector_spread(models) -> list[SectorSpreadYear]:
    """Adoptions per year of the given models (a queryset already restricted to the user), every
    year from the first adoption to the last, zero years included. One query."""
    rows = {
        row["year"]: row
        for row in Adoption.objects.filter(model__in=models.order_by().values("pk"))
        .annotate(year=ExtractYear("adopted_on"))
        .order_by()
        .values("year")
        .annotate(
            n=Count("pk"),
            models=Count("model", distinct=True),
            units=Count("unit", distinct=True),
        )
    }
    if not rows:
        return []
    years, total = [], 0
    for year in range(min(rows), max(rows) + 1):
        row = rows.get(year, {})
        count = row.get("n", 0)
        total += count
        years.append(
            SectorSpreadYear(year, count, row.get("models", 0), row.get("units", 0), total)
        )
    return years
