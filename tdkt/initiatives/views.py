"""Pages of the initiative flow: list, detail, submit, edit a draft, decide, files, history."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers
from django_tables2 import RequestConfig

from tdkt.accounts.scope import reach_of
from tdkt.core.errors import DomainError, apply_domain_error
from tdkt.core.htmx import is_htmx_partial
from tdkt.initiatives import history as initiative_changes
from tdkt.initiatives import selectors, services
from tdkt.initiatives.filters import InitiativeFilter
from tdkt.initiatives.forms import (
    AttachmentForm,
    DecisionForm,
    InitiativeForm,
    ReviewForm,
    author_choices,
)
from tdkt.initiatives.models import Attachment, Initiative, Status
from tdkt.initiatives.tables import InitiativeTable

PAGE_SIZE = 50


def _require_someone(user) -> None:
    reach = reach_of(user)
    if not (reach.allows_anywhere("view") or reach.person_id is not None):
        raise Http404


def _filtered(request):
    _require_someone(request.user)
    base = selectors.visible_initiatives(request.user).select_related("unit__parent")
    return InitiativeFilter(request.GET or None, queryset=base, user=request.user)


@login_required
@vary_on_headers("HX-Request")
def initiative_list(request):
    """Initiatives the user may see, filtered, sorted and paged."""
    initiative_filter = _filtered(request)
    table = InitiativeTable(initiative_filter.qs)
    RequestConfig(request, paginate={"per_page": PAGE_SIZE}).configure(table)
    template = "initiatives/_table.html" if is_htmx_partial(request) else "initiatives/list.html"
    can_submit = services.may_submit_for_units(request.user).exists()
    return render(
        request,
        template,
        {"filter": initiative_filter, "table": table, "can_submit": can_submit},
    )


@login_required
def initiative_export(request):
    """The filtered list as an Excel workbook."""
    from tdkt.initiatives.exports import initiatives_workbook

    initiative_filter = _filtered(request)
    content = initiatives_workbook(initiative_filter.qs.order_by("unit__path", "-year", "pk"))
    response = HttpResponse(
        content,
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    stamp = timezone.localdate().strftime("%Y%m%d")
    response["Content-Disposition"] = f'attachment; filename="sang-kien-{stamp}.xlsx"'
    return response


def _review_form(panel, data=None) -> ReviewForm:
    mine = panel.my_review
    initial = (
        {"version": mine.version, "score": mine.score, "opinion": mine.opinion,
         "comment": mine.comment}
        if mine is not None
        else {}
    )  # fmt: skip
    return ReviewForm(data, initial=initial)


def _detail(request, initiative, *, review_form=None):
    shares = selectors.initiative_authors(initiative)
    person_id = reach_of(request.user).person_id
    author = person_id is not None and any(s.person.pk == person_id for s in shares)
    officer = (
        Initiative.objects.restrict(request.user, services.MANAGE).filter(pk=initiative.pk).exists()
    )
    editable = initiative.status == Status.DRAFT and (officer or author)
    panel = selectors.review_panel(request.user, initiative, officer=officer, author=author)
    context = {
        "initiative": initiative,
        "shares": shares,
        "attachments": list(initiative.attachments.all()),
        "editable": editable,
        "can_attach": (officer or author) and initiative.status in (Status.DRAFT, Status.SUBMITTED),
        "can_decide": officer and not author and initiative.status == Status.SUBMITTED,
        "recused": officer and author and initiative.status == Status.SUBMITTED,
        "attachment_form": AttachmentForm(),
        "panel": panel,
        "review_form": (review_form or _review_form(panel)) if panel.can_review else None,
    }
    return render(request, "initiatives/detail.html", context)


@login_required
def initiative_detail(request, pk):
    """The initiative, its authors and shares, files, the council's reviews, and what the user
    may do next."""
    return _detail(request, selectors.initiative_get(user=request.user, pk=pk))


@login_required
@require_POST
def initiative_review(request, pk):
    """A council member records or changes their review of a submitted initiative."""
    initiative = selectors.initiative_get(user=request.user, pk=pk)
    form = ReviewForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.review_save(
                user=request.user,
                initiative=initiative,
                expected_version=data["version"],
                score=data["score"],
                opinion=data["opinion"],
                comment=data["comment"],
            )
        except DomainError as error:
            if error.field in form.fields:
                apply_domain_error(form, error)
            else:
                messages.error(request, error.message)
        else:
            messages.success(request, _("Đã ghi phiếu chấm sáng kiến."))
            return redirect("initiatives:detail", pk=pk)
    return _detail(request, initiative, review_form=form)


def _form_for(request, initiative=None):
    units = services.may_submit_for_units(request.user)
    authors = author_choices(request.user)
    if request.method == "POST":
        return InitiativeForm(request.POST, request.FILES, units=units, authors=authors)
    if initiative is None:
        initial = {"year": timezone.localdate().year}
        person = request.user.person
        if person is not None:
            initial.update(unit=person.unit_id, author_1=person.code, share_1=100)
    else:
        initial = {
            "version": initiative.version,
            "title": initiative.title,
            "unit": initiative.unit_id,
            "year": initiative.year,
            "description": initiative.description,
            "applied_where": initiative.applied_where,
            "applied_result": initiative.applied_result,
        }
        for row, share in enumerate(selectors.initiative_authors(initiative), start=1):
            initial[f"author_{row}"] = share.person.code
            initial[f"share_{row}"] = share.percent
    return InitiativeForm(initial=initial, units=units, authors=authors)


def _save(request, form, initiative):
    data = form.cleaned_data
    with transaction.atomic():
        saved = services.initiative_save(
            user=request.user,
            initiative=initiative,
            expected_version=data["version"] if initiative is not None else None,
            unit=data["unit"],
            title=data["title"],
            year=data["year"],
            description=data["description"],
            applied_where=data["applied_where"],
            applied_result=data["applied_result"],
            shares=data["shares"],
            submit="submit" in request.POST,
        )
        if data.get("file"):
            services.attachment_add(user=request.user, initiative=saved, upload=data["file"])
    return saved


@login_required
@require_http_methods(["GET", "POST"])
def initiative_create(request):
    """Submit an initiative (or keep it as a draft)."""
    if not services.may_submit_for_units(request.user).exists():
        raise Http404
    return _edit(request, None)


@login_required
@require_http_methods(["GET", "POST"])
def initiative_edit(request, pk):
    """Change a draft; only its authors or the unit's officer."""
    initiative = selectors.initiative_get(user=request.user, pk=pk)
    officer = Initiative.objects.restrict(request.user, services.MANAGE).filter(pk=pk).exists()
    if not (officer or selectors.is_author(request.user, initiative)):
        raise Http404
    return _edit(request, initiative)


def _edit(request, initiative):
    form = _form_for(request, initiative)
    if request.method == "POST" and form.is_valid():
        try:
            saved = _save(request, form, initiative)
        except DomainError as error:
            apply_domain_error(form, error)
        else:
            if saved.status == Status.SUBMITTED:
                messages.success(request, _("Đã nộp sáng kiến; sáng kiến đang chờ xét."))
            else:
                messages.success(request, _("Đã lưu nháp sáng kiến."))
            return redirect("initiatives:detail", pk=saved.pk)
    return render(request, "initiatives/form.html", {"form": form, "initiative": initiative})


@login_required
@require_POST
def initiative_submit(request, pk):
    """Send a draft to review."""
    initiative = selectors.initiative_get(user=request.user, pk=pk)
    officer = Initiative.objects.restrict(request.user, services.MANAGE).filter(pk=pk).exists()
    if not (officer or selectors.is_author(request.user, initiative)):
        raise Http404
    try:
        version = int(request.POST.get("version", ""))
    except ValueError:
        version = -1
    try:
        services.initiative_submit(
            user=request.user, initiative=initiative, expected_version=version
        )
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Đã nộp sáng kiến; sáng kiến đang chờ xét."))
    return redirect("initiatives:detail", pk=pk)


@login_required
@require_POST
def initiative_delete(request, pk):
    """Delete a draft (after the browser's confirmation); authors or the unit's officer."""
    initiative = selectors.initiative_get(user=request.user, pk=pk)
    officer = Initiative.objects.restrict(request.user, services.MANAGE).filter(pk=pk).exists()
    if not (officer or selectors.is_author(request.user, initiative)):
        raise Http404
    try:
        version = int(request.POST.get("version", ""))
    except ValueError:
        version = -1
    try:
        services.initiative_delete_draft(initiative=initiative, expected_version=version)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("initiatives:detail", pk=pk)
    messages.success(request, _("Đã xóa nháp sáng kiến."))
    return redirect("initiatives:list")


@login_required
@require_http_methods(["GET", "POST"])
def initiative_decide(request, pk):
    """Recognise or refuse a submitted initiative (officers who are not its authors)."""
    initiative = selectors.initiative_get(user=request.user, pk=pk, action=services.MANAGE)
    if initiative.status != Status.SUBMITTED:
        messages.error(request, _(services.NOT_SUBMITTED))
        return redirect("initiatives:detail", pk=pk)
    if selectors.is_author(request.user, initiative):
        messages.error(request, _(services.RECUSAL))
        return redirect("initiatives:detail", pk=pk)
    form = DecisionForm(request.POST or None, initial={"version": initiative.version})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if data["outcome"] == "recognise":
                services.initiative_recognise(
                    user=request.user,
                    initiative=initiative,
                    expected_version=data["version"],
                    effect_scope=data["effect_scope"],
                    decision_number=data["decision_number"],
                    decided_on=data["decided_on"],
                    recognising_body=data["recognising_body"],
                )
            else:
                services.initiative_refuse(
                    user=request.user,
                    initiative=initiative,
                    expected_version=data["version"],
                    reason=data["refusal_reason"],
                )
        except DomainError as error:
            apply_domain_error(form, error)
        else:
            messages.success(request, _("Đã ghi kết quả xét sáng kiến."))
            return redirect("initiatives:detail", pk=pk)
    return render(
        request,
        "initiatives/decide.html",
        {
            "initiative": initiative,
            "form": form,
            "shares": selectors.initiative_authors(initiative),
            "panel": selectors.review_panel(request.user, initiative, officer=True, author=False),
        },
    )


@login_required
@require_POST
def attachment_add(request, pk):
    """Add a PDF or Word file to a draft or submitted initiative."""
    initiative = selectors.initiative_get(user=request.user, pk=pk)
    officer = Initiative.objects.restrict(request.user, services.MANAGE).filter(pk=pk).exists()
    if not (officer or selectors.is_author(request.user, initiative)):
        raise Http404
    form = AttachmentForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Hãy chọn một tệp PDF hoặc Word (.docx) để tải lên."))
    else:
        try:
            services.attachment_add(
                user=request.user, initiative=initiative, upload=form.cleaned_data["file"]
            )
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Đã thêm tệp đính kèm."))
    return redirect("initiatives:detail", pk=pk)


@login_required
def attachment_download(request, pk, attachment_pk):
    """Download a file of an initiative the user may see."""
    initiative = selectors.initiative_get(user=request.user, pk=pk)
    attachment = get_object_or_404(Attachment, pk=attachment_pk, initiative=initiative)
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    return FileResponse(
        handle,
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )


@login_required
def initiative_history(request, pk):
    """Who changed what, when and why."""
    initiative = selectors.initiative_get(user=request.user, pk=pk)
    changes = initiative_changes.initiative_history(initiative)
    return render(
        request, "initiatives/history.html", {"initiative": initiative, "changes": changes}
    )
