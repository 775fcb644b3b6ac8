"""API routes of public consultations.

- ``/public`` and ``/public/{id}``: open to anyone (no authentication), the consultations open
  for comment today and their candidates, public fields only.
- ``""``, ``/{id}`` and ``/{id}/comments``: the sector officer's read, scoped to the
  consultations they manage (404 otherwise); comments carry the senders' private details.
"""

import datetime as dt

from django.http import Http404
from django.utils import timezone
from ninja import Router, Schema
from ninja.pagination import paginate

from tdkt.api.pagination import BoundedPageNumberPagination
from tdkt.consultation import selectors
from tdkt.consultation.models import ConsultationStatus

router = Router(tags=["Lấy ý kiến nhân dân"])


class PublicCandidateOut(Schema):
    id: int
    name: str
    unit: str
    position: str
    code: str
    award: str
    summary: str


class PublicConsultationOut(Schema):
    id: int
    title: str
    intro: str
    opens_on: dt.date
    closes_on: dt.date
    working_days: int
    candidates: list[PublicCandidateOut]

    @staticmethod
    def resolve_candidates(obj) -> list[dict]:
        return [_public_candidate(c) for c in obj.candidates.all()]


class CandidateOut(PublicCandidateOut):
    line_id: int
    outcome: str
    outcome_note: str


class ConsultationOut(Schema):
    id: int
    title: str
    round_id: int
    status: ConsultationStatus
    opens_on: dt.date
    closes_on: dt.date
    working_days: int
    candidates: list[CandidateOut]

    @staticmethod
    def resolve_candidates(obj) -> list[dict]:
        return [_officer_candidate(c) for c in obj.candidates.all()]


class CommentOut(Schema):
    id: int
    candidate_id: int | None
    content: str
    author_name: str
    contact: str
    received_at: dt.datetime
    resolution: str
    resolution_note: str
    resolved_at: dt.datetime | None


def _public_candidate(candidate) -> dict:
    line = candidate.line
    if line.person_id:
        unit, position = line.person.unit.short_name, line.person.get_position_display()
    else:
        parent = line.candidate_unit.parent
        unit, position = (parent.short_name if parent else ""), "Tập thể"
    return {
        "id": candidate.pk,
        "name": line.candidate_name,
        "unit": unit,
        "position": position,
        "code": line.award_type.code,
        "award": line.award_type.name,
        "summary": candidate.summary,
    }


def _officer_candidate(candidate) -> dict:
    return {
        **_public_candidate(candidate),
        "line_id": candidate.line_id,
        "outcome": candidate.outcome,
        "outcome_note": candidate.outcome_note,
    }


def _open_consultations():
    today = timezone.localdate()
    return selectors.public_with_candidates(selectors.public_open(today=today))


@router.get(
    "/public",
    response=list[PublicConsultationOut],
    auth=None,
    summary="Các đợt đang lấy ý kiến (công khai)",
)
@paginate(BoundedPageNumberPagination, page_size=20)
def list_public(request):
    """Consultations open for comment today, with their candidates; no login needed."""
    return _open_consultations()


@router.get(
    "/public/{int:pk}",
    response=PublicConsultationOut,
    auth=None,
    summary="Một đợt đang lấy ý kiến (công khai)",
)
def get_public(request, pk: int):
    consultation = _open_consultations().filter(pk=pk).first()
    if consultation is None:
        raise Http404
    return consultation


@router.get("", response=list[ConsultationOut], summary="Các đợt lấy ý kiến (cán bộ)")
@paginate(BoundedPageNumberPagination, page_size=50)
def list_consultations(request, status: ConsultationStatus | None = None):
    """The consultations the caller manages, with their candidates and outcomes."""
    qs = selectors.consultation_list(user=request.user, status=status)
    return selectors.public_with_candidates(qs)


@router.get("/{int:pk}", response=ConsultationOut, summary="Một đợt lấy ý kiến (cán bộ)")
def get_consultation(request, pk: int):
    selectors.consultation_get(user=request.user, pk=pk)
    qs = selectors.consultation_list(user=request.user).filter(pk=pk)
    return selectors.public_with_candidates(qs).get()


@router.get(
    "/{int:pk}/comments",
    response=list[CommentOut],
    summary="Ý kiến nhân dân của một đợt (cán bộ)",
)
@paginate(BoundedPageNumberPagination, page_size=100)
def list_comments(request, pk: int, state: str = ""):
    """Comments with their senders' details; ``state`` "open" or "resolved" filters."""
    consultation = selectors.consultation_get(user=request.user, pk=pk)
    return selectors.comment_list(consultation=consultation, state=state)
