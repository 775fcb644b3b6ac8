"""What a set of figures covers: a period of years, the user's reach and, optionally, one unit
with the units it succeeded (so a merged province's figures include its predecessors' years)."""

from dataclasses import dataclass

from django.db.models import Q
from django.http import Http404

from tdkt.accounts.permissions import VIEW
from tdkt.accounts.scope import reach_of
from tdkt.org.models import Unit
from tdkt.org.selectors import unit_lineage


@dataclass(frozen=True)
class StatisticsScope:
    """The years ``year_from``–``year_to`` (both included) within the units ``user`` holds a
    role at; with ``unit``, only that unit's subtree and its predecessors' subtrees."""

    user: object
    year_from: int
    year_to: int
    unit: Unit | None = None
    paths: tuple[str, ...] = ()
    whole_tree: bool = False
    """The user reaches every root of the organisation: no unit filter is needed (the sector
    officer's figures then read the register without joining the units)."""

    def within(self, unit_field: str) -> Q:
        """Rows whose ``unit_field`` lies in the user's reach (never their own record alone)
        and, with a unit chosen, in that unit's lineage; ``""`` for units themselves."""
        q = Q() if self.whole_tree else reach_of(self.user).unit_q(VIEW, unit_field)
        prefix = f"{unit_field}__" if unit_field else ""
        if self.paths:
            chosen = Q(pk__in=[])
            for path in self.paths:
                chosen |= Q(**{f"{prefix}path__startswith": path})
            q &= chosen
        return q

    @property
    def years(self) -> list[int]:
        return list(range(self.year_from, self.year_to + 1))

    def params(self) -> dict[str, str]:
        """The query string that asks for this scope again (drill-down links keep it)."""
        params = {"year_from": str(self.year_from), "year_to": str(self.year_to)}
        if self.unit is not None:
            params["unit"] = str(self.unit.pk)
        return params


def require_unit_reach(user) -> None:
    """Statistics are for users with a role at a unit: others (anonymous, no role, a staff
    member who reaches only their own record) get 404."""
    reach = reach_of(user)
    if not (reach.everything or reach.paths.get(VIEW)):
        raise Http404


def statistics_scope(*, user, year_from: int, year_to: int, unit: Unit | None = None):
    """The scope for ``user``; 404 when the user reaches no unit or not ``unit``. One query per
    generation of the unit's predecessors, plus one for the reach and one for the roots."""
    require_unit_reach(user)
    whole_tree = reaches_whole_tree(user)
    if unit is None:
        return StatisticsScope(user, year_from, year_to, whole_tree=whole_tree)
    if not Unit.objects.restrict(user).filter(pk=unit.pk).exists():
        raise Http404
    lineage = unit_lineage(unit, user=user)
    paths = tuple(u.path for u in lineage)
    return StatisticsScope(user, year_from, year_to, unit, paths, whole_tree=whole_tree)


def reaches_whole_tree(user) -> bool:
    """Whether ``user`` reaches every root unit (and so every unit). One query."""
    reach = reach_of(user)
    if reach.everything:
        return True
    reached = reach.paths.get(VIEW, ())
    roots = list(Unit.objects.filter(parent__isnull=True).values_list("path", flat=True))
    return bool(roots) and all(root in reached for root in roots)
