"""Commendation records of a person and of a unit: a printable page, a PDF and an Excel file.

Each answers 404 to a user who may not view the person or unit.
"""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from tdkt.accounts.permissions import CHANGE_PEOPLE
from tdkt.documents.pdf import render_pdf
from tdkt.org.models import Unit
from tdkt.people.models import Person
from tdkt.reports import records
from tdkt.reports.exports import person_record_workbook, unit_record_workbook

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
