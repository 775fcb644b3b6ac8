"""Decisions on passed proposal lines: the sector's own decision, the transmission of
state-level lines upward and the upper authority's result, and the revocation of a decision.

Every write here is one transaction that locks the lines it moves and moves them only through
``proposals.services.lifecycle.lines_advance`` (the declared ``LINE_WORKFLOW``). Awards are
created in bulk with their history, so a decision of 500 recipients costs a fixed number of
queries. The award money is the code's coefficient times the base salary in force on the
signing day (``rules.money.award_money``, NĐ 98/2023 Art 54, legal digest §5.6), rounded half
up to the đồng; a code without a known coefficient gets no amount rather than a guess.
"""

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, fields
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from tdkt.accounts.models import Role, RoleAssignment
from tdkt.accounts.permissions import unit_officer_roles
from tdkt.awards.backing import initiative_claims, initiatives_consume, initiatives_free
from tdkt.awards.models import (
    Award,
    Decision,
    Transmission,
    TransmissionLine,
    TransmissionOutcome,
)
from tdkt.catalog.models import AwardType, CommendationKind
from tdkt.core.concurrency import save_with_version
from tdkt.core.errors import DomainError, StaleEditError
from tdkt.core.notify import absolute_url, notify
from tdkt.org.models import Unit, UnitType, ancestor_paths
from tdkt.people.models import Assignment
from tdkt.proposals.models import AppraisalAction, LineAppraisal, LineStatus, ProposalLine
from tdkt.proposals.services.lifecycle import lines_advance
from tdkt.rules.money import award_money
from tdkt.rules.params import ParameterError

SECTOR_AUTHORITY = "Viện trưởng Viện kiểm sát nhân dân tối cao"
SECTOR_SIGNER_TITLE = "Viện trưởng"
EMPTY_SELECTION = "Hãy chọn ít nhất một dòng đề nghị."
LINE_MISSING = "Không tìm thấy một số dòng đề nghị đã chọn (có thể đã bị xóa); hãy tải lại trang."
REQUIRED = "Hãy ghi {label}."
NUMBER_USED = "Số quyết định “{number}” đã được {authority} dùng trong năm {year}."
TRANSMISSION_NUMBER_USED = "Số tờ trình “{number}” đã được dùng trong năm {year}."
IN_THE_FUTURE = "Ngày không được sau hôm nay."
BEFORE_YEAR = "Ngày ký không thể trước năm xét {year} của dòng đề nghị {line}."
BEFORE_COUNCIL = (
    "Ngày {day} trước ngày Hội đồng thống nhất đề nghị dòng {line} ({council}); hãy kiểm tra lại."
)
BEFORE_TRANSMISSION = "Ngày ký quyết định không thể trước ngày trình ({day})."
LINE_ALREADY_DECIDED = "Dòng đề nghị {line} đã có quyết định khen thưởng."
LINE_NOT_PASSED = (
    "Dòng đề nghị {line} chưa được Hội đồng thống nhất đề nghị (trạng thái: “{state}”)."
)
LINE_STATE_LEVEL = (
    "Dòng đề nghị {line}: “{name}” là khen thưởng cấp Nhà nước; hãy lập tờ trình lên cấp trên."
)
LINE_NOT_STATE_LEVEL = (
    "Dòng đề nghị {line}: “{name}” không phải khen thưởng cấp Nhà nước; hãy ghi quyết định của "
    "ngành."
)
LINE_OTHER_ROUND = "Dòng đề nghị {line} không thuộc đợt “{round}”."
LINE_NOT_PENDING = "Dòng đề nghị {line} không còn chờ kết quả của tờ trình này."
LINE_CHANGED = (
    "Dòng đề nghị {line} đã được người khác thay đổi sau khi bạn mở trang. Chưa có gì được lưu; "
    "hãy tải lại trang."
)
AWARD_EXISTS = "{line}: khen thưởng này đã có trong sổ khen thưởng với cùng số quyết định."
TRANSMISSION_BLOCKED = "Chưa thể trình cấp trên: {reasons}"
ALREADY_REVOKED = "Quyết định này đã bị hủy bỏ."
REVOKED_BEFORE = "Ngày hủy bỏ không thể trước ngày ký quyết định ({day})."
REASON_REQUIRED = "Hãy ghi lý do."


@dataclass(frozen=True)
class DecisionData:
    """What the officer types for a decision (the sector's or an upper authority's)."""

    number: str
    signed_on: dt.date
    signer: str
    signer_title: str = ""
    authority: str = SECTOR_AUTHORITY
    kind: str = CommendationKind.CONG_TRANG
    summary: str = ""

    @classmethod
    def from_values(cls, values) -> "DecisionData":
        """From a form's cleaned data (a mapping) or an API payload (attributes) with the same
        field names; a field missing or None takes its default."""
        if isinstance(values, Mapping):
            found = {f.name: values.get(f.name) for f in fields(cls)}
        else:
            found = {f.name: getattr(values, f.name, None) for f in fields(cls)}
        return cls(**{name: value for name, value in found.items() if value is not None})


def is_state_level(award_type: AwardType) -> bool:
    return award_type.is_state_level


def sector_root() -> Unit:
    """The Supreme People's Procuracy: the unit that issues and manages the sector's decisions."""
    root = Unit.objects.filter(parent__isnull=True, unit_type=UnitType.SUPREME).first()
    return root or Unit.objects.filter(parent__isnull=True).order_by("pk").first()


def transmission_blockers(lines: list[ProposalLine]) -> list[str]:
    """Reasons the lines cannot be sent upward yet, as Vietnamese sentences naming each line:
    the public consultation (``consultation.selectors.transmission_blockers``) blocks a line
    while its consultation is open or closed without an outcome, and when an objection was
    upheld. Lines never published are not blocked."""
    from tdkt.consultation.selectors import transmission_blockers as consultation_blockers

    blocked = consultation_blockers(lines)
    return [f"{line}: {blocked[line.pk]}" for line in lines if line.pk in blocked]


def _clean(text: str, label: str, field: str) -> str:
    text = (text or "").strip()
    if not text:
        raise DomainError(_(REQUIRED).format(label=label), field=field)
    return text


def _check_day(day: dt.date, field: str) -> None:
    if day > timezone.localdate():
        raise DomainError(_(IN_THE_FUTURE), field=field)


def _lock_lines(lines, expected_versions: dict[int, int] | None) -> list[ProposalLine]:
    """The lines read again under a lock, in pk order; a stale version refuses everything."""
    pks = sorted({line.pk if isinstance(line, ProposalLine) else int(line) for line in lines})
    if not pks:
        raise DomainError(_(EMPTY_SELECTION), field="lines")
    stored = list(
        ProposalLine.objects.select_for_update(of=("self",))
        .select_related("proposal__round", "proposal__unit", "person", "candidate_unit")
        .select_related("award_type")
        .filter(pk__in=pks)
        .order_by("pk")
    )
    if len(stored) != len(pks):
        raise DomainError(_(LINE_MISSING), field="lines")
    for line in stored:
        if expected_versions and expected_versions.get(line.pk, line.version) != line.version:
            raise StaleEditError(_(LINE_CHANGED).format(line=line), code="stale")
    return stored


def _check_passed(lines: list[ProposalLine], *, round_, state_level: bool) -> None:
    for line in lines:
        if line.status in (LineStatus.AWARDED, LineStatus.REVOKED):
            raise DomainError(_(LINE_ALREADY_DECIDED).format(line=line), field="lines")
        if line.status != LineStatus.PASSED:
            state = line.get_status_display()
            raise DomainError(_(LINE_NOT_PASSED).format(line=line, state=state), field="lines")
        if round_ is not None and line.proposal.round_id != round_.pk:
            message = _(LINE_OTHER_ROUND).format(line=line, round=round_.name)
            raise DomainError(message, field="lines")
        if is_state_level(line.award_type) != state_level:
            template = LINE_NOT_STATE_LEVEL if state_level else LINE_STATE_LEVEL
            message = _(template).format(line=line, name=line.award_type.name)
            raise DomainError(message, field="lines")


def council_days(lines: list[ProposalLine]) -> dict[int, dt.date]:
    """The day the council's passing result was recorded for each line (one query)."""
    rows = (
        LineAppraisal.objects.filter(line__in=[line.pk for line in lines])
        .filter(action=AppraisalAction.PASSED)
        .values("line")
        .annotate(last=Max("at"))
    )
    return {row["line"]: timezone.localdate(row["last"]) for row in rows}


def _check_after_council(lines: list[ProposalLine], day: dt.date, field: str) -> None:
    passed = council_days(lines)
    for line in lines:
        council = passed.get(line.pk)
        if council and day < council:
            message = _(BEFORE_COUNCIL).format(
                day=f"{day:%d/%m/%Y}", line=line, council=f"{council:%d/%m/%Y}"
            )
            raise DomainError(message, field=field)


def holder_units_on(person_ids: list[int], day: dt.date) -> dict[int, int]:
    """For each person, the unit of their assignment on ``day`` (the latest started), else their
    current unit: ``services.holder_unit_on`` for many persons in two queries."""
    from tdkt.people.models import Person

    result: dict[int, int] = {}
    rows = (
        Assignment.objects.filter(person_id__in=person_ids, start__lte=day)
        .exclude(end__lt=day)
        .order_by("person_id", "-start")
        .values_list("person_id", "unit_id")
    )
    for person_id, unit_id in rows:
        result.setdefault(person_id, unit_id)
    missing = [pk for pk in person_ids if pk not in result]
    if missing:
        result.update(Person.objects.filter(pk__in=missing).values_list("pk", "unit_id"))
    return result


def money_for(codes: set[str], day: dt.date) -> dict[str, Decimal | None]:
    """The award money of each code for a decision signed on ``day`` (None when unknown)."""
    amounts: dict[str, Decimal | None] = {}
    for code in codes:
        try:
            amounts[code] = Decimal(award_money(code, day)[0])
        except ParameterError:
            amounts[code] = None
    return amounts


def _validate_data(data: DecisionData) -> DecisionData:
    number = _clean(data.number, _("số quyết định"), "number")
    signer = _clean(data.signer, _("người ký"), "signer")
    authority = _clean(data.authority, _("cơ quan quyết định"), "authority")
    _check_day(data.signed_on, "signed_on")
    return DecisionData(
        number=number,
        signed_on=data.signed_on,
        signer=signer,
        signer_title=(data.signer_title or "").strip(),
        authority=authority,
        kind=data.kind or CommendationKind.CONG_TRANG,
        summary=(data.summary or "").strip(),
    )


def _number_used(data: DecisionData) -> DomainError:
    message = _(NUMBER_USED).format(
        number=data.number, authority=data.authority, year=data.signed_on.year
    )
    return DomainError(message, field="number", code="number_used")


def _create_decision(data: DecisionData, *, round_, issuer_unit, user) -> Decision:
    taken = Decision.objects.filter(
        number__iexact=data.number, authority=data.authority, signed_year=data.signed_on.year
    )
    if taken.exists():
        raise _number_used(data)
    decision = Decision(
        number=data.number,
        signed_on=data.signed_on,
        signer=data.signer,
        signer_title=data.signer_title,
        authority=data.authority,
        kind=data.kind,
        summary=data.summary[:500],
        issuer_unit=issuer_unit,
        round=round_,
        created_by=user,
    )
    decision._history_user = user
    decision._change_reason = _("Ghi quyết định khen thưởng")
    try:
        with transaction.atomic():
            decision.save()
    except IntegrityError as error:
        # another officer saved the same number between our check and our insert
        raise _number_used(data) from error
    return decision


def _create_awards(decision: Decision, lines: list[ProposalLine], user) -> list[Award]:
    day = decision.signed_on
    for line in lines:
        if line.year > timezone.localdate().year or day.year < line.year:
            message = _(BEFORE_YEAR).format(year=line.year, line=line)
            raise DomainError(message, field="signed_on")
    existing = set(
        Award.objects.filter(decision_number=decision.number, year__in={li.year for li in lines})
        .filter(award_type__in={li.award_type_id for li in lines})
        .values_list("award_type_id", "year", "person_id", "unit_id")
    )
    for line in lines:
        if (line.award_type_id, line.year, line.person_id, line.candidate_unit_id) in existing:
            raise DomainError(_(AWARD_EXISTS).format(line=line), field="lines")
    holders = holder_units_on([li.person_id for li in lines if li.person_id], day)
    amounts = money_for({line.award_type.code for line in lines}, day)
    awards = [
        Award(
            award_type=line.award_type,
            person_id=line.person_id,
            unit_id=line.candidate_unit_id,
            year=line.year,
            kind=decision.kind,
            decision_number=decision.number,
            decision_date=day,
            signer=decision.signer,
            authority=decision.authority,
            decision=decision,
            source_line=line,
            money=amounts[line.award_type.code],
            holder_unit_id=line.candidate_unit_id or holders[line.person_id],
        )
        for line in lines
    ]
    reason = _("Quyết định số %(number)s") % {"number": decision.number}
    # The initiatives are chosen on the register as it stood before these awards entered it,
    # which is what the lines' verdicts were checked against.
    claims = initiative_claims(awards)
    created = bulk_create_with_history(
        awards, Award, default_user=user, default_change_reason=reason
    )
    initiatives_consume(claims, created, user=user, reason=reason)
    return created


def _unit_officers(lines: list[ProposalLine]) -> list:
    """The TĐKT officers of the units that proposed ``lines`` (one query)."""
    unit_ids = {line.proposal.unit_id for line in lines}
    return [
        assignment.user
        for assignment in RoleAssignment.objects.filter(
            role=Role.UNIT_OFFICER, unit_id__in=unit_ids
        ).select_related("user")
    ]


def _notify_units(decision: Decision, lines: list[ProposalLine]) -> None:
    officers = _unit_officers(lines)
    url = absolute_url("awards:decision-detail", decision.pk)
    subject = _("Quyết định khen thưởng số %(number)s") % {"number": decision.number}
    body = _(
        "%(authority)s đã ký quyết định số %(number)s ngày %(day)s khen thưởng %(count)s "
        "trường hợp, trong đó có đề nghị của đơn vị đồng chí.\n\nXem quyết định: %(url)s"
    ) % {
        "authority": decision.authority,
        "number": decision.number,
        "day": f"{decision.signed_on:%d/%m/%Y}",
        "count": len(lines),
        "url": url,
    }
    notify(users=officers, subject=subject, body=body)


@transaction.atomic
def decision_record(
    *,
    round_,
    lines,
    data: DecisionData,
    user,
    expected_versions: dict[int, int] | None = None,
) -> Decision:
    """Record the sector's decision on passed lines of non-state-level codes of ``round_``:
    the decision, one award per line with its money, the lines ``AWARDED``; the proposing
    units' officers are told by e-mail. All or nothing."""
    data = _validate_data(data)
    stored = _lock_lines(lines, expected_versions)
    _check_passed(stored, round_=round_, state_level=False)
    _check_after_council(stored, data.signed_on, "signed_on")
    decision = _create_decision(data, round_=round_, issuer_unit=sector_root(), user=user)
    _create_awards(decision, stored, user)
    comment = _("Quyết định số %(number)s ngày %(day)s") % {
        "number": decision.number,
        "day": f"{decision.signed_on:%d/%m/%Y}",
    }
    lines_advance(lines=stored, action=AppraisalAction.AWARDED, user=user, comment=comment)
    _notify_units(decision, stored)
    return decision


@dataclass(frozen=True)
class TransmissionData:
    number: str
    sent_on: dt.date
    receiver: str
    summary: str = ""


@transaction.atomic
def transmission_record(
    *,
    round_,
    lines,
    data: TransmissionData,
    user,
    expected_versions: dict[int, int] | None = None,
) -> Transmission:
    """Send passed lines of state-level codes upward: the transmission and its lines, which
    become ``TRANSMITTED``. Refused while ``transmission_blockers`` names a reason."""
    number = _clean(data.number, _("số tờ trình"), "number")
    receiver = _clean(data.receiver, _("cơ quan nhận"), "receiver")
    _check_day(data.sent_on, "sent_on")
    stored = _lock_lines(lines, expected_versions)
    _check_passed(stored, round_=round_, state_level=True)
    _check_after_council(stored, data.sent_on, "sent_on")
    blockers = transmission_blockers(stored)
    if blockers:
        message = _(TRANSMISSION_BLOCKED).format(reasons="; ".join(blockers))
        raise DomainError(message, field="lines")
    if Transmission.objects.filter(number__iexact=number, sent_on__year=data.sent_on.year).exists():
        message = _(TRANSMISSION_NUMBER_USED).format(number=number, year=data.sent_on.year)
        raise DomainError(message, field="number")
    transmission = Transmission(
        number=number,
        sent_on=data.sent_on,
        receiver=receiver,
        summary=(data.summary or "").strip()[:500],
        issuer_unit=sector_root(),
        round=round_,
        created_by=user,
    )
    transmission._history_user = user
    transmission.save()
    TransmissionLine.objects.bulk_create(
        TransmissionLine(transmission=transmission, line=line) for line in stored
    )
    comment = _("Tờ trình số %(number)s gửi %(receiver)s") % {
        "number": number,
        "receiver": receiver,
    }
    lines_advance(lines=stored, action=AppraisalAction.TRANSMITTED, user=user, comment=comment)
    return transmission


def _pending_items(transmission: Transmission, lines, expected_versions) -> tuple[list, list]:
    stored = _lock_lines(lines, expected_versions)
    items = {
        item.line_id: item
        for item in TransmissionLine.objects.select_for_update().filter(
            transmission=transmission, line__in=[line.pk for line in stored]
        )
    }
    for line in stored:
        item = items.get(line.pk)
        if item is None or item.outcome != TransmissionOutcome.PENDING:
            raise DomainError(_(LINE_NOT_PENDING).format(line=line), field="lines")
        if line.status != LineStatus.TRANSMITTED:
            raise DomainError(_(LINE_NOT_PENDING).format(line=line), field="lines")
    return stored, [items[line.pk] for line in stored]


@transaction.atomic
def transmission_award(
    *,
    transmission: Transmission,
    lines,
    data: DecisionData,
    user,
    expected_versions: dict[int, int] | None = None,
) -> Decision:
    """Record the upper authority's decision for some lines of ``transmission``: a decision
    with one award per line, the lines ``AWARDED``."""
    data = _validate_data(data)
    stored, items = _pending_items(transmission, lines, expected_versions)
    if data.signed_on < transmission.sent_on:
        day = f"{transmission.sent_on:%d/%m/%Y}"
        raise DomainError(_(BEFORE_TRANSMISSION).format(day=day), field="signed_on")
    decision = _create_decision(
        data, round_=transmission.round, issuer_unit=transmission.issuer_unit, user=user
    )
    _create_awards(decision, stored, user)
    for item in items:
        item.outcome, item.decision = TransmissionOutcome.AWARDED, decision
    TransmissionLine.objects.bulk_update(items, ["outcome", "decision"])
    comment = _("Quyết định số %(number)s ngày %(day)s của %(authority)s") % {
        "number": decision.number,
        "day": f"{decision.signed_on:%d/%m/%Y}",
        "authority": decision.authority,
    }
    lines_advance(lines=stored, action=AppraisalAction.AWARDED, user=user, comment=comment)
    _notify_units(decision, stored)
    return decision


@transaction.atomic
def transmission_refuse(
    *,
    transmission: Transmission,
    lines,
    reason: str,
    user,
    expected_versions: dict[int, int] | None = None,
) -> list[ProposalLine]:
    """Record that the upper authority did not award some lines of ``transmission``, with the
    reason: the lines become ``NOT_AWARDED``."""
    reason = _clean(reason, _("lý do không khen thưởng"), "reason")
    stored, items = _pending_items(transmission, lines, expected_versions)
    for item in items:
        item.outcome, item.reason = TransmissionOutcome.NOT_AWARDED, reason[:500]
    TransmissionLine.objects.bulk_update(items, ["outcome", "reason"])
    done = lines_advance(
        lines=stored, action=AppraisalAction.NOT_AWARDED, user=user, comment=reason
    )
    names = ", ".join(str(line) for line in stored[:20])
    if len(stored) > 20:
        names += ", …"
    body = _(
        "Tờ trình số %(number)s gửi %(receiver)s: cấp trên không khen thưởng %(count)s trường "
        "hợp (%(names)s). Lý do: %(reason)s"
    ) % {
        "number": transmission.number,
        "receiver": transmission.receiver,
        "count": len(stored),
        "names": names,
        "reason": reason,
    }
    subject = _("Kết quả tờ trình số %(number)s") % {"number": transmission.number}
    notify(users=_unit_officers(stored), subject=subject, body=body)
    return done


@transaction.atomic
def decision_revoke(
    *,
    decision: Decision,
    expected_version: int | None,
    revoked_on: dt.date,
    reason: str,
    user,
) -> Decision:
    """Revoke the whole decision from ``revoked_on`` with its reason: every award of it is
    revoked as ``services.award_revoke`` does (kept, marked, no longer counted) and its lines
    become ``REVOKED``; the TĐKT officers of the units holding those awards are told by e-mail,
    each of the names in their units. Refuses a stale page or a decision already revoked."""
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(_(REASON_REQUIRED), field="reason")
    stored = Decision.objects.select_for_update().get(pk=decision.pk)
    if stored.revoked:
        raise DomainError(_(ALREADY_REVOKED), field="revoked_on")
    _check_day(revoked_on, "revoked_on")
    if revoked_on < stored.signed_on:
        day = f"{stored.signed_on:%d/%m/%Y}"
        raise DomainError(_(REVOKED_BEFORE).format(day=day), field="revoked_on")
    decision.revoked, decision.revoked_on = True, revoked_on
    decision.revocation_reason = reason[:255]
    decision._history_user = user
    decision._change_reason = f"Hủy bỏ quyết định: {reason}"[:100]
    save_with_version(decision, expected_version=expected_version)
    awards = list(
        Award.objects.select_for_update(of=("self",))
        .filter(decision=decision, revoked=False)
        .select_related("holder_unit", "person", "unit", "award_type")
        .order_by("pk")
    )
    now = timezone.now()
    for award in awards:
        award.revoked, award.revoked_on, award.revocation_reason = True, revoked_on, reason[:255]
        award.version += 1
        award.updated_at = now
    if awards:
        bulk_update_with_history(
            awards,
            Award,
            ["revoked", "revoked_on", "revocation_reason", "version", "updated_at"],
            default_user=user,
            default_change_reason=f"Hủy bỏ khen thưởng: {reason}"[:100],
        )
        initiatives_free(awards, reason=reason, user=user)
    lines = list(ProposalLine.objects.filter(award__decision=decision, status=LineStatus.AWARDED))
    comment = _("Hủy bỏ quyết định số %(number)s: %(reason)s") % {
        "number": decision.number,
        "reason": reason,
    }
    lines_advance(lines=lines, action=AppraisalAction.REVOKED, user=user, comment=comment)
    _notify_revoked(decision, awards)
    return decision


def _holder_officers(awards: list[Award]) -> dict:
    """Each TĐKT officer of the units holding ``awards`` (a role at the holder unit or above
    it, the sector's officers left out) with the awards of their units (one query)."""
    paths = {award.pk: award.holder_unit.path for award in awards}
    wanted = {ancestor for path in paths.values() for ancestor in ancestor_paths(path)}
    roles = unit_officer_roles()
    reached: dict = {}
    assignments = RoleAssignment.objects.filter(
        role__in=roles, unit__path__in=wanted, user__is_active=True
    ).select_related("user", "unit")
    for assignment in assignments:
        mine = [a for a in awards if paths[a.pk].startswith(assignment.unit.path)]
        reached.setdefault(assignment.user, {})
        reached[assignment.user].update({a.pk: a for a in mine})
    return {user: sorted(found.values(), key=lambda a: a.pk) for user, found in reached.items()}


def _notify_revoked(decision: Decision, awards: list[Award]) -> None:
    """Tell the officers of the units whose persons or collectives lose an award by the
    revocation, each with the names in their units only."""
    if not awards:
        return
    url = absolute_url("awards:decision-detail", decision.pk)
    subject = _("Hủy bỏ quyết định khen thưởng số %(number)s") % {"number": decision.number}
    for officer, theirs in _holder_officers(awards).items():
        names = ", ".join(_award_holder(a) for a in theirs[:20]) + (
            ", …" if len(theirs) > 20 else ""
        )
        body = _(
            "Quyết định số %(number)s ngày %(day)s của %(authority)s đã bị hủy bỏ từ ngày "
            "%(revoked_on)s. Lý do: %(reason)s\n\n%(count)s khen thưởng của đơn vị đồng chí "
            "bị hủy bỏ theo và không còn được tính: %(names)s.\n\nXem quyết định: %(url)s"
        ) % {
            "number": decision.number,
            "day": f"{decision.signed_on:%d/%m/%Y}",
            "authority": decision.authority,
            "revoked_on": f"{decision.revoked_on:%d/%m/%Y}",
            "reason": decision.revocation_reason,
            "count": len(theirs),
            "names": names,
            "url": url,
        }
        notify(users=[officer], subject=subject, body=body)


def _award_holder(award: Award) -> str:
    holder = award.person.full_name if award.person_id else award.unit.full_name
    return f"{holder} ({award.award_type.name})"
