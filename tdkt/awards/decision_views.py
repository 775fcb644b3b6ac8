"""Pages of decisions and transmissions upward.

Everyone with a role sees the decisions in their scope (a unit's officer: those with an award
in their units, and only those awards); the sector office (``change_catalog``) records,
transmits and revokes. Anything else, or out of scope, answers 404.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django_tables2 import RequestConfig

from tdkt.awards import decision_selectors as selectors
from tdkt.awards import decisions as services
from tdkt.awards.decision_exports import decisions_workbook, recipients_workbook
from tdkt.awards.decision_forms import (
    DecisionFilterForm,
    DecisionForm,
    DecisionRevokeForm,
    NotAwardedForm,
    TransmissionForm,
    UpperDecisionForm,
)
from tdkt.awards.decision_tables import DecisionTable, RecipientTable
from tdkt.awards.models import TransmissionOutcome
from tdkt.core.errors import DomainError, apply_domain_error
from tdkt.proposals import permissions
from tdkt.proposals.models import ProposalRound
from tdkt.proposals.views import PAGE_SIZE, XLSX, download

EXPORT_LIMIT = 5000


def _require_view(user) -> None:
    if not permissions.can_view(user):
        raise Http404


def _filtered(request):
    _require_view(request.user)
    rounds = ProposalRound.objects.restrict(request.user)
    form = DecisionFilterForm(request.GET or None, rounds=rounds)
    filters = form.cleaned_data if form.is_valid() else {}
    return form, selectors.decision_list(user=request.user, filters=filters)


@login_required
def decision_list(request):
    """Decisions in scope, filtered by year, round, authority and validity, sorted, paged."""
    form, decisions = _filtered(request)
    table = DecisionTable(decisions)
    RequestConfig(request, paginate={"per_page": PAGE_SIZE}).configure(table)
    context = {
        "form": form,
        "table": table,
        "can_manage": permissions.can_manage_rounds(request.user),
        "query": request.GET.urlencode(),
    }
    return render(request, "awards/decision_list.html", context)


@login_required
def decision_export(request):
    _form, decisions = _filtered(request)
    content = decisions_workbook(list(decisions[:EXPORT_LIMIT]))
    return download(content, content_type=XLSX, filename="quyet-dinh-khen-thuong.xlsx")


@login_required
def decision_detail(request, pk):
    """A decision, its state and its recipients in scope (paged), with the money total."""
    decision = selectors.decision_get(user=request.user, pk=pk)
    table = RecipientTable(selectors.recipients(user=request.user, decision=decision))
    RequestConfig(request, paginate={"per_page": PAGE_SIZE}).configure(table)
    context = {
        "decision": decision,
        "table": table,
        "totals": selectors.recipient_totals(user=request.user, decision=decision),
        "can_manage": permissions.can_manage_rounds(request.user),
    }
    return render(request, "awards/decision_detail.html", context)


@login_required
def decision_recipients_export(request, pk):
    """The attached list in scope as an Excel workbook, with the money total."""
    decision = selectors.decision_get(user=request.user, pk=pk)
    awards = selectors.recipients(user=request.user, decision=decision)
    content = recipients_workbook(decision, awards)
    return download(content, content_type=XLSX, filename=f"danh-sach-quyet-dinh-{decision.pk}.xlsx")


def _round_from(request):
    rounds = ProposalRound.objects.restrict(request.user)
    value = request.POST.get("round") or request.GET.get("round")
    if value and str(value).isdigit():
        return rounds.filter(pk=int(value)).first(), rounds
    return None, rounds


def _stamp(lines) -> str:
    return ",".join(f"{line.pk}:{line.version}" for line in lines)


def _pick(form, lines, request) -> None:
    form.set_lines([line.pk for line in lines])
    if request.method != "POST":
        form.initial["stamp"] = _stamp(lines)


@login_required
@require_http_methods(["GET", "POST"])
def decision_create(request):
    """Record the sector's decision: choose a round, tick passed lines, type the decision."""
    permissions.require_manage_rounds(request.user)
    round_, rounds = _round_from(request)
    lines = list(selectors.passed_lines(round_=round_, state_level=False)) if round_ else []
    form = DecisionForm(request.POST or None)
    _pick(form, lines, request)
    if request.method == "POST" and round_ is None:
        messages.error(request, _("Hãy chọn đợt đề nghị."))
    if request.method == "POST" and round_ is not None and form.is_valid():
        data = form.cleaned_data
        try:
            decision = services.decision_record(
                round_=round_,
                lines=data["lines"],
                data=services.DecisionData.from_values(data),
                user=request.user,
                expected_versions=form.expected_versions(),
            )
        except DomainError as error:
            apply_domain_error(form, error)
        else:
            messages.success(
                request,
                _("Đã ghi quyết định số %(number)s: %(count)s khen thưởng.")
                % {"number": decision.number, "count": len(data["lines"])},
            )
            return redirect("awards:decision-detail", pk=decision.pk)
    context = {
        "form": form,
        "round": round_,
        "rounds": rounds,
        "lines": lines,
        "ticked": {int(v) for v in request.POST.getlist("lines") if v.isdigit()},
        "money": services.money_for({line.award_type.code for line in lines}, _today()),
    }
    return render(request, "awards/decision_form.html", context)


def _today():
    from django.utils import timezone

    return timezone.localdate()


@login_required
@require_http_methods(["GET", "POST"])
def decision_revoke(request, pk):
    """Revoke the whole decision, after confirmation, with its date and reason."""
    decision = selectors.decision_manage_get(user=request.user, pk=pk)
    if decision.revoked:
        messages.info(request, _("Quyết định này đã bị hủy bỏ."))
        return redirect("awards:decision-detail", pk=decision.pk)
    form = DecisionRevokeForm(request.POST or None, initial={"version": decision.version})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.decision_revoke(
                decision=decision,
                expected_version=data["version"],
                revoked_on=data["revoked_on"],
                reason=data["reason"],
                user=request.user,
            )
        except DomainError as error:
            apply_domain_error(form, error)
        else:
            messages.success(request, _("Đã hủy bỏ quyết định và mọi khen thưởng của quyết định."))
            return redirect("awards:decision-detail", pk=decision.pk)
    totals = selectors.recipient_totals(user=request.user, decision=decision)
    return render(
        request,
        "awards/decision_revoke.html",
        {"form": form, "decision": decision, "totals": totals},
    )


# ------------------------------------------------------------------ transmissions


@login_required
def transmission_list(request):
    from django.core.paginator import Paginator

    transmissions = selectors.transmission_list(user=request.user)
    page = Paginator(transmissions, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request, "awards/decision_transmission_list.html", {"page": page, "transmissions": page}
    )


@login_required
@require_http_methods(["GET", "POST"])
def transmission_create(request):
    """Send passed lines of state-level codes upward (*tờ trình lên cấp trên*)."""
    permissions.require_manage_rounds(request.user)
    round_, rounds = _round_from(request)
    lines = list(selectors.passed_lines(round_=round_, state_level=True)) if round_ else []
    form = TransmissionForm(request.POST or None)
    _pick(form, lines, request)
    if request.method == "POST" and round_ is None:
        messages.error(request, _("Hãy chọn đợt đề nghị."))
    if request.method == "POST" and round_ is not None and form.is_valid():
        data = form.cleaned_data
        try:
            transmission = services.transmission_record(
                round_=round_,
                lines=data["lines"],
                data=services.TransmissionData(
                    number=data["number"],
                    sent_on=data["sent_on"],
                    receiver=data["receiver"],
                    summary=data["summary"],
                ),
                user=request.user,
                expected_versions=form.expected_versions(),
            )
        except DomainError as error:
            apply_domain_error(form, error)
        else:
            messages.success(request, _("Đã ghi tờ trình số %s.") % transmission.number)
            return redirect("awards:transmission-detail", pk=transmission.pk)
    context = {
        "form": form,
        "round": round_,
        "rounds": rounds,
        "lines": lines,
        "ticked": {int(v) for v in request.POST.getlist("lines") if v.isdigit()},
    }
    return render(request, "awards/decision_transmission_form.html", context)


def _transmission_page(request, transmission, *, award_form=None, refuse_form=None):
    items = list(selectors.transmission_items(transmission))
    pending = [item.line for item in items if item.outcome == TransmissionOutcome.PENDING]
    award_form = award_form or UpperDecisionForm(prefix="award")
    refuse_form = refuse_form or NotAwardedForm(prefix="refuse")
    for form in (award_form, refuse_form):
        _pick(form, pending, request if form.is_bound else _Get())
    context = {
        "transmission": transmission,
        "items": items,
        "pending": pending,
        "award_form": award_form,
        "refuse_form": refuse_form,
        "ticked": {int(v) for key in ("award-lines", "refuse-lines")
                   for v in request.POST.getlist(key) if v.isdigit()},
    }  # fmt: skip
    return render(request, "awards/decision_transmission_detail.html", context)


class _Get:
    method = "GET"


@login_required
def transmission_detail(request, pk):
    transmission = selectors.transmission_get(user=request.user, pk=pk)
    return _transmission_page(request, transmission)


@login_required
@require_POST
def transmission_award(request, pk):
    """The upper authority's decision for the ticked lines of a transmission."""
    transmission = selectors.transmission_get(user=request.user, pk=pk)
    form = UpperDecisionForm(request.POST, prefix="award")
    pending = [
        item.line_id
        for item in transmission.items.filter(outcome=TransmissionOutcome.PENDING).only("line_id")
    ]
    form.set_lines(pending)
    if form.is_valid():
        data = form.cleaned_data
        try:
            decision = services.transmission_award(
                transmission=transmission,
                lines=data["lines"],
                data=services.DecisionData.from_values(data),
                user=request.user,
                expected_versions=form.expected_versions(),
            )
        except DomainError as error:
            apply_domain_error(form, error)
        else:
            messages.success(request, _("Đã ghi quyết định số %s của cấp trên.") % decision.number)
            return redirect("awards:decision-detail", pk=decision.pk)
    return _transmission_page(request, transmission, award_form=form)


@login_required
@require_POST
def transmission_refuse(request, pk):
    """Record "không khen thưởng" with its reason for the ticked lines of a transmission."""
    transmission = selectors.transmission_get(user=request.user, pk=pk)
    form = NotAwardedForm(request.POST, prefix="refuse")
    pending = [
        item.line_id
        for item in transmission.items.filter(outcome=TransmissionOutcome.PENDING).only("line_id")
    ]
    form.set_lines(pending)
    if form.is_valid():
        data = form.cleaned_data
        try:
            done = services.transmission_refuse(
                transmission=transmission,
                lines=data["lines"],
                reason=data["reason"],
                user=request.user,
                expected_versions=form.expected_versions(),
            )
        except DomainError as error:
            apply_domain_error(form, error)
        else:
            messages.success(
                request, _("Đã ghi kết quả không khen thưởng cho %s dòng đề nghị.") % len(done)
            )
            return redirect("awards:transmission-detail", pk=transmission.pk)
    return _transmission_page(request, transmission, refuse_form=form)


# ------------------------------------------------------------------ documents

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF = "application/pdf"


def _document(request, build, *, filename: str, back: str):
    """The file ``build()`` makes, or back to ``back`` with the template error explained."""
    try:
        content = build()
    except DomainError as error:
        messages.error(request, error.message)
        return redirect(back)
    content_type = DOCX if filename.endswith(".docx") else PDF
    return download(content, content_type=content_type, filename=filename)


def _safe(text: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in text).strip("-") or "van-ban"


@login_required
def decision_document(request, pk, fmt):
    """The decision with its attached list (the recipients the user may see)."""
    from tdkt.awards import decision_documents as documents

    decision = selectors.decision_get(user=request.user, pk=pk)
    awards = list(selectors.recipients(user=request.user, decision=decision))

    def build():
        context = documents.decision_context(decision, awards)
        if fmt == "docx":
            return documents.render_docx(documents.word_templates.DECISION, context)
        return documents.render_pdf("awards/decision_pdf.html", context)

    return _document(
        request,
        build,
        filename=f"quyet-dinh-{_safe(decision.number)}.{fmt}",
        back=reverse_decision(decision),
    )


def reverse_decision(decision) -> str:
    from django.urls import reverse

    return reverse("awards:decision-detail", args=[decision.pk])


@login_required
def transmission_document(request, pk, fmt):
    from django.urls import reverse

    from tdkt.awards import decision_documents as documents

    transmission = selectors.transmission_get(user=request.user, pk=pk)
    context = documents.transmission_context(transmission)
    build = documents.submission_docx if fmt == "docx" else documents.submission_pdf
    return _document(
        request,
        lambda: build(context),
        filename=f"to-trinh-{_safe(transmission.number)}.{fmt}",
        back=reverse("awards:transmission-detail", args=[transmission.pk]),
    )


@login_required
def proposal_document(request, pk, fmt):
    """The unit's submission (*tờ trình*) with the list of its proposal's lines."""
    from django.urls import reverse

    from tdkt.awards import decision_documents as documents
    from tdkt.proposals import selectors as proposal_selectors

    proposal = proposal_selectors.proposal_get(user=request.user, pk=pk)
    context = documents.proposal_submission_context(proposal)
    build = documents.submission_docx if fmt == "docx" else documents.submission_pdf
    return _document(
        request,
        lambda: build(context),
        filename=f"to-trinh-de-nghi-{proposal.pk}.{fmt}",
        back=reverse("proposals:proposal-detail", args=[proposal.pk]),
    )


@login_required
def line_report(request, pk, fmt):
    """The achievement report of a proposal line, pre-filled from the candidate's record."""
    from django.urls import reverse

    from tdkt.awards import decision_documents as documents
    from tdkt.proposals import selectors as proposal_selectors

    line = proposal_selectors.line_get(user=request.user, pk=pk)
    build = documents.report_docx if fmt == "docx" else documents.report_pdf
    return _document(
        request,
        lambda: build(line, user=request.user),
        filename=f"bao-cao-thanh-tich-{line.pk}.{fmt}",
        back=reverse("proposals:line-detail", args=[line.pk]),
    )
