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


def unit_lineage(unit: Unit) -> list[Unit]:
    """The unit and every unit it succeeded, transitively, newest first."""
    seen = {unit.pk: unit}
    frontier = [unit.pk]
    while frontier:
        found = Unit.objects.filter(events_as_predecessor__successors__in=frontier).distinct()
        frontier = []
        for pred in found:
            if pred.pk not in seen:
                seen[pred.pk] = pred
                frontier.append(pred.pk)
    return sorted(seen.values(), key=lambda u: (u.valid_from, u.path), reverse=True)


def unit_events(unit: Unit) -> list[RestructuringEvent]:
    """Events where the unit was a predecessor or a successor, with both sides prefetched."""
    from django.db.models import Q

    return list(
        RestructuringEvent.objects.filter(Q(predecessors=unit) | Q(successors=unit))
        .distinct()
        .prefetch_related("predecessors", "successors")
    )


def events_in_scope(*, user, kind: str = ""):
    """Events with a predecessor or successor the user reaches, newest first, sides prefetched."""
    from django.db.models import Q

    reached = Unit.objects.restrict(user).values("pk")
    events = RestructuringEvent.objects.filter(
        Q(predecessors__in=reached) | Q(successors__in=reached)
    )
    if kind:
        events = events.filter(kind=kind)
    return events.distinct().order_by("-date", "-pk").prefetch_related("predecessors", "successors")
