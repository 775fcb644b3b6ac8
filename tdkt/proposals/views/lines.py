"""Pages of a proposal line: its verdict and reasons, re-check, its dossier (upload, download,
remove files), removal of the line."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from tdkt.core.errors import DomainError, apply_domain_error
from tdkt.proposals import permissions, selectors
from tdkt.proposals.forms import AppraisalForm, DocumentForm, ResubmitForm
from tdkt.proposals.models import ChecklistItem, LineAppraisal
from tdkt.proposals.services import appraisal as appraisal_services
from tdkt.proposals.services import dossiers as dossier_services
from tdkt.proposals.services import proposals as services


def _context(request, line, form=None, appraisal_form=None, resubmit_form=None) -> dict:
    proposal = line.proposal
    line.proposal = proposal
    ((_line, checklist),) = selectors.checklists_for_lines([line])
    can_edit = permissions.can_edit_unit(request.user, proposal.unit)
    try:
        services.require_line_editable(line, request.user)
        editable = can_edit
    except DomainError:
        editable = False
    can_appraise = (
        proposal.is_submitted
        and line.awaits_appraisal
        and permissions.can_manage_rounds(request.user)
    )
    if can_appraise and appraisal_form is None:
        appraisal_form = AppraisalForm(initial={"version": line.version})
    can_resubmit = proposal.is_submitted and line.is_returned and can_edit
    if can_resubmit and resubmit_form is None:
        initial = {"version": line.version, "achievement": line.achievement}
        resubmit_form = ResubmitForm(initial=initial)
    if editable and form is None:
        pks = [item.pk for item, _docs in checklist.rows]
        form = DocumentForm(items=ChecklistItem.objects.filter(pk__in=pks).order_by("position"))
    return {
        "line": line,
        "proposal": proposal,
        "checklist": checklist,
        "verdict": line.reasons if line.outcome else None,
        "editable": editable,
        "can_recheck": can_edit
        and (not proposal.is_submitted or permissions.can_manage_rounds(request.user)),
        "form": form if editable else None,
        "appraisal_form": appraisal_form if can_appraise else None,
        "resubmit_form": resubmit_form if can_resubmit else None,
        "steps": list(LineAppraisal.objects.filter(line=line).select_related("actor")),
        "deadline": appraisal_services.appraisal_deadline(proposal.round)
        if proposal.is_submitted
        else None,
    }


def _errors_text(form) -> str:
    """Every error of a form that can no longer be shown (the line changed state meanwhile)."""
    return " ".join(str(message) for errors in form.errors.values() for message in errors)


@login_required
@require_http_methods(["GET", "POST"])
def line_detail(request, pk):
    """A line: the stored verdict and its reasons, the dossier checklist; while the proposal is
    a draft, the upload form."""
    line = selectors.line_get(user=request.user, pk=pk)
    form = None
    if request.method == "POST":
        line = selectors.line_get(user=request.user, pk=pk, action=permissions.EDIT)
        pks = [i.pk for i in selectors.checklist_items_for(line.proposal.round, line.award_type)]
        items = ChecklistItem.objects.filter(pk__in=pks).order_by("position")
        form = DocumentForm(request.POST, request.FILES, items=items)
        if form.is_valid():
            try:
                dossier_services.document_upload(
                    line=line,
                    item=form.cleaned_data["item"],
                    upload=form.cleaned_data["file"],
                    user=request.user,
                )
            except DomainError as error:
                apply_domain_error(form, error)
            else:
                messages.success(request, _("Đã tải lên tài liệu."))
                return redirect("proposals:line-detail", pk=line.pk)
    return render(request, "proposals/line_detail.html", _context(request, line, form))


@login_required
@require_POST
def line_appraise(request, pk):
    """The sector officer accepts, returns (with a comment) or rejects a submitted line."""
    line = selectors.line_get(user=request.user, pk=pk)
    permissions.require_manage_rounds(request.user)
    form = AppraisalForm(request.POST)
    if form.is_valid():
        try:
            appraisal_services.line_appraise(
                line=line,
                decision=form.cleaned_data["decision"],
                comment=form.cleaned_data["comment"],
                user=request.user,
                expected_version=form.cleaned_data["version"],
            )
        except DomainError as error:
            apply_domain_error(form, error)
        else:
            messages.success(request, _("Đã ghi kết quả thẩm định."))
            return redirect("proposals:line-detail", pk=line.pk)
    line = selectors.line_get(user=request.user, pk=pk)
    context = _context(request, line, appraisal_form=form)
    if context["appraisal_form"] is None:
        context["appraisal_error"] = _errors_text(form)
    return render(request, "proposals/line_detail.html", context)


@login_required
@require_POST
def line_resubmit(request, pk):
    """The unit sends a line returned for correction back for appraisal."""
    line = selectors.line_get(user=request.user, pk=pk, action=permissions.EDIT)
    form = ResubmitForm(request.POST)
    if form.is_valid():
        try:
            appraisal_services.line_resubmit(
                line=line,
                note=form.cleaned_data["note"],
                achievement=form.cleaned_data["achievement"],
                user=request.user,
                expected_version=form.cleaned_data["version"],
            )
        except DomainError as error:
            apply_domain_error(form, error)
        else:
            messages.success(request, _("Đã nộp lại dòng đề nghị để thẩm định."))
            return redirect("proposals:line-detail", pk=line.pk)
    line = selectors.line_get(user=request.user, pk=pk)
    context = _context(request, line, resubmit_form=form)
    if context["resubmit_form"] is None:
        context["appraisal_error"] = _errors_text(form)
    return render(request, "proposals/line_detail.html", context)


@login_required
@require_POST
def line_recheck(request, pk):
    """Check the line again by the rule engine and store the new verdict."""
    line = selectors.line_get(user=request.user, pk=pk, action=permissions.EDIT)
    try:
        services.line_recheck(line=line, user=request.user)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Đã kiểm tra lại điều kiện."))
    return redirect("proposals:line-detail", pk=line.pk)


@login_required
@require_http_methods(["GET", "POST"])
def line_delete(request, pk):
    """Confirm, then remove a line and its files from a draft proposal."""
    line = selectors.line_get(user=request.user, pk=pk, action=permissions.EDIT)
    back = reverse("proposals:line-detail", kwargs={"pk": line.pk})
    error = None
    if request.method == "POST":
        try:
            services.line_delete(line=line, user=request.user)
        except DomainError as exc:
            error = exc.message
        else:
            messages.success(request, _("Đã xóa dòng đề nghị."))
            return redirect("proposals:proposal-detail", pk=line.proposal_id)
    context = {
        "title": _("Xóa dòng đề nghị"),
        "question": _("Xóa dòng “%(line)s” cùng các tài liệu hồ sơ đã tải lên?") % {"line": line},
        "button": _("Xóa"),
        "error": error,
        "back": back,
    }
    return render(request, "proposals/confirm.html", context)


@login_required
def document_download(request, pk, document_pk):
    """A file of the dossier, for users who may see the line."""
    document = selectors.document_get(user=request.user, line_pk=pk, pk=document_pk)
    try:
        handle = document.file.open("rb")
    except (FileNotFoundError, ValueError) as exc:
        raise Http404 from exc
    return FileResponse(
        handle,
        as_attachment=True,
        filename=document.original_name,
        content_type=document.content_type,
    )


@login_required
@require_http_methods(["GET", "POST"])
def document_delete(request, pk, document_pk):
    """Confirm, then remove a file from a draft proposal's dossier."""
    selectors.line_get(user=request.user, pk=pk, action=permissions.EDIT)
    document = selectors.document_get(user=request.user, line_pk=pk, pk=document_pk)
    back = reverse("proposals:line-detail", kwargs={"pk": pk})
    error = None
    if request.method == "POST":
        try:
            dossier_services.document_delete(document=document, user=request.user)
        except DomainError as exc:
            error = exc.message
        else:
            messages.success(request, _("Đã xóa tài liệu."))
            return redirect(back)
    context = {
        "title": _("Xóa tài liệu"),
        "question": _("Xóa tệp “%(name)s” khỏi hồ sơ?") % {"name": document.original_name},
        "button": _("Xóa"),
        "error": error,
        "back": back,
    }
    return render(request, "proposals/confirm.html", context)
