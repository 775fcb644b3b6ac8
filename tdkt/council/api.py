"""API routes for councils, meetings, agendas and tallies (read only, scoped to the caller).

Ballot contents are never exposed: a meeting shows its turnout count and, once tallied, each
line's totals and result, as the minutes do.
"""

import datetime as dt

from ninja import Router, Schema
from ninja.pagination import paginate

from tdkt.api.pagination import BoundedPageNumberPagination
from tdkt.council import selectors
from tdkt.council.models import MeetingStatus, MemberRole

router = Router(tags=["Hội đồng Thi đua – Khen thưởng"])


class MemberOut(Schema):
    id: int
    user_id: int
    name: str
    role: MemberRole


class CouncilOut(Schema):
    id: int
    unit_id: int
    unit_name: str
    name: str
    valid_from: dt.date
    valid_to: dt.date | None
    establishing_decision: str

    @staticmethod
    def resolve_unit_name(obj) -> str:
        return obj.unit.short_name


class CouncilDetailOut(CouncilOut):
    members: list[MemberOut]

    @staticmethod
    def resolve_members(obj) -> list[dict]:
        return obj.members_out


class MeetingOut(Schema):
    id: int
    council_id: int
    council_name: str
    date: dt.date
    place: str
    status: MeetingStatus
    item_count: int

    @staticmethod
    def resolve_council_name(obj) -> str:
        return obj.council.name


class AgendaItemOut(Schema):
    position: int
    line_id: int
    candidate_name: str
    code: str
    proposing_unit: str
    agree: int | None
    disagree: int | None
    abstain: int | None
    not_voted: int | None
    computation: str
    threshold_unsure: bool
    passed: bool | None


class MeetingDetailOut(Schema):
    id: int
    council_id: int
    council_name: str
    date: dt.date
    place: str
    status: MeetingStatus
    item_count: int
    member_count: int | None
    present_count: int | None
    quorum_share: str
    turnout: int
    written_ballots: int
    voting_opened_at: dt.datetime | None
    voting_closed_at: dt.datetime | None
    agenda: list[AgendaItemOut]


def _members(council) -> list[dict]:
    return [
        {"id": m.pk, "user_id": m.user_id, "name": m.user.display_name, "role": m.role}
        for m in selectors.members_of(council)
    ]


@router.get("/councils", response=list[CouncilOut], summary="Hội đồng trong phạm vi")
@paginate(BoundedPageNumberPagination, page_size=100)
def list_councils(request, q: str = ""):
    return selectors.council_list(user=request.user, query=q[:100])


@router.get("/councils/{int:pk}", response=CouncilDetailOut, summary="Một hội đồng")
def get_council(request, pk: int):
    council = selectors.council_get(user=request.user, pk=pk)
    council.members_out = _members(council)
    return council


@router.get("/meetings", response=list[MeetingOut], summary="Phiên họp trong phạm vi")
@paginate(BoundedPageNumberPagination, page_size=100)
def list_meetings(request, status: MeetingStatus | None = None, council: int | None = None):
    meetings = selectors.meeting_list(user=request.user, status=status or "")
    if council is not None:
        meetings = meetings.filter(council_id=council)
    return meetings


@router.get(
    "/meetings/{int:pk}",
    response=MeetingDetailOut,
    summary="Một phiên họp: chương trình, lượt bỏ phiếu và kết quả (sau khi kiểm phiếu)",
)
def get_meeting(request, pk: int):
    meeting = selectors.meeting_get(user=request.user, pk=pk)
    items = selectors.agenda_of(meeting)
    kinds = list(meeting.turnout.values_list("kind", flat=True))
    tallied = meeting.is_tallied
    return {
        "id": meeting.pk,
        "council_id": meeting.council_id,
        "council_name": meeting.council.name,
        "date": meeting.date,
        "place": meeting.place,
        "status": meeting.status,
        "item_count": len(items),
        "member_count": meeting.member_count,
        "present_count": meeting.present_count,
        "quorum_share": meeting.quorum_share,
        "turnout": len(kinds),
        "written_ballots": sum(1 for kind in kinds if kind == "WRITTEN"),
        "voting_opened_at": meeting.voting_opened_at,
        "voting_closed_at": meeting.voting_closed_at,
        "agenda": [
            {
                "position": item.position,
                "line_id": item.line_id,
                "candidate_name": item.line.candidate_name,
                "code": item.line.award_type.code,
                "proposing_unit": item.line.proposal.unit.short_name,
                "agree": item.agree if tallied else None,
                "disagree": item.disagree if tallied else None,
                "abstain": item.abstain if tallied else None,
                "not_voted": item.not_voted if tallied else None,
                "computation": item.computation,
                "threshold_unsure": item.unsure,
                "passed": item.passed if tallied else None,
            }
            for item in items
        ],
    }
