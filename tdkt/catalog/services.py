"""Writes to the catalog: award types (codes never change) and legal documents."""

from django.db import transaction
from django.utils.translation import gettext as _

from tdkt.catalog.models import AwardType, LegalDocument
from tdkt.core.concurrency import save_with_version
from tdkt.core.errors import DomainError

REASON_REQUIRED = "Hãy ghi lý do thay đổi."
PERIOD_REVERSED = "Ngày hết hiệu lực không được trước ngày bắt đầu hiệu lực."
NUMBER_TAKEN = "Số, ký hiệu văn bản đã có trong danh mục."
REPLACED_BY_ITSELF = "Văn bản không thể được thay thế bởi chính nó."

AWARD_TYPE_FIELDS = {"name", "authority", "sort_order"}
DOCUMENT_FIELDS = {
    "number",
    "kind",
    "title",
    "issuer",
    "issued_on",
    "effective_from",
    "effective_to",
    "replaced_by",
    "note",
}


def _reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(_(REASON_REQUIRED), field="reason")
    return reason


@transaction.atomic
def award_type_update(
    *, award_type: AwardType, expected_version: int | None, reason: str, **fields
) -> AwardType:
    """Change an award type's name, authority or order; its code never changes."""
    unknown = set(fields) - AWARD_TYPE_FIELDS
    if unknown:
        raise ValueError(f"award_type_update cannot change {sorted(unknown)}")
    for name, value in fields.items():
        setattr(award_type, name, value.strip() if isinstance(value, str) else value)
    award_type._change_reason = _reason(reason)
    save_with_version(award_type, expected_version=expected_version)
    return award_type


def _validate_document(document: LegalDocument) -> None:
    if document.effective_to and document.effective_to < document.effective_from:
        raise DomainError(_(PERIOD_REVERSED), field="effective_to")
    if LegalDocument.objects.filter(number=document.number).exclude(pk=document.pk).exists():
        raise DomainError(_(NUMBER_TAKEN), field="number")
    if document.pk and document.replaced_by_id == document.pk:
        raise DomainError(_(REPLACED_BY_ITSELF), field="replaced_by")


@transaction.atomic
def legal_document_save(
    *, document: LegalDocument | None, expected_version: int | None, reason: str, **fields
) -> LegalDocument:
    """Create (``document`` None) or change a legal document, recording the reason."""
    unknown = set(fields) - DOCUMENT_FIELDS
    if unknown:
        raise ValueError(f"legal_document_save cannot change {sorted(unknown)}")
    document = document or LegalDocument()
    for name, value in fields.items():
        setattr(document, name, value.strip() if isinstance(value, str) else value)
    _validate_document(document)
    document._change_reason = _reason(reason)
    save_with_version(document, expected_version=expected_version)
    return document
