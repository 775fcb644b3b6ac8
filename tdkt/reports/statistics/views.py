"""The statistics page, its drill-down lists and the leader dashboard. Every route answers 404
to a user without a role at a unit, and reads only within the user's reach."""

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from tdkt.reports.dashboard import dashboard_for
from tdkt.reports.statistics import excel
from tdkt.reports.statistics.drill import award_drill, line_drill
from tdkt.reports.statistics.figures import statistics_for
from tdkt.reports.statistics.forms import (
    AwardDrillForm,
    DashboardYearForm,
    LineDrillForm,
    PeriodForm,
)
from tdkt.reports.statistics.scope import require_unit_reach, statistics_scope
from tdkt.reports.statistics.tables import AWARDS, LINES

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PAGE_SIZE = 50
TARGETS = {
    AWARDS: "statistics:awards",
    LINES: "statistics:lines",
    "registrations": "emulation:registration-comparison",
}


def drill_url(target: str, scope_params: dict, drill: dict | None) -> str | None:
    """The list behind a figure; the emulation comparison takes only the year."""
    if drill is None:
        return None
    if target == "registrations":
        return f"{reverse(TARGETS[target])}?{urlencode({'year': drill.get('year', '')})}"
    return f"{reverse(TARGETS[target])}?{urlencode({**scope_params, **drill})}"


def chart_urls(chart: dict, target: str, scope_params: dict) -> list[list[str | None]]:
    """The list behind each point of a chart: ``urls[dataset][index]``, from its own filters
    (its label's and its series'), so each bar, point or slice opens its own list."""
    return [[drill_url(target, scope_params, d) for d in row] for row in chart["links"]]


def _download(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def period_form(request) -> PeriodForm:
    """The period filter, bound to the query string, or to the last six years when no year
    was asked for yet."""
    today = timezone.localdate()
    asked = "year_from" in request.GET or "year_to" in request.GET
    data = request.GET if asked else {"year_from": today.year - 5, "year_to": today.year}
    return PeriodForm(data, user=request.user, today=today)


def out_of_reach(form: PeriodForm) -> None:
    """A unit outside the user's reach answers 404, like every out-of-scope object (a value
    that is not a unit id at all is bad input, answered with the form's message)."""
    if form.has_error("unit", "invalid_choice") and str(form.data.get("unit", "")).isdigit():
        raise Http404


def scope_from(request, form: PeriodForm):
    data = form.cleaned_data
    return statistics_scope(
        user=request.user, year_from=data["year_from"], year_to=data["year_to"], unit=data["unit"]
    )


def _display(table, scope_params: dict) -> dict:
    rows = [
        {"label": row.label, "key": row.key, "is_total": row is table.total,
         "cells": [{"value": c.value, "url": drill_url(table.target, scope_params, c.drill)}
                   for c in row.cells]}
        for row in table.all_rows
    ]  # fmt: skip
    chart = None
    if table.chart:
        chart = {**table.chart, "urls": chart_urls(table.chart, table.target, scope_params)}
    return {"table": table, "rows": rows, "chart": chart, "data_id": f"chart-data-{table.slug}"}


@login_required
@require_GET
def statistics_page(request):
    require_unit_reach(request.user)
    form = period_form(request)
    if not form.is_valid():
        out_of_reach(form)
        return render(request, "reports/statistics.html", {"form": form}, status=400)
    scope = scope_from(request, form)
    stats = statistics_for(scope)
    if request.GET.get("format") == "xlsx":
        name = f"thong-ke-khen-thuong-{scope.year_from}-{scope.year_to}.xlsx"
        return _download(excel.statistics_workbook(stats), name)
    params = scope.params()
    context = {
        "form": form,
        "stats": stats,
        "tables": [_display(t, params) for t in stats.tables],
        "params": params,
        "awards_url": drill_url(AWARDS, params, {}),
        "unpriced_url": drill_url(AWARDS, params, {"money": "none"}),
        "revoked_url": drill_url(AWARDS, params, {"revoked": "1"}),
        "priced_url": drill_url(AWARDS, params, {"money": "set"}),
        "persons_url": drill_url(AWARDS, params, {"subject": "P"}),
        "export_url": f"?{urlencode({**params, 'format': 'xlsx'})}",
    }
    return render(request, "reports/statistics.html", context)


def _drill_page(request, *, drill_form_class, select, template, workbook, filename):
    require_unit_reach(request.user)
    form = period_form(request)
    drill_form = drill_form_class(request.GET)
    if not (form.is_valid() and drill_form.is_valid()):
        if not form.is_valid():
            out_of_reach(form)
        context = {"form": form, "drill_form": drill_form}
        return render(request, template, context, status=400)
    scope = scope_from(request, form)
    rows = select(scope, drill_form.cleaned_data)
    if request.GET.get("format") == "xlsx":
        return _download(workbook(rows), f"{filename}-{scope.year_from}-{scope.year_to}.xlsx")
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    query["format"] = "xlsx"
    context = {
        "form": form,
        "drill_form": drill_form,
        "scope": scope,
        "page": page,
        "filters": drill_form.described(),
        "sort": drill_form.cleaned_data.get("sort") or "-year",
        "export_url": f"?{query.urlencode()}",
        "back_url": f"{reverse('statistics:index')}?{urlencode(scope.params())}",
    }
    return render(request, template, context)


@login_required
@require_GET
def award_list(request):
    """The standing awards a figure counts, paged and exportable."""
    return _drill_page(
        request, drill_form_class=AwardDrillForm, select=award_drill,
        template="reports/statistics_awards.html", workbook=excel.award_list_workbook,
        filename="khen-thuong",
    )  # fmt: skip


@login_required
@require_GET
def line_list(request):
    """The proposal lines a figure counts, paged and exportable."""
    return _drill_page(
        request, drill_form_class=LineDrillForm, select=line_drill,
        template="reports/statistics_lines.html", workbook=excel.line_list_workbook,
        filename="dong-de-nghi",
    )  # fmt: skip


def dashboard_links(board) -> dict:
    """The list behind every figure of ``board``: each opens its own year (the award figures
    and the chart's bars of the year shown or of the year before, within those two years; the
    proposal figures the rounds of their year) and its own filters."""
    award_params = {"year_from": board.award_year - 1, "year_to": board.award_year}

    def figure(f, year):
        if f.drill is None:
            return None
        if f.target == LINES:
            return drill_url(LINES, {"year_from": year, "year_to": year}, f.drill)
        return drill_url(AWARDS, award_params, {**f.drill, "year": year})

    def rows(figures, year):
        return [
            {"f": f, "current_url": figure(f, year), "previous_url": figure(f, year - 1)}
            for f in figures
        ]

    late = [
        {"item": item, "url": drill_url(LINES, {"year_from": item.year, "year_to": item.year},
                                         {"round": item.round_id, "status": item.status})}
        for item in board.late
    ]  # fmt: skip
    return {
        "figures": rows(board.figures, board.award_year),
        "proposal_figures": rows(board.proposal_figures, board.proposal_year),
        "chart": {**board.chart, "urls": chart_urls(board.chart, AWARDS, award_params)},
        "late": late,
        "statistics_url": f"{reverse('statistics:index')}?{urlencode(award_params)}",
    }


@login_required
@require_GET
def dashboard(request):
    """The leader dashboard of the user's reach, for the year asked for (``?nam=``) or the
    default one; a bad year is answered with the reason and the default year (status 400)."""
    require_unit_reach(request.user)
    today = timezone.localdate()
    form = DashboardYearForm(request.GET if "nam" in request.GET else None, today=today)
    board = dashboard_for(user=request.user, today=today, year=form.year())
    context = {"board": board, "year_form": form, "year_error": form.error(),
               **dashboard_links(board)}  # fmt: skip
    status = 400 if form.error() else 200
    return render(request, "reports/dashboard.html", context, status=status)
