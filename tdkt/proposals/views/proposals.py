"""Pages of proposals: list and Excel export, create in a round, detail with its lines,
submission and the printable summary."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django_tables2 import RequestConfig

from tdkt.core.errors import DomainError, apply_domain_error
from tdkt.proposals import permissions, selectors
from tdkt.proposals.exports import proposals_workbook
from tdkt.proposals.forms import LineForm, ProposalCreateForm, ProposalFilterForm, VersionForm
from tdkt.proposals.models import ProposalRound
from tdkt.proposals.services import proposals as services
from tdkt.proposals.services.appraisal import appraisal_deadline
from tdkt.proposals.tables import ProposalTable
from tdkt.proposals.views import PAGE_SIZE, XLSX, download

EXPORT_LIMIT = 5000


def _filters(request):
    rounds = ProposalRound.objects.restrict(request.user)
    form = ProposalFilterForm(request.GET or None, rounds=rounds)
    return form, (form.cleaned_data if form.is_valid() else {})


@login_required
def proposal_list(request):
    """Proposals of the units the user reaches, filtered, sorted and paged."""
    permissions.require_view(request.user)
    form, filters = _filters(request)
    table = ProposalTable(selectors.proposal_list(user=request.user, filters=filters))
    RequestConfig(request, paginate={"per_page": PAGE_SIZE}).configure(table)
    return render(request, "proposals/proposal_list.html", {"form": form, "table": table})


@login_required
def proposal_export(request):
    """The filtered proposals as an Excel workbook, one row per line."""
    permissions.require_view(request.user)
    _form, filters = _filters(request)
    proposals = list(selectors.proposal_list(user=request.user, filters=filters)[:EXPORT_LIMIT])
    lines = selectors.line_list(user=request.user).filter(proposal__in=[p.pk for p in proposals])
    content = proposals_workbook(proposals, selectors.checklists_for_lines(lines))
    return download(content, content_type=XLSX, filename="de-nghi-khen-thuong.xlsx")


@login_required
@require_http_methods(["GET", "POST"])
def proposal_create(request, round_pk):
    """Start the proposal of a unit the user may propose for, in an open round."""
    round_ = selectors.round_get(user=request.user, pk=round_pk)
    if not permissions.can_propose(request.user):
        from django.http import Http404

        raise Http404
    form = ProposalCreateForm(request.POST or None, units=selectors.unit_choices(user=request.user))
    if request.method == "POST" and form.is_valid():
        try:
            proposal = services.proposal_create(
                round_=round_, user=request.user, **form.cleaned_data
            )
        except DomainError as error:
            apply_domain_error(form, error)
        else:
            messages.success(request, _("Đã lập đề nghị."))
            return redirect("proposals:proposal-detail", pk=proposal.pk)
    back = reverse("proposals:round-detail", kwargs={"pk": round_.pk})
    context = {"form": form, "round": round_, "back": back}
    return render(request, "proposals/proposal_form.html", context)


def _editable_reason(proposal, user) -> str | None:
    try:
        services.require_editable(proposal, user)
    except DomainError as error:
        return error.message
    return None


def _line_form(proposal, data=None) -> LineForm:
    return LineForm(
        data,
        award_types=proposal.round.award_types.order_by("sort_order", "code"),
        persons=selectors.candidate_persons(proposal),
        units=selectors.candidate_units(proposal),
    )


def _detail_context(request, proposal, line_form=None) -> dict:
    can_edit = permissions.can_edit_unit(request.user, proposal.unit)
    blocked = _editable_reason(proposal, request.user) if can_edit else None
    editable = can_edit and blocked is None
    lines = selectors.line_list(user=request.user, proposal=proposal)
    rows = selectors.checklists_for_lines(lines)
    if editable and line_form is None:
        line_form = _line_form(proposal)
    return {
        "proposal": proposal,
        "round": proposal.round,
        "rows": rows,
        "complete": all(checklist.complete for _line, checklist in rows) and bool(rows),
        "editable": editable,
        "blocked": blocked if can_edit and not proposal.is_submitted else None,
        "line_form": line_form if editable else None,
        "events": selectors.events_of(proposal)[:20],
        "version_form": VersionForm(initial={"version": proposal.version}),
        "deadline": appraisal_deadline(proposal.round) if proposal.is_submitted else None,
    }


@login_required
@require_http_methods(["GET", "POST"])
def proposal_detail(request, pk):
    """A proposal: its lines with their verdicts and dossiers; while it is a draft, the form
    that adds a line."""
    proposal = selectors.proposal_get(user=request.user, pk=pk)
    line_form = None
    if request.method == "POST":
        proposal = selectors.proposal_get(user=request.user, pk=pk, action=permissions.EDIT)
        line_form = _line_form(proposal, request.POST)
        if line_form.is_valid():
            try:
                line = services.line_add(
                    proposal=proposal, user=request.user, **line_form.cleaned_data
                )
            except DomainError as error:
                apply_domain_error(line_form, error)
            else:
                messages.success(request, _("Đã thêm %(line)s.") % {"line": line})
                return redirect("proposals:proposal-detail", pk=proposal.pk)
    context = _detail_context(request, proposal, line_form)
    return render(request, "proposals/proposal_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def proposal_submit(request, pk):
    """Confirm, then submit the whole proposal; a second submission changes nothing."""
    proposal = selectors.proposal_get(user=request.user, pk=pk, action=permissions.EDIT)
    back = reverse("proposals:proposal-detail", kwargs={"pk": proposal.pk})
    error = None
    if request.method == "POST":
        form = VersionForm(request.POST)
        version = form.cleaned_data["version"] if form.is_valid() else None
        try:
            _proposal, changed = services.proposal_submit(
                proposal=proposal, user=request.user, expected_version=version
            )
        except DomainError as exc:
            error = exc.message
        else:
            if changed:
                messages.success(request, _("Đã nộp đề nghị."))
            else:
                messages.info(request, _("Đề nghị đã được nộp trước đó; không có gì thay đổi."))
            return redirect(back)
    context = {
        "title": _("Nộp đề nghị"),
        "question": _(
            "Nộp đề nghị của %(unit)s trong đợt “%(round)s”? Sau khi nộp, đơn vị không sửa "
            "được đề nghị, các dòng và hồ sơ nữa."
        )
        % {"unit": proposal.unit.short_name, "round": proposal.round},
        "button": _("Nộp đề nghị"),
        "danger": False,
        "error": error,
        "back": back,
        "version": proposal.version,
    }
    return render(request, "proposals/confirm.html", context)


@login_required
def proposal_print(request, pk):
    """The printable summary of a proposal: its lines, verdicts and dossiers."""
    proposal = selectors.proposal_get(user=request.user, pk=pk)
    lines = selectors.line_list(user=request.user, proposal=proposal)
    context = {
        "proposal": proposal,
        "round": proposal.round,
        "rows": selectors.checklists_for_lines(lines),
        "printed_at": timezone.localtime(),
    }
    return render(request, "proposals/proposal_print.html", context)
