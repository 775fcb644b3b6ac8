"""Writes to dossiers: files uploaded against checklist items, and their removal. The type of
a file is read from its first bytes, never from its name."""

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from tdkt.core.errors import DomainError
from tdkt.core.uploads import EXTENSIONS, PDF, checked_upload
from tdkt.proposals.models import DossierDocument, ProposalEvent, ProposalLine
from tdkt.proposals.services.proposals import locked_proposal, require_line_editable

MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
ITEM_NOT_IN_CHECKLIST = "Thành phần hồ sơ này không thuộc danh mục hồ sơ của dòng đề nghị."


def sniff(upload) -> str:
    """The content type of a dossier file from its first bytes; refuses anything else."""
    return checked_upload(upload, max_bytes=MAX_DOCUMENT_BYTES)


def _require_line_editable(line: ProposalLine, user, *, today=None) -> None:
    """Lock the proposal, then read the line's state as stored now, and check it is open."""
    proposal = locked_proposal(line.proposal_id)
    stored = ProposalLine.objects.select_for_update().get(pk=line.pk)
    stored.proposal = proposal
    require_line_editable(stored, user, today=today)


@transaction.atomic
def document_upload(*, line: ProposalLine, item, upload, user=None, today=None) -> DossierDocument:
    """Store a file of the line's dossier against one of its checklist items (a draft
    proposal, or a line returned for correction)."""
    from tdkt.proposals.selectors import checklist_items_for

    _require_line_editable(line, user, today=today)
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
    """Remove a file from a draft proposal's dossier or of a line returned for correction."""
    _require_line_editable(document.line, user, today=today)
    stored = document.file
    line = document.line
    action = _("Xóa tệp “%(name)s” của %(line)s") % {"name": document.original_name, "line": line}
    ProposalEvent.objects.create(
        proposal_id=line.proposal_id, line=line, action=action[:200], actor=user
    )
    document.delete()
    transaction.on_commit(lambda: stored.delete(save=False))


def generated_document_file(
    *, line: ProposalLine, item, content: bytes, filename: str, user=None
) -> DossierDocument:
    """File a PDF the application generated (e.g. the consultation report) in the line's
    dossier under ``item`` (one of the line's checklist items), replacing the one the
    application filed there before; whatever the unit uploaded stays. Works in any state of
    the line; the proposal's log notes it."""
    earlier = list(DossierDocument.objects.filter(line=line, item=item, generated=True))
    document = DossierDocument(
        line=line,
        item=item,
        original_name=filename[:255],
        content_type=PDF,
        size=len(content),
        uploaded_by=user,
        generated=True,
    )
    document.file.save("tai-lieu.pdf", ContentFile(content), save=False)
    document.save()
    for old in earlier:
        stored = old.file
        old.delete()
        transaction.on_commit(lambda stored=stored: stored.delete(save=False))
    action = _("Hệ thống lưu “%(name)s” (%(item)s) cho %(line)s")
    ProposalEvent.objects.create(
        proposal_id=line.proposal_id,
        line=line,
        action=(action % {"name": filename, "item": item.name, "line": line})[:200],
        actor=user,
    )
    return document
