"""Writes to the award register: record a decision, correct it, revoke it.

Each validates, saves with the version check, and records who changed what and why. The rule
engine, the records and the statistics read the register, so a revoked award stays (marked)
rather than being deleted.
"""

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.awards.backing import initiatives_free
from tdkt.awards.models import Award
from tdkt.catalog.models import AwardType, CommendationKind, SubjectKind
from tdkt.core.concurrency import save_with_version
from tdkt.core.errors import DomainError
from tdkt.org.models import Unit
from tdkt.people.models import Assignment, Person

FIRST_YEAR = 2000
REASON_REQUIRED = "Hãy ghi lý do thay đổi."
WRONG_SUBJECT_PERSON = "“{name}” là khen thưởng tập thể, không ghi cho cá nhân."
WRONG_SUBJECT_UNIT = "“{name}” là khen thưởng cá nhân, không ghi cho tập thể."
YEAR_OUT_OF_RANGE = "Năm thành tích phải từ {low} đến {high}."
DECISION_BEFORE_YEAR = "Ngày quyết định không thể trước năm thành tích {year}."
IN_THE_FUTURE = "Ngày không được sau hôm nay."
ALREADY_RECORDED = (
    "Khen thưởng này (cùng đối tượng, danh hiệu, năm và số quyết định) đã có trong sổ khen thưởng."
)
NUMBER_REQUIRED = "Hãy ghi số quyết định."
ALREADY_REVOKED = "Khen thưởng này đã bị hủy bỏ."
REVOKED_BEFORE_DECISION = "Ngày hủy bỏ không thể trước ngày quyết định ({day})."
REVOCATION_REASON_REQUIRED = "Hãy ghi lý do hủy bỏ."

DECISION_FIELDS = ("kind", "decision_number", "decision_date", "signer", "authority")


def _require(text: str, message: str, field: str) -> str:
    text = (text or "").strip()
    if not text:
        raise DomainError(_(message), field=field)
    return text


def holder_unit_on(person: Person, day: dt.date) -> Unit:
    """The unit ``person`` belonged to on ``day`` (their assignment then), else their unit."""
    assignment = (
        Assignment.objects.filter(person=person, start__lte=day)
        .exclude(end__lt=day)
        .select_related("unit")
        .order_by("-start")
        .first()
    )
    return assignment.unit if assignment else person.unit


def _validate(award: Award) -> None:
    today = timezone.localdate()
    if not FIRST_YEAR <= award.year <= today.year:
        message = _(YEAR_OUT_OF_RANGE).format(low=FIRST_YEAR, high=today.year)
        raise DomainError(message, field="year")
    if award.decision_date > today:
        raise DomainError(_(IN_THE_FUTURE), field="decision_date")
    if award.decision_date.year < award.year:
        raise DomainError(_(DECISION_BEFORE_YEAR).format(year=award.year), field="decision_date")
    award.decision_number = _require(award.decision_number, NUMBER_REQUIRED, "decision_number")
    duplicate = Award.objects.filter(
        award_type=award.award_type,
        year=award.year,
        decision_number=award.decision_number,
        person=award.person,
        unit=award.unit,
    ).exclude(pk=award.pk)
    if duplicate.exists():
        raise DomainError(_(ALREADY_RECORDED), field="decision_number")


@transaction.atomic
def award_record(
    *,
    award_type: AwardType,
    year: int,
    decision_number: str,
    decision_date: dt.date,
    person: Person | None = None,
    unit: Unit | None = None,
    kind: str = CommendationKind.CONG_TRANG,
    signer: str = "",
    authority: str = "",
    reason: str,
) -> Award:
    """Enter a decided title or award for a person or a unit (exactly one) in the register."""
    reason = _require(reason, REASON_REQUIRED, "reason")
    if (person is None) == (unit is None):
        raise ValueError("award_record needs a person or a unit")
    if person is not None and award_type.subject == SubjectKind.COLLECTIVE:
        raise DomainError(_(WRONG_SUBJECT_PERSON).format(name=award_type.name), field="award_type")
    if unit is not None and award_type.subject == SubjectKind.PERSON:
        raise DomainError(_(WRONG_SUBJECT_UNIT).format(name=award_type.name), field="award_type")
    award = Award(
        award_type=award_type,
        person=person,
        unit=unit,
        year=year,
        kind=kind or CommendationKind.CONG_TRANG,
        decision_number=decision_number,
        decision_date=decision_date,
        signer=(signer or "").strip(),
        authority=(authority or "").strip(),
    )
    _validate(award)
    award.holder_unit = unit if unit is not None else holder_unit_on(person, decision_date)
    award._change_reason = reason
    award.save()
    return award


@transaction.atomic
def award_update(
    *, award: Award, expected_version: int | None, reason: str, **fields: object
) -> Award:
    """Correct a recorded decision (kind, number, date, signer, authority); refuses a stale
    edit. The holder unit follows a changed decision date."""
    unknown = set(fields) - set(DECISION_FIELDS)
    if unknown:
        raise ValueError(f"award_update cannot change {sorted(unknown)}")
    reason = _require(reason, REASON_REQUIRED, "reason")
    for name, value in fields.items():
        setattr(award, name, value.strip() if isinstance(value, str) else value)
    _validate(award)
    if award.person_id:
        award.holder_unit = holder_unit_on(award.person, award.decision_date)
    award._change_reason = reason
    save_with_version(award, expected_version=expected_version)
    return award


@transaction.atomic
def award_revoke(
    *, award: Award, expected_version: int | None, revoked_on: dt.date, reason: str
) -> Award:
    """Mark an award revoked from ``revoked_on`` with its reason: it stays in the register and
    no longer counts anywhere. Refuses a stale edit or an award already revoked."""
    reason = _require(reason, REVOCATION_REASON_REQUIRED, "reason")
    if award.revoked:
        raise DomainError(_(ALREADY_REVOKED), field="revoked_on")
    if revoked_on > timezone.localdate():
        raise DomainError(_(IN_THE_FUTURE), field="revoked_on")
    if revoked_on < award.decision_date:
        day = award.decision_date.strftime("%d/%m/%Y")
        raise DomainError(_(REVOKED_BEFORE_DECISION).format(day=day), field="revoked_on")
    award.revoked, award.revoked_on, award.revocation_reason = True, revoked_on, reason[:255]
    award._change_reason = f"Hủy bỏ khen thưởng: {reason}"
    save_with_version(award, expected_version=expected_version)
    initiatives_free([award], reason=reason)
    if award.source_line_id:
        _revoke_source_line(award, reason)
    return award


def _revoke_source_line(award: Award, reason: str) -> None:
    """The proposal line the award was decided on follows it to ``REVOKED``."""
    from tdkt.proposals.models import AppraisalAction, LineStatus, ProposalLine
    from tdkt.proposals.services.lifecycle import lines_advance

    lines = list(ProposalLine.objects.filter(pk=award.source_line_id, status=LineStatus.AWARDED))
    lines_advance(lines=lines, action=AppraisalAction.REVOKED, comment=reason)
