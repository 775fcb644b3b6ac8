"""Pages of registrations: the year's list and deadline, a unit's registration with early
warnings, reopening, and the year-end comparison of registration with result."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from tdkt.accounts.permissions import MANAGE_EMULATION
from tdkt.accounts.scope import require_anywhere
from tdkt.core.errors import DomainError
from tdkt.eligibility.selectors import award_names
from tdkt.emulation.forms import PeriodForm, RegistrationForm, RegistrationStartForm, ReopenForm
from tdkt.emulation.selectors import registrations as selectors
from tdkt.emulation.services import registrations as services
from tdkt.emulation.views import XLSX

PAGE_SIZE = 50


def _year(request) -> int:
    this_year = timezone.localdate().year
    try:
        year = int(request.GET.get("year", this_year))
    except ValueError:
        return this_year
    return min(max(year, 2015), this_year + 1)


def _list_url(year: int) -> str:
    return f"{reverse('emulation:registration-list')}?year={year}"


@login_required
def registration_list(request):
    """Registrations of a year in the user's scope, the deadline, and how to register."""
    require_anywhere(request.user, "view")
    year = _year(request)
    today = timezone.localdate()
    period = selectors.period_of(year)
    page = Paginator(selectors.registration_list(user=request.user, year=year), PAGE_SIZE)
    registrations = page.get_page(request.GET.get("page"))
    deadline = period.deadline if period else None
    for registration in registrations:
        registration.open_now = registration.is_open_on(today, deadline)
    sector = services.is_sector_officer(request.user)
    start_form = None
    if period and deadline >= today:
        units = selectors.unregistered_units(user=request.user, year=year)
        start_form = RegistrationStartForm(units=units) if units.exists() else None
    context = {
        "year": year,
        "period": period,
        "page": registrations,
        "open_for_all": bool(period and deadline >= today),
        "is_sector": sector,
        "period_form": PeriodForm(
            initial={"year": year, "deadline": deadline, "note": period.note if period else ""}
        )
        if sector
        else None,
        "start_form": start_form,
    }
    return render(request, "emulation/registration_list.html", context)


@login_required
@require_POST
def period_set(request):
    """Set the year's registration deadline (sector officer)."""
    require_anywhere(request.user, MANAGE_EMULATION)
    form = PeriodForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Hạn đăng ký không hợp lệ."))
        return redirect(_list_url(timezone.localdate().year))
    year = form.cleaned_data["year"]
    try:
        services.period_set(
            year=year,
            deadline=form.cleaned_data["deadline"],
            note=form.cleaned_data["note"],
            user=request.user,
        )
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Đã đặt hạn đăng ký thi đua năm %(year)s.") % {"year": year})
    return redirect(_list_url(year))


@login_required
@require_POST
def registration_start(request):
    """Open a unit's registration for the year."""
    require_anywhere(request.user, MANAGE_EMULATION)
    year = _year(request)
    form = RegistrationStartForm(
        request.POST, units=selectors.unregistered_units(user=request.user, year=year)
    )
    if not form.is_valid():
        messages.error(request, _("Hãy chọn một đơn vị chưa đăng ký trong phạm vi của bạn."))
        return redirect(_list_url(year))
    try:
        registration = services.registration_start(
            unit=form.cleaned_data["unit"], year=year, user=request.user
        )
    except DomainError as error:
        messages.error(request, error.message)
        return redirect(_list_url(year))
    return redirect("emulation:registration-detail", pk=registration.pk)


@login_required
@require_http_methods(["GET", "POST"])
def registration_detail(request, pk):
    """A unit's registration: one title per collective and per staff member, with what the
    rule engine already finds missing; editable until the deadline or a reopening."""
    registration = selectors.registration_get(user=request.user, pk=pk)
    today = timezone.localdate()
    period = selectors.period_of(registration.year)
    is_open = registration.is_open_on(today, period.deadline if period else None)
    may_edit = is_open and services.may_register(request.user, registration.unit)
    unit_rows, person_rows = selectors.registration_rows(registration)
    names = award_names()
    form = RegistrationForm(
        request.POST if request.method == "POST" and may_edit else None,
        unit_rows=unit_rows,
        person_rows=person_rows,
        names=names,
        initial={"version": registration.version, "note": registration.note},
    )
    if request.method == "POST" and may_edit and form.is_valid():
        try:
            services.registration_save(
                registration=registration,
                collectives=form.targets("c_"),
                persons=form.targets("p_"),
                note=form.cleaned_data["note"],
                expected_version=form.cleaned_data["version"],
                user=request.user,
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Đã lưu bản đăng ký thi đua."))
            return redirect("emulation:registration-detail", pk=registration.pk)
    context = {
        "registration": registration,
        "period": period,
        "is_open": is_open,
        "may_edit": may_edit,
        "form": form,
        "unit_rows": [(row, form[f"c_{row.subject.pk}"]) for row in unit_rows],
        "person_rows": [(row, form[f"p_{row.subject.pk}"]) for row in person_rows],
        "names": names,
        "registered_persons": sum(1 for r in person_rows if r.code),
        "is_sector": services.is_sector_officer(request.user),
        "reopen_form": ReopenForm(initial={"until": today}),
    }
    return render(request, "emulation/registration_detail.html", context)


@login_required
@require_POST
def registration_reopen(request, pk):
    """Reopen one unit's registration after the deadline (sector officer)."""
    registration = selectors.registration_get(user=request.user, pk=pk)
    form = ReopenForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Ngày mở lại không hợp lệ."))
    else:
        try:
            services.registration_reopen(
                registration=registration, until=form.cleaned_data["until"], user=request.user
            )
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Đã mở lại bản đăng ký."))
    return redirect("emulation:registration-detail", pk=registration.pk)


@login_required
def registration_comparison(request):
    """Registration against result for the year, per unit and in total."""
    require_anywhere(request.user, "view")
    year = _year(request)
    rows = selectors.comparison(user=request.user, year=year)
    totals = {
        "registered": sum(r.registered for r in rows),
        "achieved": sum(r.achieved for r in rows),
        "unregistered": sum(r.unregistered for r in rows),
    }
    show_all = request.GET.get("tat_ca") == "1"
    for row in rows:
        row.shown = [line for line in row.lines if show_all or line.status != "achieved"]
    context = {
        "year": year,
        "rows": rows,
        "totals": totals,
        "names": award_names(),
        "show_all": show_all,
    }
    return render(request, "emulation/registration_comparison.html", context)


@login_required
def registration_comparison_export(request):
    """The comparison as an Excel workbook: a summary sheet and a sheet of every line."""
    from tdkt.emulation.exports import comparison_workbook

    require_anywhere(request.user, "view")
    year = _year(request)
    rows = selectors.comparison(user=request.user, year=year)
    response = HttpResponse(comparison_workbook(rows, year, award_names()), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="dang-ky-va-ket-qua-{year}.xlsx"'
    return response


@login_required
def registration_export(request, pk):
    """A unit's registration as an Excel workbook (collectives, staff, early warnings)."""
    from tdkt.emulation.exports import registration_workbook

    registration = selectors.registration_get(user=request.user, pk=pk)
    unit_rows, person_rows = selectors.registration_rows(registration)
    content = registration_workbook(registration, unit_rows, person_rows, award_names())
    response = HttpResponse(content, content_type=XLSX)
    filename = f"dang-ky-thi-dua-{registration.year}-{registration.unit.code}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
