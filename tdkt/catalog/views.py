"""Catalog pages: award types and the legal documents the rules rest on."""

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tdkt.accounts.scope import reach_of, require_anywhere
from tdkt.catalog import services
from tdkt.catalog.forms import AwardTypeForm, LegalDocumentForm
from tdkt.catalog.models import AwardType, LegalDocument
from tdkt.core.errors import DomainError


def _require(user, action: str) -> None:
    require_anywhere(user, action)


def _day(request) -> dt.date:
    try:
        return dt.date.fromisoformat(request.GET.get("day", ""))
    except ValueError:
        return timezone.localdate()


@login_required
def award_types(request):
    """Every award type with its code, subject, category and authority."""
    _require(request.user, "view")
    return render(
        request,
        "catalog/award_types.html",
        {
            "award_types": AwardType.objects.all(),
            "can_change": reach_of(request.user).allows_anywhere("change_catalog"),
        },
    )


def _form_error(form, error: DomainError) -> None:
    form.add_error(error.field if error.field in form.fields else None, error.message)


@login_required
@require_http_methods(["GET", "POST"])
def award_type_edit(request, code):
    """Edit an award type's name, authority and order (sector officers)."""
    _require(request.user, "change_catalog")
    award_type = get_object_or_404(AwardType, code=code)
    fields = ("name", "authority", "sort_order")
    if request.method == "POST":
        form = AwardTypeForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.award_type_update(
                    award_type=award_type,
                    expected_version=data["version"],
                    reason=data["reason"],
                    **{name: data[name] for name in fields},
                )
            except DomainError as error:
                _form_error(form, error)
            else:
                messages.success(request, _("Đã lưu danh hiệu, hình thức khen thưởng."))
                return redirect("catalog:award-types")
    else:
        initial = {name: getattr(award_type, name) for name in fields}
        form = AwardTypeForm(initial={**initial, "version": award_type.version})
    title = _("Sửa %(code)s") % {"code": award_type.code}
    return render(
        request, "catalog/form.html", {"form": form, "title": title, "back": "catalog:award-types"}
    )


@login_required
def legal_documents(request):
    """Legal documents with whether each was in force on the chosen day (default today)."""
    _require(request.user, "view")
    day = _day(request)
    documents = list(LegalDocument.objects.select_related("replaced_by"))
    for document in documents:
        document.in_force = document.in_force_on(day)
    return render(
        request,
        "catalog/documents.html",
        {
            "documents": documents,
            "day": day,
            "can_change": reach_of(request.user).allows_anywhere("change_catalog"),
        },
    )


DOCUMENT_FIELDS = (
    "number",
    "kind",
    "title",
    "issuer",
    "issued_on",
    "effective_from",
    "effective_to",
    "replaced_by",
    "note",
)


@login_required
@require_http_methods(["GET", "POST"])
def legal_document_edit(request, pk=None):
    """Create or edit a legal document (sector officers)."""
    _require(request.user, "change_catalog")
    document = get_object_or_404(LegalDocument, pk=pk) if pk else None
    if request.method == "POST":
        form = LegalDocumentForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.legal_document_save(
                    document=document,
                    expected_version=data["version"] if document else None,
                    reason=data["reason"],
                    **{name: data[name] for name in DOCUMENT_FIELDS},
                )
            except DomainError as error:
                _form_error(form, error)
            else:
                messages.success(request, _("Đã lưu văn bản."))
                return redirect("catalog:documents")
    elif document:
        initial = {name: getattr(document, name) for name in DOCUMENT_FIELDS}
        form = LegalDocumentForm(initial={**initial, "version": document.version})
    else:
        form = LegalDocumentForm()
    title = str(document) if document else _("Thêm văn bản")
    return render(
        request, "catalog/form.html", {"form": form, "title": title, "back": "catalog:documents"}
    )
