"""Writes of a meeting before and after the ballot: date and place, agenda, attendance,
opening the vote (quorum), closing it (tally, thresholds, lines advanced) and the minutes."""

import datetime as dt
import secrets

from django.db import transaction
from django.db.models import Max
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.core.concurrency import save_with_version
from tdkt.core.errors import DomainError
from tdkt.core.notify import notify
from tdkt.council import permissions
from tdkt.council.models import (
    AgendaItem,
    Attendance,
    BallotBox,
    Council,
    CouncilMember,
    Meeting,
    MeetingStatus,
)
from tdkt.council.thresholds import PRESENT, percent, quorum_on, threshold_for
from tdkt.council.workflow import CLOSE_VOTING, EDIT, ISSUE_MINUTES, MEETING_WORKFLOW, OPEN_VOTING
from tdkt.proposals.models import AppraisalAction, LineStatus, ProposalLine

OUTSIDE_PERIOD = "Ngày họp %(day)s nằm ngoài thời gian hiệu lực của hội đồng."
NO_LINES = "Hãy chọn ít nhất một dòng đề nghị."
LINE_NOT_ACCEPTED = "Dòng đề nghị “%(line)s” không còn ở trạng thái “Thẩm định đạt”."
LINE_OUT_OF_SCOPE = "Dòng đề nghị “%(line)s” không thuộc phạm vi của hội đồng."
LINE_ON_AGENDA = "Dòng đề nghị “%(line)s” đã có trong chương trình của một phiên họp khác."
EMPTY_AGENDA = "Chương trình phiên họp chưa có dòng đề nghị nào để biểu quyết."
NO_VOTERS = "Hội đồng chưa có thành viên biểu quyết nào."
NO_QUORUM = (
    "Chưa đủ số thành viên có mặt để biểu quyết: có mặt %(present)d/%(members)d thành viên "
    "biểu quyết, cần ít nhất %(needed)d (%(share)s tổng số thành viên)."
)
NOT_A_MEMBER = "Người được đánh dấu có mặt không phải thành viên của hội đồng."
VOTE_OPENED = "[TĐKT] Mở bỏ phiếu: %(meeting)s"
VOTE_OPENED_BODY = (
    "Phiên họp %(meeting)s đã mở bỏ phiếu kín trên %(count)d dòng đề nghị.\n"
    "Thành viên có mặt bỏ phiếu tại: %(url)s\n"
    "Thành viên vắng mặt gửi phiếu bằng văn bản cho thư ký hội đồng."
)


def _require_manage(user, council: Council) -> None:
    if not permissions.can_manage(user, council):
        raise Http404


def _lock(meeting: Meeting) -> Meeting:
    return Meeting.objects.select_for_update().select_related("council__unit").get(pk=meeting.pk)


def _subject(meeting: Meeting) -> str:
    return _("Phiên họp ngày %(day)s") % {"day": f"{meeting.date:%d/%m/%Y}"}


def _check_date(council: Council, day: dt.date) -> None:
    if not council.valid_on(day):
        raise DomainError(
            _(OUTSIDE_PERIOD) % {"day": f"{day:%d/%m/%Y}"}, field="date", code="period"
        )


@transaction.atomic
def meeting_create(*, council: Council, date: dt.date, place: str, user) -> Meeting:
    _require_manage(user, council)
    _check_date(council, date)
    meeting = Meeting(council=council, date=date, place=place.strip(), created_by=user)
    meeting._change_reason = _("Tạo phiên họp")
    meeting.save()
    return meeting


@transaction.atomic
def meeting_update(*, meeting: Meeting, date: dt.date, place: str, user, expected_version):
    _require_manage(user, meeting.council)
    MEETING_WORKFLOW.step(meeting.status, EDIT, subject=_subject(meeting))
    _check_date(meeting.council, date)
    meeting.date = date
    meeting.place = place.strip()
    meeting._change_reason = _("Sửa phiên họp")
    save_with_version(meeting, expected_version=expected_version)
    return meeting


def candidate_lines(meeting: Meeting):
    """Accepted lines in the council's subtree not already on a meeting still in progress."""
    busy = AgendaItem.objects.filter(
        meeting__status__in=(MeetingStatus.PREPARING, MeetingStatus.VOTING)
    ).values("line_id")
    return (
        ProposalLine.objects.filter(
            status=LineStatus.ACCEPTED,
            proposal__unit__path__startswith=meeting.council.unit.path,
        )
        .exclude(pk__in=busy)
        .select_related(
            "person", "candidate_unit", "award_type", "proposal__unit", "proposal__round"
        )
    )


@transaction.atomic
def agenda_add(*, meeting: Meeting, line_ids: list[int], user) -> int:
    """Put the given lines on the agenda, after the existing ones. All or nothing: a line that
    is not accepted, outside the council's scope or on another meeting is refused by name."""
    _require_manage(user, meeting.council)
    meeting = _lock(meeting)
    MEETING_WORKFLOW.step(meeting.status, EDIT, subject=_subject(meeting))
    ids = sorted(set(line_ids))
    if not ids:
        raise DomainError(_(NO_LINES), code="no_lines")
    allowed = {line.pk: line for line in candidate_lines(meeting).filter(pk__in=ids)}
    missing = [pk for pk in ids if pk not in allowed]
    if missing:
        line = (
            ProposalLine.objects.select_related("person", "candidate_unit", "award_type")
            .filter(pk=missing[0])
            .first()
        )
        if line is None:
            raise Http404
        if not line.proposal.unit.path.startswith(meeting.council.unit.path):
            message = LINE_OUT_OF_SCOPE
        elif line.status != LineStatus.ACCEPTED:
            message = LINE_NOT_ACCEPTED
        else:
            message = LINE_ON_AGENDA
        raise DomainError(_(message) % {"line": line}, code="line")
    start = meeting.items.aggregate(m=Max("position"))["m"] or 0
    lines = sorted(
        allowed.values(),
        key=lambda line: (line.award_type.sort_order, line.proposal.unit.path, line.pk),
    )
    AgendaItem.objects.bulk_create(
        AgendaItem(meeting=meeting, line=line, position=start + index)
        for index, line in enumerate(lines, start=1)
    )
    return len(lines)


@transaction.atomic
def agenda_remove(*, meeting: Meeting, item: AgendaItem, user) -> None:
    _require_manage(user, meeting.council)
    meeting = _lock(meeting)
    MEETING_WORKFLOW.step(meeting.status, EDIT, subject=_subject(meeting))
    AgendaItem.objects.filter(pk=item.pk, meeting=meeting).delete()


@transaction.atomic
def attendance_set(*, meeting: Meeting, member_ids: list[int], user, expected_version) -> None:
    """Record who is present (every member not listed is absent)."""
    _require_manage(user, meeting.council)
    MEETING_WORKFLOW.step(meeting.status, EDIT, subject=_subject(meeting))
    ids = set(member_ids)
    known = set(meeting.council.members.filter(pk__in=ids).values_list("pk", flat=True))
    if ids - known:
        raise DomainError(_(NOT_A_MEMBER), code="not_member")
    Attendance.objects.filter(meeting=meeting).delete()
    Attendance.objects.bulk_create(Attendance(meeting=meeting, member_id=pk) for pk in sorted(ids))
    meeting._change_reason = _("Điểm danh thành viên có mặt")
    save_with_version(meeting, expected_version=expected_version)


def voting_members(meeting: Meeting) -> list[CouncilMember]:
    return [m for m in meeting.council.members.select_related("user") if m.votes]


@transaction.atomic
def voting_open(*, meeting: Meeting, user, expected_version) -> Meeting:
    """Open the secret ballot: the agenda must not be empty, its lines still accepted and the
    quorum present (``council.quorum_share`` of the voting members). One ballot box per line
    is created now, before anyone votes; the voting members are notified."""
    seat = permissions.seat_of(user, meeting.council)
    if not permissions.can_chair(user, meeting.council, seat):
        raise Http404
    meeting = _lock(meeting)
    MEETING_WORKFLOW.step(meeting.status, OPEN_VOTING, subject=_subject(meeting))
    items = list(
        meeting.items.select_related("line__person", "line__candidate_unit", "line__award_type")
    )
    if not items:
        raise DomainError(_(EMPTY_AGENDA), code="empty")
    for item in items:
        if item.line.status != LineStatus.ACCEPTED:
            raise DomainError(_(LINE_NOT_ACCEPTED) % {"line": item.line}, code="line")
    members = voting_members(meeting)
    if not members:
        raise DomainError(_(NO_VOTERS), code="no_voters")
    present_ids = set(meeting.attendance.values_list("member_id", flat=True))
    present = sum(1 for m in members if m.pk in present_ids)
    quorum = quorum_on(meeting.date)
    if not quorum.met(present, len(members)):
        raise DomainError(
            _(NO_QUORUM)
            % {
                "present": present,
                "members": len(members),
                "needed": quorum.needed(len(members)),
                "share": percent(quorum.share),
            },
            code="quorum",
        )
    boxes = [BallotBox(item=item) for item in items]
    secrets.SystemRandom().shuffle(boxes)
    BallotBox.objects.bulk_create(boxes)
    meeting.status = MeetingStatus.VOTING
    meeting.member_count = len(members)
    meeting.present_count = present
    meeting.quorum_share = str(quorum.share)
    meeting.quorum_citation = quorum.citation[:300]
    meeting.quorum_unsure = quorum.unsure
    meeting.voting_opened_at = timezone.now()
    meeting._change_reason = _("Mở bỏ phiếu")
    save_with_version(meeting, expected_version=expected_version)
    _notify_opened(meeting, members, len(items))
    return meeting


def _notify_opened(meeting: Meeting, members: list[CouncilMember], count: int) -> None:
    from django.conf import settings
    from django.urls import reverse

    url = settings.TDKT_SITE_URL.rstrip("/") + reverse("council:ballot", args=[meeting.pk])
    values = {"meeting": str(meeting), "count": count, "url": url}
    notify(
        users=[m.user for m in members],
        subject=_(VOTE_OPENED) % values,
        body=_(VOTE_OPENED_BODY) % values,
    )


def _base(threshold, meeting: Meeting, cast: int) -> int:
    return cast if threshold.denominator == PRESENT else meeting.member_count


@transaction.atomic
def voting_close(*, meeting: Meeting, user) -> Meeting:
    """Close the ballot and tally: per line the counts, the threshold of its code at the meeting
    date and whether it was reached; passed lines move to ``PASSED``, the others to
    ``NOT_PASSED``, all in this transaction. Closing a meeting already tallied changes nothing."""
    seat = permissions.seat_of(user, meeting.council)
    if not permissions.can_chair(user, meeting.council, seat):
        raise Http404
    meeting = _lock(meeting)
    if meeting.is_tallied:
        return meeting
    MEETING_WORKFLOW.step(meeting.status, CLOSE_VOTING, subject=_subject(meeting))
    cast = meeting.turnout.count()
    items = list(meeting.items.select_related("box", "line__award_type"))
    passed, failed = [], []
    for item in items:
        threshold = threshold_for(item.line.award_type.code, meeting.date)
        box = item.box
        item.agree, item.disagree, item.abstain = box.agree, box.disagree, box.abstain
        item.not_voted = max(meeting.member_count - cast, 0)
        item.share = str(threshold.share)
        item.denominator = threshold.denominator
        item.strict = threshold.strict
        item.base = _base(threshold, meeting, cast)
        item.citation = threshold.citation[:300]
        item.unsure = threshold.unsure
        item.passed = threshold.passes(item.agree, item.base)
        (passed if item.passed else failed).append(item.line)
    fields = ["agree", "disagree", "abstain", "not_voted", "share", "denominator", "strict"]
    AgendaItem.objects.bulk_update(items, [*fields, "base", "citation", "unsure", "passed"])
    from tdkt.proposals.services.lifecycle import lines_advance

    comment = str(meeting)
    lines_advance(lines=passed, action=AppraisalAction.PASSED, user=user, comment=comment)
    lines_advance(lines=failed, action=AppraisalAction.NOT_PASSED, user=user, comment=comment)
    meeting.status = MeetingStatus.CLOSED
    meeting.voting_closed_at = timezone.now()
    meeting._change_reason = _("Kết thúc bỏ phiếu, kiểm phiếu")
    save_with_version(meeting, expected_version=None)
    return meeting


@transaction.atomic
def minutes_issue(*, meeting: Meeting, user) -> Meeting:
    """Mark the minutes as issued: the meeting is final."""
    seat = permissions.seat_of(user, meeting.council)
    if not permissions.can_record(user, meeting.council, seat):
        raise Http404
    meeting = _lock(meeting)
    MEETING_WORKFLOW.step(meeting.status, ISSUE_MINUTES, subject=_subject(meeting))
    meeting.status = MeetingStatus.MINUTES
    meeting.minutes_issued_at = timezone.now()
    meeting._change_reason = _("Ban hành biên bản")
    save_with_version(meeting, expected_version=None)
    return meeting
