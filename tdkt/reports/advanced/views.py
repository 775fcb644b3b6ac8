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
from tdkt.reports.advanced import selectors, services
from tdkt.reports.advanced.exports import models_workbook
from tdkt.reports.advanced.forms import (
    AdoptionForm,
    AdvancedModelForm,
    ModelFilterForm,
    StoryForm,
)
from tdkt.reports.models import Adoption, Story

PAGE_SIZE = 25
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _require(user, action=VIEW) -> None:
    reach = reach_of(user)
    if not (reach.everything or reach.paths.get(action)):
        raise Http404


def _filtered(request):
    _require(request.user)
    today = timezone.localdate()
    form = ModelFilterForm(request.GET or None, today=today)
    data = form.cleaned_data if form.is_valid() else {}
    models = selectors.models_for(
        request.user,
        year=data.get("year"),
        province=data.get("province"),
        source_kind=data.get("source_kind"),
        query=data.get("q", ""),
    )
    return form, models


@login_required
@require_GET
def model_list(request):
    form, models = _filtered(request)
    page = Paginator(models, PAGE_SIZE).get_page(request.GET.get("page"))
    reach = reach_of(request.user)
    can_add = bool(reach.everything or reach.paths.get(MANAGE_EMULATION))
    context = {"filter": form, "page": page, "can_add": can_add}
    return render(request, "reports/advanced/list.html", context)


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
    year = request.GET.get("year", "")
    year = int(year) if year.isdigit() else None
    rows = selectors.by_province(request.user, today=timezone.localdate(), year=year)
    top = max((r.models for r in rows), default=0)
    for row in rows:
        row.level = 0 if not row.models else 1 + (4 * row.models - 1) // top
    context = {"rows": rows, "year": year, "total": sum(r.models for r in rows)}
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
    return {
        "model": model,
        "stories": list(model.stories.all()),
        "adoptions": list(model.adoptions.select_related("unit")),
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
