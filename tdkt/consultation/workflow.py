"""The declared life of a consultation: drafted, published, closed, outcome recorded.

Services take every state change from ``CONSULTATION_WORKFLOW``; ``docs/consultation.md``
repeats the table.
"""

from tdkt.consultation.models import ConsultationStatus
from tdkt.core.workflow import Transition, Workflow

PUBLISH = "PUBLISH"
CLOSE = "CLOSE"
RECORD_OUTCOME = "RECORD_OUTCOME"

OFFICER = "cán bộ thi đua ngành"

CONSULTATION_WORKFLOW = Workflow(
    "consultation",
    ConsultationStatus,
    [
        Transition(
            PUBLISH, ConsultationStatus.DRAFT, ConsultationStatus.PUBLISHED, "công bố", OFFICER
        ),
        Transition(
            CLOSE,
            ConsultationStatus.PUBLISHED,
            ConsultationStatus.CLOSED,
            "kết thúc lấy ý kiến",
            OFFICER,
        ),
        Transition(
            RECORD_OUTCOME,
            ConsultationStatus.CLOSED,
            ConsultationStatus.OUTCOME_RECORDED,
            "ghi kết quả lấy ý kiến",
            OFFICER,
        ),
    ],
)
