"""Pages of advanced models: the list (filters, paging, Excel), the by-province view, a model's
page with its stories and spread, the edit forms, and the public page (no login)."""

import datetime as dt

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tdkt.accounts.permissions import MANAGE_EMULATION, VIEW
from tdkt.accounts.scope import reach_of
from tdkt.core.errors import DomainError
from tdkt.org.models import Unit
from tdkt.reports.advanced import selectors, services
from tdkt.reports.advanced.exports import models_workbook
from tdkt.reports.advanced.forms import (
    AdoptionFilterForm,
    AdoptionForm,
    AdvancedModelForm,
    MapFilterForm,
    ModelFilterForm,
    StoryForm,
)
from tdkt.reports.advanced.province_tiles import COLUMNS, ROWS
from tdkt.reports.advanced.spread import model_spread, sector_spread, spread_chart
from tdkt.reports.models import Adoption, Story

PAGE_SIZE = 25
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _require(user, action=VIEW) -> None:
    reach = reach_of(user)
    if not (reach.everything or reach.paths.get(action)):
        raise Http404


def _model_filters(data) -> dict:
    """The ``models_for`` filters from a valid filter form's data (an invalid form filters
    nothing: its errors are shown beside the fields)."""
    return {
        "year": data.get("year"),
        "province": data.get("province"),
        "source_kind": data.get("source_kind"),
        "query": data.get("q", ""),
        "owner": data.get("owner"),
    }


def _filtered(request):
    _require(request.user)
    form = ModelFilterForm(request.GET or None, today=timezone.localdate())
    data = form.cleaned_data if form.is_valid() else {}
    return form, selectors.models_for(request.user, **_model_filters(data))


def _query_without(request, *names) -> str:
    """The page's query string without ``names`` (to build drill-down links that keep the
    filters)."""
    query = request.GET.copy()
    for name in ("page", *names):
        query.pop(name, None)
    return query.urlencode()


def _owner_name(user, owner) -> str:
    """The name of the owner unit filtered on, when the user reaches it (one query)."""
    if not owner:
        return ""
    unit = Unit.objects.restrict(user).filter(pk=owner).only("full_name").first()
    return unit.full_name if unit else ""


@login_required
@require_GET
def model_list(request):
    form, models = _filtered(request)
    page = Paginator(models, PAGE_SIZE).get_page(request.GET.get("page"))
    reach = reach_of(request.user)
    can_add = bool(reach.everything or reach.paths.get(MANAGE_EMULATION))
    owner = form.cleaned_data.get("owner") if form.is_bound and form.is_valid() else None
    context = {
        "filter": form,
        "page": page,
        "can_add": can_add,
        "owner_name": _owner_name(request.user, owner),
        "spread": sector_spread(models),
        "drill_query": _query_without(request, "adopted_year"),
    }
    return render(request, "reports/advanced/list.html", context)


@login_required
@require_GET
def adoption_list(request):
    """The adoptions behind a figure of the spread tables: of one year, of the filtered models."""
    _require(request.user)
    form = AdoptionFilterForm(request.GET or None, today=timezone.localdate())
    data = form.cleaned_data if form.is_valid() else {}
    adoptions = selectors.adoptions_for(
        request.user, adopted_year=data.get("adopted_year"), **_model_filters(data)
    )
    page = Paginator(adoptions, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "filter": form,
        "page": page,
        "owner_name": _owner_name(request.user, data.get("owner")),
    }
    return render(request, "reports/advanced/adoptions.html", context)


@login_required
@require_GET
def model_export(request):
    _form, models = _filtered(request)
    response = HttpResponse(models_workbook(models), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="dien-hinh-tien-tien.xlsx"'
    return response


@login_required
@require_GET
def model_by_province(request):
    _require(request.user)
    form = MapFilterForm(request.GET or None)
    year = form.cleaned_data.get("year") if form.is_valid() else None
    models = selectors.models_for(request.user, year=year)
    context = {
        "filter": form,
        "year": year,
        "map": selectors.by_province(request.user, today=timezone.localdate(), year=year),
        "grid": {"rows": ROWS, "columns": COLUMNS},
        "spread": sector_spread(models),
        "drill_query": f"year={year}" if year else "",
    }
    return render(request, "reports/advanced/by_province.html", context)


def _input(data) -> services.ModelInput:
    return services.ModelInput(
        year=data["year"],
        title=data["title"],
        reason=data["reason"],
        source_kind=data["source_kind"],
        person=data["person"],
        collective=data["collective"],
        source_award=data.get("source_award"),
        source_movement=data.get("source_movement"),
        source_cluster=data.get("source_cluster"),
        public_summary=data.get("public_summary", ""),
    )


def _apply_error(form, error: DomainError) -> None:
    field = error.field if error.field in form.fields else None
    if field == "person" and "person_code" in form.fields:
        field = "person_code" if form.cleaned_data.get("person") else "collective_code"
    form.add_error(field, error.message)


@login_required
@require_http_methods(["GET", "POST"])
def model_create(request):
    _require(request.user, MANAGE_EMULATION)
    initial = {"year": timezone.localdate().year, "source_kind": "OTHER"}
    for key in ("person_code", "collective_code"):
        if request.GET.get(key):
            initial[key] = request.GET[key]
    form = AdvancedModelForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            model = services.advanced_model_create(
                data=_input(form.cleaned_data), user=request.user
            )
        except DomainError as error:
            _apply_error(form, error)
        else:
            messages.success(request, _("Đã ghi nhận điển hình tiên tiến."))
            return redirect("advanced_models:detail", pk=model.pk)
    context = {"form": form, "title": _("Ghi nhận điển hình tiên tiến")}
    return render(
        request, "reports/advanced/form.html", context, status=400 if form.errors else 200
    )


@login_required
@require_http_methods(["GET", "POST"])
def model_edit(request, pk):
    model = selectors.model_for(request.user, pk, MANAGE_EMULATION)
    initial = {
        "version": model.version,
        "person_code": model.person.code if model.person_id else "",
        "collective_code": model.collective.code if model.collective_id else "",
        "year": model.year,
        "title": model.title,
        "reason": model.reason,
        "source_kind": model.source_kind,
        "source_award": model.source_award_id,
        "source_movement": model.source_movement_id,
        "source_cluster": model.source_cluster_id,
        "public_summary": model.public_summary,
    }
    form = AdvancedModelForm(request.POST or None, user=request.user, editing=True, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.advanced_model_update(
                model=model,
                data=_input(form.cleaned_data),
                expected_version=form.cleaned_data.get("version"),
                user=request.user,
                reason=form.cleaned_data["change_reason"],
            )
        except DomainError as error:
            _apply_error(form, error)
        else:
            messages.success(request, _("Đã lưu thay đổi."))
            return redirect("advanced_models:detail", pk=model.pk)
    context = {"form": form, "model": model, "title": _("Sửa điển hình tiên tiến")}
    return render(
        request, "reports/advanced/form.html", context, status=400 if form.errors else 200
    )


def _detail_context(request, model, **forms):
    adoptions = list(model.adoptions.select_related("unit"))
    spread = model_spread(adoptions, first_year=model.year, today=timezone.localdate())
    return {
        "model": model,
        "stories": list(model.stories.all()),
        "adoptions": adoptions,
        "spread": spread,
        "spread_chart": spread_chart(spread) if spread else None,
        "changes": selectors.model_history(model),
        "can_manage": services.may_manage(request.user, model),
        "story_form": forms.get("story_form") or StoryForm(),
        "adoption_form": forms.get("adoption_form")
        or AdoptionForm(initial={"adopted_on": timezone.localdate()}),
        "public_url": settings.TDKT_SITE_URL.rstrip("/")
        + reverse("advanced_models:public", args=[model.public_token]),
    }


@login_required
@require_GET
def model_detail(request, pk):
    model = selectors.model_for(request.user, pk)
    return render(request, "reports/advanced/detail.html", _detail_context(request, model))


@login_required
@require_POST
def model_publish(request, pk):
    model = selectors.model_for(request.user, pk, MANAGE_EMULATION)
    version = request.POST.get("version", "")
    try:
        services.advanced_model_publish(
            model=model,
            published=request.POST.get("published") == "1",
            expected_version=int(version) if version.isdigit() else None,
            user=request.user,
        )
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, _("Đã công khai điển hình.") if model.published else _("Đã thôi công khai.")
        )
    return redirect("advanced_models:detail", pk=model.pk)


@login_required
@require_POST
def story_add(request, pk):
    model = selectors.model_for(request.user, pk, MANAGE_EMULATION)
    form = StoryForm(request.POST, request.FILES)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.story_add(
                model=model, user=request.user, title=data["title"],
                published_on=data["published_on"], outlet=data["outlet"], link=data["link"],
                upload=data.get("file"),
            )  # fmt: skip
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, _("Đã thêm bài viết."))
            return redirect("advanced_models:detail", pk=model.pk)
    context = _detail_context(request, model, story_form=form)
    return render(request, "reports/advanced/detail.html", context, status=400)


@login_required
@require_POST
def story_remove(request, pk, story_pk):
    model = selectors.model_for(request.user, pk, MANAGE_EMULATION)
    story = get_object_or_404(Story, model=model, pk=story_pk)
    services.story_remove(story=story, user=request.user)
    messages.success(request, _("Đã xóa bài viết."))
    return redirect("advanced_models:detail", pk=model.pk)


def _file(story: Story):
    if not story.file:
        raise Http404
    try:
        handle = story.file.open("rb")
    except (FileNotFoundError, ValueError) as exc:
        raise Http404 from exc
    return FileResponse(handle, as_attachment=True, filename=story.file_name or None)


@login_required
@require_GET
def story_file(request, pk, story_pk):
    model = selectors.model_for(request.user, pk)
    return _file(get_object_or_404(Story, model=model, pk=story_pk))


@login_required
@require_POST
def adoption_add(request, pk):
    model = selectors.model_for(request.user, pk, MANAGE_EMULATION)
    form = AdoptionForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.adoption_add(
                model=model, user=request.user, unit_code=data["unit_code"],
                adopted_on=data["adopted_on"], note=data["note"],
            )  # fmt: skip
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, _("Đã ghi nhận đơn vị học tập, nhân rộng."))
            return redirect("advanced_models:detail", pk=model.pk)
    context = _detail_context(request, model, adoption_form=form)
    return render(request, "reports/advanced/detail.html", context, status=400)


@login_required
@require_POST
def adoption_remove(request, pk, adoption_pk):
    model = selectors.model_for(request.user, pk, MANAGE_EMULATION)
    adoption = get_object_or_404(Adoption, model=model, pk=adoption_pk)
    services.adoption_remove(adoption=adoption, user=request.user)
    messages.success(request, _("Đã xóa ghi nhận nhân rộng."))
    return redirect("advanced_models:detail", pk=model.pk)


@require_GET
def public_page(request, token):
    """The published model without login: public fields, stories and spread only."""
    model = selectors.public_model(token)
    context = {
        "model": model,
        "stories": list(model.stories.all()),
        "adoptions": list(model.adoptions.select_related("unit")),
        "today": dt.date.today(),
    }
    return render(request, "reports/advanced/public.html", context)


@require_GET
def public_story_file(request, token, story_pk):
    model = selectors.public_model(token)
    return _file(get_object_or_404(Story, model=model, pk=story_pk))
