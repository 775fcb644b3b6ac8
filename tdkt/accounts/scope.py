"""Which units and persons a user reaches, as ``Q`` objects for ``ScopedQuerySet.restrict``.

The reach is computed once per request and kept on the user object, so a page pays a fixed
number of queries for it however many rows it shows.
"""

from dataclasses import dataclass, field

from django.db.models import Q

from tdkt.accounts.permissions import ACTIONS_BY_ROLE, SELF_ACTIONS

_CACHE_ATTR = "_tdkt_reach"


@dataclass(frozen=True)
class Reach:
    """For each action, the path prefixes of the subtrees a user reaches; plus their person."""

    everything: bool = False
    paths: dict[str, tuple[str, ...]] = field(default_factory=dict)
    person_id: int | None = None

    def allows_anywhere(self, action: str) -> bool:
        return (
            self.everything
            or bool(self.paths.get(action))
            or (action in SELF_ACTIONS and self.person_id is not None)
        )

    def unit_q(self, action: str, unit_field: str | None) -> Q:
        if unit_field is None:
            return Q(pk__in=[])
        if self.everything:
            return Q()
        prefix = f"{unit_field}__" if unit_field else ""
        q = Q(pk__in=[])
        for path in self.paths.get(action, ()):
            q |= Q(**{f"{prefix}path__startswith": path})
        return q


def _collapse(paths: set[str]) -> tuple[str, ...]:
    """Drop paths already covered by a shorter prefix."""
    kept: list[str] = []
    for path in sorted(paths, key=len):
        if not any(path.startswith(prefix) for prefix in kept):
            kept.append(path)
    return tuple(sorted(kept))


def require_anywhere(user, action: str) -> Reach:
    """The reach of ``user`` when it allows ``action`` somewhere (``Reach.allows_anywhere``);
    ``Http404`` otherwise, so a page the user may not use looks like one that does not exist."""
    from django.http import Http404

    reach = reach_of(user)
    if not reach.allows_anywhere(action):
        raise Http404
    return reach


def reach_of(user) -> Reach:
    """The reach of ``user``; anonymous users reach nothing."""
    if user is None or not user.is_authenticated:
        return Reach()
    cached = getattr(user, _CACHE_ATTR, None)
    if cached is not None:
        return cached
    if user.is_superuser:
        reach = Reach(everything=True, person_id=user.person_id)
    else:
        assignments = list(user.roles.values_list("role", "unit_id", "unit__path"))
        by_action: dict[str, set[str]] = {}
        units_by_action: dict[str, set[int]] = {}
        for role, unit_id, path in assignments:
            for action in ACTIONS_BY_ROLE.get(role, ()):
                by_action.setdefault(action, set()).add(path)
                units_by_action.setdefault(action, set()).add(unit_id)
        all_units = set().union(*units_by_action.values()) if units_by_action else set()
        predecessors = _predecessor_paths_by_unit(all_units)
        paths = {}
        for action, unit_ids in units_by_action.items():
            extra = set().union(*(predecessors.get(u, set()) for u in unit_ids))
            paths[action] = _collapse(by_action[action] | extra)
        reach = Reach(paths=paths, person_id=user.person_id)
    setattr(user, _CACHE_ATTR, reach)
    return reach


def _predecessor_paths_by_unit(unit_ids: set[int]) -> dict[int, set[str]]:
    """For each unit, the paths of every unit it succeeded, transitively.

    Walks all units at once, one query per generation of predecessors (two or three in the
    sector's history), however many roles the user holds.
    """
    from tdkt.org.models import RestructuringEvent

    result: dict[int, set[str]] = {unit_id: set() for unit_id in unit_ids}
    seen: dict[int, set[int]] = {unit_id: {unit_id} for unit_id in unit_ids}
    frontier: dict[int, set[int]] = {unit_id: {unit_id} for unit_id in unit_ids}
    while frontier:
        rows = RestructuringEvent.objects.filter(successors__in=list(frontier)).values_list(
            "successors", "predecessors", "predecessors__path"
        )
        following: dict[int, set[int]] = {}
        for successor, predecessor, path in rows:
            for origin in frontier.get(successor, ()):
                if predecessor not in seen[origin]:
                    seen[origin].add(predecessor)
                    result[origin].add(path)
                    following.setdefault(predecessor, set()).add(origin)
        frontier = following
    return result


def scope_q(user, action: str, *, unit_field: str | None, person_field: str | None) -> Q:
    """The filter for rows ``user`` may ``action``: in a reached subtree, or their own record."""
    reach = reach_of(user)
    q = reach.unit_q(action, unit_field)
    if person_field is not None and reach.person_id is not None and action in SELF_ACTIONS:
        lookup = f"{person_field}__pk" if person_field else "pk"
        q |= Q(**{lookup: reach.person_id})
    return q
