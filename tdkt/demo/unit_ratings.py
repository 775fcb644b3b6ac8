"""Yearly task ratings of the collectives (units), 2016–2025.

Every unit that exists on 31 December of a year (except the Supreme Procuracy as a whole and its
committee, which receive no unit titles) gets one rating. A unit given Tập thể lao động xuất
sắc that year is rated HTXSNV, as the title requires. The others are mostly HTTNV, a share
HTXSNV so that about a quarter of all units are, and a few HTNV.

The ratings come from their own generator seeded from the dataset's seed, so adding them left
every other table of the demo exactly as it was.
"""

import datetime as dt
import random
from collections.abc import Iterator

from tdkt.demo.collective import NOT_COLLECTIVES
from tdkt.demo.ledger import Ledger
from tdkt.demo.org_writer import BATCH_SIZE
from tdkt.demo.people import FIRST_YEAR, LAST_YEAR
from tdkt.org.models import Unit, UnitYearlyRating
from tdkt.people.models import TaskRating

EXCELLENT_SHARE = 0.25
"""Share of units rated HTXSNV in a year, the excellent collectives included."""
FAIR_SHARE = 0.03
"""Share of units only rated HTNV (completed their tasks)."""


def plan_unit_ratings(ledger: Ledger, seed: int) -> Iterator[tuple[str, int, str]]:
    """(unit code, year, rating) for every collective and year, in plan order."""
    rng = random.Random(f"unit-ratings-{seed}")
    excellent = {
        (record.unit, record.year) for record in ledger.awards if record.award_type == "TTLDXS"
    }
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        end = dt.date(year, 12, 31)
        units = [
            spec.code
            for spec in ledger.plan.units
            if spec.is_valid_on(end) and spec.code not in NOT_COLLECTIVES
        ]
        titled = sum((code, year) in excellent for code in units)
        extra = max(0.0, EXCELLENT_SHARE * len(units) - titled) / max(1, len(units) - titled)
        for code in units:
            yield code, year, _rating(rng, (code, year) in excellent, extra)


def _rating(rng: random.Random, titled: bool, extra_excellent: float) -> str:
    draw = rng.random()
    if titled or draw < extra_excellent:
        return TaskRating.HTXSNV
    if draw > 1 - FAIR_SHARE:
        return TaskRating.HTNV
    return TaskRating.HTTNV


def write_unit_ratings(ledger: Ledger, units: dict[str, Unit], seed: int) -> int:
    """Insert the collectives' ratings (plain rows, no historical records); returns the count."""
    rows = [
        UnitYearlyRating(unit_id=units[code].pk, year=year, rating=rating)
        for code, year, rating in plan_unit_ratings(ledger, seed)
    ]
    UnitYearlyRating.objects.bulk_create(rows, batch_size=BATCH_SIZE)
    return len(rows)
