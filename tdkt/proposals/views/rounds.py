"""Pages of proposal rounds: list, detail, open and edit, close."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django_tables2 import RequestConfig

from tdkt.core.errors import DomainError, apply_domain_error
from tdkt.emulation.models import Movement
from tdkt.proposals import permissions, selectors
from tdkt.proposals.forms import RoundFilterForm, RoundForm
from tdkt.proposals.models import LineStatus, ProposalStatus
from tdkt.proposals.services import rounds as services
from tdkt.proposals.services.appraisal import appraisal_deadline
from tdkt.proposals.tables import RoundTable
from tdkt.proposals.views import PAGE_SIZE


@login_required
def round_list(request):
    """Rounds, filtered by year, kind and state, sorted and paged."""
    permissions.require_view(request.user)
    form = RoundFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    table = RoundTable(selectors.round_list(user=request.user, filters=filters))
    RequestConfig(request, paginate={"per_page": PAGE_SIZE}).configure(table)
    context = {
        "form": form,
        "table": table,
        "can_manage": permissions.can_manage_rounds(request.user),
        "can_propose": permissions.can_propose(request.user),
    }
    return render(request, "proposals/round_list.html", context)


@login_required
def round_detail(request, pk):
    """A round: its kind, deadlines and accepted codes, and the proposals the user may see."""
    round_ = selectors.round_get(user=request.user, pk=pk)
    proposals = selectors.proposal_list(user=request.user, filters={"round": round_})
    page = Paginator(proposals, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "round": round_,
        "proposals": page,
        "page": page,
        "can_manage": permissions.can_manage_rounds(request.user),
        "can_propose": permissions.can_propose(request.user) and round_.is_open,
        "progress": _appraisal_progress(request.user, round_),
        "deadline": appraisal_deadline(round_),
    }
    return render(request, "proposals/round_detail.html", context)


def _appraisal_progress(user, round_) -> list[tuple[str, str, int]]:
    """Lines of the round's submitted proposals the user may see, counted by state (one
    query): ``(state, label, count)`` in the order of the flow."""
    counts = dict(
        selectors.line_list(user=user)
        .filter(proposal__round=round_, proposal__status=ProposalStatus.SUBMITTED)
        .order_by()
        .values_list("status")
        .annotate(n=Count("pk"))
    )
    states = [s for s in LineStatus if s != LineStatus.DRAFT]
    return [(s.value, s.label, counts.get(s.value, 0)) for s in states]


def _input(data) -> services.RoundInput:
    return services.RoundInput(
        name=data["name"],
        kind=data["kind"],
        year=data["year"],
        movement=data["movement"],
        simplified_case=data["simplified_case"],
        submission_deadline=data["submission_deadline"],
        appraisal_deadline=data["appraisal_deadline"],
        appraisal_working_days=data["appraisal_working_days"],
        award_types=list(data["award_types"]),
        note=data["note"],
    )


def _form(request, initial=None) -> RoundForm:
    return RoundForm(
        request.POST if request.method == "POST" else None,
        movements=Movement.objects.restrict(request.user).order_by("-start_year", "name"),
        initial=initial,
    )


@login_required
@require_http_methods(["GET", "POST"])
def round_create(request):
    """Open a round (sector officer)."""
    permissions.require_manage_rounds(request.user)
    form = _form(request)
    if request.method == "POST" and form.is_valid():
        try:
            round_ = services.round_create(data=_input(form.cleaned_data), user=request.user)
        except DomainError as error:
            apply_domain_error(form, error)
        else:
            messages.success(request, _("Đã mở đợt đề nghị."))
            return redirect("proposals:round-detail", pk=round_.pk)
    context = {"form": form, "round": None, "back": reverse("proposals:round-list")}
    return render(request, "proposals/round_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def round_edit(request, pk):
    round_ = selectors.round_get(user=request.user, pk=pk, manage=True)
    fields = ("name", "kind", "year", "simplified_case", "submission_deadline")
    initial = {name: getattr(round_, name) for name in fields + ("appraisal_working_days", "note")}
    if round_.appraisal_working_days is None:
        initial["appraisal_deadline"] = round_.appraisal_deadline
    initial.update(
        version=round_.version,
        movement=round_.movement_id,
        award_types=[a.pk for a in round_.award_types.all()],
    )
    form = _form(request, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.round_update(
                round_=round_,
                data=_input(form.cleaned_data),
                expected_version=form.cleaned_data["version"],
                user=request.user,
            )
        except DomainError as error:
            apply_domain_error(form, error)
        else:
            messages.success(request, _("Đã lưu đợt đề nghị."))
            return redirect("proposals:round-detail", pk=round_.pk)
    back = reverse("proposals:round-detail", kwargs={"pk": round_.pk})
    return render(
        request, "proposals/round_form.html", {"form": form, "round": round_, "back": back}
    )


@login_required
@require_http_methods(["GET", "POST"])
def round_close(request, pk):
    """Confirm, then close a round."""
    round_ = selectors.round_get(user=request.user, pk=pk, manage=True)
    back = reverse("proposals:round-detail", kwargs={"pk": round_.pk})
    error = None
    if request.method == "POST":
        try:
            services.round_close(round_=round_, user=request.user)
        except DomainError as exc:
            error = exc.message
        else:
            messages.success(request, _("Đã đóng đợt %(name)s.") % {"name": round_})
            return redirect(back)
    context = {
        "title": _("Đóng đợt đề nghị"),
        "question": _(
            "Đóng đợt “%(name)s”? Sau khi đóng, các đơn vị không lập, sửa hay nộp đề nghị "
            "trong đợt này được nữa."
        )
        % {"name": round_},
        "button": _("Đóng đợt"),
        "error": error,
        "back": back,
    }
    return render(request, "proposals/confirm.html", context)
