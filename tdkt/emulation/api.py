"""API routes for movements, registrations and clusters (read only), scoped to the caller."""

import datetime as dt

from django.urls import reverse
from ninja import Router, Schema
from ninja.pagination import paginate

from tdkt.api.pagination import BoundedPageNumberPagination
from tdkt.core.scope import get_scoped_or_404
from tdkt.emulation.models import ClusterKind, MovementKind
from tdkt.emulation.selectors import clusters as cluster_selectors
from tdkt.emulation.selectors import movements as movement_selectors
from tdkt.emulation.selectors import registrations as registration_selectors
from tdkt.emulation.selectors.covenants import covenant_for
from tdkt.org.models import Unit

router = Router(tags=["Thi đua"])


class ClusterOut(Schema):
    id: int
    year: int
    kind: ClusterKind
    name: str
    organiser_id: int
    organiser_name: str
    synthetic: bool
    member_count: int
    head_name: str | None
    deputy_name: str | None

    @staticmethod
    def resolve_organiser_name(obj) -> str:
        return obj.organiser.short_name


class MemberOut(Schema):
    unit_id: int
    unit_name: str
    role: str
    elected_on: dt.date | None
    signed_by: str | None
    signed_at: dt.datetime | None


class TargetOut(Schema):
    position: int
    text: str
    value: float | None
    measure: str


class CovenantOut(Schema):
    preamble: str
    place: str
    targets: list[TargetOut]
    signed: int
    fully_signed: bool


class ClusterDetailOut(Schema):
    id: int
    year: int
    kind: ClusterKind
    name: str
    organiser_id: int
    organiser_name: str
    synthetic: bool
    follower: str | None
    regulation: str | None
    members: list[MemberOut]
    covenant: CovenantOut | None


@router.get("/clusters", response=list[ClusterOut], summary="Cụm, khối thi đua trong phạm vi")
@paginate(BoundedPageNumberPagination, page_size=100)
def list_clusters(
    request,
    year: int | None = None,
    kind: ClusterKind | None = None,
    organiser: int | None = None,
    q: str = "",
):
    """Clusters and blocks whose organiser or a member the caller reaches."""
    filters = {"year": year, "kind": kind, "q": q}
    if organiser is not None:
        filters["organiser"] = get_scoped_or_404(Unit.objects.all(), request.user, pk=organiser)
    return cluster_selectors.cluster_list(user=request.user, filters=filters).order_by(
        "-year", "organiser__path", "kind", "name", "pk"
    )


@router.get(
    "/clusters/{int:pk}",
    response=ClusterDetailOut,
    summary="Một cụm, khối: thành viên, vai trò, giao ước",
)
def get_cluster(request, pk: int):
    cluster = cluster_selectors.cluster_get(user=request.user, pk=pk)
    members = cluster_selectors.cluster_members(cluster)
    view = covenant_for(cluster, members)
    covenant = None
    if view.covenant is not None:
        covenant = {
            "preamble": view.covenant.preamble,
            "place": view.covenant.place,
            "targets": [
                {
                    "position": t.position,
                    "text": t.text,
                    "value": float(t.value) if t.value is not None else None,
                    "measure": t.measure,
                }
                for t in view.targets
            ],
            "signed": view.signed_count,
            "fully_signed": view.fully_signed,
        }
    return {
        "id": cluster.pk,
        "year": cluster.year,
        "kind": cluster.kind,
        "name": cluster.name,
        "organiser_id": cluster.organiser_id,
        "organiser_name": cluster.organiser.short_name,
        "synthetic": cluster.synthetic,
        "follower": cluster.follower.display_name if cluster.follower else None,
        "regulation": cluster.regulation.number if cluster.regulation else None,
        "members": [
            {
                "unit_id": row.member.unit_id,
                "unit_name": row.member.unit.short_name,
                "role": row.member.role,
                "elected_on": row.member.elected_on,
                "signed_by": row.signature.signed_by.display_name if row.signature else None,
                "signed_at": row.signature.signed_at if row.signature else None,
            }
            for row in view.rows
        ],
        "covenant": covenant,
    }


class MovementOut(Schema):
    id: int
    name: str
    kind: MovementKind
    launched_by_id: int
    launched_by_name: str
    document_number: str
    document_date: dt.date | None
    start_year: int
    end_year: int
    participant_count: int
    review_count: int

    @staticmethod
    def resolve_launched_by_name(obj) -> str:
        return obj.launched_by.short_name


class ReviewOut(Schema):
    stage: str
    held_on: dt.date
    summary: str
    report_name: str
    report_url: str


class MovementDetailOut(Schema):
    id: int
    name: str
    kind: MovementKind
    launched_by_id: int
    launched_by_name: str
    document_number: str
    document_date: dt.date | None
    start_year: int
    end_year: int
    content: str
    targets: str
    participants: list[dict]
    reviews: list[ReviewOut]
    awards: list[dict]


@router.get("/movements", response=list[MovementOut], summary="Phong trào thi đua trong phạm vi")
@paginate(BoundedPageNumberPagination, page_size=100)
def list_movements(request, q: str = "", kind: MovementKind | None = None, year: int | None = None):
    filters = {"q": q, "kind": kind, "year": year}
    return movement_selectors.movement_list(user=request.user, filters=filters).order_by(
        "-start_year", "name", "pk"
    )


@router.get(
    "/movements/{int:pk}",
    response=MovementDetailOut,
    summary="Một phong trào: đơn vị tham gia, sơ kết, tổng kết, khen thưởng",
)
def get_movement(request, pk: int):
    movement = movement_selectors.movement_get(user=request.user, pk=pk)
    outcome = movement_selectors.movement_outcome(movement=movement, user=request.user)
    return {
        **{
            name: getattr(movement, name)
            for name in (
                "id",
                "name",
                "kind",
                "launched_by_id",
                "document_number",
                "document_date",
                "start_year",
                "end_year",
                "content",
                "targets",
            )  # fmt: skip
        },
        "launched_by_name": movement.launched_by.short_name,
        "participants": [
            {"unit_id": row.unit.pk, "unit_name": row.unit.short_name, "awards": row.awards}
            for row in outcome.participants
        ],
        "reviews": [
            {
                "stage": r.stage,
                "held_on": r.held_on,
                "summary": r.summary,
                "report_name": r.report_name,
                "report_url": reverse(
                    "emulation:movement-review-report",
                    kwargs={"pk": movement.pk, "review_pk": r.pk},
                ),
            }
            for r in outcome.reviews
        ],
        "awards": [
            {
                "id": a.pk,
                "code": a.award_type.code,
                "year": a.year,
                "person_id": a.person_id,
                "unit_id": a.unit_id,
                "decision_number": a.decision_number,
            }
            for a in outcome.awards
        ],
    }


class RegistrationOut(Schema):
    id: int
    year: int
    unit_id: int
    unit_name: str
    collective_count: int
    person_count: int
    reopened_until: dt.date | None

    @staticmethod
    def resolve_unit_name(obj) -> str:
        return obj.unit.short_name


class RegistrationDetailOut(Schema):
    id: int
    year: int
    unit_id: int
    unit_name: str
    deadline: dt.date | None
    reopened_until: dt.date | None
    note: str
    collectives: list[dict]
    persons: list[dict]


@router.get(
    "/registrations",
    response=list[RegistrationOut],
    summary="Bản đăng ký thi đua của một năm trong phạm vi",
)
@paginate(BoundedPageNumberPagination, page_size=100)
def list_registrations(request, year: int):
    return registration_selectors.registration_list(user=request.user, year=year)


@router.get(
    "/registrations/{int:pk}",
    response=RegistrationDetailOut,
    summary="Một bản đăng ký: danh hiệu tập thể, cá nhân đăng ký",
)
def get_registration(request, pk: int):
    registration = registration_selectors.registration_get(user=request.user, pk=pk)
    period = registration_selectors.period_of(registration.year)
    collectives = registration.collectives.select_related("unit", "award_type")
    persons = registration.persons.select_related("person", "award_type")
    return {
        "id": registration.pk,
        "year": registration.year,
        "unit_id": registration.unit_id,
        "unit_name": registration.unit.short_name,
        "deadline": period.deadline if period else None,
        "reopened_until": registration.reopened_until,
        "note": registration.note,
        "collectives": [
            {"unit_id": c.unit_id, "unit_name": c.unit.short_name, "code": c.award_type.code}
            for c in collectives
        ],
        "persons": [
            {"person_id": p.person_id, "full_name": p.person.full_name, "code": p.award_type.code}
            for p in persons
        ],
    }
