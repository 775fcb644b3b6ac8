"""Writes to proposals and their lines: create, add and remove lines, pre-check by the rule
engine, submit."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.catalog.models import SubjectKind
from tdkt.core.concurrency import save_with_version
from tdkt.core.errors import DomainError
from tdkt.proposals import notifications, permissions
from tdkt.proposals.models import (
    CLOSED_NEGATIVE,
    LineStatus,
    Proposal,
    ProposalEvent,
    ProposalLine,
    ProposalRound,
    ProposalStatus,
)

NOT_EDITOR = "Bạn không có quyền lập đề nghị cho đơn vị %(unit)s."
ROUND_CLOSED = "Đợt “%(round)s” đã đóng; không lập hoặc sửa đề nghị được nữa."
DEADLINE_PASSED = "Đã quá hạn nộp hồ sơ của đợt “%(round)s” (%(deadline)s)."
PROPOSAL_EXISTS = "Đơn vị %(unit)s đã có đề nghị trong đợt này."
SUBMITTED_LOCKED = "Đề nghị đã nộp; đơn vị không sửa được nữa."
CODE_NOT_ACCEPTED = "Đợt này không nhận đề nghị %(code)s."
CANDIDATE_REQUIRED = "Hãy chọn một cá nhân hoặc một tập thể (chỉ một)."
CODE_FOR_UNITS = "%(code)s chỉ dành cho tập thể."
CODE_FOR_PERSONS = "%(code)s chỉ dành cho cá nhân."
PERSON_OUTSIDE = "Cán bộ %(name)s không thuộc đơn vị %(unit)s."
UNIT_OUTSIDE = "Tập thể %(name)s không thuộc đơn vị %(unit)s."
DUPLICATE = (
    "%(candidate)s đã được đề nghị %(code)s năm %(year)s trong đề nghị của đơn vị %(unit)s; "
    "mỗi đối tượng chỉ được đề nghị một lần cho cùng danh hiệu, hình thức trong một năm."
)
NO_LINES = "Đề nghị chưa có dòng nào; hãy thêm ít nhất một cá nhân hoặc tập thể."
MISSING_DOCUMENTS = "Dòng %(line)s còn thiếu thành phần hồ sơ bắt buộc: %(items)s."
RECHECK_AFTER_SUBMISSION = (
    "Đề nghị đã nộp; chỉ cán bộ thi đua ngành mới kiểm tra lại điều kiện của dòng này."
)
NO_RULE = "Chưa có quy tắc tự động cho %(code)s năm %(year)s; cần xem xét thủ công."


def _event(proposal: Proposal, action: str, user, line: ProposalLine | None = None) -> None:
    ProposalEvent.objects.create(proposal=proposal, line=line, action=action, actor=user)


def require_editable(proposal: Proposal, user, *, today=None) -> None:
    """Refuse when ``user`` may not change ``proposal`` now: not their unit, submitted, round
    closed or past its submission deadline."""
    if user is not None and not permissions.can_edit_unit(user, proposal.unit):
        raise DomainError(_(NOT_EDITOR) % {"unit": proposal.unit.short_name}, code="not_editor")
    if proposal.is_submitted:
        raise DomainError(_(SUBMITTED_LOCKED), code="submitted")
    _require_round_open(proposal.round, today=today)


def require_line_editable(line: ProposalLine, user, *, today=None) -> None:
    """Refuse when ``user`` may not change the dossier of ``line`` now. A line the sector
    office returned for correction stays open to its unit (whatever the round's deadline or
    state) until the unit resubmits it; every other line follows its proposal."""
    proposal = line.proposal
    if proposal.is_submitted and line.status == LineStatus.RETURNED:
        if user is not None and not permissions.can_edit_unit(user, proposal.unit):
            values = {"unit": proposal.unit.short_name}
            raise DomainError(_(NOT_EDITOR) % values, code="not_editor")
        return
    require_editable(proposal, user, today=today)


def locked_proposal(pk) -> Proposal:
    """The proposal as stored now, locked until the transaction ends (never a stale copy)."""
    return Proposal.objects.select_for_update().select_related("round", "unit").get(pk=pk)


def _require_round_open(round_: ProposalRound, *, today=None) -> None:
    today = today or timezone.localdate()
    if not round_.is_open:
        raise DomainError(_(ROUND_CLOSED) % {"round": round_}, code="round_closed")
    if today > round_.submission_deadline:
        deadline = f"{round_.submission_deadline:%d/%m/%Y}"
        message = _(DEADLINE_PASSED) % {"round": round_, "deadline": deadline}
        raise DomainError(message, code="deadline")


@transaction.atomic
def proposal_create(*, round_: ProposalRound, unit, user=None, note: str = "", today=None):
    """Start the proposal of ``unit`` in an open round; one proposal per unit and round."""
    if user is not None and not permissions.can_edit_unit(user, unit):
        raise DomainError(_(NOT_EDITOR) % {"unit": unit.short_name}, field="unit")
    _require_round_open(round_, today=today)
    if Proposal.objects.filter(round=round_, unit=unit).exists():
        raise DomainError(_(PROPOSAL_EXISTS) % {"unit": unit.short_name}, field="unit")
    proposal = Proposal(round=round_, unit=unit, note=note.strip(), created_by=user)
    proposal._change_reason = _("Lập đề nghị")
    proposal.save()
    _event(proposal, _("Lập đề nghị"), user)
    return proposal


def _check_candidate(proposal: Proposal, *, person, candidate_unit, award_type) -> None:
    if (person is None) == (candidate_unit is None):
        raise DomainError(_(CANDIDATE_REQUIRED), field="person")
    code = {"code": award_type.code}
    if person is not None and award_type.subject == SubjectKind.COLLECTIVE:
        raise DomainError(_(CODE_FOR_UNITS) % code, field="award_type")
    if candidate_unit is not None and award_type.subject == SubjectKind.PERSON:
        raise DomainError(_(CODE_FOR_PERSONS) % code, field="award_type")
    unit = proposal.unit
    if person is not None and not person.unit.path.startswith(unit.path):
        values = {"name": person.full_name, "unit": unit.short_name}
        raise DomainError(_(PERSON_OUTSIDE) % values, field="person")
    if candidate_unit is not None and not candidate_unit.path.startswith(unit.path):
        values = {"name": candidate_unit.short_name, "unit": unit.short_name}
        raise DomainError(_(UNIT_OUTSIDE) % values, field="candidate_unit")


def _duplicate(*, person, candidate_unit, award_type, year) -> ProposalLine | None:
    """The line anywhere in the sector that already proposes this candidate for the code and
    year (whoever may see it: the message names only the other proposal's unit). Lines
    rejected, not passed by the council, not awarded or revoked no longer count."""
    lines = ProposalLine.objects.select_related("proposal__unit")
    if person is not None:
        lines = lines.filter(person=person)
    else:
        lines = lines.filter(candidate_unit=candidate_unit)
    lines = lines.exclude(status__in=CLOSED_NEGATIVE)
    return lines.filter(award_type=award_type, year=year).first()


def _duplicate_error(line: ProposalLine, *, candidate: str, award_type, year) -> DomainError:
    values = {
        "candidate": candidate,
        "code": award_type.name,
        "year": year,
        "unit": line.proposal.unit.short_name,
    }
    return DomainError(_(DUPLICATE) % values, field="award_type", code="duplicate")


@transaction.atomic
def line_add(
    *,
    proposal: Proposal,
    award_type,
    person=None,
    candidate_unit=None,
    achievement: str = "",
    user=None,
    today=None,
) -> ProposalLine:
    """Add a candidate × code to a draft proposal and pre-check it by the rule engine. The
    same candidate for the same code and year anywhere in the sector is refused, naming the
    unit of the other proposal (the database constraint backs the check under races)."""
    proposal = (
        Proposal.objects.select_for_update().select_related("round", "unit").get(pk=proposal.pk)
    )
    require_editable(proposal, user, today=today)
    round_ = proposal.round
    if not round_.award_types.filter(pk=award_type.pk).exists():
        raise DomainError(_(CODE_NOT_ACCEPTED) % {"code": award_type.name}, field="award_type")
    _check_candidate(proposal, person=person, candidate_unit=candidate_unit, award_type=award_type)
    candidate = person.full_name if person is not None else candidate_unit.short_name
    other = _duplicate(
        person=person, candidate_unit=candidate_unit, award_type=award_type, year=round_.year
    )
    if other is not None:
        raise _duplicate_error(other, candidate=candidate, award_type=award_type, year=round_.year)
    line = ProposalLine(
        proposal=proposal,
        person=person,
        candidate_unit=candidate_unit,
        award_type=award_type,
        year=round_.year,
        achievement=achievement.strip(),
    )
    _apply_verdict(line)
    line._change_reason = _("Thêm dòng đề nghị")
    try:
        with transaction.atomic():
            line.save()
    except IntegrityError as exc:
        other = _duplicate(
            person=person, candidate_unit=candidate_unit, award_type=award_type, year=round_.year
        )
        if other is None:
            raise
        raise _duplicate_error(
            other, candidate=candidate, award_type=award_type, year=round_.year
        ) from exc
    _event(proposal, _("Thêm %(line)s") % {"line": line}, user, line)
    return line


def _apply_verdict(line: ProposalLine) -> None:
    """Run the rule engine for the line's candidate, code and year; store the outcome and
    every reason as they stand now."""
    from tdkt.eligibility.histories import person_history, unit_history
    from tdkt.rules.engine import Engine, EvaluationError

    code, year = line.award_type.code, line.year
    try:
        if line.person_id:
            subject = person_history(line.person)
        else:
            subject = unit_history(line.candidate_unit, [year])
        verdict = Engine().evaluate(subject, code, year)
    except (EvaluationError, KeyError, LookupError):
        line.outcome = ""
        line.reasons = {"note": _(NO_RULE) % {"code": code, "year": year}}
    else:
        line.outcome = str(verdict.outcome)
        line.reasons = verdict.as_dict()
    line.checked_at = timezone.now()


@transaction.atomic
def line_recheck(*, line: ProposalLine, user=None) -> ProposalLine:
    """Check the line again by the rule engine with today's data and store the new verdict;
    it does not change the dossier. The unit may do it while its proposal is a draft; once
    submitted, only the sector officer (who will appraise it)."""
    proposal = locked_proposal(line.proposal_id)
    if user is not None:
        if not permissions.can_edit_unit(user, proposal.unit):
            raise DomainError(_(NOT_EDITOR) % {"unit": proposal.unit.short_name})
        if proposal.is_submitted and not permissions.can_manage_rounds(user):
            raise DomainError(_(RECHECK_AFTER_SUBMISSION), code="submitted")
    _apply_verdict(line)
    line._change_reason = _("Kiểm tra lại điều kiện")
    save_with_version(line, expected_version=None)
    _event(line.proposal, _("Kiểm tra lại %(line)s") % {"line": line}, user, line)
    return line


@transaction.atomic
def line_delete(*, line: ProposalLine, user=None, today=None) -> None:
    """Remove a line (and its uploaded files) from a draft proposal."""
    require_editable(locked_proposal(line.proposal_id), user, today=today)
    files = [doc.file for doc in line.documents.all()]
    _event(line.proposal, _("Xóa %(line)s") % {"line": line}, user)
    line.delete()
    transaction.on_commit(lambda: [f.delete(save=False) for f in files])


def missing_items(line: ProposalLine, items, present_item_ids: set[int]) -> list:
    """The mandatory checklist items of ``line`` without any document."""
    return [item for item in items if item.mandatory and item.pk not in present_item_ids]


@transaction.atomic
def proposal_submit(
    *, proposal: Proposal, user=None, expected_version: int | None = None, today=None
) -> tuple[Proposal, bool]:
    """Submit the proposal and every line in one transaction; afterwards the unit cannot
    change it. Submitting an already submitted proposal changes nothing and answers
    ``(proposal, False)``. Refused, with nothing changed, when a line lacks a mandatory
    dossier item, the proposal is empty, the round is closed or its deadline has passed."""
    from tdkt.proposals.selectors import checklists_for_lines

    locked = (
        Proposal.objects.select_for_update().select_related("round", "unit").get(pk=proposal.pk)
    )
    if locked.is_submitted:
        return locked, False
    require_editable(locked, user, today=today)
    lines = list(locked.lines.select_related("person", "candidate_unit", "award_type"))
    if not lines:
        raise DomainError(_(NO_LINES), code="empty")
    for line in lines:
        line.proposal = locked
    for line, checklist in checklists_for_lines(lines):
        if checklist.missing:
            names = "; ".join(item.name for item in checklist.missing)
            message = _(MISSING_DOCUMENTS) % {"line": line, "items": names}
            raise DomainError(message, code="missing")
    now = timezone.now()
    locked.status = ProposalStatus.SUBMITTED
    locked.submitted_at = now
    locked.submitted_by = user
    locked._change_reason = _("Nộp đề nghị")
    save_with_version(locked, expected_version=expected_version)
    ProposalLine.objects.filter(proposal=locked).update(status=LineStatus.SUBMITTED)
    _event(locked, _("Nộp đề nghị (%(n)s dòng)") % {"n": len(lines)}, user)
    notifications.proposal_submitted(locked, len(lines))
    return locked, True
