"""The sector officer's pages: consultations, their candidates, publication and closing, the
comments with their senders' private details, their resolution, the outcome and its report.
Everything answers 404 to users who do not manage the consultation."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from tdkt.consultation import permissions, selectors
from tdkt.consultation.forms import (
    CandidateSummaryForm,
    CommentFilterForm,
    ConsultationForm,
    OutcomeForm,
    ResolveForm,
    StatusFilterForm,
)
from tdkt.consultation.models import (
    Candidate,
    Comment,
    ConsultationStatus,
    Outcome,
    Resolution,
)
from tdkt.consultation.services import comments as comment_services
from tdkt.consultation.services import consultations as services
from tdkt.consultation.services.outcome import CandidateOutcome, consultation_record_outcome
from tdkt.consultation.workflow import CONSULTATION_WORKFLOW
from tdkt.core.errors import DomainError, apply_domain_error
from tdkt.proposals.models import ProposalLine, ProposalRound

PAGE_SIZE = 50
DEFAULT_TITLE = "Lấy ý kiến nhân dân: %(round)s"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _version(raw) -> int:
    """The version a confirmation page was opened with; 0 (never stored) when unreadable, so
    a forged value is refused as a stale edit."""
    try:
        return int(raw)
    except (TypeError, ValueError):
        return 0


def _rounds(user):
    return ProposalRound.objects.restrict(user).order_by("-year", "name")


@login_required
def consultation_list(request):
    """The consultations the officer manages, filtered by state, paged."""
    permissions.require_manage(request.user)
    form = StatusFilterForm(request.GET or None)
    status = form.cleaned_data.get("status") if form.is_valid() else ""
    qs = selectors.consultation_list(user=request.user, status=status)
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "consultation/list.html", {"form": form, "page": page})


@login_required
@require_http_methods(["GET", "POST"])
def consultation_create(request):
    """A new draft for a round; the round's eligible lines are listed at once."""
    permissions.require_manage(request.user)
    rounds = _rounds(request.user)
    initial = {}
    if request.GET.get("round", "").isdigit():
        chosen = rounds.filter(pk=request.GET["round"]).first()
        if chosen is not None:
            initial = {"round": chosen.pk, "title": _(DEFAULT_TITLE) % {"round": chosen.name}}
    form = ConsultationForm(request.POST or None, rounds=rounds, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = services.ConsultationInput(**{k: form.cleaned_data[k] for k in _INPUT_FIELDS})
        try:
            consultation = services.consultation_create(data=data, user=request.user)
        except DomainError as exc:
            apply_domain_error(form, exc)
        else:
            messages.success(request, _("Đã tạo đợt lấy ý kiến."))
            return redirect("consultation:detail", pk=consultation.pk)
    return render(request, "consultation/form.html", {"form": form, "consultation": None})


_INPUT_FIELDS = ("title", "round", "opens_on", "intro")


@login_required
@require_http_methods(["GET", "POST"])
def consultation_edit(request, pk):
    consultation = selectors.consultation_get(user=request.user, pk=pk)
    initial = {
        "version": consultation.version,
        "title": consultation.title,
        "round": consultation.round_id,
        "opens_on": consultation.opens_on,
        "intro": consultation.intro,
    }
    form = ConsultationForm(
        request.POST or None, initial=initial, rounds=_rounds(request.user), editing=True
    )
    if request.method == "POST" and form.is_valid():
        values = {k: form.cleaned_data[k] for k in _INPUT_FIELDS}
        values["round"] = consultation.round
        try:
            services.consultation_update(
                consultation=consultation,
                data=services.ConsultationInput(**values),
                expected_version=form.cleaned_data["version"],
                user=request.user,
            )
        except DomainError as exc:
            apply_domain_error(form, exc)
        else:
            messages.success(request, _("Đã lưu."))
            return redirect("consultation:detail", pk=pk)
    context = {"form": form, "consultation": consultation}
    return render(request, "consultation/form.html", context)


@login_required
def consultation_detail(request, pk):
    """A consultation: its period and parameter, its candidates and, for a draft, the lines
    that may still be added; the actions its state allows."""
    consultation = selectors.consultation_get(user=request.user, pk=pk)
    today = timezone.localdate()
    is_draft = consultation.status == ConsultationStatus.DRAFT
    candidates = list(selectors.candidates_of(consultation))
    eligible = (
        list(selectors.eligible_lines(user=request.user, round_=consultation.round))
        if is_draft
        else []
    )
    actions = {t.action for t in CONSULTATION_WORKFLOW.actions_from(consultation.status)}
    context = {
        "consultation": consultation,
        "candidates": candidates,
        "eligible": eligible,
        "is_draft": is_draft,
        "parameter": services.working_days_on(consultation.opens_on),
        "can_close": "CLOSE" in actions and consultation.period_over_on(today),
        "can_record": consultation.status == ConsultationStatus.CLOSED
        or ("CLOSE" in actions and consultation.period_over_on(today)),
        "accepting": consultation.accepts_comments_on(today),
        "unresolved": Comment.objects.filter(consultation=consultation, resolution="").count(),
    }
    return render(request, "consultation/detail.html", context)


def _confirm(request, consultation, *, title, question, button, action, danger=False):
    context = {
        "consultation": consultation,
        "title": title,
        "question": question,
        "button": button,
        "action": action,
        "danger": danger,
        "back": reverse("consultation:detail", args=[consultation.pk]),
    }
    return render(request, "consultation/confirm.html", context)


def _state_change(request, pk, *, service, done, title, question, button, danger=False):
    consultation = selectors.consultation_get(user=request.user, pk=pk)
    if request.method == "POST":
        try:
            version = _version(request.POST.get("version"))
            service(consultation=consultation, expected_version=version, user=request.user)
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, done)
        return redirect("consultation:detail", pk=pk)
    return _confirm(
        request,
        consultation,
        title=title,
        question=question % {"title": consultation.title},
        button=button,
        action=request.path,
        danger=danger,
    )


@login_required
@require_http_methods(["GET", "POST"])
def consultation_publish(request, pk):
    return _state_change(
        request,
        pk,
        service=services.consultation_publish,
        done=_("Đã công bố; trang công khai mở từ ngày bắt đầu."),
        title=_("Công bố đợt lấy ý kiến"),
        question=_(
            "Công bố “%(title)s”? Danh sách và tóm tắt thành tích sẽ hiện trên trang công khai "
            "và không sửa được nữa."
        ),
        button=_("Công bố"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def consultation_close(request, pk):
    return _state_change(
        request,
        pk,
        service=services.consultation_close,
        done=_("Đã kết thúc lấy ý kiến."),
        title=_("Kết thúc lấy ý kiến"),
        question=_("Kết thúc lấy ý kiến “%(title)s”? Trang công khai sẽ không nhận thêm ý kiến."),
        button=_("Kết thúc"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def consultation_delete(request, pk):
    consultation = selectors.consultation_get(user=request.user, pk=pk)
    if request.method == "POST":
        try:
            services.consultation_delete(consultation=consultation, user=request.user)
        except DomainError as exc:
            messages.error(request, exc.message)
            return redirect("consultation:detail", pk=pk)
        messages.success(request, _("Đã xóa đợt lấy ý kiến đang soạn."))
        return redirect("consultation:list")
    return _confirm(
        request,
        consultation,
        title=_("Xóa đợt lấy ý kiến"),
        question=_("Xóa đợt lấy ý kiến đang soạn “%(title)s”? Các dòng đề nghị không bị ảnh hưởng.")
        % {"title": consultation.title},
        button=_("Xóa"),
        action=request.path,
        danger=True,
    )


@login_required
@require_POST
def candidates_add(request, pk):
    """Add the ticked lines to a draft's list."""
    consultation = selectors.consultation_get(user=request.user, pk=pk)
    ids = [value for value in request.POST.getlist("line") if value.isdigit()]
    lines = list(ProposalLine.objects.restrict(request.user).filter(pk__in=ids))
    if not lines:
        messages.error(request, _("Hãy chọn ít nhất một dòng đề nghị để thêm."))
        return redirect("consultation:detail", pk=pk)
    try:
        services.candidates_add(consultation=consultation, lines=lines, user=request.user)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Đã thêm %(n)d người, tập thể.") % {"n": len(lines)})
    return redirect("consultation:detail", pk=pk)


def _candidate(request, pk, candidate_pk) -> Candidate:
    consultation = selectors.consultation_get(user=request.user, pk=pk)
    return get_object_or_404(
        Candidate.objects.select_related(*selectors.CANDIDATE_RELATED),
        consultation=consultation,
        pk=candidate_pk,
    )


@login_required
@require_POST
def candidate_remove(request, pk, candidate_pk):
    candidate = _candidate(request, pk, candidate_pk)
    try:
        services.candidate_remove(candidate=candidate, user=request.user)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Đã bỏ %(name)s khỏi danh sách.") % {"name": candidate.line})
    return redirect("consultation:detail", pk=pk)


@login_required
@require_http_methods(["GET", "POST"])
def candidate_edit(request, pk, candidate_pk):
    """Edit the summary of achievements the public will read (draft only)."""
    candidate = _candidate(request, pk, candidate_pk)
    initial = {"version": candidate.version, "summary": candidate.summary}
    form = CandidateSummaryForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.candidate_update(
                candidate=candidate,
                summary=form.cleaned_data["summary"],
                expected_version=form.cleaned_data["version"],
                user=request.user,
            )
        except DomainError as exc:
            apply_domain_error(form, exc)
        else:
            messages.success(request, _("Đã lưu tóm tắt thành tích."))
            return redirect("consultation:detail", pk=pk)
    context = {"form": form, "candidate": candidate, "consultation": candidate.consultation}
    return render(request, "consultation/candidate_form.html", context)


@login_required
def comment_list(request, pk):
    """The comments of a consultation with their senders' details, filtered, paged."""
    consultation = selectors.consultation_get(user=request.user, pk=pk)
    candidates = list(selectors.candidates_of(consultation))
    form = CommentFilterForm(request.GET or None, candidates=candidates)
    filters = form.cleaned_data if form.is_valid() else {}
    by_pk = {str(c.pk): c for c in candidates}
    qs = selectors.comment_list(
        consultation=consultation,
        state=filters.get("state", ""),
        candidate=by_pk.get(filters.get("candidate") or ""),
        oldest_first=filters.get("sort") == "oldest",
    )
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"consultation": consultation, "form": form, "page": page}
    return render(request, "consultation/comments.html", context)


@login_required
def comment_export(request, pk):
    """Every comment of a consultation as an Excel workbook (the officer's copy, with the
    senders' details)."""
    from tdkt.consultation.exports import comments_workbook

    consultation = selectors.consultation_get(user=request.user, pk=pk)
    content = comments_workbook(consultation, selectors.comment_list(consultation=consultation))
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="y-kien-{consultation.pk}.xlsx"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def comment_resolve(request, pk):
    """One comment, its sender's details, and the officer's finding."""
    comment = selectors.comment_get(user=request.user, pk=pk)
    initial = {
        "version": comment.version,
        "resolution": comment.resolution or None,
        "note": comment.resolution_note,
    }
    form = ResolveForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            comment_services.comment_resolve(
                comment=comment,
                resolution=form.cleaned_data["resolution"],
                note=form.cleaned_data["note"],
                expected_version=form.cleaned_data["version"],
                user=request.user,
            )
        except DomainError as exc:
            apply_domain_error(form, exc)
        else:
            messages.success(
                request, _("Đã ghi kết quả xem xét ý kiến #%(n)d.") % {"n": comment.pk}
            )
            url = reverse("consultation:comments", args=[comment.consultation_id])
            return redirect(f"{url}?state=open")
    editable = comment.consultation.status in (
        ConsultationStatus.PUBLISHED,
        ConsultationStatus.CLOSED,
    )
    context = {"comment": comment, "form": form, "editable": editable, "Resolution": Resolution}
    return render(request, "consultation/comment_resolve.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def consultation_outcome(request, pk):
    """The outcome of every candidate, recorded at once after the period; the report is then
    generated and attached."""
    consultation = selectors.consultation_get(user=request.user, pk=pk)
    candidates = list(selectors.candidates_of(consultation))
    form = OutcomeForm(
        request.POST or None, candidates=candidates, initial={"version": consultation.version}
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        outcomes = {c.pk: CandidateOutcome(data[f"c{c.pk}"], data[f"n{c.pk}"]) for c in candidates}
        try:
            consultation_record_outcome(
                consultation=consultation,
                outcomes=outcomes,
                expected_version=data["version"],
                user=request.user,
            )
        except DomainError as exc:
            apply_domain_error(form, exc)
        else:
            messages.success(request, _("Đã ghi kết quả và lập báo cáo đính kèm hồ sơ."))
            return redirect("consultation:detail", pk=pk)
    today = timezone.localdate()
    open_for_outcome = consultation.status == ConsultationStatus.CLOSED or (
        consultation.status == ConsultationStatus.PUBLISHED and consultation.period_over_on(today)
    )
    context = {
        "consultation": consultation,
        "form": form,
        "Outcome": Outcome,
        "open_for_outcome": open_for_outcome,
    }
    return render(request, "consultation/outcome.html", context)


def _pdf(consultation) -> FileResponse:
    if not consultation.report:
        raise Http404
    try:
        handle = consultation.report.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    filename = f"ket-qua-lay-y-kien-{consultation.pk}.pdf"
    return FileResponse(handle, content_type="application/pdf", filename=filename)


@login_required
def consultation_report(request, pk):
    consultation = selectors.consultation_get(user=request.user, pk=pk)
    return _pdf(consultation)


@login_required
def line_report(request, line_pk):
    """The outcome report for users who see the line (the unit's officer, the sector)."""
    line = get_object_or_404(ProposalLine.objects.restrict(request.user), pk=line_pk)
    candidate = selectors.report_of_line(user=request.user, line=line)
    if candidate is None:
        raise Http404
    return _pdf(candidate.consultation)


@login_required
def consultation_history(request, pk):
    """Every change to the consultation, its candidates and its comments: who, when, why."""
    from tdkt.consultation.history import history_of

    consultation = selectors.consultation_get(user=request.user, pk=pk)
    context = {"consultation": consultation, "changes": history_of(consultation)}
    return render(request, "consultation/history.html", context)
