"""Pages of the dossier checklists: every user with a role reads them; the sector officer
(``change_catalog``) adds, corrects, ends and deletes items. Anyone else gets 404 on the
writing pages."""

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from tdkt.accounts.permissions import CHANGE_CATALOG
from tdkt.accounts.scope import reach_of, require_anywhere
from tdkt.catalog.models import AwardType
from tdkt.core.errors import DomainError, apply_domain_error
from tdkt.core.history import changes_of
from tdkt.proposals.forms import ChecklistItemForm
from tdkt.proposals.models import ChecklistItem, Procedure
from tdkt.proposals.services import checklists as services

FIELDS = ("name", "valid_from", "valid_to", "mandatory", "unsure", "citation")


def _require(user, action: str) -> None:
    require_anywhere(user, action)


def _list_url(code: str) -> str:
    return f"{reverse('proposals:checklists')}?code={code}"


@login_required
@require_GET
def checklist_list(request):
    """The checklist of one code (``?code=``), by procedure, every period, with the number of
    documents filed against each item; ``?day=`` keeps the items in force that day."""
    _require(request.user, "view")
    award_types = list(AwardType.objects.order_by("sort_order", "code"))
    if not award_types:
        raise Http404
    chosen = next((a for a in award_types if a.code == request.GET.get("code")), award_types[0])
    try:
        day = dt.date.fromisoformat(request.GET.get("day", ""))
    except ValueError:
        day = None
    items = ChecklistItem.objects.filter(award_type=chosen)
    if day is not None:
        items = items.filter(valid_from__lte=day).exclude(valid_to__lt=day)
    items = items.annotate(documents_count=Count("documents")).order_by(
        "procedure", "-valid_from", "position", "pk"
    )
    by_procedure = {value: [] for value, _label in Procedure.choices}
    for item in items:
        by_procedure[item.procedure].append(item)
    sections = [(label, by_procedure[value]) for value, label in Procedure.choices]
    context = {
        "award_types": award_types,
        "chosen": chosen,
        "day": day,
        "sections": sections,
        "can_change": reach_of(request.user).allows_anywhere(CHANGE_CATALOG),
    }
    return render(request, "proposals/checklists.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def checklist_item_add(request, code):
    _require(request.user, CHANGE_CATALOG)
    award_type = get_object_or_404(AwardType, code=code)
    form = ChecklistItemForm(
        request.POST or None, adding=True, initial={"mandatory": True, "procedure": "NORMAL"}
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.checklist_item_add(
                award_type=award_type,
                procedure=data["procedure"],
                data=services.ItemInput(**{name: data[name] for name in FIELDS}),
                reason=data["reason"],
                user=request.user,
            )
        except DomainError as error:
            apply_domain_error(form, error)
        else:
            messages.success(request, _("Đã thêm thành phần hồ sơ."))
            return redirect(_list_url(code))
    title = _("Thêm thành phần hồ sơ — %(code)s") % {"code": award_type.code}
    return render(
        request,
        "proposals/checklist_form.html",
        {"form": form, "title": title, "award_type": award_type, "back": _list_url(code)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def checklist_item_edit(request, pk):
    _require(request.user, CHANGE_CATALOG)
    item = get_object_or_404(ChecklistItem.objects.select_related("award_type"), pk=pk)
    code = item.award_type.code
    if request.method == "POST":
        form = ChecklistItemForm(request.POST, adding=False)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.checklist_item_update(
                    item=item,
                    data=services.ItemInput(**{name: data[name] for name in FIELDS}),
                    position=data["position"],
                    expected_version=data["version"],
                    reason=data["reason"],
                    user=request.user,
                )
            except DomainError as error:
                apply_domain_error(form, error)
            else:
                messages.success(request, _("Đã sửa thành phần hồ sơ."))
                return redirect(_list_url(code))
    else:
        initial = {name: getattr(item, name) for name in FIELDS}
        form = ChecklistItemForm(
            adding=False, initial={**initial, "position": item.position, "version": item.version}
        )
    title = _("Sửa thành phần hồ sơ — %(code)s") % {"code": code}
    return render(
        request,
        "proposals/checklist_form.html",
        {
            "form": form,
            "title": title,
            "award_type": item.award_type,
            "item": item,
            "back": _list_url(code),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def checklist_item_delete(request, pk):
    _require(request.user, CHANGE_CATALOG)
    item = get_object_or_404(ChecklistItem.objects.select_related("award_type"), pk=pk)
    code = item.award_type.code
    error = None
    if request.method == "POST":
        try:
            version = int(request.POST.get("version", ""))
        except ValueError:
            version = -1
        try:
            services.checklist_item_delete(item=item, expected_version=version, user=request.user)
        except DomainError as refused:
            error = refused.message
        else:
            messages.success(request, _("Đã xóa thành phần hồ sơ “%s”.") % item.name)
            return redirect(_list_url(code))
    return render(
        request,
        "proposals/checklist_delete.html",
        {"item": item, "error": error, "back": _list_url(code)},
    )


@login_required
@require_GET
def checklist_history(request, code):
    """Every recorded change to the checklist of ``code`` (deleted items included), newest
    first: who, when, what and why. Two queries."""
    _require(request.user, "view")
    award_type = get_object_or_404(AwardType, code=code)
    records = list(
        ChecklistItem.history.filter(award_type_id=award_type.pk)
        .select_related("history_user")
        .order_by("id", "history_date", "history_id")
    )
    changes = changes_of(ChecklistItem, records, excluded=("version",))
    procedures = dict(Procedure.choices)
    for change, record in zip(changes, records, strict=True):
        change.what = f"{record.name} ({procedures.get(record.procedure, record.procedure)})"
    changes.sort(key=lambda c: c.when, reverse=True)
    context = {"award_type": award_type, "changes": changes, "back": _list_url(code)}
    return render(request, "proposals/checklist_history.html", context)
