"""Appraisal (*thẩm định*) of submitted lines by the sector office: accept, return for
correction with a comment, or reject with a reason; the unit corrects a returned line and
resubmits it. Every step is kept (``LineAppraisal``), recorded in the proposal's event log and
in the line's history. Locks are taken proposal first, then line, as in the dossier services."""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.core.concurrency import STALE_EDIT, save_with_version
from tdkt.core.errors import DomainError, StaleEditError
from tdkt.core.workdays import working_days_between
from tdkt.proposals import notifications, permissions
from tdkt.proposals.models import (
    AppraisalAction,
    LineAppraisal,
    ProposalEvent,
    ProposalLine,
)
from tdkt.proposals.services.proposals import NOT_EDITOR, locked_proposal
from tdkt.proposals.workflow import LINE_WORKFLOW

NOT_APPRAISER = "Chỉ cán bộ thi đua ngành mới thẩm định được dòng đề nghị."
NOT_SUBMITTED = "Đề nghị của đơn vị %(unit)s chưa nộp; chưa thẩm định được."
ALREADY_DECIDED = "Dòng %(line)s không chờ thẩm định (trạng thái hiện tại: %(status)s)."
UNKNOWN_DECISION = "Hãy chọn kết quả thẩm định: đạt, trả lại để bổ sung hoặc không chấp nhận."
COMMENT_REQUIRED = "Hãy ghi rõ nội dung cần bổ sung, chỉnh sửa để đơn vị biết sửa gì."
REASON_REQUIRED = "Hãy ghi rõ lý do không chấp nhận dòng đề nghị."
NOT_RETURNED = "Dòng %(line)s không ở trạng thái trả lại để bổ sung; không nộp lại được."
STILL_MISSING = "Dòng %(line)s vẫn còn thiếu thành phần hồ sơ bắt buộc: %(items)s."
NOTE_REQUIRED = "Hãy ghi ngắn gọn những gì đơn vị đã bổ sung, chỉnh sửa."

DECISIONS = (AppraisalAction.ACCEPTED, AppraisalAction.RETURNED, AppraisalAction.REJECTED)
"""What the office may decide on a submitted line (``LINE_WORKFLOW`` gives the new state)."""


def _locked_line(line: ProposalLine, expected_version: int | None):
    proposal = locked_proposal(line.proposal_id)
    # ``of=("self",)``: PostgreSQL locks no row on the nullable side of an outer join.
    stored = (
        ProposalLine.objects.select_for_update(of=("self",))
        .select_related("person", "candidate_unit", "award_type")
        .get(pk=line.pk)
    )
    stored.proposal = proposal
    if expected_version is not None and stored.version != expected_version:
        raise StaleEditError(_(STALE_EDIT), code="stale")
    return proposal, stored


def _record(line: ProposalLine, action: str, comment: str, user, text: str) -> None:
    LineAppraisal.objects.create(line=line, action=action, comment=comment, actor=user)
    ProposalEvent.objects.create(
        proposal_id=line.proposal_id, line=line, action=text[:200], actor=user
    )


@transaction.atomic
def line_appraise(
    *,
    line: ProposalLine,
    decision: str,
    comment: str = "",
    user=None,
    expected_version: int | None = None,
) -> ProposalLine:
    """Decide on a line awaiting appraisal. A return needs the comment telling the unit what to
    correct; a rejection needs its reason. Refused, nothing changed, when the user is not the
    sector officer, the proposal is not submitted, the line was already decided (by another
    officer in another tab, say) or changed since the page was opened."""
    if user is not None and not permissions.can_manage_rounds(user):
        raise DomainError(_(NOT_APPRAISER), code="not_appraiser")
    if decision not in DECISIONS:
        raise DomainError(_(UNKNOWN_DECISION), field="decision")
    comment = (comment or "").strip()
    if decision == AppraisalAction.RETURNED and not comment:
        raise DomainError(_(COMMENT_REQUIRED), field="comment")
    if decision == AppraisalAction.REJECTED and not comment:
        raise DomainError(_(REASON_REQUIRED), field="comment")
    proposal, stored = _locked_line(line, expected_version)
    if not proposal.is_submitted:
        raise DomainError(_(NOT_SUBMITTED) % {"unit": proposal.unit.short_name})
    transition = LINE_WORKFLOW.allowed(stored.status, decision)
    if transition is None:
        values = {"line": stored, "status": stored.get_status_display()}
        raise DomainError(_(ALREADY_DECIDED) % values, code="decided")
    stored.status = transition.target
    label = AppraisalAction(decision).label
    stored._change_reason = str(label)
    save_with_version(stored, expected_version=None)
    text = _("Thẩm định %(line)s: %(label)s") % {"line": stored, "label": label}
    if comment:
        text = f"{text} – {comment}"
    _record(stored, decision, comment, user, text)
    if decision == AppraisalAction.RETURNED:
        notifications.line_returned(stored, comment)
    elif decision == AppraisalAction.REJECTED:
        notifications.line_rejected(stored, comment)
    return stored


@transaction.atomic
def line_resubmit(
    *,
    line: ProposalLine,
    note: str,
    achievement: str | None = None,
    user=None,
    expected_version: int | None = None,
) -> ProposalLine:
    """The unit sends a returned line back for appraisal, with a note of what it corrected
    (and the corrected achievement summary, when given). Refused when the line is not
    returned, a mandatory dossier item is still missing, or the line changed meanwhile."""
    from tdkt.proposals.selectors import checklists_for_lines

    proposal, stored = _locked_line(line, expected_version)
    if user is not None and not permissions.can_edit_unit(user, proposal.unit):
        raise DomainError(_(NOT_EDITOR) % {"unit": proposal.unit.short_name}, code="not_editor")
    transition = LINE_WORKFLOW.allowed(stored.status, AppraisalAction.RESUBMITTED)
    if transition is None:
        raise DomainError(_(NOT_RETURNED) % {"line": stored}, code="not_returned")
    note = (note or "").strip()
    if not note:
        raise DomainError(_(NOTE_REQUIRED), field="note")
    ((_line, checklist),) = checklists_for_lines([stored])
    if checklist.missing:
        names = "; ".join(item.name for item in checklist.missing)
        raise DomainError(_(STILL_MISSING) % {"line": stored, "items": names}, code="missing")
    if achievement is not None:
        stored.achievement = achievement.strip()
    stored.status = transition.target
    stored._change_reason = _("Đơn vị nộp lại sau khi bổ sung")
    save_with_version(stored, expected_version=None)
    text = _("Nộp lại %(line)s sau khi bổ sung – %(note)s") % {"line": stored, "note": note}
    _record(stored, AppraisalAction.RESUBMITTED, note, user, text)
    notifications.line_resubmitted(stored, note)
    return stored


@dataclass(frozen=True)
class Deadline:
    """The appraisal deadline of a round seen from ``today``: working days left (negative once
    passed) and whether it is overdue."""

    date: object
    days_left: int
    overdue: bool

    @property
    def days_overdue(self) -> int:
        return max(0, -self.days_left)


def appraisal_deadline(round_, *, today=None) -> Deadline:
    """Working days from ``today`` (excluded) to the round's appraisal deadline (included);
    overdue the day after it. One query (the holidays of the span)."""
    today = today or timezone.localdate()
    days = working_days_between(today, round_.appraisal_deadline)
    return Deadline(round_.appraisal_deadline, days, today > round_.appraisal_deadline)
