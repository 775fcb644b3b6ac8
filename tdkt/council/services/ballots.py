"""Casting secret ballots: a present member's own electronic ballot, or the written ballot of
an absent member recorded by the secretary. Both store the turnout (who, how, when) in
``Turnout`` and add the choices to the lines' anonymous ballot boxes (see ``council.models``).

A cast is a fixed number of queries whatever the number of lines or earlier ballots: one
turnout row and at most three ``UPDATE`` statements (one per choice) on the boxes.
"""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import Http404
from django.utils.translation import gettext as _

from tdkt.core.errors import DomainError
from tdkt.council import permissions
from tdkt.council.models import (
    AgendaItem,
    Attendance,
    BallotBox,
    Choice,
    CouncilMember,
    Meeting,
    MeetingStatus,
    Turnout,
    TurnoutKind,
)

NOT_OPEN = "Phiên họp không ở trạng thái bỏ phiếu (chưa mở hoặc đã kết thúc)."
NOT_A_MEMBER = "Bạn không phải thành viên của hội đồng nên không bỏ phiếu được."
SECRETARY = "Thư ký hội đồng không tham gia biểu quyết."
NOT_PRESENT = (
    "Bạn không có tên trong danh sách thành viên có mặt; thành viên vắng mặt gửi phiếu bằng "
    "văn bản cho thư ký hội đồng."
)
ALREADY_VOTED = "%(member)s đã bỏ phiếu; mỗi thành viên chỉ bỏ một phiếu."
MEMBER_PRESENT = "%(member)s có mặt tại phiên họp nên tự bỏ phiếu điện tử, không gửi phiếu văn bản."
CHOICE_MISSING = (
    "Hãy cho ý kiến về mọi dòng đề nghị (còn thiếu %(count)d dòng, đầu tiên: %(line)s)."
)
CHOICE_INVALID = "Ý kiến không hợp lệ; chỉ chọn Đồng ý, Không đồng ý hoặc Không biểu quyết."
UNKNOWN_LINE = "Phiếu có ý kiến cho dòng không thuộc chương trình phiên họp."


def _locked_voting(meeting: Meeting) -> Meeting:
    meeting = Meeting.objects.select_for_update().select_related("council").get(pk=meeting.pk)
    if meeting.status != MeetingStatus.VOTING:
        raise DomainError(_(NOT_OPEN), code="not_open")
    return meeting


def _check_choices(meeting: Meeting, choices: dict[int, str]) -> dict[str, list[int]]:
    """The item ids grouped by choice; every agenda item must have a valid choice."""
    item_ids = list(meeting.items.values_list("pk", flat=True))
    known = set(item_ids)
    if any(pk not in known for pk in choices):
        raise DomainError(_(UNKNOWN_LINE), code="unknown_line")
    missing = [pk for pk in item_ids if pk not in choices]
    if missing:
        item = AgendaItem.objects.select_related(
            "line__person", "line__candidate_unit", "line__award_type"
        ).get(pk=missing[0])
        raise DomainError(
            _(CHOICE_MISSING) % {"count": len(missing), "line": item.line}, code="missing"
        )
    groups: dict[str, list[int]] = {value: [] for value in Choice.values}
    for pk, value in choices.items():
        if value not in groups:
            raise DomainError(_(CHOICE_INVALID), code="invalid")
        groups[value].append(pk)
    return groups


def _drop_into_boxes(groups: dict[str, list[int]]) -> None:
    field = {Choice.AGREE: "agree", Choice.DISAGREE: "disagree", Choice.ABSTAIN: "abstain"}
    for value, item_ids in groups.items():
        if item_ids:
            name = field[value]
            BallotBox.objects.filter(item_id__in=item_ids).update(**{name: F(name) + 1})


def _record_turnout(meeting: Meeting, member: CouncilMember, kind: str, user) -> None:
    try:
        with transaction.atomic():
            Turnout.objects.create(meeting=meeting, member=member, kind=kind, recorded_by=user)
    except IntegrityError:
        raise DomainError(
            _(ALREADY_VOTED) % {"member": member.user.display_name}, code="already_voted"
        ) from None


@transaction.atomic
def ballot_cast(*, meeting: Meeting, user, choices: dict[int, str]) -> None:
    """The user's own ballot on every line of the agenda, all at once. Refused when voting is
    not open, when the user is not a voting member present at the meeting, or voted already."""
    meeting = _locked_voting(meeting)
    member = (
        CouncilMember.objects.select_related("user")
        .filter(council=meeting.council_id, user=user)
        .first()
    )
    if member is None:
        raise DomainError(_(NOT_A_MEMBER), code="not_member")
    if not member.votes:
        raise DomainError(_(SECRETARY), code="secretary")
    if not Attendance.objects.filter(meeting=meeting, member=member).exists():
        raise DomainError(_(NOT_PRESENT), code="not_present")
    if Turnout.objects.filter(meeting=meeting, member=member).exists():
        raise DomainError(
            _(ALREADY_VOTED) % {"member": member.user.display_name}, code="already_voted"
        )
    groups = _check_choices(meeting, choices)
    _record_turnout(meeting, member, TurnoutKind.ELECTRONIC, user)
    _drop_into_boxes(groups)


@transaction.atomic
def written_ballot_record(
    *, meeting: Meeting, member: CouncilMember, user, choices: dict[int, str]
) -> None:
    """Record the written ballot an absent voting member sent: it counts in the totals, and
    the turnout says the member voted in writing and who recorded it."""
    seat = permissions.seat_of(user, meeting.council)
    if not permissions.can_record(user, meeting.council, seat):
        raise Http404
    meeting = _locked_voting(meeting)
    if member.council_id != meeting.council_id:
        raise DomainError(_(NOT_A_MEMBER), code="not_member")
    if not member.votes:
        raise DomainError(_(SECRETARY), code="secretary")
    if Attendance.objects.filter(meeting=meeting, member=member).exists():
        raise DomainError(_(MEMBER_PRESENT) % {"member": member.user.display_name}, code="present")
    groups = _check_choices(meeting, choices)
    _record_turnout(meeting, member, TurnoutKind.WRITTEN, user)
    _drop_into_boxes(groups)
