"""Reads of movements, scoped to the acting user, with a fixed number of queries."""

from collections import Counter
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from tdkt.accounts.permissions import MANAGE_EMULATION
from tdkt.awards.models import Award
from tdkt.catalog.models import CommendationKind
from tdkt.core.scope import get_scoped_or_404
from tdkt.emulation.models import Movement, MovementReview
from tdkt.org.models import Unit, UnitType

LAUNCHER_TYPES = (
    UnitType.SUPREME,
    UnitType.SUPREME_UNIT,
    UnitType.PROVINCIAL,
    UnitType.AREA,
    UnitType.MILITARY_CENTRAL,
)


def movement_list(*, user, filters: dict | None = None) -> QuerySet[Movement]:
    """Movements the user may view, with their launcher and counts of participants and reviews.

    ``filters`` keys: ``q`` (words of the name), ``kind``, ``year`` (running that year).
    """
    filters = filters or {}
    qs = (
        Movement.objects.restrict(user)
        .select_related("launched_by")
        .annotate(
            participant_count=Count("participants", distinct=True),
            review_count=Count("reviews", distinct=True),
        )
    )
    if q := (filters.get("q") or "").strip():
        for word in q.split():
            qs = qs.filter(name__icontains=word)
    if kind := filters.get("kind"):
        qs = qs.filter(kind=kind)
    if year := filters.get("year"):
        qs = qs.filter(start_year__lte=year, end_year__gte=year)
    return qs


def movement_get(*, user, pk, action: str = "view") -> Movement:
    return get_scoped_or_404(Movement.objects.select_related("launched_by"), user, action, pk=pk)


def may_manage(user, movement: Movement) -> bool:
    return Unit.objects.restrict(user, MANAGE_EMULATION).filter(pk=movement.launched_by_id).exists()


@dataclass
class ParticipantRow:
    unit: Unit
    awards: int


@dataclass
class MovementOutcome:
    participants: list[ParticipantRow]
    reviews: list[MovementReview]
    awards: list[Award]
    by_type: list[tuple[str, int]]
    by_branch: list[ParticipantRow]
    """Awards counted by the launcher's direct sub-unit holding them (its own, for the
    launcher itself), most first."""


def movement_outcome(*, movement: Movement, user) -> MovementOutcome:
    """Who takes part and what came of it: participants with the number of linked awards in
    their subtree, reviews, and the awards the user may see, counted by title or form.
    Four queries whatever the numbers of participants and awards."""
    participants = list(movement.participants.order_by("path"))
    reviews = list(movement.reviews.order_by("held_on", "pk"))
    awards = list(
        Award.objects.restrict(user)
        .filter(movements=movement)
        .select_related("award_type", "person", "unit", "holder_unit")
        .order_by("year", "award_type__sort_order", "holder_unit__path")
    )
    rows = [
        ParticipantRow(unit, sum(1 for a in awards if a.holder_unit.path.startswith(unit.path)))
        for unit in participants
    ]
    by_type = Counter(a.award_type.name for a in awards)
    by_type_rows = sorted(by_type.items(), key=lambda i: -i[1])
    return MovementOutcome(rows, reviews, awards, by_type_rows, _by_branch(movement, awards))


def _by_branch(movement: Movement, awards: list[Award]) -> list[ParticipantRow]:
    """One query for the branch units, whatever the number of awards."""
    depth = len([p for p in movement.launched_by.path.split("/") if p])
    counts: Counter = Counter()
    for award in awards:
        parts = [p for p in award.holder_unit.path.split("/") if p]
        counts[int(parts[depth]) if len(parts) > depth else movement.launched_by_id] += 1
    units = Unit.objects.in_bulk(list(counts))
    rows = [ParticipantRow(units[pk], n) for pk, n in counts.items() if pk in units]
    return sorted(rows, key=lambda r: (-r.awards, r.unit.path))


def award_candidates(*, movement: Movement, user) -> QuerySet[Award]:
    """Thematic awards of the movement's years in the launcher's subtree that the user sees."""
    return (
        Award.objects.restrict(user)
        .filter(
            kind=CommendationKind.CHUYEN_DE,
            year__gte=movement.start_year,
            year__lte=movement.end_year,
            holder_unit__path__startswith=movement.launched_by.path,
            revoked=False,
        )
        .select_related("award_type", "person", "unit", "holder_unit")
        .order_by("-year", "holder_unit__path", "pk")
    )


def launcher_choices(*, user) -> QuerySet[Unit]:
    return (
        Unit.objects.restrict(user, MANAGE_EMULATION)
        .filter(unit_type__in=LAUNCHER_TYPES, valid_to__isnull=True)
        .order_by("path")
    )


def participant_choices(*, user) -> QuerySet[Unit]:
    today = timezone.localdate()
    return (
        Unit.objects.restrict(user, MANAGE_EMULATION)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=today.replace(year=today.year - 10)))
        .exclude(unit_type=UnitType.DIVISION)
        .order_by("path")
    )


def review_get(*, user, movement_pk, pk) -> MovementReview:
    """A review of a movement the user may view; anything else answers 404."""
    movement = movement_get(user=user, pk=movement_pk)
    review = movement.reviews.filter(pk=pk).first()
    if review is None:
        raise Http404
    return review
