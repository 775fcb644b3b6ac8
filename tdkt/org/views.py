"""Pages about the organisation: the unit tree on a date, a unit's page, history and edits."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django.views.decorators.vary import vary_on_headers

from tdkt.accounts.scope import reach_of, require_anywhere
from tdkt.awards.models import Award
from tdkt.core.errors import DomainError
from tdkt.core.htmx import is_htmx_partial
from tdkt.core.scope import get_scoped_or_404
from tdkt.org import selectors, services
from tdkt.org.forms import ChildUnitForm, EventForm, TreeQueryForm, UnitForm
from tdkt.org.history import unit_history
from tdkt.org.models import EventKind, Unit
from tdkt.people.models import Person
from tdkt.web.panels import render_verdicts, year_from


def _flatten(nodes, expand: bool):
    """Turn a forest into open/close tokens the template renders without recursion."""
    for node in nodes:
        yield {"node": node, "open": expand or node.unit.depth < 1, "leaf": not node.children}
        if node.children:
            yield from _flatten(node.children, expand)
            yield {"close": True}


@login_required
@vary_on_headers("HX-Request")
def unit_tree(request):
    """The units the user reaches, as they were on the chosen date, with search."""
    require_anywhere(request.user, "view")
    form = TreeQueryForm(request.GET or None)
    today = timezone.localdate()
    day, query = today, ""
    if form.is_valid():
        day = form.cleaned_data["day"] or today
        query = form.cleaned_data["q"].strip()
    roots = selectors.unit_tree_on(user=request.user, day=day, query=query)
    tokens = list(_flatten(roots, expand=bool(query)))
    count = sum(1 for t in tokens if "node" in t)
    context = {"form": form, "day": day, "query": query, "tokens": tokens, "count": count}
    template = "org/_tree.html" if is_htmx_partial(request) else "org/tree.html"
    return render(request, template, context)


@login_required
def unit_detail(request, pk):
    """A unit: its place in the tree, children, staff, lineage, events and collective awards."""
    unit = get_scoped_or_404(Unit.objects.select_related("parent"), request.user, pk=pk)
    today = timezone.localdate()
    children = list(
        unit.children.order_by("sort_order", "short_name").annotate(
            staff=Count("people", filter=Q(people__leaving_date__isnull=True))
        )
    )
    lineage = selectors.unit_lineage(unit, user=request.user)
    staff = Person.objects.restrict(request.user).filter(
        unit__path__startswith=unit.path, leaving_date__isnull=True
    )
    awards = (
        Award.objects.restrict(request.user)
        .filter(unit__in=[u.pk for u in lineage])
        .select_related("award_type", "unit")
        .order_by("-year", "award_type__sort_order")
    )
    context = {
        "unit": unit,
        "children": children,
        "lineage": [u for u in lineage if u.pk != unit.pk],
        "events": selectors.unit_events(unit, user=request.user),
        "staff_count": staff.count(),
        "awards": awards[:100],
        "can_change": Unit.objects.restrict(request.user, "change_org").filter(pk=pk).exists(),
        "today": today,
    }
    return render(request, "org/detail.html", context)


@login_required
def unit_history_view(request, pk):
    """Who changed what about this unit, when and why."""
    unit = get_scoped_or_404(Unit.objects.all(), request.user, pk=pk)
    return render(request, "org/history.html", {"unit": unit, "changes": unit_history(unit)})


@login_required
@require_http_methods(["GET", "POST"])
def unit_edit(request, pk):
    """Edit a unit's names, code, order and validity; refuses to overwrite a concurrent edit."""
    unit = get_scoped_or_404(Unit.objects.all(), request.user, "change_org", pk=pk)
    fields = ("code", "short_name", "full_name", "valid_from", "valid_to", "sort_order")
    if request.method == "POST":
        form = UnitForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.unit_update(
                    unit=unit,
                    expected_version=data["version"],
                    reason=data["reason"],
                    **{name: data[name] for name in fields},
                )
            except DomainError as error:
                form.add_error(error.field if error.field in form.fields else None, error.message)
            else:
                messages.success(request, _("Đã lưu thông tin đơn vị."))
                return redirect("org:detail", pk=unit.pk)
    else:
        form = UnitForm(
            initial={**{name: getattr(unit, name) for name in fields}, "version": unit.version}
        )
    return render(request, "org/edit.html", {"unit": unit, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def unit_create_child(request, pk):
    """Create a unit under ``pk`` (sector officers and administrators)."""
    parent = get_scoped_or_404(Unit.objects.all(), request.user, "change_org", pk=pk)
    form = ChildUnitForm(request.POST or None, initial={"valid_from": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            unit = services.unit_create(parent=parent, **data)
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, _("Đã tạo đơn vị “%(name)s”.") % {"name": unit.short_name})
            return redirect("org:detail", pk=unit.pk)
    return render(request, "org/create_child.html", {"parent": parent, "form": form})


def _event_units(user):
    return Unit.objects.restrict(user, "change_org").order_by("path")


@login_required
@require_http_methods(["GET", "POST"])
def event_create(request):
    """Record a merger, split, rename, dissolution or reorganisation of units in scope."""
    require_anywhere(request.user, "change_org")
    form = EventForm(request.POST or None, units=_event_units(request.user))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.restructuring_record(
                kind=data["kind"],
                date=data["date"],
                predecessors=list(data["predecessors"]),
                successors=list(data["successors"]),
                decision=data["decision"],
                note=data["note"],
                reason=data["reason"],
                close_predecessors=data["close_predecessors"],
            )
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, _("Đã ghi nhận sự kiện tổ chức lại."))
            return redirect("org:events")
    return render(request, "org/event_form.html", {"form": form})


EVENTS_PER_PAGE = 30


@login_required
def event_list(request):
    """Restructuring events touching units in the user's scope, newest first, paged."""
    require_anywhere(request.user, "view")
    events = selectors.events_in_scope(user=request.user, kind=request.GET.get("kind", ""))
    page = Paginator(events, EVENTS_PER_PAGE).get_page(request.GET.get("page"))
    can_record = reach_of(request.user).allows_anywhere("change_org")
    return render(
        request,
        "org/events.html",
        {"page": page, "kinds": EventKind.choices, "kind": request.GET.get("kind", ""),
         "can_record": can_record},
    )  # fmt: skip


@login_required
def unit_eligibility(request, pk):
    """The eligibility panel of a unit (collective titles) for ``?year=``."""
    from tdkt.eligibility.selectors import eligibility_for_unit, quota_findings_for_unit

    unit = get_scoped_or_404(Unit.objects.all(), request.user, pk=pk)
    year = year_from(request)
    verdicts = eligibility_for_unit(unit=unit, year=year)
    quotas = quota_findings_for_unit(unit=unit, year=year)
    url = reverse("org:eligibility", kwargs={"pk": unit.pk})
    return render_verdicts(request, verdicts=verdicts, year=year, panel_url=url, quotas=quotas)
