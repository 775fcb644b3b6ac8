"""API routes for rounds, proposals and lines (paginated, scoped to the caller), and the
appraisal of a line by the sector office."""

import datetime as dt
from typing import Literal

from django.http import Http404
from ninja import Router, Schema
from ninja.pagination import paginate

from tdkt.api.pagination import BoundedPageNumberPagination
from tdkt.proposals import permissions, selectors
from tdkt.proposals.models import (
    AppraisalAction,
    LineAppraisal,
    LineStatus,
    ProposalStatus,
    RoundKind,
    RoundStatus,
)

router = Router(tags=["Đề nghị khen thưởng"])


class RoundOut(Schema):
    id: int
    name: str
    kind: RoundKind
    year: int
    status: RoundStatus
    movement_id: int | None
    simplified_case: str
    submission_deadline: dt.date
    appraisal_deadline: dt.date
    appraisal_working_days: int | None
    award_codes: list[str]

    @staticmethod
    def resolve_award_codes(obj) -> list[str]:
        return [a.code for a in obj.award_types.all()]


class ProposalOut(Schema):
    id: int
    round_id: int
    unit_id: int
    unit_name: str
    status: ProposalStatus
    submitted_at: dt.datetime | None
    line_count: int

    @staticmethod
    def resolve_unit_name(obj) -> str:
        return obj.unit.short_name


class DossierItemOut(Schema):
    name: str
    mandatory: bool
    unsure: bool
    documents: int


class LineOut(Schema):
    id: int
    proposal_id: int
    person_id: int | None
    unit_id: int | None
    candidate_name: str
    code: str
    year: int
    status: LineStatus
    version: int
    outcome: str
    checked_at: dt.datetime | None
    reasons: dict
    dossier_complete: bool
    dossier: list[DossierItemOut]


def _line_out(line, checklist) -> dict:
    return {
        "id": line.pk,
        "proposal_id": line.proposal_id,
        "person_id": line.person_id,
        "unit_id": line.candidate_unit_id,
        "candidate_name": line.candidate_name,
        "code": line.award_type.code,
        "year": line.year,
        "status": line.status,
        "version": line.version,
        "outcome": line.outcome,
        "checked_at": line.checked_at,
        "reasons": line.reasons,
        "dossier_complete": checklist.complete,
        "dossier": [
            {
                "name": item.name,
                "mandatory": item.mandatory,
                "unsure": item.unsure,
                "documents": len(docs),
            }
            for item, docs in checklist.rows
        ],
    }


@router.get("/rounds", response=list[RoundOut], summary="Đợt đề nghị khen thưởng")
@paginate(BoundedPageNumberPagination, page_size=100)
def list_rounds(request, year: int | None = None, kind: RoundKind | None = None):
    """Every round (rounds are sector-wide) for a caller with a role; nothing otherwise."""
    filters = {"year": year, "kind": kind}
    return selectors.round_list(user=request.user, filters=filters).prefetch_related("award_types")


@router.get("/rounds/{int:pk}", response=RoundOut, summary="Một đợt đề nghị")
def get_round(request, pk: int):
    return selectors.round_get(user=request.user, pk=pk)


@router.get("", response=list[ProposalOut], summary="Đề nghị của các đơn vị trong phạm vi")
@paginate(BoundedPageNumberPagination, page_size=100)
def list_proposals(
    request, round: int | None = None, year: int | None = None, status: ProposalStatus | None = None
):
    filters = {"year": year, "status": status}
    if round is not None:
        filters["round"] = selectors.round_get(user=request.user, pk=round)
    return selectors.proposal_list(user=request.user, filters=filters)


@router.get("/{int:pk}", response=ProposalOut, summary="Một đề nghị")
def get_proposal(request, pk: int):
    proposal = selectors.proposal_get(user=request.user, pk=pk)
    proposal.line_count = proposal.lines.count()
    return proposal


@router.get("/{int:pk}/lines", response=list[LineOut], summary="Các dòng của một đề nghị")
@paginate(BoundedPageNumberPagination, page_size=100)
def list_lines(request, pk: int):
    proposal = selectors.proposal_get(user=request.user, pk=pk)
    lines = selectors.line_list(user=request.user, proposal=proposal)
    return [_line_out(line, checklist) for line, checklist in selectors.checklists_for_lines(lines)]


class AppraisalStepOut(Schema):
    action: AppraisalAction
    comment: str
    actor: str
    at: dt.datetime


@router.get(
    "/lines/{int:pk}/appraisals",
    response=list[AppraisalStepOut],
    summary="Quá trình thẩm định của một dòng",
)
def list_line_appraisals(request, pk: int):
    """Every step of the line's appraisal, oldest first: decisions and resubmissions."""
    line = selectors.line_get(user=request.user, pk=pk)
    steps = LineAppraisal.objects.filter(line=line).select_related("actor")
    return [
        {
            "action": step.action,
            "comment": step.comment,
            "actor": step.actor.get_username() if step.actor else "",
            "at": step.at,
        }
        for step in steps
    ]


@router.get("/lines/{int:pk}", response=LineOut, summary="Một dòng đề nghị với hồ sơ")
def get_line(request, pk: int):
    line = selectors.line_get(user=request.user, pk=pk)
    ((_line, checklist),) = selectors.checklists_for_lines([line])
    return _line_out(line, checklist)


class AppraisalIn(Schema):
    """The sector office's decision on a submitted line: ``ACCEPTED``, ``RETURNED`` (with the
    comment telling the unit what to correct) or ``REJECTED`` (with the reason). ``version``
    is the line's version as read (``GET /lines/{id}``); a stale one is refused."""

    decision: Literal["ACCEPTED", "RETURNED", "REJECTED"]
    comment: str = ""
    version: int


@router.post("/lines/{int:pk}/appraisal", response=LineOut, summary="Thẩm định một dòng")
def appraise_line(request, pk: int, payload: AppraisalIn):
    """Accept, return or reject a submitted line, as on the line page; only the sector
    officer (404 for everyone else). Refusals answer 400 with the Vietnamese message."""
    from tdkt.proposals.services.appraisal import line_appraise

    if not permissions.can_manage_rounds(request.user):
        raise Http404
    line = selectors.line_get(user=request.user, pk=pk)
    line_appraise(
        line=line,
        decision=payload.decision,
        comment=payload.comment,
        user=request.user,
        expected_version=payload.version,
    )
    line = selectors.line_get(user=request.user, pk=pk)
    ((_line, checklist),) = selectors.checklists_for_lines([line])
    return _line_out(line, checklist)
