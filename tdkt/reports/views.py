"""Commendation records of a person and of a unit: a printable page, a PDF and an Excel file.

Each answers 404 to a user who may not view the person or unit.
"""

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from tdkt.accounts.permissions import CHANGE_PEOPLE, VIEW
from tdkt.accounts.scope import reach_of
from tdkt.documents.pdf import render_pdf
from tdkt.org.models import Unit
from tdkt.people.models import Person
from tdkt.reports import exchange, records
from tdkt.reports.exports import person_record_workbook, unit_record_workbook
from tdkt.reports.forms import ExchangeForm

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_GET
def person_record(request, pk):
    record = records.person_record(user=request.user, pk=pk, today=timezone.localdate())
    can_change = Person.objects.restrict(request.user, CHANGE_PEOPLE).filter(pk=pk).exists()
    context = {"record": record, "can_change": can_change}
    return render(request, "reports/person_record.html", context)


@login_required
@require_GET
def person_record_pdf(request, pk):
    record = records.person_record(user=request.user, pk=pk, today=timezone.localdate())
    content = render_pdf("reports/pdf/person_record.html", {"record": record})
    return _download(content, "application/pdf", f"ho-so-khen-thuong-{record.person.code}.pdf")


@login_required
@require_GET
def person_record_excel(request, pk):
    record = records.person_record(user=request.user, pk=pk, today=timezone.localdate())
    filename = f"ho-so-khen-thuong-{record.person.code}.xlsx"
    return _download(person_record_workbook(record), XLSX, filename)


@login_required
@require_GET
def unit_record(request, pk):
    record = records.unit_record(user=request.user, pk=pk, today=timezone.localdate())
    can_change = Unit.objects.restrict(request.user, CHANGE_PEOPLE).filter(pk=pk).exists()
    context = {"record": record, "can_change": can_change}
    return render(request, "reports/unit_record.html", context)


@login_required
@require_GET
def unit_record_pdf(request, pk):
    record = records.unit_record(user=request.user, pk=pk, today=timezone.localdate())
    content = render_pdf("reports/pdf/unit_record.html", {"record": record})
    return _download(content, "application/pdf", f"ho-so-khen-thuong-{record.unit.code}.pdf")


@login_required
@require_GET
def unit_record_excel(request, pk):
    record = records.unit_record(user=request.user, pk=pk, today=timezone.localdate())
    filename = f"ho-so-khen-thuong-{record.unit.code}.xlsx"
    return _download(unit_record_workbook(record), XLSX, filename)


@login_required
@require_GET
def decisions_export(request):
    """Decisions, recipients and titles of a period in the user's reach, as JSON or CSV; the
    form alone until a valid period is asked for."""
    if not reach_of(request.user).allows_anywhere(VIEW):
        raise Http404
    today = timezone.localdate()
    asked = "format" in request.GET
    form = ExchangeForm(
        request.GET if asked else None,
        initial={"date_from": dt.date(today.year, 1, 1), "date_to": today, "format": "json"},
    )
    if not asked or not form.is_valid():
        return render(request, "reports/exchange.html", {"form": form})
    start, end = form.cleaned_data["date_from"], form.cleaned_data["date_to"]
    rows = exchange.decision_awards(user=request.user, date_from=start, date_to=end)
    name = f"quyet-dinh-khen-thuong-{start:%Y%m%d}-{end:%Y%m%d}"
    if form.cleaned_data["format"] == "csv":
        response = StreamingHttpResponse(
            exchange.csv_chunks(rows), content_type="text/csv; charset=utf-8"
        )
        name += ".csv"
    else:
        response = StreamingHttpResponse(
            exchange.json_chunks(rows, date_from=start, date_to=end),
            content_type="application/json; charset=utf-8",
        )
        name += ".json"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
