"""Writes of councils and their members."""

import datetime as dt
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.http import Http404
from django.utils.translation import gettext as _

from tdkt.core.concurrency import save_with_version
from tdkt.core.errors import DomainError
from tdkt.council import permissions
from tdkt.council.models import Attendance, Council, CouncilMember, MeetingStatus, Turnout

PERIOD_ORDER = "Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực."
ALREADY_MEMBER = "%(user)s đã là thành viên của hội đồng."
ONE_CHAIR = "Hội đồng đã có Chủ tịch (%(user)s); mỗi hội đồng chỉ có một Chủ tịch."
MEMBER_TOOK_PART = (
    "%(user)s đã tham dự hoặc bỏ phiếu tại phiên họp của hội đồng nên không xóa được; "
    "hãy giữ lại để biên bản còn đúng."
)
MEETING_VOTING = "Hội đồng đang có phiên họp bỏ phiếu; không thay đổi thành viên được lúc này."
MEMBER_OUT_OF_SCOPE = "Người dùng được chọn không thuộc đơn vị của hội đồng."


@dataclass
class CouncilInput:
    unit: object
    name: str
    valid_from: dt.date
    valid_to: dt.date | None = None
    establishing_decision: str = ""
    note: str = ""


def _check_period(data: CouncilInput) -> None:
    if data.valid_to is not None and data.valid_to < data.valid_from:
        raise DomainError(_(PERIOD_ORDER), field="valid_to", code="period")


@transaction.atomic
def council_create(*, data: CouncilInput, user) -> Council:
    """Create a council for ``data.unit``; the user must manage councils of that unit."""
    if not permissions.reaches(user, data.unit, permissions.manage_action(data.unit)):
        raise Http404
    _check_period(data)
    council = Council(
        unit=data.unit,
        name=data.name.strip(),
        valid_from=data.valid_from,
        valid_to=data.valid_to,
        establishing_decision=data.establishing_decision.strip(),
        note=data.note.strip(),
    )
    council._change_reason = _("Thành lập hội đồng")
    council.save()
    return council


@transaction.atomic
def council_update(*, council: Council, data: CouncilInput, user, expected_version) -> Council:
    """Change the name, period and notes (the unit stays); refused if changed meanwhile."""
    if not permissions.can_manage(user, council):
        raise Http404
    _check_period(data)
    council.name = data.name.strip()
    council.valid_from = data.valid_from
    council.valid_to = data.valid_to
    council.establishing_decision = data.establishing_decision.strip()
    council.note = data.note.strip()
    council._change_reason = _("Sửa thông tin hội đồng")
    save_with_version(council, expected_version=expected_version)
    return council


def eligible_users(council: Council):
    """Users who may be added to ``council``: holding a role, or working, in its unit's subtree."""
    from django.contrib.auth import get_user_model
    from django.db.models import Q

    path = council.unit.path
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(roles__unit__path__startswith=path) | Q(person__unit__path__startswith=path))
        .exclude(council_seats__council=council)
        .distinct()
        .order_by("last_name", "first_name", "username")
    )


def _no_voting_meeting(council: Council) -> None:
    if council.meetings.filter(status=MeetingStatus.VOTING).exists():
        raise DomainError(_(MEETING_VOTING), code="voting")


@transaction.atomic
def member_add(*, council: Council, member_user, role: str, user) -> CouncilMember:
    """Seat ``member_user`` on the council in ``role`` (one chair per council)."""
    if not permissions.can_manage(user, council):
        raise Http404
    Council.objects.select_for_update().filter(pk=council.pk).first()
    _no_voting_meeting(council)
    if not eligible_users(council).filter(pk=member_user.pk).exists():
        if council.members.filter(user=member_user).exists():
            raise DomainError(
                _(ALREADY_MEMBER) % {"user": member_user.display_name}, code="already_member"
            )
        raise DomainError(_(MEMBER_OUT_OF_SCOPE), field="user", code="out_of_scope")
    if role == "CHAIR":
        chair = council.members.filter(role="CHAIR").select_related("user").first()
        if chair is not None:
            raise DomainError(
                _(ONE_CHAIR) % {"user": chair.user.display_name}, field="role", code="one_chair"
            )
    try:
        with transaction.atomic():
            member = CouncilMember(council=council, user=member_user, role=role)
            member._change_reason = _("Bổ sung thành viên")
            member.save()
    except IntegrityError:
        raise DomainError(
            _(ALREADY_MEMBER) % {"user": member_user.display_name}, code="already_member"
        ) from None
    return member


@transaction.atomic
def member_remove(*, member: CouncilMember, user) -> None:
    """Remove a member who never attended nor voted (the minutes must stay true)."""
    council = member.council
    if not permissions.can_manage(user, council):
        raise Http404
    _no_voting_meeting(council)
    took_part = (
        Attendance.objects.filter(member=member).exists()
        or Turnout.objects.filter(member=member).exists()
    )
    if took_part:
        raise DomainError(
            _(MEMBER_TOOK_PART) % {"user": member.user.display_name}, code="took_part"
        )
    member._change_reason = _("Xóa thành viên")
    member.delete()
