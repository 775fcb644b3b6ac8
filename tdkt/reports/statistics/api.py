"""API routes of the statistics and of the leader dashboard: the same figures as the pages,
computed by the same functions, within the caller's reach (404 without a role at a unit)."""

import datetime as dt
from decimal import Decimal

from django.http import Http404
from django.utils import timezone
from ninja import Router, Schema

from tdkt.core.errors import DomainError
from tdkt.reports.dashboard import dashboard_for
from tdkt.reports.statistics.figures import statistics_for
from tdkt.reports.statistics.forms import DashboardYearForm, PeriodForm
from tdkt.reports.statistics.scope import require_unit_reach, statistics_scope

router = Router(tags=["Thống kê"])


class CellOut(Schema):
    value: int | float | Decimal | None
    filters: dict[str, str] | None
    """Filters (added to the period and unit) of the list behind the figure; none for an
    average."""


class RowOut(Schema):
    label: str
    key: str
    cells: list[CellOut]


class TableOut(Schema):
    slug: str
    title: str
    columns: list[str]
    target: str
    note: str
    rows: list[RowOut]
    total: RowOut | None


class SummaryOut(Schema):
    awards: int
    persons: int
    revoked_left_out: int
    money: Decimal
    priced: int
    unpriced: int


class StatisticsOut(Schema):
    year_from: int
    year_to: int
    unit_id: int | None
    summary: SummaryOut
    tables: list[TableOut]


def _row(row) -> dict:
    return {
        "label": str(row.label),
        "key": row.key,
        "cells": [{"value": c.value, "filters": c.drill} for c in row.cells],
    }


@router.get("/", response=StatisticsOut, summary="Thống kê thi đua, khen thưởng")
def statistics(request, year_from: int, year_to: int, unit: int | None = None):
    """Every table of the statistics page for the years ``year_from``–``year_to`` and,
    optionally, one unit in reach (with its predecessors). Revoked awards never count."""
    require_unit_reach(request.user)
    data = {"year_from": year_from, "year_to": year_to, "unit": unit or ""}
    form = PeriodForm(data, user=request.user, today=timezone.localdate())
    if not form.is_valid():
        if form.has_error("unit", "invalid_choice"):
            raise Http404
        field, errors = next(iter(form.errors.items()))
        raise DomainError(errors[0], field=field)
    clean = form.cleaned_data
    scope = statistics_scope(
        user=request.user,
        year_from=clean["year_from"],
        year_to=clean["year_to"],
        unit=clean["unit"],
    )
    stats = statistics_for(scope)
    s = stats.summary
    return {
        "year_from": scope.year_from,
        "year_to": scope.year_to,
        "unit_id": scope.unit.pk if scope.unit else None,
        "summary": {
            "awards": s.awards,
            "persons": s.persons,
            "revoked_left_out": s.revoked_left_out,
            "money": s.money,
            "priced": s.priced,
            "unpriced": s.unpriced,
        },
        "tables": [
            {
                "slug": t.slug,
                "title": str(t.title),
                "columns": [str(c) for c in t.columns],
                "target": t.target,
                "note": str(t.note),
                "rows": [_row(r) for r in t.rows],
                "total": _row(t.total) if t.total else None,
            }
            for t in stats.tables
        ],
    }


class FigureOut(Schema):
    label: str
    current: int | float | Decimal | None
    previous: int | float | Decimal | None
    filters: dict[str, str] | None
    target: str


class OpenRoundOut(Schema):
    round_id: int
    name: str
    submission_deadline: dt.date
    submission_working_days_left: int
    appraisal_deadline: dt.date
    appraisal_working_days_left: int
    lines: int
    waiting: int
    returned: int


class LateOut(Schema):
    round_id: int
    round_name: str
    year: int
    status: str
    deadline: dt.date
    count: int
    working_days_overdue: int


class StandingOut(Schema):
    cluster_id: int
    name: str
    closed: bool
    """The cross-review is closed: the ranking is final."""
    leading_unit_id: int | None
    ranked: list[dict]


class DashboardOut(Schema):
    today: dt.date
    award_year: int
    """The emulation year shown: ``nam`` when given, else ``default_year``."""
    default_year: int
    """The latest year whose annual titles (LĐTT, CSTĐCS, TTLĐTT, TTLĐXS) are recorded in
    the caller's reach."""
    proposal_year: int
    figures: list[FigureOut]
    proposal_figures: list[FigureOut]
    open_rounds: list[OpenRoundOut]
    late: list[LateOut]
    cluster_year: int
    clusters: list[StandingOut]


def _figure(f) -> dict:
    return {
        "label": str(f.label),
        "current": f.current,
        "previous": f.previous,
        "filters": f.drill,
        "target": f.target,
    }


@router.get("/dashboard", response=DashboardOut, summary="Tổng quan cho lãnh đạo")
def dashboard(request, nam: str | None = None):
    """The leader dashboard of the caller's reach, as the page ``/tong-quan/?nam=``: key
    figures of the emulation year ``nam`` (by default the latest year whose annual titles are
    recorded) against the year before and that year's cluster rankings; this year's
    proposals, open rounds and late lines. 400 with the reason for a bad ``nam``."""
    require_unit_reach(request.user)
    today = timezone.localdate()
    form = DashboardYearForm({"nam": nam} if nam is not None else None, today=today)
    if form.error():
        raise DomainError(form.error(), field="nam")
    board = dashboard_for(user=request.user, today=today, year=form.year())
    return {
        "today": board.today,
        "award_year": board.award_year,
        "default_year": board.default_year,
        "proposal_year": board.proposal_year,
        "figures": [_figure(f) for f in board.figures],
        "proposal_figures": [_figure(f) for f in board.proposal_figures],
        "open_rounds": [
            {
                "round_id": r.round.pk,
                "name": r.round.name,
                "submission_deadline": r.round.submission_deadline,
                "submission_working_days_left": r.submission_left,
                "appraisal_deadline": r.round.appraisal_deadline,
                "appraisal_working_days_left": r.appraisal_left,
                "lines": r.lines,
                "waiting": r.waiting,
                "returned": r.returned,
            }
            for r in board.rounds
        ],
        "late": [
            {
                "round_id": i.round_id,
                "round_name": i.round_name,
                "year": i.year,
                "status": i.status,
                "deadline": i.deadline,
                "count": i.count,
                "working_days_overdue": i.overdue,
            }
            for i in board.late
        ],
        "cluster_year": board.cluster_year,
        "clusters": [
            {
                "cluster_id": s.cluster.pk,
                "name": s.cluster.name,
                "closed": s.closed,
                "leading_unit_id": s.leading_unit.pk if s.leading_unit else None,
                "ranked": [
                    {"rank": rank, "unit_id": unit.pk, "unit": unit.short_name, "total": total}
                    for rank, unit, total in s.ranked
                ],
            }
            for s in board.clusters
        ],
    }
