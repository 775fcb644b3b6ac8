"""Pages of movements: list, page (who takes part, what came of it), launch and edit, reviews
with their reports, the thematic awards given for it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django_tables2 import RequestConfig

from tdkt.accounts.permissions import MANAGE_EMULATION
from tdkt.accounts.scope import reach_of, require_anywhere
from tdkt.core.errors import DomainError, apply_domain_error
from tdkt.emulation.forms import (
    MovementAwardsForm,
    MovementFilterForm,
    MovementForm,
    MovementReviewForm,
)
from tdkt.emulation.selectors import movements as selectors
from tdkt.emulation.services import movements as services
from tdkt.emulation.tables import MovementTable

PAGE_SIZE = 50
AWARD_CANDIDATES_SHOWN = 300


@login_required
def movement_list(request):
    """Movements the user may see, searched, filtered, sorted and paged."""
    require_anywhere(request.user, "view")
    form = MovementFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    table = MovementTable(selectors.movement_list(user=request.user, filters=filters))
    RequestConfig(request, paginate={"per_page": PAGE_SIZE}).configure(table)
    can_manage = reach_of(request.user).allows_anywhere(MANAGE_EMULATION)
    return render(
        request,
        "emulation/movement_list.html",
        {"form": form, "table": table, "can_manage": can_manage},
    )


@login_required
def movement_detail(request, pk):
    """A movement: launch, content and targets, participants, reviews, awards given for it."""
    movement = selectors.movement_get(user=request.user, pk=pk)
    outcome = selectors.movement_outcome(movement=movement, user=request.user)
    context = {
        "movement": movement,
        "outcome": outcome,
        "can_manage": selectors.may_manage(request.user, movement),
    }
    return render(request, "emulation/movement_detail.html", context)


def _input(data) -> services.MovementInput:
    return services.MovementInput(
        name=data["name"],
        kind=data["kind"],
        launched_by=data["launched_by"],
        start_year=data["start_year"],
        end_year=data["end_year"],
        document_number=data["document_number"],
        document_date=data["document_date"],
        content=data["content"],
        targets=data["targets"],
        participants=list(data["participants"]),
    )


def _movement_form(request, initial=None):
    return MovementForm(
        request.POST if request.method == "POST" else None,
        launchers=selectors.launcher_choices(user=request.user),
        participants=selectors.participant_choices(user=request.user),
        initial=initial,
    )


@login_required
@require_http_methods(["GET", "POST"])
def movement_create(request):
    """Launch a movement for a unit the user manages emulation at."""
    require_anywhere(request.user, MANAGE_EMULATION)
    form = _movement_form(request)
    if request.method == "POST" and form.is_valid():
        try:
            movement = services.movement_create(data=_input(form.cleaned_data), user=request.user)
        except DomainError as error:
            apply_domain_error(form, error)
        else:
            messages.success(request, _("Đã lưu phong trào thi đua."))
            return redirect("emulation:movement-detail", pk=movement.pk)
    return render(request, "emulation/movement_form.html", {"form": form, "movement": None})


@login_required
@require_http_methods(["GET", "POST"])
def movement_edit(request, pk):
    movement = selectors.movement_get(user=request.user, pk=pk, action=MANAGE_EMULATION)
    fields = ("name", "kind", "document_number", "document_date", "start_year", "end_year")
    initial = {name: getattr(movement, name) for name in fields + ("content", "targets")}
    initial.update(
        version=movement.version,
        launched_by=movement.launched_by_id,
        participants=list(movement.participants.values_list("pk", flat=True)),
    )
    form = _movement_form(request, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.movement_update(
                movement=movement,
                data=_input(form.cleaned_data),
                expected_version=form.cleaned_data["version"],
                user=request.user,
            )
        except DomainError as error:
            apply_domain_error(form, error)
        else:
            messages.success(request, _("Đã lưu phong trào thi đua."))
            return redirect("emulation:movement-detail", pk=movement.pk)
    return render(request, "emulation/movement_form.html", {"form": form, "movement": movement})


@login_required
@require_http_methods(["GET", "POST"])
def review_add(request, pk):
    """Record a mid-term or final review with its report file."""
    movement = selectors.movement_get(user=request.user, pk=pk, action=MANAGE_EMULATION)
    form = MovementReviewForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.movement_review_add(movement=movement, user=request.user, **form.cleaned_data)
        except DomainError as error:
            apply_domain_error(form, error)
        else:
            messages.success(request, _("Đã lưu sơ kết, tổng kết."))
            return redirect("emulation:movement-detail", pk=movement.pk)
    context = {"form": form, "movement": movement, "title": _("Thêm sơ kết, tổng kết")}
    return render(request, "emulation/movement_subform.html", context)


@login_required
def review_report(request, pk, review_pk):
    """The report file of a review, for users who may view the movement."""
    review = selectors.review_get(user=request.user, movement_pk=pk, pk=review_pk)
    try:
        handle = review.report.open("rb")
    except (FileNotFoundError, ValueError) as exc:
        raise Http404 from exc
    return FileResponse(handle, as_attachment=True, filename=review.report_name or None)


@login_required
@require_http_methods(["GET", "POST"])
def movement_awards(request, pk):
    """Choose the thematic awards given for the movement among those of its years."""
    movement = selectors.movement_get(user=request.user, pk=pk, action=MANAGE_EMULATION)
    candidates = selectors.award_candidates(movement=movement, user=request.user)
    shown = candidates.filter(
        pk__in=list(candidates.values_list("pk", flat=True)[:AWARD_CANDIDATES_SHOWN])
    )
    initial = {"awards": list(movement.awards.values_list("pk", flat=True))}
    form = MovementAwardsForm(request.POST or None, candidates=shown, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.movement_awards_set(
                movement=movement, awards=list(form.cleaned_data["awards"]), user=request.user
            )
        except DomainError as error:
            apply_domain_error(form, error)
        else:
            messages.success(request, _("Đã lưu khen thưởng của phong trào."))
            return redirect("emulation:movement-detail", pk=movement.pk)
    context = {"form": form, "movement": movement, "title": _("Khen thưởng theo phong trào")}
    return render(request, "emulation/movement_subform.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def movement_delete(request, pk):
    """Confirm, then delete a movement recorded by mistake (never one already reviewed)."""
    movement = selectors.movement_get(user=request.user, pk=pk, action=MANAGE_EMULATION)
    error = None
    if request.method == "POST":
        try:
            services.movement_delete(movement=movement, user=request.user)
        except DomainError as exc:
            error = exc.message
        else:
            messages.success(request, _("Đã xóa phong trào %(name)s.") % {"name": movement})
            return redirect("emulation:movement-list")
    context = {
        "title": _("Xóa phong trào"),
        "question": _(
            "Xóa phong trào “%(name)s”? Các khen thưởng đã gắn vẫn còn trong sổ khen thưởng. "
            "Việc này không hoàn tác."
        )
        % {"name": movement},
        "error": error,
        "back": reverse("emulation:movement-detail", kwargs={"pk": movement.pk}),
    }
    return render(request, "emulation/confirm_delete.html", context)
