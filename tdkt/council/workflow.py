"""The declared life of a council meeting: prepared, voting, tallied, minutes issued."""

from tdkt.core.workflow import Transition, Workflow
from tdkt.council.models import MeetingStatus

OPEN_VOTING = "OPEN_VOTING"
CLOSE_VOTING = "CLOSE_VOTING"
ISSUE_MINUTES = "ISSUE_MINUTES"
EDIT = "EDIT"
"""Changing the date, place, agenda or attendance: only while the meeting is prepared."""

OFFICER = "cán bộ thi đua của đơn vị có hội đồng"
CHAIR = "chủ tịch hội đồng hoặc cán bộ thi đua"
SECRETARY = "thư ký hội đồng hoặc cán bộ thi đua"

MEETING_WORKFLOW = Workflow(
    "council meeting",
    MeetingStatus,
    [
        Transition(
            EDIT, MeetingStatus.PREPARING, MeetingStatus.PREPARING, "sửa phiên họp", OFFICER
        ),
        Transition(
            OPEN_VOTING, MeetingStatus.PREPARING, MeetingStatus.VOTING, "mở bỏ phiếu", CHAIR
        ),
        Transition(
            CLOSE_VOTING,
            MeetingStatus.VOTING,
            MeetingStatus.CLOSED,
            "kết thúc bỏ phiếu và kiểm phiếu",
            CHAIR,
        ),
        Transition(
            ISSUE_MINUTES,
            MeetingStatus.CLOSED,
            MeetingStatus.MINUTES,
            "ban hành biên bản",
            SECRETARY,
        ),
    ],
)
