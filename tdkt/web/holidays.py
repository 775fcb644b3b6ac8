"""The working-day calendar page: the sector officer lists the days off of a year, adds one
and removes one after confirmation. Other users get 404 (the calendar is sector data)."""

import datetime as dt

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from tdkt.accounts.permissions import CHANGE_CATALOG
from tdkt.accounts.scope import require_anywhere
from tdkt.core.errors import DomainError
from tdkt.core.models import PublicHoliday
from tdkt.core.workdays import holiday_add, holiday_delete


def _require_officer(user) -> None:
    require_anywhere(user, CHANGE_CATALOG)


class HolidayForm(forms.Form):
    date = forms.DateField(
        label=gettext_lazy("Ngày"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    name = forms.CharField(label=gettext_lazy("Tên ngày nghỉ"), max_length=200)


def _year(request) -> int:
    try:
        year = int(request.GET.get("nam", ""))
    except ValueError:
        return timezone.localdate().year
    return year if 1900 <= year <= 2100 else timezone.localdate().year


@login_required
@require_http_methods(["GET", "POST"])
def holiday_list(request):
    """The days off of one year (weekends are never listed: they are always off)."""
    _require_officer(request.user)
    year = _year(request)
    form = HolidayForm(request.POST or None, initial={"date": dt.date(year, 1, 1)})
    if request.method == "POST" and form.is_valid():
        try:
            holiday = holiday_add(date=form.cleaned_data["date"], name=form.cleaned_data["name"])
        except DomainError as error:
            field = error.field if error.field in form.fields else None
            form.add_error(field, error.message)
        else:
            messages.success(request, _("Đã thêm ngày nghỉ %(day)s.") % {"day": holiday})
            return redirect(f"{reverse('web:holidays')}?nam={holiday.date.year}")
    holidays = PublicHoliday.objects.filter(date__year=year)
    context = {"holidays": holidays, "year": year, "form": form}
    return render(request, "web/holidays.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def holiday_remove(request, pk):
    """Confirm, then remove a day off."""
    _require_officer(request.user)
    holiday = get_object_or_404(PublicHoliday, pk=pk)
    back = f"{reverse('web:holidays')}?nam={holiday.date.year}"
    if request.method == "POST":
        holiday_delete(holiday=holiday)
        messages.success(request, _("Đã xóa ngày nghỉ %(day)s.") % {"day": holiday})
        return redirect(back)
    context = {"holiday": holiday, "back": back}
    return render(request, "web/holiday_confirm.html", context)
