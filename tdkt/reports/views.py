"""Commendation records of a person and of a unit: a printable page, a PDF and an Excel file.

Each answers 404 to a user who may not view the person or unit.
"""

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from tdkt.accounts.permissions import CHANGE_PEOPLE, VIEW
from tdkt.accounts.scope import require_anywhere
from tdkt.org.models import Unit
from tdkt.people.models import Person
from tdkt.reports import exchange, exports, records
from tdkt.reports.exports import PDF, XLSX, record_filename
from tdkt.reports.forms import ExchangeForm


def download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    """An attachment named ``filename``."""
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
    return download(exports.person_record_pdf(record), PDF, record_filename(record, "pdf"))


@login_required
@require_GET
def person_record_excel(request, pk):
    record = records.person_record(user=request.user, pk=pk, today=timezone.localdate())
    return download(exports.person_record_workbook(record), XLSX, record_filename(record, "xlsx"))


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
    return download(exports.unit_record_pdf(record), PDF, record_filename(record, "pdf"))


@login_required
@require_GET
def unit_record_excel(request, pk):
    record = records.unit_record(
        user=request.user, pk=pk, today=timezone.localdate(), all_initiatives=True
    )
    return download(exports.unit_record_workbook(record), XLSX, record_filename(record, "xlsx"))


@login_required
@require_GET
def decisions_export(request):
    """Decisions, recipients and titles of a period in the user's reach, as JSON or CSV; the
    form alone until a valid period is asked for."""
    require_anywhere(request.user, VIEW)
    today = timezone.localdate()
    asked = "format" in request.GET
    form = ExchangeForm(
        request.GET if asked else None,
        initial={"date_from": dt.date(today.year, 1, 1), "date_to": today, "format": "json"},
    )
    if not asked or not form.is_valid():
        return render(request, "reports/exchange.html", {"form": form})
    data = form.cleaned_data
    return exchange.streamed_export(
        user=request.user, date_from=data["date_from"], date_to=data["date_to"], fmt=data["format"]
    )
