"""The end of a consultation: the outcome per candidate and the report attached to the
dossier of each candidate's line."""

import datetime as dt
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.consultation.models import (
    Candidate,
    Comment,
    ConsultationStatus,
    Outcome,
    Resolution,
)
from tdkt.consultation.services.comments import clean_text
from tdkt.consultation.services.consultations import (
    close,
    locked,
    require_officer,
)
from tdkt.consultation.workflow import CONSULTATION_WORKFLOW, RECORD_OUTCOME
from tdkt.core.concurrency import save_with_version
from tdkt.core.errors import DomainError
from tdkt.proposals.models import ProposalEvent

UNRESOLVED_LEFT = (
    "Còn %(n)d ý kiến chưa được xem xét; hãy xem xét hết các ý kiến trước khi ghi kết quả."
)
OUTCOME_MISSING = "Hãy chọn kết quả cho %(candidate)s."
OUTCOME_CONTRADICTS = (
    "%(candidate)s có ý kiến đã được xác minh là có cơ sở; không thể ghi “Không có ý kiến "
    "phản ánh”."
)
UPHELD_NOTE_REQUIRED = "Hãy ghi rõ nội dung phản ánh có cơ sở đối với %(candidate)s."
EVENT = "Kết quả lấy ý kiến nhân dân (%(title)s): %(outcome)s"


@dataclass(frozen=True)
class CandidateOutcome:
    outcome: str
    note: str = ""


def _check(candidates, outcomes: dict, verified: set[int]) -> None:
    for candidate in candidates:
        given = outcomes.get(candidate.pk)
        name = candidate.line.candidate_name
        if given is None or given.outcome not in Outcome.values:
            raise DomainError(_(OUTCOME_MISSING) % {"candidate": name}, field=f"c{candidate.pk}")
        if given.outcome == Outcome.NO_OBJECTION and candidate.pk in verified:
            raise DomainError(
                _(OUTCOME_CONTRADICTS) % {"candidate": name}, field=f"c{candidate.pk}"
            )
        if given.outcome == Outcome.UPHELD and not clean_text(given.note):
            raise DomainError(
                _(UPHELD_NOTE_REQUIRED) % {"candidate": name}, field=f"n{candidate.pk}"
            )


@transaction.atomic
def consultation_record_outcome(
    *,
    consultation,
    outcomes: dict[int, CandidateOutcome],
    expected_version,
    user=None,
    today: dt.date | None = None,
):
    """Record the outcome of every candidate, all at once, after the period: a published
    consultation whose closing day has passed is closed first. Every comment must have been
    resolved. The PDF report is generated and stored, and each line's proposal log notes the
    outcome. A candidate with an upheld objection can no longer be transmitted upward
    (``selectors.transmission_blockers``)."""
    require_officer(user)
    today = today or timezone.localdate()
    stored = locked(consultation, expected_version)
    if stored.status == ConsultationStatus.PUBLISHED:
        close(stored, today=today)
    transition = CONSULTATION_WORKFLOW.step(
        stored.status, RECORD_OUTCOME, subject=_("Đợt lấy ý kiến “%(t)s”") % {"t": stored.title}
    )
    unresolved = Comment.objects.filter(consultation=stored, resolution="").count()
    if unresolved:
        raise DomainError(_(UNRESOLVED_LEFT) % {"n": unresolved}, code="unresolved")
    candidates = list(
        Candidate.objects.select_for_update(of=("self",))
        .filter(consultation=stored)
        .select_related(
            "line__person", "line__candidate_unit", "line__award_type", "line__proposal__round"
        )
    )
    verified = set(
        Comment.objects.filter(
            consultation=stored, resolution=Resolution.VERIFIED, candidate__isnull=False
        ).values_list("candidate_id", flat=True)
    )
    _check(candidates, outcomes, verified)
    for candidate in candidates:
        given = outcomes[candidate.pk]
        candidate.outcome = given.outcome
        candidate.outcome_note = clean_text(given.note)
        candidate._change_reason = str(Outcome(given.outcome).label)
        save_with_version(candidate, expected_version=None)
    stored.status = transition.target
    stored.outcome_at = timezone.now()
    stored._change_reason = _("Ghi kết quả lấy ý kiến")
    save_with_version(stored, expected_version=expected_version)
    content = _attach_report(stored)
    _file_in_dossiers(stored, candidates, content, user)
    ProposalEvent.objects.bulk_create(
        ProposalEvent(
            proposal_id=c.line.proposal_id,
            line=c.line,
            action=(_(EVENT) % {"title": stored.title, "outcome": Outcome(c.outcome).label})[:200],
            actor=user,
        )
        for c in candidates
    )
    return stored


def _attach_report(consultation) -> bytes:
    """Render the report and store it on the consultation (replacing an earlier one); returns
    its bytes."""
    from tdkt.consultation.reports import report_pdf

    content = report_pdf(consultation)
    old = consultation.report.name if consultation.report else ""
    consultation.report.save("bao-cao.pdf", ContentFile(content), save=False)
    type(consultation).objects.filter(pk=consultation.pk).update(report=consultation.report.name)
    if old:
        storage = consultation.report.storage
        transaction.on_commit(lambda: storage.delete(old))
    return content


def _file_in_dossiers(consultation, candidates, content: bytes, user) -> None:
    """File the report in the dossier of every candidate's line, under the checklist item of
    the consultation's outcome (replacing the report of an earlier outcome). Lines whose
    checklist has no such item (texts before 2024) keep the report on the consultation only."""
    from tdkt.proposals.models import CONSULTATION_ITEM
    from tdkt.proposals.selectors import checklist_items_for
    from tdkt.proposals.services.dossiers import generated_document_file

    filename = f"ket-qua-lay-y-kien-{consultation.pk}.pdf"
    items: dict[tuple[int, int], object] = {}
    for candidate in candidates:
        line = candidate.line
        key = (line.proposal.round_id, line.award_type_id)
        if key not in items:
            items[key] = next(
                (
                    item
                    for item in checklist_items_for(line.proposal.round, line.award_type)
                    if item.name == CONSULTATION_ITEM
                ),
                None,
            )
        if items[key] is not None:
            generated_document_file(
                line=line, item=items[key], content=content, filename=filename, user=user
            )
