"""Reads of the organisation, always scoped to the acting user."""

import datetime as dt
from dataclasses import dataclass, field

from tdkt.org.models import TREE_ORDER, RestructuringEvent, Unit


@dataclass
class TreeNode:
    unit: Unit
    children: list["TreeNode"] = field(default_factory=list)


def unit_tree_on(*, user, day: dt.date, query: str = "") -> list[TreeNode]:
    """The units the user reaches that existed on ``day``, as a forest ordered by path.

    With ``query``, only matching units and their ancestors (within scope) are kept. One query.
    """
    units = sorted(
        Unit.objects.restrict(user).valid_on(day),
        key=lambda u: (u.depth, TREE_ORDER[u.unit_type], u.sort_order, u.short_name),
    )
    if query:
        matched = set(
            Unit.objects.restrict(user).valid_on(day).search(query).values_list("pk", flat=True)
        )
        keep: set[int] = set()
        by_id = {u.pk: u for u in units}
        for pk in matched:
            unit = by_id.get(pk)
            while unit is not None and unit.pk not in keep:
                keep.add(unit.pk)
                unit = by_id.get(unit.parent_id)
        units = [u for u in units if u.pk in keep]
    nodes = {u.pk: TreeNode(u) for u in units}
    roots: list[TreeNode] = []
    for unit in units:
        parent = nodes.get(unit.parent_id)
        (parent.children if parent else roots).append(nodes[unit.pk])
    return roots


def unit_lineage(unit: Unit, *, user=None) -> list[Unit]:
    """The unit and every unit it succeeded, transitively, newest first.

    With ``user``, predecessors outside the user's reach are left out (the walk still passes
    through them, so a reachable unit beyond an unreachable one is kept). One query per
    generation of predecessors, plus one for the scope.
    """
    seen = {unit.pk: unit}
    frontier = [unit.pk]
    while frontier:
        found = Unit.objects.filter(events_as_predecessor__successors__in=frontier).distinct()
        frontier = []
        for pred in found:
            if pred.pk not in seen:
                seen[pred.pk] = pred
                frontier.append(pred.pk)
    units = sorted(seen.values(), key=lambda u: (u.valid_from, u.path), reverse=True)
    if user is not None:
        reachable = set(
            Unit.objects.restrict(user).filter(pk__in=list(seen)).values_list("pk", flat=True)
        )
        units = [u for u in units if u.pk in reachable]
    return units


def unit_events(unit: Unit, *, user) -> list[RestructuringEvent]:
    """Events where the unit was a predecessor or a successor; each side lists only the units
    the user reaches. Three queries."""
    from django.db.models import Prefetch, Q

    reached = Unit.objects.restrict(user)
    return list(
        RestructuringEvent.objects.filter(Q(predecessors=unit) | Q(successors=unit))
        .distinct()
        .prefetch_related(
            Prefetch("predecessors", queryset=reached),
            Prefetch("successors", queryset=reached),
        )
    )


def events_in_scope(*, user, kind: str = ""):
    """Events with a predecessor or successor the user reaches, newest first; each side lists
    only reachable units."""
    from django.db.models import Prefetch, Q

    reached = Unit.objects.restrict(user).values("pk")
    events = RestructuringEvent.objects.filter(
        Q(predecessors__in=reached) | Q(successors__in=reached)
    )
    if kind:
        events = events.filter(kind=kind)
    visible = Unit.objects.restrict(user)
    return (
        events.distinct()
        .order_by("-date", "-pk")
        .prefetch_related(
            Prefetch("predecessors", queryset=visible), Prefetch("successors", queryset=visible)
        )
    )
