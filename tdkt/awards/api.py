"""API routes for decisions: list and detail (scoped like the pages), record and revoke (the
sector office only; anyone else gets 404)."""

import datetime as dt
from decimal import Decimal

from ninja import Router, Schema, Status
from ninja.pagination import paginate

from tdkt.api.pagination import BoundedPageNumberPagination
from tdkt.awards import decision_selectors as selectors
from tdkt.awards import decisions as services
from tdkt.catalog.models import CommendationKind
from tdkt.proposals import permissions
from tdkt.proposals.selectors import round_get

router = Router(tags=["Quyết định khen thưởng"])


class DecisionOut(Schema):
    id: int
    number: str
    signed_on: dt.date
    signer: str
    signer_title: str
    authority: str
    kind: CommendationKind
    summary: str
    round_id: int | None
    revoked: bool
    revoked_on: dt.date | None
    revocation_reason: str
    version: int
    award_count: int = 0
    money_total: Decimal | None = None


class RecipientOut(Schema):
    id: int
    person_id: int | None
    unit_id: int | None
    name: str
    holder_unit_id: int
    code: str
    year: int
    money: Decimal | None
    revoked: bool
    source_line_id: int | None


class DecisionDetailOut(DecisionOut):
    recipients: list[RecipientOut]


class DecisionIn(Schema):
    round: int
    lines: list[int]
    number: str
    signed_on: dt.date
    signer: str
    signer_title: str = ""
    authority: str = services.SECTOR_AUTHORITY
    kind: CommendationKind = CommendationKind.CONG_TRANG
    summary: str = ""
    versions: dict[int, int] | None = None


class RevokeIn(Schema):
    version: int
    revoked_on: dt.date
    reason: str


def _recipient(award) -> dict:
    return {
        "id": award.pk,
        "person_id": award.person_id,
        "unit_id": award.unit_id,
        "name": award.person.full_name if award.person_id else award.unit.full_name,
        "holder_unit_id": award.holder_unit_id,
        "code": award.award_type.code,
        "year": award.year,
        "money": award.money,
        "revoked": award.revoked,
        "source_line_id": award.source_line_id,
    }


def _detail(user, decision) -> dict:
    awards = list(selectors.recipients(user=user, decision=decision))
    data = DecisionOut.model_validate(decision).model_dump()
    data["award_count"] = len(awards)
    data["money_total"] = sum((a.money for a in awards if a.money is not None), Decimal(0))
    data["recipients"] = [_recipient(a) for a in awards]
    return data


@router.get("", response=list[DecisionOut], summary="Quyết định khen thưởng trong phạm vi")
@paginate(BoundedPageNumberPagination, page_size=100)
def list_decisions(
    request, year: int | None = None, round: int | None = None, revoked: bool | None = None
):
    filters = {"year": year}
    if round is not None:
        filters["round"] = round_get(user=request.user, pk=round)
    if revoked is not None:
        filters["revoked"] = "yes" if revoked else "no"
    return selectors.decision_list(user=request.user, filters=filters)


@router.get("/{int:pk}", response=DecisionDetailOut, summary="Một quyết định và danh sách")
def get_decision(request, pk: int):
    decision = selectors.decision_get(user=request.user, pk=pk)
    return _detail(request.user, decision)


@router.post("", response={201: DecisionDetailOut}, summary="Ghi quyết định của ngành")
def create_decision(request, payload: DecisionIn):
    permissions.require_manage_rounds(request.user)
    round_ = round_get(user=request.user, pk=payload.round)
    decision = services.decision_record(
        round_=round_,
        lines=payload.lines,
        data=services.DecisionData.from_values(payload),
        user=request.user,
        expected_versions=payload.versions,
    )
    return Status(201, _detail(request.user, decision))


@router.post("/{int:pk}/revoke", response=DecisionDetailOut, summary="Hủy bỏ quyết định")
def revoke_decision(request, pk: int, payload: RevokeIn):
    decision = selectors.decision_manage_get(user=request.user, pk=pk)
    services.decision_revoke(
        decision=decision,
        expected_version=payload.version,
        revoked_on=payload.revoked_on,
        reason=payload.reason,
        user=request.user,
    )
    return _detail(request.user, selectors.decision_get(user=request.user, pk=pk))
