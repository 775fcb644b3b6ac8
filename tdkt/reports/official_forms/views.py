"""The page to pick and download a statistics form; 404 for users who reach no unit."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from tdkt.reports.official_forms.forms import OfficialFormForm
from tdkt.reports.official_forms.layouts import FORMS
from tdkt.reports.official_forms.report import official_form
from tdkt.reports.official_forms.scope import report_units

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@login_required
@require_GET
def official_forms(request):
    """The form picker; with a valid choice in the query string, the Excel file itself."""
    units = report_units(request.user)
    if not units:
        raise Http404
    today = timezone.localdate()
    asked = "form" in request.GET
    unit_asked = request.GET.get("unit", "")
    if asked and unit_asked.isdigit() and int(unit_asked) not in {u.pk for u in units}:
        raise Http404
    form = OfficialFormForm(
        request.GET if asked else None,
        units=units,
        this_year=today.year,
        initial={"form": "0601", "year": today.year, "unit": units[0].pk},
    )
    if asked and form.is_valid():
        data = form.cleaned_data
        result = official_form(
            user=request.user,
            code=data["form"],
            year=data["year"],
            unit_id=data["unit"],
            today=today,
        )
        response = HttpResponse(result.content, content_type=XLSX)
        response["Content-Disposition"] = f'attachment; filename="{result.filename}"'
        return response
    context = {"form": form, "layouts": list(FORMS.values()), "status": 400 if asked else 200}
    return render(request, "reports/official_forms.html", context, status=context["status"])
