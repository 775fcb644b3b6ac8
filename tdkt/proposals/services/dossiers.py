"""Writes to dossiers: files uploaded against checklist items, and their removal. The type of
a file is read from its first bytes, never from its name."""

import zipfile

from django.db import transaction
from django.utils.translation import gettext as _

from tdkt.core.errors import DomainError
from tdkt.proposals.models import DossierDocument, ProposalEvent, ProposalLine
from tdkt.proposals.services.proposals import locked_proposal, require_editable

MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
FILE_TOO_LARGE = "Tệp “%(name)s” lớn hơn 10 MB."
FILE_EMPTY = "Tệp “%(name)s” rỗng."
FILE_TYPE_REFUSED = (
    "Tệp “%(name)s” không phải PDF, Word (.docx), Excel (.xlsx) hay ảnh PNG/JPEG "
    "(kiểm tra theo nội dung tệp, không theo tên)."
)
ITEM_NOT_IN_CHECKLIST = "Thành phần hồ sơ này không thuộc danh mục hồ sơ của dòng đề nghị."

PDF = "application/pdf"
PNG = "image/png"
JPEG = "image/jpeg"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
EXTENSIONS = {PDF: ".pdf", PNG: ".png", JPEG: ".jpg", DOCX: ".docx", XLSX: ".xlsx"}


def _office_type(upload) -> str | None:
    """DOCX and XLSX are ZIP packages; their part names tell them apart."""
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as package:
            names = set(package.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    finally:
        upload.seek(0)
    if "[Content_Types].xml" not in names:
        return None
    if "word/document.xml" in names:
        return DOCX
    if "xl/workbook.xml" in names:
        return XLSX
    return None


def sniff(upload) -> str:
    """The content type of an uploaded file from its first bytes; refuses anything else."""
    name = getattr(upload, "name", "") or ""
    if upload.size > MAX_DOCUMENT_BYTES:
        raise DomainError(_(FILE_TOO_LARGE) % {"name": name}, field="file", code="too_large")
    if upload.size == 0:
        raise DomainError(_(FILE_EMPTY) % {"name": name}, field="file", code="empty")
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"PK\x03\x04"):
        found = _office_type(upload)
        if found:
            return found
    raise DomainError(_(FILE_TYPE_REFUSED) % {"name": name}, field="file", code="type")


@transaction.atomic
def document_upload(*, line: ProposalLine, item, upload, user=None, today=None) -> DossierDocument:
    """Store a file of the line's dossier against one of its checklist items."""
    from tdkt.proposals.selectors import checklist_items_for

    require_editable(locked_proposal(line.proposal_id), user, today=today)
    allowed = {i.pk for i in checklist_items_for(line.proposal.round, line.award_type)}
    if item.pk not in allowed:
        raise DomainError(_(ITEM_NOT_IN_CHECKLIST), field="item")
    content_type = sniff(upload)
    original = (getattr(upload, "name", "") or "tep")[:255]
    upload.name = "tai-lieu" + EXTENSIONS[content_type]
    document = DossierDocument(
        line=line,
        item=item,
        original_name=original,
        content_type=content_type,
        size=upload.size,
        uploaded_by=user,
    )
    document.file.save(upload.name, upload, save=False)
    document.save()
    action = _("Tải lên “%(name)s” (%(item)s) cho %(line)s")
    ProposalEvent.objects.create(
        proposal_id=line.proposal_id,
        line=line,
        action=(action % {"name": original, "item": item.name, "line": line})[:200],
        actor=user,
    )
    return document


@transaction.atomic
def document_delete(*, document: DossierDocument, user=None, today=None) -> None:
    """Remove a file from a draft proposal's dossier."""
    require_editable(locked_proposal(document.line.proposal_id), user, today=today)
    stored = document.file
    line = document.line
    action = _("Xóa tệp “%(name)s” của %(line)s") % {"name": document.original_name, "line": line}
    ProposalEvent.objects.create(
        proposal_id=line.proposal_id, line=line, action=action[:200], actor=user
    )
    document.delete()
    transaction.on_commit(lambda: stored.delete(save=False))
