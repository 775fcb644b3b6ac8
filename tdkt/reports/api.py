"""API routes for the commendation records (the same content and files as the record pages)
and for the exports: the decision exchange (``tdkt.decisions/1``) and the statistics workbook.
Every route reads within the caller's reach and answers 404 outside it."""

import datetime as dt
from typing import Literal

from django.http import Http404
from django.utils import timezone
from ninja import Router, Schema

from tdkt.accounts.permissions import VIEW
from tdkt.accounts.scope import require_anywhere
from tdkt.core.errors import DomainError
from tdkt.initiatives.models import EffectScope
from tdkt.reports import exchange, exports, records
from tdkt.reports.exports import PDF, XLSX, record_filename
from tdkt.reports.forms import ExchangeForm
from tdkt.reports.statistics.excel import statistics_workbook
from tdkt.reports.statistics.figures import statistics_for
from tdkt.reports.statistics.forms import PeriodForm
from tdkt.reports.statistics.scope import require_unit_reach, statistics_scope
from tdkt.reports.views import download

router = Router(tags=["Hồ sơ thành tích"])
exports_router = Router(tags=["Xuất dữ liệu"])


def _file(media_type: str) -> dict:
    """How a route answering a file is described in the OpenAPI schema."""
    return {
        "response": {200: bytes},
        "openapi_extra": {"responses": {200: {"content": {media_type: {}}}}},
    }


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


class RegisteredTitleOut(Schema):
    code: str
    name: str
    subject: str
    registered_by: str
    achieved: bool
    """A standing merit title at least as high in the same chain was granted for the year;
    revoked awards never achieve."""
    result: Literal["achieved", "missed", "pending"]
    """``pending``: not achieved, and the year is not over or the registering unit's results
    for it are not recorded yet."""
    granted: list[str]
    revoked: list[str]


class RegistrationYearOut(Schema):
    year: int
    registered: int
    achieved: int
    titles: list[RegisteredTitleOut]


class UnitInitiativeOut(InitiativeOut):
    id: int
    unit_id: int
    authors: list[str]
    used_for_award_id: int | None
    used_for_person_id: int | None


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
    registrations: list[RegistrationYearOut]


class MemberYearOut(Schema):
    year: int
    counts: dict[str, int]


class InitiativeYearOut(Schema):
    year: int
    total: int
    by_scope: dict[str, int]
    """Counts per scope of effect (``CO_SO``, ``NGANH``, ``TOAN_QUOC``)."""
    backing: int


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
    registrations: list[RegistrationYearOut]
    initiative_years: list[InitiativeYearOut]
    initiatives_listed: bool
    """False above ``records.INITIATIVES_LISTED`` initiatives: ``initiatives`` is then empty
    and ``initiative_years`` counts them (the Excel route lists them all)."""
    initiatives: list[UnitInitiativeOut]


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


def _registrations(record) -> list[dict]:
    return [
        {
            "year": y.year,
            "registered": len(y.titles),
            "achieved": y.achieved,
            "titles": [
                {
                    "code": t.code,
                    "name": t.name,
                    "subject": t.subject,
                    "registered_by": t.registered_by,
                    "achieved": t.achieved,
                    "result": t.result,
                    "granted": list(t.granted),
                    "revoked": list(t.revoked),
                }
                for t in y.titles
            ],
        }
        for y in record.registrations
    ]


def _initiative(item) -> dict:
    return {
        "year": item.year,
        "title": item.title,
        "recognised_on": item.recognised_on,
        "recognising_body": item.recognising_body,
        "effect_scope": item.effect_scope,
        "used_for_code": item.used_for.award_type.code if item.used_for else None,
        "used_for_year": item.used_for.year if item.used_for else None,
    }


@router.get(
    "/persons/{pk}", response=PersonRecordOut, summary="Hồ sơ thành tích khen thưởng cá nhân"
)
def person_record(request, pk: int):
    """Every award of the person (revoked ones marked), totals without revoked awards,
    initiatives, ratings and the registered titles per year with their results. 404 when the
    person is outside the caller's reach."""
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
        "initiatives": [_initiative(i) for i in record.initiatives],
        "ratings": [{"year": r.year, "rating": r.rating} for r in record.ratings],
        "registrations": _registrations(record),
    }


@router.get("/units/{pk}", response=UnitRecordOut, summary="Hồ sơ thành tích khen thưởng tập thể")
def unit_record(request, pk: int):
    """The unit's collective awards, ratings and registered titles (with their results) with
    those of the units it succeeded, its staff's standing individual awards per year and code,
    and the recognised initiatives of the unit and its staff with the award each backs,
    counted per year and listed as on the record page. 404 outside the caller's reach."""
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
        "registrations": _registrations(record),
        "initiative_years": [
            {
                "year": y.year,
                "total": y.total,
                "by_scope": dict(zip(EffectScope.values, y.by_scope, strict=True)),
                "backing": y.backing,
            }
            for y in record.initiative_years
        ],
        "initiatives_listed": record.initiatives_listed,
        "initiatives": [
            {
                **_initiative(row.initiative),
                "id": row.initiative.pk,
                "unit_id": row.initiative.unit_id,
                "authors": list(row.authors),
                "used_for_award_id": row.initiative.used_for_id,
                "used_for_person_id": (
                    row.initiative.used_for.person_id if row.initiative.used_for else None
                ),
            }
            for row in record.initiatives
        ],
    }


@router.get("/persons/{pk}/pdf", summary="Hồ sơ thành tích cá nhân (tệp PDF)", **_file(PDF))
def person_record_pdf(request, pk: int):
    """The person's record as the PDF the record page downloads. 404 outside the reach."""
    record = records.person_record(user=request.user, pk=pk, today=timezone.localdate())
    return download(exports.person_record_pdf(record), PDF, record_filename(record, "pdf"))


@router.get("/persons/{pk}/excel", summary="Hồ sơ thành tích cá nhân (tệp Excel)", **_file(XLSX))
def person_record_excel(request, pk: int):
    """The person's record as the Excel workbook the record page downloads. 404 outside the
    reach."""
    record = records.person_record(user=request.user, pk=pk, today=timezone.localdate())
    return download(exports.person_record_workbook(record), XLSX, record_filename(record, "xlsx"))


@router.get("/units/{pk}/pdf", summary="Hồ sơ thành tích tập thể (tệp PDF)", **_file(PDF))
def unit_record_pdf(request, pk: int):
    """The unit's record as the PDF the record page downloads. 404 outside the reach."""
    record = records.unit_record(user=request.user, pk=pk, today=timezone.localdate())
    return download(exports.unit_record_pdf(record), PDF, record_filename(record, "pdf"))


@router.get("/units/{pk}/excel", summary="Hồ sơ thành tích tập thể (tệp Excel)", **_file(XLSX))
def unit_record_excel(request, pk: int):
    """The unit's record as the Excel workbook the record page downloads. 404 outside the
    reach."""
    record = records.unit_record(
        user=request.user, pk=pk, today=timezone.localdate(), all_initiatives=True
    )
    return download(exports.unit_record_workbook(record), XLSX, record_filename(record, "xlsx"))


def _first_error(form) -> DomainError:
    field, errors = next(iter(form.errors.items()))
    return DomainError(str(errors[0]), field=field)


@exports_router.get(
    "/decisions",
    summary="Xuất quyết định khen thưởng (tdkt.decisions/1, JSON hoặc CSV)",
    response={200: bytes},
    openapi_extra={
        "responses": {200: {"content": {"application/json": {}, "text/csv": {}}}},
    },
)
def decisions_export(
    request, date_from: dt.date, date_to: dt.date, format: Literal["json", "csv"] = "json"
):
    """The decisions, recipients and titles decided from ``date_from`` to ``date_to`` (both
    included) whose holder unit is in the caller's reach, streamed, in the format and with the
    content of the page's download (docs/data-exchange.md). 422 for a value that is not a date
    or a format; 400 when the period is reversed; 404 without a role at a unit."""
    require_anywhere(request.user, VIEW)
    data = {"date_from": date_from, "date_to": date_to, "format": format}
    form = ExchangeForm(data)
    if not form.is_valid():
        raise _first_error(form)
    clean = form.cleaned_data
    return exchange.streamed_export(
        user=request.user, date_from=clean["date_from"], date_to=clean["date_to"], fmt=format
    )


@exports_router.get(
    "/statistics", summary="Thống kê thi đua, khen thưởng (tệp Excel)", **_file(XLSX)
)
def statistics_export(request, year_from: int, year_to: int, unit: int | None = None):
    """The Excel workbook of the statistics page for the years ``year_from``–``year_to`` and,
    optionally, one unit in reach (with its predecessors): the same file as the page's
    export. 400 with the page's message for a bad period; 404 for a unit out of reach or a
    caller without a role at a unit."""
    require_unit_reach(request.user)
    data = {"year_from": year_from, "year_to": year_to, "unit": unit or ""}
    form = PeriodForm(data, user=request.user, today=timezone.localdate())
    if not form.is_valid():
        if form.has_error("unit", "invalid_choice"):
            raise Http404
        raise _first_error(form)
    clean = form.cleaned_data
    scope = statistics_scope(
        user=request.user,
        year_from=clean["year_from"],
        year_to=clean["year_to"],
        unit=clean["unit"],
    )
    name = f"thong-ke-khen-thuong-{scope.year_from}-{scope.year_to}.xlsx"
    return download(statistics_workbook(statistics_for(scope)), XLSX, name)
