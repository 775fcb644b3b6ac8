"""Pages about the organisation: the unit tree on a date, a unit's page, history and edits."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tdkt.accounts.scope import reach_of
from tdkt.awards.models import Award
from tdkt.core.errors import DomainError
from tdkt.core.scope import get_scoped_or_404
from tdkt.org import selectors, services
from tdkt.org.forms import TreeQueryForm, UnitForm
from tdkt.org.history import unit_history
from tdkt.org.models import Unit
from tdkt.people.models import Person


def _flatten(nodes, expand: bool):
    """Turn a forest into open/close tokens the template renders without recursion."""
    for node in nodes:
        yield {"node": node, "open": expand or node.unit.depth < 1, "leaf": not node.children}
        if node.children:
            yield from _flatten(node.children, expand)
            yield {"close": True}


@login_required
def unit_tree(request):
    """The units the user reaches, as they were on the chosen date, with search."""
    if not reach_of(request.user).allows_anywhere("view"):
        raise Http404
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
    template = "org/_tree.html" if request.htmx else "org/tree.html"
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
    lineage = selectors.unit_lineage(unit)
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
        "lineage": lineage[1:],
        "events": selectors.unit_events(unit),
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
