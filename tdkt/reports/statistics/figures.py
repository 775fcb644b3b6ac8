"""Every figure of the statistics page for one scope, in a fixed number of queries (about a
dozen, whatever the period, the scope or the number of awards and lines)."""

from dataclasses import dataclass
from decimal import Decimal

from tdkt.reports.statistics import awards, proposals, registrations
from tdkt.reports.statistics.scope import StatisticsScope
from tdkt.reports.statistics.tables import Table


@dataclass
class Summary:
    """The headline figures: standing awards, revoked ones left out, money."""

    awards: int
    persons: int
    revoked_left_out: int
    money: Decimal
    priced: int

    @property
    def unpriced(self) -> int:
        return self.awards - self.priced


@dataclass
class Statistics:
    scope: StatisticsScope
    summary: Summary
    tables: list[Table]

    def table(self, slug: str) -> Table:
        return next(t for t in self.tables if t.slug == slug)


def statistics_for(scope: StatisticsScope) -> Statistics:
    """The statistics of ``scope``: awards by code, level, kind, year, unit type, province,
    gender and rank; registration against result; proposal lines by state and round; appraisal
    and council outcomes with turnaround times."""
    types = awards.catalog()
    register = awards.award_figures(scope, types)
    code_years, people = register.code_years, register.people
    units = awards.unit_counts(scope)
    steps = proposals.appraisal_steps(scope)
    rounds = proposals.round_status_counts(scope)
    summary = Summary(
        awards=sum(r.count for r in code_years),
        persons=sum(r.persons for r in code_years),
        revoked_left_out=sum(r.revoked for r in code_years),
        money=sum((r.money for r in code_years), Decimal(0)),
        priced=sum(r.priced for r in code_years),
    )
    tables = [
        awards.by_code(code_years, types),
        awards.by_level(code_years, types),
        awards.by_kind(code_years),
        awards.by_year(code_years, types, scope.years),
        awards.by_unit_type(units),
        awards.by_branch(units),
        awards.by_gender(people),
        awards.by_rank(people),
        registrations.by_registration(scope, types),
        proposals.by_status(rounds),
        proposals.by_round(rounds),
        proposals.outcomes(steps),
    ]
    return Statistics(scope, summary, tables)
