"""API routes for the commendation records (the same content as the record pages)."""

import datetime as dt

from django.utils import timezone
from ninja import Router, Schema

from tdkt.reports import records

router = Router(tags=["Hồ sơ thành tích"])


class AwardOut(Schema):
    year: int
    code: str
    name: str
    kind: str
    decision_number: str
    decision_date: dt.date
    authority: str
    signer: str
    revoked: bool
    revoked_on: dt.date | None
    revocation_reason: str
    holder_unit_id: int


class TotalOut(Schema):
    code: str
    name: str
    count: int
    years: list[int]


class InitiativeOut(Schema):
    year: int
    title: str
    recognised_on: dt.date | None
    recognising_body: str
    effect_scope: str
    used_for_code: str | None
    used_for_year: int | None


class RatingOut(Schema):
    year: int
    rating: str
    unit_id: int | None = None


class PersonRecordOut(Schema):
    person_id: int
    code: str
    full_name: str
    unit_id: int
    made_on: dt.date
    totals: list[TotalOut]
    """Standing awards per type; revoked awards are never counted."""
    awards: list[AwardOut]
    initiatives: list[InitiativeOut]
    ratings: list[RatingOut]


class MemberYearOut(Schema):
    year: int
    counts: dict[str, int]


class UnitRecordOut(Schema):
    unit_id: int
    code: str
    full_name: str
    predecessor_ids: list[int]
    made_on: dt.date
    totals: list[TotalOut]
    awards: list[AwardOut]
    ratings: list[RatingOut]
    member_awards: list[MemberYearOut]


def _award(award) -> dict:
    return {
        "year": award.year,
        "code": award.award_type.code,
        "name": award.award_type.name,
        "kind": award.kind,
        "decision_number": award.decision_number,
        "decision_date": award.decision_date,
        "authority": award.authority,
        "signer": award.signer,
        "revoked": award.revoked,
        "revoked_on": award.revoked_on,
        "revocation_reason": award.revocation_reason,
        "holder_unit_id": award.holder_unit_id,
    }


def _totals(record) -> list[dict]:
    return [
        {"code": t.code, "name": t.name, "count": t.count, "years": list(t.years)}
        for t in record.totals
    ]


@router.get(
    "/persons/{pk}", response=PersonRecordOut, summary="Hồ sơ thành tích khen thưởng cá nhân"
)
def person_record(request, pk: int):
    """Every award of the person (revoked ones marked), totals without revoked awards,
    initiatives and ratings. 404 when the person is outside the caller's reach."""
    record = records.person_record(user=request.user, pk=pk, today=timezone.localdate())
    person = record.person
    return {
        "person_id": person.pk,
        "code": person.code,
        "full_name": person.full_name,
        "unit_id": person.unit_id,
        "made_on": record.made_on,
        "totals": _totals(record),
        "awards": [_award(a) for a in record.awards],
        "initiatives": [
            {
                "year": i.year,
                "title": i.title,
                "recognised_on": i.recognised_on,
                "recognising_body": i.recognising_body,
                "effect_scope": i.effect_scope,
                "used_for_code": i.used_for.award_type.code if i.used_for else None,
                "used_for_year": i.used_for.year if i.used_for else None,
            }
            for i in record.initiatives
        ],
        "ratings": [{"year": r.year, "rating": r.rating} for r in record.ratings],
    }


@router.get("/units/{pk}", response=UnitRecordOut, summary="Hồ sơ thành tích khen thưởng tập thể")
def unit_record(request, pk: int):
    """The unit's collective awards and ratings with those of the units it succeeded, and its
    staff's standing individual awards per year and code. 404 outside the caller's reach."""
    record = records.unit_record(user=request.user, pk=pk, today=timezone.localdate())
    unit = record.unit
    codes = [code for code, _name in record.member_codes]
    return {
        "unit_id": unit.pk,
        "code": unit.code,
        "full_name": unit.full_name,
        "predecessor_ids": [u.pk for u in record.predecessors],
        "made_on": record.made_on,
        "totals": _totals(record),
        "awards": [_award(a) for a in record.awards],
        "ratings": [
            {"year": r.year, "rating": r.rating, "unit_id": r.unit_id} for r in record.ratings
        ],
        "member_awards": [
            {"year": y.year, "counts": dict(zip(codes, y.counts, strict=True))}
            for y in record.member_years
        ],
    }
