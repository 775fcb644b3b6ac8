"""Reads of clusters and blocks, scoped to the acting user, with a fixed number of queries."""

from dataclasses import dataclass

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery

from tdkt.accounts.models import Role, User
from tdkt.accounts.permissions import MANAGE_EMULATION
from tdkt.core.scope import get_scoped_or_404
from tdkt.core.search import fold, search_terms
from tdkt.emulation.models import Cluster, ClusterMember, MemberRole
from tdkt.emulation.services.clusters import (
    first_day,
    last_day,
    rated_units,
    rotation_order,
)
from tdkt.org.models import Unit, UnitType, ancestor_paths

ORGANISER_TYPES = (UnitType.SUPREME, UnitType.PROVINCIAL)
"""Units whose council sets up clusters and blocks: the sector root and the provinces."""

ROLE_ORDER = {MemberRole.HEAD: 0, MemberRole.DEPUTY: 1, MemberRole.MEMBER: 2}


def _role_unit(role: str, field: str = "unit__short_name") -> Subquery:
    return Subquery(
        ClusterMember.objects.filter(cluster=OuterRef("pk"), role=role).values(field)[:1]
    )


def cluster_list(*, user, filters: dict | None = None) -> QuerySet[Cluster]:
    """The clusters and blocks the user may view, with organiser, head, deputy and member
    count in the same query.

    ``filters`` keys: ``year``, ``kind``, ``organiser`` (a Unit), ``q`` (name, or the name of a
    member unit, without diacritics).
    """
    filters = filters or {}
    qs = (
        Cluster.objects.restrict(user)
        .select_related("organiser")
        .annotate(
            member_count=Count("members"),
            head_name=_role_unit(MemberRole.HEAD),
            deputy_name=_role_unit(MemberRole.DEPUTY),
        )
    )
    if year := filters.get("year"):
        qs = qs.filter(year=year)
    if kind := filters.get("kind"):
        qs = qs.filter(kind=kind)
    if organiser := filters.get("organiser"):
        qs = qs.filter(organiser=organiser)
    if q := (filters.get("q") or "").strip():
        by_member = ClusterMember.objects.all()
        for term in search_terms(q):
            by_member = by_member.filter(unit__search_text__contains=term)
        qs = qs.filter(
            Q(name__icontains=q)
            | Q(name__icontains=fold(q))
            | Q(pk__in=by_member.values("cluster_id"))
        )
    return qs


def cluster_get(*, user, pk, action: str = "view") -> Cluster:
    """One cluster the user may ``action``; anything else answers 404."""
    base = Cluster.objects.select_related("organiser", "follower", "regulation")
    return get_scoped_or_404(base, user, action, pk=pk)


def cluster_members(cluster: Cluster) -> list[ClusterMember]:
    """Members with their units: the head, then the deputy, then the others by code."""
    members = list(cluster.members.select_related("unit"))
    return sorted(members, key=lambda m: (ROLE_ORDER[m.role], m.unit.code))


def may_manage(user, cluster: Cluster) -> bool:
    """Whether the user may edit ``cluster`` (manage_emulation over its organiser)."""
    return Unit.objects.restrict(user, MANAGE_EMULATION).filter(pk=cluster.organiser_id).exists()


@dataclass
class RotationRow:
    unit: Unit
    last_head_year: int | None
    rated: bool


def rotation_for(cluster: Cluster, members: list[ClusterMember]) -> tuple[list, Unit | None]:
    """The members in rotation order for next year, each with its last year as head and
    whether it was rated this year (so may head next year); and the head offered."""
    from tdkt.emulation.services.clusters import last_head_years

    units = [m.unit for m in members]
    year = cluster.year + 1
    last = last_head_years({u.pk for u in units}, organiser=cluster.organiser, before=year)
    rated = rated_units({u.pk for u in units}, cluster.year)
    rows = [
        RotationRow(u, last.get(u.pk), u.pk in rated)
        for u in rotation_order(units, organiser=cluster.organiser, year=year)
    ]
    offered = next((r.unit for r in rows if r.rated), None)
    return rows, offered


def organiser_choices(*, user) -> QuerySet[Unit]:
    """Units the user may set up clusters for: the sector root and provinces in reach."""
    return (
        Unit.objects.restrict(user, MANAGE_EMULATION)
        .filter(unit_type__in=ORGANISER_TYPES, valid_to__isnull=True)
        .order_by("path")
    )


def organiser_get(*, user, pk) -> Unit:
    """An organiser the user may manage clusters for; anything else answers 404."""
    return get_scoped_or_404(
        Unit.objects.filter(unit_type__in=ORGANISER_TYPES), user, MANAGE_EMULATION, pk=pk
    )


def member_choices(*, organiser: Unit, year: int) -> QuerySet[Unit]:
    """The organiser's direct sub-units that exist during ``year``, in code order."""
    return (
        Unit.objects.filter(parent=organiser, valid_from__lte=last_day(year))
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=first_day(year)))
        .order_by("unit_type", "code")
    )


def follower_choices(*, organiser: Unit) -> QuerySet[User]:
    """Council members of the organiser or of a unit above it."""
    return (
        User.objects.filter(
            roles__role=Role.COUNCIL_MEMBER,
            roles__unit__path__in=ancestor_paths(organiser.path),
        )
        .distinct()
        .order_by("last_name", "first_name", "username")
    )


def clusters_of(*, organiser: Unit, year: int) -> list[Cluster]:
    """The clusters of an organiser for a year, with their members (two queries)."""
    return list(
        Cluster.objects.filter(organiser=organiser, year=year)
        .prefetch_related("members__unit")
        .order_by("kind", "name")
    )
