"""The declared life of a proposal line, from the unit's draft to the award (or not).

Every service that changes a line's state takes its transition from ``LINE_WORKFLOW``; the
table is the documentation of who may do what (``docs/proposals.md`` repeats it).
"""

from tdkt.core.workflow import Transition, Workflow
from tdkt.proposals.models import AppraisalAction, LineStatus

SUBMIT = "SUBMIT"
"""The unit submits its proposal: every draft line goes to appraisal (no step recorded)."""

OFFICER = "cán bộ thi đua ngành"
UNIT_OFFICER = "cán bộ thi đua đơn vị"
COUNCIL = "Hội đồng Thi đua – Khen thưởng (kết quả kiểm phiếu)"

LINE_WORKFLOW = Workflow(
    "proposal line",
    LineStatus,
    [
        Transition(SUBMIT, LineStatus.DRAFT, LineStatus.SUBMITTED, "nộp", UNIT_OFFICER),
        Transition(
            AppraisalAction.ACCEPTED,
            LineStatus.SUBMITTED,
            LineStatus.ACCEPTED,
            "thẩm định đạt",
            OFFICER,
        ),
        Transition(
            AppraisalAction.RETURNED,
            LineStatus.SUBMITTED,
            LineStatus.RETURNED,
            "trả lại để bổ sung",
            OFFICER,
        ),
        Transition(
            AppraisalAction.REJECTED,
            LineStatus.SUBMITTED,
            LineStatus.REJECTED,
            "không chấp nhận",
            OFFICER,
        ),
        Transition(
            AppraisalAction.RESUBMITTED,
            LineStatus.RETURNED,
            LineStatus.SUBMITTED,
            "nộp lại",
            UNIT_OFFICER,
        ),
        Transition(
            AppraisalAction.PASSED,
            LineStatus.ACCEPTED,
            LineStatus.PASSED,
            "ghi nhận kết quả bỏ phiếu",
            COUNCIL,
        ),
        Transition(
            AppraisalAction.NOT_PASSED,
            LineStatus.ACCEPTED,
            LineStatus.NOT_PASSED,
            "ghi nhận kết quả bỏ phiếu",
            COUNCIL,
        ),
        Transition(
            AppraisalAction.AWARDED,
            LineStatus.PASSED,
            LineStatus.AWARDED,
            "ghi quyết định khen thưởng",
            OFFICER,
        ),
        Transition(
            AppraisalAction.TRANSMITTED,
            LineStatus.PASSED,
            LineStatus.TRANSMITTED,
            "trình cấp trên",
            OFFICER,
        ),
        Transition(
            # the upper authority's decision, recorded by the sector office
            AppraisalAction.AWARDED,
            LineStatus.TRANSMITTED,
            LineStatus.AWARDED,
            "ghi quyết định khen thưởng",
            OFFICER,
        ),
        Transition(
            AppraisalAction.NOT_AWARDED,
            LineStatus.TRANSMITTED,
            LineStatus.NOT_AWARDED,
            "ghi kết quả không khen thưởng",
            OFFICER,
        ),
        Transition(
            AppraisalAction.REVOKED,
            LineStatus.AWARDED,
            LineStatus.REVOKED,
            "hủy bỏ quyết định",
            OFFICER,
        ),
    ],
)
