"""API routes for persons and their yearly facts (read only), scoped to the caller."""

import datetime as dt

from django.utils import timezone
from ninja import Router, Schema
from ninja.pagination import paginate

from tdkt.api.pagination import BoundedPageNumberPagination
from tdkt.core.scope import get_scoped_or_404
from tdkt.org.models import Unit
from tdkt.people.models import Gender, Person, Position, Rank
from tdkt.people.selectors import person_dossier, person_list

router = Router(tags=["Cán bộ"])


class PersonOut(Schema):
    id: int
    code: str
    full_name: str
    gender: Gender
    date_of_birth: dt.date
    rank: str
    position: str
    recruitment_date: dt.date
    leaving_date: dt.date | None
    unit_id: int
    unit_name: str
    is_synthetic: bool

    @staticmethod
    def resolve_unit_name(obj: Person) -> str:
        return obj.unit.short_name


class AssignmentOut(Schema):
    unit_id: int
    unit_name: str
    position: str
    start: dt.date
    end: dt.date | None


class YearOut(Schema):
    year: int
    rating: str | None
    awards: list[dict]
    absences: list[dict]
    disciplines: list[dict]
    freezes: list[dict]


class PersonDetailOut(PersonOut):
    assignments: list[AssignmentOut]
    years: list[YearOut]

    @staticmethod
    def resolve_assignments(obj: Person) -> list[dict]:
        return [
            {
                "unit_id": a.unit_id,
                "unit_name": a.unit.short_name,
                "position": a.position,
                "start": a.start,
                "end": a.end,
            }
            for a in obj.dossier.assignments
        ]

    @staticmethod
    def resolve_years(obj: Person) -> list[dict]:
        return [_year(row) for row in obj.dossier.years]


@router.get("", response=list[PersonOut], summary="Danh sách cán bộ trong phạm vi")
@paginate(BoundedPageNumberPagination, page_size=100)
def list_people(
    request,
    q: str = "",
    unit: int | None = None,
    gender: Gender | None = None,
    rank: Rank | None = None,
    position: Position | None = None,
    status: str = "",
):
    """Persons the caller reaches; ``q`` matches names and codes without diacritics."""
    filters = {"q": q, "gender": gender, "rank": rank, "position": position, "status": status}
    if unit is not None:
        filters["unit"] = get_scoped_or_404(Unit.objects.all(), request.user, pk=unit)
    return person_list(user=request.user, filters=filters).order_by("search_text", "pk")


def _period(item) -> dict:
    return {"start": item.start, "end": item.end}


def _year(row) -> dict:
    return {
        "year": row.year,
        "rating": row.rating.rating if row.rating else None,
        "awards": [
            {
                "code": a.award_type.code,
                "kind": a.kind,
                "decision_number": a.decision_number,
                "decision_date": a.decision_date,
                "revoked": a.revoked,
            }
            for a in row.awards
        ],
        "absences": [{"reason": a.reason, **_period(a)} for a in row.absences],
        "disciplines": [{"level": d.level, **_period(d)} for d in row.disciplines],
        "freezes": [{"reason": f.reason, **_period(f)} for f in row.freezes],
    }


@router.get("/{int:pk}", response=PersonDetailOut, summary="Một cán bộ và thông tin theo năm")
def get_person(request, pk: int):
    """One person the caller reaches, with assignments and facts year by year (newest first)."""
    person = get_scoped_or_404(Person.objects.select_related("unit"), request.user, pk=pk)
    person.dossier = person_dossier(person=person, today=timezone.localdate())
    return person
