"""Pages of the scoring tables: the list, a table (printable), and the builder of a draft."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from tdkt.core.errors import DomainError, apply_domain_error
from tdkt.scoring import permissions, selectors
from tdkt.scoring.forms import (
    BandsForm,
    CopyLastYearForm,
    CriterionForm,
    GroupForm,
    TableFilterForm,
    TableForm,
    VersionForm,
)
from tdkt.scoring.models import Criterion, ScoringGroup, ScoringTable
from tdkt.scoring.services import tables as services
from tdkt.scoring.views.common import page_of

TABLE_FORM_FIELDS = (
    "unit_type",
    "name",
    "year_from",
    "year_to",
    "basis",
    "bonus_cap",
    "deduction_cap",
    "disagreement_share",
)


@login_required
def table_list(request):
    """Every scoring table, filtered by unit type, status and year, newest first."""
    permissions.require_view(request.user)
    form = TableFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    page = page_of(request, selectors.table_list(filters=filters))
    context = {
        "form": form,
        "page": page,
        "can_edit": permissions.can_edit_tables(request.user),
        "copy_form": CopyLastYearForm(),
    }
    return render(request, "scoring/table_list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def table_create(request):
    permissions.require_edit_tables(request.user)
    form = TableForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in TABLE_FORM_FIELDS}
        try:
            table = services.table_create(user=request.user, **data)
        except DomainError as error:
            apply_domain_error(form, error)
        else:
            messages.success(request, _("Đã tạo bảng dự thảo; hãy thêm nhóm và tiêu chí."))
            return redirect("scoring:table-detail", pk=table.pk)
    return render(
        request, "scoring/form.html", {"form": form, "title": _("Tạo bảng tiêu chí chấm điểm")}
    )


@login_required
@require_POST
def table_copy_last_year(request):
    """Copy last year's published table of a unit type into a draft for the chosen year."""
    permissions.require_edit_tables(request.user)
    form = CopyLastYearForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Hãy chọn loại đơn vị và năm hợp lệ (2000–2100)."))
        return redirect("scoring:tables")
    try:
        table = services.table_copy_last_year(user=request.user, **form.cleaned_data)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("scoring:tables")
    messages.success(request, _("Đã sao chép bảng năm trước thành bảng dự thảo."))
    return redirect("scoring:table-detail", pk=table.pk)


@login_required
def table_detail(request, pk):
    """A table as a tree of groups and criteria; the builder's actions while it is a draft."""
    permissions.require_view(request.user)
    table = get_object_or_404(ScoringTable.objects.select_related("based_on"), pk=pk)
    context = {
        "table": table,
        "rows": selectors.table_tree(table),
        "summary": selectors.table_summary(table),
        "bands": list(table.bands.all()),
        "can_build": permissions.can_edit_tables(request.user) and not table.is_published,
        "can_edit": permissions.can_edit_tables(request.user),
        "version_form": VersionForm(initial={"version": table.version}),
    }
    return render(request, "scoring/table_detail.html", context)


def _draft_for_edit(request, pk) -> ScoringTable:
    permissions.require_edit_tables(request.user)
    return get_object_or_404(ScoringTable, pk=pk)


def _back(table):
    return redirect("scoring:table-detail", pk=table.pk)


def _frozen_guard(request, table):
    if table.is_published:
        messages.error(request, _(services.TABLE_FROZEN))
        return _back(table)
    return None


@login_required
@require_http_methods(["GET", "POST"])
def table_edit(request, pk):
    table = _draft_for_edit(request, pk)
    if guard := _frozen_guard(request, table):
        return guard
    initial = {name: getattr(table, name) for name in TABLE_FORM_FIELDS}
    form = TableForm(request.POST or None, initial={**initial, "version": table.version})
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in TABLE_FORM_FIELDS}
        try:
            services.table_update(
                table=table, expected_version=form.cleaned_data["version"], **data
            )
        except DomainError as error:
            apply_domain_error(form, error)
        else:
            messages.success(request, _("Đã lưu thông tin bảng."))
            return _back(table)
    title = _("Sửa thông tin bảng")
    return render(request, "scoring/form.html", {"form": form, "title": title, "table": table})


@login_required
@require_http_methods(["GET", "POST"])
def group_edit(request, pk, group_pk=None):
    """Add a group to a draft (no ``group_pk``) or change one."""
    table = _draft_for_edit(request, pk)
    if guard := _frozen_guard(request, table):
        return guard
    group = get_object_or_404(ScoringGroup, pk=group_pk, table=table) if group_pk else None
    groups = table.groups.exclude(pk=group.pk) if group else table.groups.all()
    initial = {"version": table.version}
    if group:
        initial.update(code=group.code, title=group.title, parent=group.parent_id)
    form = GroupForm(request.POST or None, groups=groups, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.group_save(
                table=table,
                expected_version=data["version"],
                code=data["code"],
                title=data["title"],
                parent=data["parent"],
                group=group,
            )
        except DomainError as error:
            apply_domain_error(form, error)
        else:
            messages.success(request, _("Đã lưu nhóm tiêu chí."))
            return _back(table)
    title = _("Sửa nhóm tiêu chí") if group else _("Thêm nhóm tiêu chí")
    return render(request, "scoring/form.html", {"form": form, "title": title, "table": table})


@login_required
@require_http_methods(["GET", "POST"])
def criterion_edit(request, pk, criterion_pk=None):
    """Add a criterion to a draft (no ``criterion_pk``) or change one."""
    table = _draft_for_edit(request, pk)
    if guard := _frozen_guard(request, table):
        return guard
    criterion = get_object_or_404(Criterion, pk=criterion_pk, table=table) if criterion_pk else None
    initial = {"version": table.version, "group": request.GET.get("nhom")}
    if criterion:
        initial.update({name: getattr(criterion, name) for name in services.CRITERION_FIELDS})
        initial["group"] = criterion.group_id
    form = CriterionForm(request.POST or None, groups=table.groups.all(), initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("version")
        try:
            services.criterion_save(
                table=table, expected_version=version, criterion=criterion, **data
            )
        except DomainError as error:
            apply_domain_error(form, error)
        else:
            messages.success(request, _("Đã lưu tiêu chí."))
            return _back(table)
    title = _("Sửa tiêu chí") if criterion else _("Thêm tiêu chí")
    return render(request, "scoring/form.html", {"form": form, "title": title, "table": table})


_ITEM_MODELS = {"nhom": ScoringGroup, "tieu-chi": Criterion}


@login_required
@require_http_methods(["GET", "POST"])
def item_delete(request, pk, kind, item_pk):
    """Confirm, then remove a group (when empty) or a criterion from a draft."""
    table = _draft_for_edit(request, pk)
    if guard := _frozen_guard(request, table):
        return guard
    model = _ITEM_MODELS.get(kind) or _missing()
    item = get_object_or_404(model, pk=item_pk, table=table)
    form = VersionForm(request.POST or None, initial={"version": table.version})
    if request.method == "POST" and form.is_valid():
        version = form.cleaned_data["version"]
        try:
            if model is ScoringGroup:
                services.group_delete(group=item, expected_version=version)
            else:
                services.criterion_delete(criterion=item, expected_version=version)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Đã xóa: %(item)s.") % {"item": item})
        return _back(table)
    context = {"form": form, "table": table, "item": item}
    return render(request, "scoring/confirm_delete.html", context)


def _missing():
    from django.http import Http404

    raise Http404


@login_required
@require_POST
def item_move(request, pk, kind, item_pk, direction):
    table = _draft_for_edit(request, pk)
    model = _ITEM_MODELS.get(kind) or _missing()
    item = get_object_or_404(model, pk=item_pk, table=table)
    form = VersionForm(request.POST)
    if not form.is_valid():
        return _back(table)
    if direction not in ("len", "xuong"):
        _missing()
    step = -1 if direction == "len" else 1
    try:
        services.item_move(item=item, expected_version=form.cleaned_data["version"], direction=step)
    except DomainError as error:
        messages.error(request, error.message)
    return redirect(f"{table_url(table)}#{kind}-{item.pk}")


def table_url(table) -> str:
    from django.urls import reverse

    return reverse("scoring:table-detail", kwargs={"pk": table.pk})


@login_required
@require_http_methods(["GET", "POST"])
def bands_edit(request, pk):
    """The classification bands of a draft; prefilled with the default shares when empty."""
    table = _draft_for_edit(request, pk)
    if guard := _frozen_guard(request, table):
        return guard
    bands = [(b.name, b.min_points) for b in table.bands.all()] or services.default_bands(table)
    initial = {"version": table.version}
    for i, (name, minimum) in enumerate(bands):
        initial[f"name_{i}"], initial[f"min_{i}"] = name, minimum
    form = BandsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.bands_set(
                table=table,
                expected_version=form.cleaned_data["version"],
                bands=form.cleaned_data["bands"],
            )
        except DomainError as error:
            apply_domain_error(form, error)
        else:
            messages.success(request, _("Đã lưu các mức xếp loại."))
            return _back(table)
    context = {"form": form, "table": table, "maximum": services.standard_maximum(table)}
    return render(request, "scoring/bands.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def table_publish(request, pk):
    """Confirm, then freeze a draft."""
    table = _draft_for_edit(request, pk)
    if guard := _frozen_guard(request, table):
        return guard
    form = VersionForm(request.POST or None, initial={"version": table.version})
    if request.method == "POST" and form.is_valid():
        try:
            services.table_publish(
                table=table, expected_version=form.cleaned_data["version"], user=request.user
            )
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Đã ban hành bảng; từ nay bảng không sửa được nữa."))
        return _back(table)
    context = {"form": form, "table": table, "summary": selectors.table_summary(table)}
    return render(request, "scoring/confirm_publish.html", context)


@login_required
@require_POST
def table_new_version(request, pk):
    permissions.require_edit_tables(request.user)
    table = get_object_or_404(ScoringTable, pk=pk)
    copy = services.table_new_version(table=table, user=request.user)
    messages.success(request, _("Đã tạo phiên bản mới (dự thảo) của bảng."))
    return _back(copy)
