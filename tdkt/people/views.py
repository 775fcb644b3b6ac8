"""Pages about persons: the list, the person page, edits of facts, history, export."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django.views.decorators.vary import vary_on_headers
from django_tables2 import RequestConfig

from tdkt.accounts.scope import require_anywhere
from tdkt.core.errors import DomainError
from tdkt.core.htmx import is_htmx_partial
from tdkt.org.models import Unit
from tdkt.people import selectors, services
from tdkt.people.filters import PersonFilter
from tdkt.people.forms import FACT_FORMS, FreezeCloseForm, MoveForm, PersonForm
from tdkt.people.history import person_history
from tdkt.people.models import Freeze, Person
from tdkt.people.tables import PersonTable
from tdkt.web.panels import render_verdicts, year_from

PAGE_SIZE = 50


def _filtered(request):
    require_anywhere(request.user, "view")
    base = Person.objects.restrict(request.user).select_related("unit__parent")
    return PersonFilter(request.GET or None, queryset=base, user=request.user)


@login_required
@vary_on_headers("HX-Request")
def person_list(request):
    """Persons in the user's scope, searchable without diacritics, filtered, sorted, paged."""
    person_filter = _filtered(request)
    table = PersonTable(person_filter.qs)
    RequestConfig(request, paginate={"per_page": PAGE_SIZE}).configure(table)
    template = "people/_table.html" if is_htmx_partial(request) else "people/list.html"
    return render(request, template, {"filter": person_filter, "table": table})


@login_required
def person_export(request):
    """The filtered people list as an Excel file in the import template's layout."""
    from tdkt.people.exports import people_workbook

    person_filter = _filtered(request)
    content = people_workbook(person_filter.qs.order_by("unit__path", "search_text"))
    response = HttpResponse(
        content,
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    stamp = timezone.localdate().strftime("%Y%m%d")
    response["Content-Disposition"] = f'attachment; filename="danh-sach-can-bo-{stamp}.xlsx"'
    return response


@login_required
def person_detail(request, pk):
    """Everything about a person on one screen, year by year."""
    person = selectors.person_get(user=request.user, pk=pk)
    dossier = selectors.person_dossier(person=person, today=timezone.localdate())
    can_change = Person.objects.restrict(request.user, "change_people").filter(pk=pk).exists()
    return render(
        request,
        "people/detail.html",
        {"person": person, "dossier": dossier, "can_change": can_change},
    )


def _apply_domain_error(form, error: DomainError) -> None:
    field = error.field if error.field in form.fields else None
    form.add_error(field, error.message)


@login_required
@require_http_methods(["GET", "POST"])
def person_edit(request, pk):
    """Edit a person's own fields; refuses to overwrite a concurrent edit."""
    person = selectors.person_get(user=request.user, pk=pk, action="change_people")
    fields = ("full_name", "gender", "date_of_birth", "rank", "position")
    fields += ("recruitment_date", "leaving_date")
    if request.method == "POST":
        form = PersonForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.person_update(
                    person=person,
                    expected_version=data["version"],
                    reason=data["reason"],
                    **{name: data[name] for name in fields},
                )
            except DomainError as error:
                _apply_domain_error(form, error)
            else:
                messages.success(request, _("Đã lưu thông tin cán bộ."))
                return redirect("people:detail", pk=person.pk)
    else:
        initial = {name: getattr(person, name) for name in fields}
        form = PersonForm(initial={**initial, "version": person.version})
    return render(request, "people/edit.html", {"person": person, "form": form})


def _save_fact(kind: str, person: Person, data: dict) -> None:
    if kind == "rating":
        services.rating_set(person=person, **data)
    elif kind == "absence":
        services.absence_add(person=person, **data)
    elif kind == "discipline":
        services.discipline_add(person=person, **data)
    else:
        services.freeze_add(person=person, **data)


@login_required
@require_http_methods(["GET", "POST"])
def fact_add(request, pk, kind):
    """Add a yearly rating, an absence, a discipline or a freeze to a person."""
    if kind not in FACT_FORMS:
        raise Http404
    person = selectors.person_get(user=request.user, pk=pk, action="change_people")
    form_class, title = FACT_FORMS[kind]
    form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            _save_fact(kind, person, form.cleaned_data)
        except DomainError as error:
            _apply_domain_error(form, error)
        else:
            messages.success(request, _("Đã lưu: %(what)s.") % {"what": title})
            return redirect("people:detail", pk=person.pk)
    return render(
        request, "people/fact_form.html", {"person": person, "form": form, "title": title}
    )


@login_required
def person_history_view(request, pk):
    """Who changed what about this person, when and why."""
    person = selectors.person_get(user=request.user, pk=pk)
    return render(
        request, "people/history.html", {"person": person, "changes": person_history(person)}
    )


@login_required
@require_http_methods(["GET", "POST"])
def person_move_view(request, pk):
    """Transfer a person to another unit the user may change people in."""
    person = selectors.person_get(user=request.user, pk=pk, action="change_people")
    today = timezone.localdate()
    units = Unit.objects.restrict(request.user, "change_people").valid_on(today).order_by("path")
    form = MoveForm(
        request.POST or None,
        units=units,
        initial={"position": person.position, "start": today},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.person_move(person=person, user=request.user, **form.cleaned_data)
        except DomainError as error:
            _apply_domain_error(form, error)
        else:
            messages.success(request, _("Đã điều động cán bộ."))
            return redirect("people:detail", pk=person.pk)
    context = {"person": person, "form": form, "title": _("Điều động, luân chuyển")}
    return render(request, "people/fact_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def freeze_close_view(request, pk, freeze_pk):
    """End an open freeze of a person."""
    person = selectors.person_get(user=request.user, pk=pk, action="change_people")
    freeze = get_object_or_404(Freeze, pk=freeze_pk, person=person)
    form = FreezeCloseForm(request.POST or None, initial={"end": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            services.freeze_close(freeze=freeze, **form.cleaned_data)
        except DomainError as error:
            _apply_domain_error(form, error)
        else:
            messages.success(request, _("Đã kết thúc việc tạm dừng xét khen thưởng."))
            return redirect("people:detail", pk=person.pk)
    title = _("Kết thúc tạm dừng: %(reason)s") % {"reason": freeze.get_reason_display()}
    return render(
        request, "people/fact_form.html", {"person": person, "form": form, "title": title}
    )


@login_required
def person_eligibility(request, pk):
    """The eligibility panel of a person for ``?year=``: every code with its verdict."""
    from tdkt.eligibility.selectors import eligibility_for_person

    person = selectors.person_get(user=request.user, pk=pk)
    year = year_from(request)
    verdicts = eligibility_for_person(person=person, year=year)
    url = reverse("people:eligibility", kwargs={"pk": person.pk})
    return render_verdicts(request, verdicts=verdicts, year=year, panel_url=url)
